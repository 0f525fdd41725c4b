package io.paperlog.tracking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paperlog.testing.Client;
import io.paperlog.testing.TestApp;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The note's preview after each save (Markdown and math), and the conflict view's diff and its three choices. */
class NotePreviewAndConflictHttpTest {

    @TempDir
    static Path folder;

    static TestApp app;
    static Client alice;
    static Client bob;

    @BeforeAll
    static void start() {
        app = TestApp.start(folder);
        alice = app.member("alice");
        bob = app.member("bob");
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    static HttpResponse<String> save(Client who, long paper, String body, int base, String keep, String fragment) {
        Map<String, String> form = new HashMap<>(Map.of("body", body, "base_revision", String.valueOf(base),
                "_csrf", who.csrfToken()));
        if (keep != null) {
            form.put("keep", keep);
        }
        return who.send("POST", "/papers/" + paper + "/note", form,
                fragment == null ? Map.of() : Map.of("X-Fragment", fragment));
    }

    static String stored(String user, long paper) {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + app.databaseFile());
                PreparedStatement s = c.prepareStatement("SELECT n.body FROM note n JOIN account a ON a.id = n.user_id"
                        + " WHERE a.username = ? AND n.paper_id = ?")) {
            s.setString(1, user);
            s.setLong(2, paper);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theFirstAutosaveAnswersAPreviewWithMarkdownAndMath() {
        HttpResponse<String> r = save(alice, 5, "Cost is **quadratic**: $O(n^2)$, not $5 or $6.", 0, null, "note");
        assertEquals(200, r.statusCode(), r.body());
        assertEquals("1", r.headers().firstValue("X-Note-Revision").orElseThrow());
        assertTrue(r.body().contains("data-note-preview"), r.body());
        assertTrue(r.body().contains("<strong>quadratic</strong>"));
        assertTrue(r.body().contains("<span class=\"math\">O(n^2)</span>"), r.body());
        assertFalse(r.body().contains("<span class=\"math\">5"), "money is not math");

        String page = alice.get("/papers/5").body();
        assertTrue(page.contains("<span class=\"math\">O(n^2)</span>"), "the page's preview draws it the same way");
        assertFalse(bob.get("/papers/5").body().contains("quadratic"), "a note is its author's alone");
        assertTrue(bob.get("/papers/5").body().contains("data-note-preview"), "an empty preview waits for a first note");
    }

    @Test
    void aConflictShowsWhatDiffersAndKeepingBothSavesBothTexts() {
        assertEquals(303, save(alice, 6, "Read section two again.", 0, null, null).statusCode());
        HttpResponse<String> conflict = save(alice, 6, "Read section three again.", 0, null, null);
        assertEquals(409, conflict.statusCode());
        assertTrue(conflict.body().contains("<del>two</del><ins>three</ins>"), conflict.body());
        assertTrue(conflict.body().contains("name=\"keep\" value=\"both\""));

        HttpResponse<String> both = save(alice, 6, "Read section three again.", 1, "both", "note");
        assertEquals(200, both.statusCode(), both.body());
        assertTrue(both.body().contains("id=\"note\""), "in place, the whole note comes back");
        assertFalse(both.body().contains("<html"));
        assertEquals("Read section two again.\n\nRead section three again.", stored("alice", 6));
    }

    @Test
    void keepingTheSavedVersionWritesNothingAndKeepingMineOverwrites() {
        save(alice, 7, "Saved elsewhere.", 0, null, null);
        HttpResponse<String> theirs = save(alice, 7, "Typed here.", 1, "theirs", null);
        assertEquals(303, theirs.statusCode());
        assertTrue(theirs.headers().firstValue("Location").orElseThrow().endsWith("#note"));
        assertEquals("Saved elsewhere.", stored("alice", 7));

        assertEquals(303, save(alice, 7, "Typed here.", 1, "mine", null).statusCode());
        assertEquals("Typed here.", stored("alice", 7));

        assertEquals(400, save(alice, 7, "x", 2, "everything", null).statusCode());
        assertEquals(409, save(alice, 7, "Too late.", 1, "both", null).statusCode(), "both, on an old revision, conflicts");
        assertEquals("Typed here.", stored("alice", 7));
        assertEquals(401, app.visitor().post("/papers/7/note", Map.of("body", "x", "keep", "both")).statusCode());
    }
}
