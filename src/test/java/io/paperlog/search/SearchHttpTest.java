package io.paperlog.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paperlog.testing.Client;
import io.paperlog.testing.TestApp;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** /search and /search/live as pages: without JavaScript, for the person asking only, and for any text at all. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SearchHttpTest {

    @TempDir
    static Path folder;
    private TestApp app;
    private Client owner;
    private Client mate;
    private Client outsider;

    @BeforeAll
    void start() {
        app = TestApp.start(folder);
        owner = app.admin();
        mate = app.member("mate", "Ada");
        outsider = app.member("outsider", "Otto");
        HttpResponse<String> saved = owner.post("/papers/2/note", Map.of("body", "Remember the *bluefin* reward model.",
                "base_revision", "0"));
        assertTrue(saved.statusCode() < 400, "note saved: " + saved.statusCode());
        app.app().database().write(dsl -> dsl.execute("INSERT INTO annotation (user_id, paper_id, quote_exact,"
                + " position_start, position_end, body, visibility, created_at, updated_at) SELECT id, 3, 'LLaMA', 0, 5,"
                + " 'a shared kestrel remark', 'team', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z' FROM account"
                + " WHERE username = 'mate'"));
    }

    @AfterAll
    void stop() {
        app.close();
    }

    private static String search(Client who, String q) {
        HttpResponse<String> page = who.get("/search?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8));
        assertEquals(200, page.statusCode(), q);
        return page.body();
    }

    @Test
    void resultsWorkWithoutJavaScriptGroupedByPaperWithTheirReason() {
        String page = search(owner, "bluefin");
        assertTrue(page.contains("1 result for"), page);
        assertTrue(page.contains("href=\"/papers/2\""));
        assertTrue(page.contains(">in your note</a>"));
        assertTrue(page.contains("<mark>bluefin</mark>"));
        assertTrue(page.contains("value=\"bluefin\""), "the header's box keeps what was searched");
        String phrase = search(owner, "\"collection of foundation language models\"");
        assertTrue(phrase.indexOf("href=\"/papers/3\"") > 0 && phrase.contains("in the abstract"), phrase);
    }

    @Test
    void aNoteIsFoundByItsOwnerOnlyAndASharedCommentByTheTeam() {
        assertTrue(search(mate, "bluefin").contains("Nothing found"));
        assertTrue(search(outsider, "bluefin").contains("Nothing found"));
        assertTrue(search(owner, "kestrel").contains("in Ada&#39;s shared comment")
                || search(owner, "kestrel").contains("in Ada's shared comment"));
        assertTrue(search(outsider, "kestrel").contains("href=\"/papers/3\""));
    }

    @Test
    void liveResultsAreOptionsOfAListbox() {
        HttpResponse<String> live = owner.get("/search/live?q=bluef");
        assertEquals(200, live.statusCode());
        assertTrue(live.body().contains("role=\"option\""));
        assertTrue(live.body().contains("data-href=\"/papers/2\""), live.body());
        assertTrue(live.body().contains("data-href=\"/search?q=bluef\""));
        assertFalse(live.body().contains("<html"), "a fragment, not a page");
    }

    @Test
    void anyTextIsAPageNeverAnError() {
        for (String q : new String[] {"\"", "NEAR(", "*", "^", ":", "()", "' OR 1=1 --", "🙂", "x".repeat(7_000), "word ".repeat(1_400),
                "or", "-", "not", "status:", "author:\"", "{title}:x", "a\"b\"c",
                "summ", "summarization", "parameters", "0.1%", "\\%"}) { // snippets next to the seeded abstracts' escapes
            search(owner, q);
            assertEquals(200, owner.get("/search/live?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8)).statusCode());
        }
        assertEquals(200, owner.get("/search?q=%C0%AF").statusCode(), "bytes that are not UTF-8");
        assertEquals(400, owner.get("/search?q=a%00b").statusCode(), "U+0000 is refused in every query, as everywhere");
        HttpResponse<String> tooLong = owner.get("/search?q=" + "x".repeat(10_000));
        assertEquals(414, tooLong.statusCode(), "past the 8 KB every address may have, the header box's 1000 characters");
        assertTrue(tooLong.body().contains("up to 8 KB"));
        assertEquals(200, owner.get("/search").statusCode());
        assertEquals(200, owner.get("/search?q=llama&page=999").statusCode(), "past the last page shows the last");
        assertEquals(400, owner.get("/search?q=llama&page=x").statusCode());
        assertEquals(400, owner.get("/search?q=llama&page=0").statusCode());
    }

    @Test
    void searchingNeedsAnAccount() {
        HttpResponse<String> anonymous = app.get("/search?q=bluefin");
        assertEquals(303, anonymous.statusCode());
        assertFalse(anonymous.body().contains("bluefin"));
    }
}
