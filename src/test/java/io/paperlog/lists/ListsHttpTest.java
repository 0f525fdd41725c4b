package io.paperlog.lists;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paperlog.testing.Client;
import io.paperlog.testing.TestApp;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Lists over real HTTP with an owner, a member and an outsider: roles, order, sessions, discussion, links. */
class ListsHttpTest {

    @TempDir
    static Path folder;

    static TestApp app;
    static ListFixtures lists;
    static Client owner;
    static Client member;
    static Client outsider;

    @BeforeAll
    static void start() {
        app = TestApp.start(folder);
        lists = new ListFixtures(app);
        owner = app.member("olga", "Olga Owner");
        member = app.member("mona", "Mona Member");
        outsider = app.member("otto", "Otto Outsider");
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void aMembersListIsSeenByItsMembersOnlyAndAViewerCanReadAndCommentButNotChangeIt() {
        long id = lists.list(owner, "Members only", "members");
        long item = lists.item(owner, id, 36);
        assertEquals(404, member.get("/lists/" + id).statusCode(), "not a member yet");
        lists.member(owner, id, "mona", "viewer");

        HttpResponse<String> page = member.get("/lists/" + id);
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("Reformer"));
        assertFalse(page.body().contains("/items/" + item + "/move"), "no move buttons for a viewer");
        assertTrue(member.get("/lists").body().contains("Members only"));
        assertFalse(outsider.get("/lists").body().contains("Members only"));
        assertEquals(404, outsider.get("/lists/" + id).statusCode());
        assertEquals(404, outsider.get("/lists/" + id + "/coverage").statusCode());
        assertEquals(404, outsider.get("/lists/" + id + "/items/" + item).statusCode());
        assertEquals(404, outsider.post("/lists/" + id + "/items/" + item + "/comments", Map.of("body", "hi")).statusCode());

        int version = lists.version(id);
        assertEquals(403, member.post("/lists/" + id + "/items", Map.of("paper", "1")).statusCode());
        assertEquals(403, member.post("/lists/" + id + "/items/" + item + "/note", Map.of("note", "mine")).statusCode());
        assertEquals(403, member.post("/lists/" + id + "/items/" + item + "/session", Map.of("date", "2026-12-01")).statusCode());
        assertEquals(403, member.post("/lists/" + id + "/items/" + item + "/remove", Map.of()).statusCode());
        assertEquals(403, member.post("/lists/" + id + "/settings", Map.of("name", "Mine now", "visibility", "team")).statusCode());
        assertEquals(403, member.get("/lists/" + id + "/settings").statusCode());
        assertEquals(403, member.post("/lists/" + id + "/delete", Map.of()).statusCode());
        assertEquals(version, lists.version(id));
        assertEquals(1, lists.number("SELECT count(*) FROM list_item WHERE list_id = ?", id));

        assertEquals(303, member.post("/lists/" + id + "/items/" + item + "/comments", Map.of("body", "A viewer's *view*"))
                .statusCode());
        assertTrue(owner.get("/lists/" + id + "/items/" + item).body().contains("A viewer's <em>view</em>"));
    }

    @Test
    void aPaperIsOnAListOnceAndAnOrderFromAnOlderPageIsAConflict() {
        long id = lists.list(owner, "Ordered", "private");
        long a = lists.item(owner, id, 1);
        long b = lists.item(owner, id, 2);
        long c = lists.item(owner, id, 3);
        HttpResponse<String> twice = owner.post("/lists/" + id + "/items", Map.of("paper", "2"));
        assertEquals(409, twice.statusCode());
        assertTrue(twice.body().contains("That paper is on this list already."));
        assertEquals(a + "," + b + "," + c, lists.order(id));

        int version = lists.version(id);
        assertEquals(303, owner.post("/lists/" + id + "/items/" + c + "/move",
                Map.of("direction", "up", "version", String.valueOf(version))).statusCode());
        assertEquals(a + "," + c + "," + b, lists.order(id));
        HttpResponse<String> stale = owner.post("/lists/" + id + "/items/" + a + "/move",
                Map.of("direction", "down", "version", String.valueOf(version)));
        assertEquals(409, stale.statusCode());
        assertTrue(stale.body().contains("The list changed since this page was opened"), stale.body());
        assertEquals(a + "," + c + "," + b, lists.order(id), "nothing moved");

        int now = lists.version(id);
        assertEquals(409, owner.post("/lists/" + id + "/order", Map.of("order", a + "," + b, "version", String.valueOf(now)))
                .statusCode(), "an order that leaves an item out");
        assertEquals(409, owner.post("/lists/" + id + "/order", Map.of("order", a + "," + a + "," + b,
                "version", String.valueOf(now))).statusCode(), "an order that names an item twice");
        assertEquals(303, owner.post("/lists/" + id + "/order", Map.of("order", b + "," + a + "," + c,
                "version", String.valueOf(now))).statusCode());
        assertEquals(b + "," + a + "," + c, lists.order(id));
        assertEquals(400, owner.post("/lists/" + id + "/order", Map.of("order", "x,1", "version", "1")).statusCode());
    }

    @Test
    void twoEditorsReorderingAtOnceNeverLoseNorDoubleAnItem() throws Exception {
        long id = lists.list(owner, "Raced", "members");
        lists.member(owner, id, "mona", "editor");
        List<Long> items = new ArrayList<>();
        for (long paper = 40; paper < 48; paper++) {
            items.add(lists.item(owner, id, paper));
        }
        ExecutorService pool = Executors.newFixedThreadPool(2);
        for (int round = 0; round < 10; round++) {
            int version = lists.version(id);
            List<Long> forward = new ArrayList<>(items);
            java.util.Collections.rotate(forward, round + 1);
            List<Long> backward = new ArrayList<>(forward);
            java.util.Collections.reverse(backward);
            CountDownLatch go = new CountDownLatch(1);
            Future<Integer> one = pool.submit(() -> reorder(owner, id, forward, version, go));
            Future<Integer> two = pool.submit(() -> reorder(member, id, backward, version, go));
            go.countDown();
            List<Integer> answers = List.of(one.get(), two.get());
            assertEquals(1, answers.stream().filter(s -> s == 303).count(), answers.toString());
            assertEquals(1, answers.stream().filter(s -> s == 409).count(), answers.toString());
            List<String> order = Arrays.asList(lists.order(id).split(","));
            assertEquals(items.size(), order.size());
            assertEquals(items.size(), new HashSet<>(order).size(), "no item twice");
        }
        pool.shutdown();
    }

    private static int reorder(Client who, long id, List<Long> order, int version, CountDownLatch go) throws Exception {
        go.await();
        return who.post("/lists/" + id + "/order", Map.of("order", order.stream().map(String::valueOf)
                .reduce((x, y) -> x + "," + y).orElse(""), "version", String.valueOf(version))).statusCode();
    }

    @Test
    void aSessionShowsAsNextUpAndItsPresenterIsTold() {
        long id = lists.list(owner, "Group", "team");
        long item = lists.item(owner, id, 36);
        lists.item(owner, id, 37);
        assertEquals(303, owner.post("/lists/" + id + "/items/" + item + "/session",
                Map.of("date", "2099-12-03", "presenter", "mona")).statusCode());
        String page = owner.get("/lists/" + id).body();
        assertTrue(page.contains("Next up"));
        assertTrue(page.contains("Thursday 3 Dec 2099"));
        assertTrue(page.contains("presented by Mona Member"));
        String notifications = member.get("/notifications").body();
        assertTrue(notifications.contains("scheduled"));
        int unread = notifications.split("feed__entry--unread").length - 1;
        assertTrue(unread >= 1);
        assertTrue(member.get("/account").body().contains("aria-label=\"Notifications, " + unread + " unread\""),
                "the count in the header");
        assertEquals(303, member.post("/notifications/read", Map.of()).statusCode());
        assertFalse(member.get("/account").body().contains(unread + " unread"), "the header's count follows reading");

        assertEquals(422, owner.post("/lists/" + id + "/items/" + item + "/session", Map.of("date", "someday")).statusCode());
        HttpResponse<String> stranger = owner.post("/lists/" + id + "/items/" + item + "/session",
                Map.of("date", "2099-12-10", "presenter", "nobody-here"));
        assertEquals(422, stranger.statusCode());
        assertTrue(stranger.body().contains("The presenter must be someone who can see this list."));
        assertEquals("2099-12-03", app.app().database().read()
                .fetchValue("SELECT session_on FROM list_item WHERE id = ?", item));
        assertEquals(303, owner.post("/lists/" + id + "/items/" + item + "/session", Map.of("date", "")).statusCode());
        assertEquals(null, app.app().database().read().fetchValue("SELECT session_on FROM list_item WHERE id = ?", item));
    }

    @Test
    void thePublicLinkIsOffUntilTurnedOnShowsNoNamesOrDiscussionAndCanBeTurnedOff() {
        long id = lists.list(owner, "Public one", "members");
        lists.member(owner, id, "mona", "editor");
        long item = lists.item(owner, id, 36);
        owner.post("/lists/" + id + "/items/" + item + "/note", Map.of("note", "Read the *LSH* part"));
        owner.post("/lists/" + id + "/items/" + item + "/session", Map.of("date", "2099-01-08", "presenter", "olga"));
        owner.post("/lists/" + id + "/items/" + item + "/comments", Map.of("body", "secret discussion"));
        assertEquals(null, app.app().database().read().fetchValue("SELECT public_token FROM reading_list WHERE id = ?", id));

        assertEquals(303, owner.post("/lists/" + id + "/public", Map.of("public", "on")).statusCode());
        String token = app.app().database().read().fetchValue("SELECT public_token FROM reading_list WHERE id = ?", id).toString();
        HttpResponse<String> shared = app.get("/shared/" + token);
        assertEquals(200, shared.statusCode());
        assertTrue(shared.body().contains("Public one"));
        assertTrue(shared.body().contains("Reformer"));
        assertTrue(shared.body().contains("<em>LSH</em>"));
        assertTrue(shared.body().contains("Thursday 8 Jan 2099"));
        for (String never : List.of("Olga", "secret discussion", "read by", "Mona")) {
            assertFalse(shared.body().contains(never), never);
        }
        assertEquals(403, member.post("/lists/" + id + "/public", Map.of()).statusCode(), "an editor, not the owner");
        assertEquals(404, outsider.post("/lists/" + id + "/public", Map.of()).statusCode());
        assertEquals(303, owner.post("/lists/" + id + "/public", Map.of()).statusCode());
        assertEquals(404, app.get("/shared/" + token).statusCode());
        assertEquals(404, app.get("/shared/" + "A".repeat(43)).statusCode());
    }

    @Test
    void aCalendarLinkIsPersonalAndStopsWhenItsPersonLosesTheList() throws Exception {
        long id = lists.list(owner, "Calendar", "members");
        long item = lists.item(owner, id, 36);
        owner.post("/lists/" + id + "/items/" + item + "/session", Map.of("date", "2099-02-05"));
        lists.member(owner, id, "mona", "viewer");
        assertEquals(303, member.post("/lists/" + id + "/calendar", Map.of()).statusCode());
        String token = app.app().database().read().fetchValue("SELECT token FROM list_calendar WHERE list_id = ? AND "
                + "account_id = ?", id, lists.accountId("mona")).toString();
        assertTrue(member.get("/lists/" + id).body().contains("/calendar/" + token + ".ics"));
        HttpResponse<String> ics = app.get("/calendar/" + token + ".ics");
        assertEquals(200, ics.statusCode());
        assertTrue(ics.headers().firstValue("Content-Type").orElseThrow().startsWith("text/calendar"));
        assertTrue(ics.body().contains("DTSTART;VALUE=DATE:20990205"));
        assertEquals(404, outsider.post("/lists/" + id + "/calendar", Map.of()).statusCode());
        assertEquals(404, app.get("/calendar/" + token).statusCode(), "the .ics is part of the address");

        assertEquals(303, owner.post("/lists/" + id + "/members/" + lists.accountId("mona") + "/remove", Map.of()).statusCode());
        assertEquals(404, app.get("/calendar/" + token + ".ics").statusCode(), "off the list, off the calendar");
    }

    @Test
    void authorsEditTheirCommentsAndTheOwnerMayDeleteAny() {
        long id = lists.list(owner, "Talk", "team");
        long item = lists.item(owner, id, 12);
        member.post("/lists/" + id + "/items/" + item + "/comments", Map.of("body", "first thought"));
        long comment = lists.number("SELECT max(id) FROM list_comment");
        assertEquals(422, member.post("/lists/" + id + "/items/" + item + "/comments", Map.of("body", "  ")).statusCode());
        assertEquals(403, outsider.post("/lists/" + id + "/items/" + item + "/comments/" + comment,
                Map.of("body", "rewritten")).statusCode(), "a team list: visible, but not otto's comment");
        assertEquals(303, member.post("/lists/" + id + "/items/" + item + "/comments/" + comment,
                Map.of("body", "second thought")).statusCode());
        assertTrue(owner.get("/lists/" + id + "/items/" + item).body().contains("second thought"));
        assertTrue(owner.get("/notifications").body().contains("commented on"), "the item's adder is told");
        assertEquals(403, outsider.post("/lists/" + id + "/items/" + item + "/comments/" + comment + "/delete", Map.of())
                .statusCode());
        assertEquals(303, owner.post("/lists/" + id + "/items/" + item + "/comments/" + comment + "/delete", Map.of())
                .statusCode());
        assertEquals(0, lists.number("SELECT count(*) FROM list_comment WHERE id = ?", comment));
    }

    @Test
    void theOwnerHandsTheListOnAndStaysAsAnEditorThenTheNewOwnerDeletesIt() {
        long id = lists.list(owner, "Handed on", "members");
        lists.member(owner, id, "mona", "viewer");
        assertEquals(422, owner.post("/lists/" + id + "/owner", Map.of("owner", "olga")).statusCode());
        assertEquals(303, owner.post("/lists/" + id + "/owner", Map.of("owner", "mona")).statusCode());
        assertEquals(lists.accountId("mona"), lists.number("SELECT owner_id FROM reading_list WHERE id = ?", id));
        assertEquals("editor", app.app().database().read().fetchValue(
                "SELECT role FROM list_member WHERE list_id = ? AND account_id = ?", id, lists.accountId("olga")));
        assertEquals(403, owner.get("/lists/" + id + "/settings").statusCode());
        assertEquals(303, member.post("/lists/" + id + "/delete", Map.of()).statusCode());
        assertEquals(0, lists.number("SELECT count(*) FROM reading_list WHERE id = ?", id));
        assertEquals(404, owner.get("/lists/" + id).statusCode());
    }

    @Test
    void aPaperIsAddedFromItsPageOrFromTheCatalogueRow() {
        long id = lists.list(owner, "From everywhere", "private");
        assertTrue(owner.get("/papers/20").body().contains("From everywhere"), "offered on the paper page");
        assertEquals(303, owner.post("/papers/20/lists", Map.of("list", String.valueOf(id))).statusCode());
        assertEquals(404, outsider.post("/papers/21/lists", Map.of("list", String.valueOf(id))).statusCode());
        String catalogue = owner.get("/?add_to=" + id).body();
        assertTrue(catalogue.contains("Adding papers to"));
        assertTrue(catalogue.contains("✓ On the list"));
        assertEquals(404, outsider.get("/?add_to=" + id).statusCode());
        assertEquals(303, owner.post("/lists/" + id + "/items", Map.of("paper", "22", "back", "/?add_to=" + id)).statusCode());
        assertEquals(2, lists.number("SELECT count(*) FROM list_item WHERE list_id = ?", id));
        assertTrue(owner.get("/lists/" + id + "?q=attention").body().contains("Add"), "the title search offers papers");
    }

    @Test
    void coverageShowsEachPersonsProgressAndEachPapersReaders() {
        long id = lists.list(owner, "Who read it", "members");
        lists.member(owner, id, "mona", "viewer");
        lists.item(owner, id, 36);
        lists.item(owner, id, 37);
        assertEquals(303, owner.post("/papers/36/status", Map.of("status", "read")).statusCode());
        assertEquals(303, member.post("/papers/36/status", Map.of("status", "read")).statusCode());
        assertEquals(303, member.post("/papers/37/status", Map.of("status", "reading")).statusCode());
        assertEquals(303, outsider.post("/papers/37/status", Map.of("status", "read")).statusCode());

        String coverage = member.get("/lists/" + id + "/coverage").body();
        assertTrue(coverage.contains("title=\"Olga Owner: Read\""), coverage);
        assertTrue(coverage.contains("title=\"Mona Member: Reading\""));
        assertTrue(coverage.contains("read by 2 of 2"));
        assertTrue(coverage.contains("nobody has read this yet"), "the outsider's reading does not count here");
        assertFalse(coverage.contains("Otto"), "only the list's people are columns");
        assertTrue(coverage.contains("<span class=\"coverage__progress\">1/2</span>"));
        assertTrue(coverage.contains("<span>1 of 2</span> papers."), "read by everyone");
    }
}
