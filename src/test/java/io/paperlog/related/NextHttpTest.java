package io.paperlog.related;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paperlog.testing.Client;
import io.paperlog.testing.TestApp;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * /next and "not interested", with three accounts: Ann reads and rates speech papers highly, Bea has read nothing,
 * Cal turns a paper down. Each person's list and marks are their own.
 */
class NextHttpTest {

    static final Pattern SUGGESTED = Pattern.compile("<li class=\"next-list__item\" id=\"next-(\\d+)\"");
    static final Pattern RELATED = Pattern.compile("<a class=\"related-list__title\" href=\"/papers/(\\d+)\"");

    @TempDir
    static Path folder;

    static TestApp app;
    static Client ann;
    static Client bea;
    static Client cal;

    @BeforeAll
    static void start() {
        app = TestApp.start(folder);
        ann = app.member("ann", "Ann Able");
        bea = app.member("bea", "Bea Bright");
        cal = app.member("cal", "Cal Curious");
        // wav2vec 2.0 (9) read and loved, HuBERT (30) being read, Whisper (28) abandoned
        assertEquals(303, ann.post("/papers/9/status", Map.of("status", "read")).statusCode());
        assertEquals(303, ann.post("/papers/9/rating", Map.of("rating", "5")).statusCode());
        ann.post("/papers/30/status", Map.of("status", "reading"));
        ann.post("/papers/28/status", Map.of("status", "abandoned"));
        ann.post("/papers/63/status", Map.of("status", "want"));
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    static List<Long> ids(Pattern pattern, String html) {
        List<Long> ids = new ArrayList<>();
        Matcher m = pattern.matcher(html);
        while (m.find()) {
            ids.add(Long.parseLong(m.group(1)));
        }
        return ids;
    }

    static List<Long> suggested(Client who) {
        HttpResponse<String> page = who.get("/next");
        assertEquals(200, page.statusCode());
        return ids(SUGGESTED, page.body());
    }

    static long notInterestedRows(String username) {
        return ((Number) app.app().database().read().fetchValue(
                "SELECT count(*) FROM not_interested n JOIN account a ON a.id = n.user_id WHERE a.username = ?",
                username)).longValue();
    }

    @Test
    void suggestionsFollowWhatIRatedHighlyAndLeaveOutWhatIReadAbandonedOrAmReading() {
        List<Long> next = suggested(ann);
        assertEquals(10, next.size(), next.toString());
        assertFalse(next.contains(9L) || next.contains(30L) || next.contains(28L), next.toString());
        assertTrue(next.subList(0, 3).contains(63L), "WavLM, like wav2vec, comes first: " + next);
        String page = ann.get("/next").body();
        assertTrue(page.contains("On your want-to-read list"), "WavLM is on Ann's want list");
        assertTrue(page.contains("wav2vec 2.0"), "the reason names the paper Ann liked");
        assertTrue(page.contains("class=\"related-term\""), "and the words they share");
    }

    @Test
    void withoutRatingsTheMostCitedPapersFillTheList() {
        List<Long> next = suggested(bea);
        assertEquals(1L, next.get(0), "GPT-3 is the most cited paper: " + next);
        assertTrue(bea.get("/next").body().contains("Rate the papers you have read"));
    }

    @Test
    void notInterestedPushesThePaperOutAndIsOnlyMine() {
        long annBefore = notInterestedRows("ann");
        List<Long> before = suggested(cal);
        long first = before.get(0);
        HttpResponse<String> refused = cal.post("/next/" + first + "/not-interested", Map.of("back", "/next"));
        assertEquals(303, refused.statusCode());
        assertEquals("/next", refused.headers().firstValue("Location").orElse(""));
        assertFalse(suggested(cal).contains(first), "a paper turned down is not suggested");
        assertTrue(cal.get("/next").body().contains("/next/" + first + "/interested"), "and can be undone");
        assertEquals(1, notInterestedRows("cal"));
        assertEquals(annBefore, notInterestedRows("ann"), "Ann's marks are untouched");
        assertTrue(suggested(bea).contains(first), "Bea still gets it");

        assertEquals(303, bea.post("/next/" + first + "/interested", Map.of()).statusCode());
        assertEquals(1, notInterestedRows("cal"), "Bea's undo does not undo Cal's mark");
        assertEquals(303, cal.post("/next/" + first + "/not-interested", Map.of()).statusCode());
        assertEquals(1, notInterestedRows("cal"), "turning a paper down twice keeps one mark");

        assertEquals(303, cal.post("/next/" + first + "/interested", Map.of()).statusCode());
        assertEquals(0, notInterestedRows("cal"));
        assertTrue(suggested(cal).contains(first));
    }

    @Test
    void papersLikeATurnedDownPaperMoveDown() {
        Client dee = app.member("dee", "Dee Deep");
        dee.post("/papers/9/status", Map.of("status", "read"));
        dee.post("/papers/9/rating", Map.of("rating", "4"));
        dee.post("/papers/18/status", Map.of("status", "read"));
        dee.post("/papers/18/rating", Map.of("rating", "4"));
        List<Long> before = suggested(dee);
        long speech = before.stream().filter(id -> id == 30 || id == 63).findFirst().orElseThrow();
        long other = speech == 30 ? 63 : 30;
        assertEquals(303, dee.post("/next/" + speech + "/not-interested", Map.of()).statusCode());
        List<Long> after = suggested(dee);
        int was = before.indexOf(other);
        int now = after.indexOf(other);
        assertTrue(was >= 0 && (now < 0 || now > was), "the other speech paper moves down: " + before + " → " + after);
    }

    @Test
    void hostileIdsAreRefusedWithoutChangingAnything() {
        long rows = notInterestedRows("ann");
        for (String id : List.of("abc", "0", "-1", "1.5", "99999999999999999999", "%00", "1%20OR%201=1", "\u00e9")) {
            int status = ann.post("/next/" + id + "/not-interested", Map.of()).statusCode();
            assertTrue(status >= 400 && status < 500, id + " → " + status);
        }
        assertEquals(404, ann.post("/next/424242/not-interested", Map.of()).statusCode());
        assertEquals(404, ann.post("/next/424242/interested", Map.of()).statusCode());
        assertEquals(403, ann.postWithoutCsrf("/next/5/not-interested", Map.of()).statusCode());
        assertEquals(303, ann.post("/next/5/not-interested", Map.of("back", "https://elsewhere.example/")).statusCode());
        assertEquals(rows + 1, notInterestedRows("ann"));
        assertEquals(303, ann.post("/next/5/interested", Map.of()).statusCode());
        assertEquals(rows, notInterestedRows("ann"));
    }

    @Test
    void aVisitorIsSentToLogIn() {
        assertEquals(303, app.get("/next").statusCode());
    }

    @Test
    void thePaperPageShowsFiveRelatedPapersAndAnAddedPaperJoinsThem() {
        List<Long> related = ids(RELATED, ann.get("/papers/9").body());
        assertEquals(5, related.size(), related.toString());
        assertTrue(related.containsAll(List.of(30L, 63L)), "HuBERT and WavLM are like wav2vec 2.0: " + related);

        HttpResponse<String> made = bea.post("/papers", Map.of(
                "title", "Masked speech representation learning from raw audio, self-supervised",
                "authors", "Bea Bright",
                "abstract", "We learn speech representations from raw audio with self-supervised masked prediction "
                        + "of hidden units, as wav2vec 2.0 and HuBERT do, and fine-tune them for speech recognition."));
        assertEquals(303, made.statusCode(), made.body());
        long added = Long.parseLong(made.headers().firstValue("Location").orElseThrow().replace("/papers/", ""));
        List<Long> after = ids(RELATED, ann.get("/papers/9").body());
        assertTrue(after.contains(added), "a paper added through the page is related at once: " + after);
        assertEquals(5, ids(RELATED, ann.get("/papers/" + added).body()).size());

    }
}
