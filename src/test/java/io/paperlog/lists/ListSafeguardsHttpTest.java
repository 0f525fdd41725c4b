package io.paperlog.lists;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paperlog.testing.Client;
import io.paperlog.testing.TestApp;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What keeps a list whole when people slip or leave: dates no calendar can hold, a private list handed away, a
 * refused edit of a comment, people who are not members, owners and presenters whose accounts are deactivated.
 */
class ListSafeguardsHttpTest {

    @TempDir
    static Path folder;

    static TestApp app;
    static ListFixtures lists;
    static Client admin;
    static Client owner;
    static Client member;

    @BeforeAll
    static void start() {
        app = TestApp.start(folder);
        lists = new ListFixtures(app);
        admin = app.admin();
        owner = app.member("olga", "Olga Owner");
        member = app.member("mona", "Mona Member");
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void aSessionIsThisCenturyAndHasADateWhenItHasAPresenter() {
        long id = lists.list(owner, "Dates", "team");
        long item = lists.item(owner, id, 36);
        String session = "/lists/" + id + "/items/" + item + "/session";
        assertEquals(303, owner.post(session, Map.of("date", "2026-12-03")).statusCode());
        assertEquals(303, owner.post("/lists/" + id + "/calendar", Map.of()).statusCode());
        for (String date : new String[] {"9999-12-31", "0000-01-01", "1999-12-31", "2100-01-01"}) {
            HttpResponse<String> refused = owner.post(session, Map.of("date", date));
            assertEquals(422, refused.statusCode(), date);
            assertTrue(refused.body().contains("between 2000 and 2099"), date);
        }
        HttpResponse<String> noDate = owner.post(session, Map.of("date", "", "presenter", "mona"));
        assertEquals(422, noDate.statusCode());
        assertTrue(noDate.body().contains("Choose the session&#39;s date as well"), noDate.body());
        assertEquals("2026-12-03", app.app().database().read()
                .fetchValue("SELECT session_on FROM list_item WHERE id = ?", item));
        String token = String.valueOf(app.app().database().read().fetchValue(
                "SELECT token FROM list_calendar WHERE list_id = ?", id));
        HttpResponse<String> calendar = app.get("/calendar/" + token + ".ics");
        assertEquals(200, calendar.statusCode());
        assertTrue(calendar.body().contains("UID:list-" + id + "-item-" + item + "-paper-36@"));
        assertEquals("noindex, nofollow", calendar.headers().firstValue("X-Robots-Tag").orElseThrow());

        assertEquals(303, owner.post("/lists/" + id + "/calendar", Map.of("renew", "on")).statusCode());
        assertEquals(404, app.get("/calendar/" + token + ".ics").statusCode(), "the old link stops");
    }

    @Test
    void aPrivateListIsNotHandedAwayAndItsOwnerKeepsIt() {
        long id = lists.list(owner, "Mine alone", "private");
        lists.member(owner, id, "mona", "editor");
        HttpResponse<String> refused = owner.post("/lists/" + id + "/owner", Map.of("owner", "mona"));
        assertEquals(422, refused.statusCode());
        assertTrue(refused.body().contains("A private list is seen by its owner alone"));
        assertEquals(lists.accountId("olga"), lists.number("SELECT owner_id FROM reading_list WHERE id = ?", id));
        assertEquals(200, owner.get("/lists/" + id).statusCode());
    }

    @Test
    void aRefusedCommentEditStaysInItsOwnFormAndTheNewCommentBoxStaysEmpty() {
        long id = lists.list(owner, "Talk", "team");
        long item = lists.item(owner, id, 12);
        assertEquals(303, member.post("/lists/" + id + "/items/" + item + "/comments",
                Map.of("body", "first thought")).statusCode());
        long comment = lists.number("SELECT max(id) FROM list_comment");
        String tooLong = "x".repeat(CommentForm.MAX_BODY + 1);
        HttpResponse<String> refused = member.post("/lists/" + id + "/items/" + item + "/comments/" + comment,
                Map.of("body", tooLong));
        assertEquals(422, refused.statusCode());
        String page = refused.body();
        assertTrue(page.contains("<details class=\"comment-edit\" open=\"open\">"), "the edit form is open");
        int editBox = page.indexOf("id=\"edit-" + comment + "\"");
        assertTrue(editBox > 0 && page.indexOf(tooLong) > editBox && page.indexOf(tooLong) < page.indexOf("comment-body"),
                "what was typed is in the edit box");
        assertTrue(page.matches("(?s).*<textarea id=\"comment-body\"[^>]*></textarea>.*"), "the new comment box is empty");
        assertTrue(member.get("/lists/" + id + "/items/" + item).body().contains("first thought"));
    }

    @Test
    void membersAreNamedWhenAddedAndOnlyMembersCanBeRemoved() {
        long id = lists.list(owner, "Named", "members");
        lists.member(owner, id, "mona", "editor");
        assertTrue(owner.get("/lists/" + id + "/settings").body().contains("Mona Member is an editor of the list."));
        assertEquals(404, owner.post("/lists/" + id + "/members/" + lists.accountId("admin") + "/remove", Map.of())
                .statusCode());
        assertEquals(404, owner.post("/lists/" + id + "/members/999999/remove", Map.of()).statusCode());
    }

    @Test
    void aListNameCountsCharactersAsPeopleDo() {
        String emoji = "📚".repeat(ListForm.MAX_NAME);
        assertEquals(303, owner.post("/lists", Map.of("name", emoji, "visibility", "private")).statusCode());
        assertEquals(422, owner.post("/lists", Map.of("name", emoji + "📚", "visibility", "private")).statusCode());
    }

    @Test
    void addingFromTheCatalogueGoesBackToTheRowAndNamesThePaper() {
        long id = lists.list(owner, "From the catalogue", "private");
        HttpResponse<String> added = owner.post("/lists/" + id + "/items",
                Map.of("paper", "36", "back", "/?add_to=" + id + "&sort=title#paper-36"));
        assertEquals("/?add_to=" + id + "&sort=title#paper-36", added.headers().firstValue("Location").orElseThrow());
        assertTrue(owner.get("/?add_to=" + id + "&sort=title").body().contains("“Reformer: The Efficient Transformer” is on the list now."));
        assertTrue(owner.get("/?add_to=" + id).body().contains("value=\"/?add_to=" + id + "#paper-37\""),
                "each row's form goes back to its row");

        HttpResponse<String> twice = owner.post("/papers/36/lists", Map.of("list", String.valueOf(id)));
        assertEquals(409, twice.statusCode());
        assertEquals(1, twice.body().split("That paper is on this list already", -1).length - 1, "said once");
    }

    @Test
    void whenAnOwnerIsDeactivatedTheAdminsLookAfterTheirListAndTheirNameLeavesTheSchedule() {
        Client leaver = app.member("lena", "Lena Leaver");
        long id = lists.list(leaver, "Left behind", "team");
        long item = lists.item(leaver, id, 40);
        lists.member(leaver, id, "mona", "editor");
        assertEquals(303, leaver.post("/lists/" + id + "/items/" + item + "/session",
                Map.of("date", "2026-12-10", "presenter", "lena")).statusCode());
        assertEquals(303, leaver.post("/papers/40/status", Map.of("status", "read")).statusCode());
        long item41 = lists.item(member, id, 41);
        assertEquals(303, leaver.post("/lists/" + id + "/items/" + item41 + "/comments",
                Map.of("body", "a word from Lena")).statusCode());
        assertEquals(303, leaver.post("/lists/" + id + "/public", Map.of("public", "on")).statusCode());
        String token = String.valueOf(app.app().database().read()
                .fetchValue("SELECT public_token FROM reading_list WHERE id = ?", id));
        assertEquals(200, app.get("/shared/" + token).statusCode());
        assertTrue(member.get("/activity").body().contains("Lena Leaver"));
        assertTrue(member.get("/notifications").body().contains("Lena Leaver"), "told of the comment");
        assertEquals(403, admin.get("/lists/" + id + "/settings").statusCode(), "not while the owner is here");

        assertEquals(303, admin.post("/admin/accounts/" + lists.accountId("lena") + "/deactivate", Map.of()).statusCode());
        assertFalse(member.get("/notifications").body().contains("Lena Leaver"), "nor in notifications");
        assertFalse(member.get("/activity").body().contains("Lena Leaver"), "nor as who was added to the list");
        assertEquals(404, app.get("/shared/" + token).statusCode(), "a public link needs an owner");
        HttpResponse<String> privately = admin.post("/lists/" + id + "/settings",
                Map.of("name", "Left behind", "visibility", "private"));
        assertEquals(422, privately.statusCode(), "an admin looking after it may not hide it from everyone");
        assertTrue(privately.body().contains("Only the list&#39;s owner can make it private"));

        String page = member.get("/lists/" + id).body();
        assertTrue(page.contains("Thursday 10 Dec 2026"), "the session stays");
        assertFalse(page.contains("presented by Lena Leaver"), "without its presenter");
        assertFalse(member.get("/activity").body().contains("Lena Leaver"), "nor in the team's activity");
        assertEquals(403, member.get("/lists/" + id + "/settings").statusCode(), "an editor is not made the owner");
        String settings = admin.get("/lists/" + id + "/settings").body();
        assertTrue(settings.contains("account is deactivated, so the admins look after this list"));
        assertEquals(303, admin.post("/lists/" + id + "/owner", Map.of("owner", "mona")).statusCode());
        assertEquals(lists.accountId("mona"), lists.number("SELECT owner_id FROM reading_list WHERE id = ?", id));
        assertEquals(200, member.get("/lists/" + id + "/settings").statusCode());
        assertEquals(403, admin.get("/lists/" + id + "/settings").statusCode(), "looked after until someone owns it");
    }
}
