package io.paperlog.io;

import static io.paperlog.io.IoFixtures.export;
import static io.paperlog.io.IoFixtures.importFile;
import static io.paperlog.io.IoFixtures.number;
import static io.paperlog.io.IoFixtures.text;
import static io.paperlog.io.IoFixtures.unzip;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paperlog.testing.Client;
import io.paperlog.testing.DatabaseDigest;
import io.paperlog.testing.TestApp;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The acceptance test of export and import: an instance filled through its pages by three people (every kind of
 * data; TeX, emoji and 4-byte characters), each person's export imported into a fresh instance, exported again:
 * the same files apart from ids and the export's time. Importing again changes nothing.
 */
class ExportImportRoundTripTest {

    static final String NOTE_1 = "Attention is $O(n^2)$ in the length 🧠 — but see 𝒜 and 漢字.\n\n* one\n* two";
    static final String NOTE_2 = NOTE_1 + "\n\nSecond thoughts: $\\sum_i \\alpha_i v_i$ 👍🏽";
    static final String ADDED_TITLE = "Our own paper: $\\alpha$-attention for 𝔽-modules 😀";
    private static final Pattern ITEM = Pattern.compile("#item-(\\d+)$");
    private static final Pattern LIST = Pattern.compile("/lists/(\\d+)$");

    @TempDir
    Path tmp;

    @Test
    void exportsImportIntoAFreshInstanceAndExportTheSame() throws Exception {
        Map<String, byte[]> first = new LinkedHashMap<>();
        try (TestApp a = TestApp.start(Files.createDirectories(tmp.resolve("a")))) {
            Map<String, Client> people = fill(a);
            people.forEach((name, client) -> first.put(name, export(client)));
        }
        try (TestApp b = TestApp.start(Files.createDirectories(tmp.resolve("b")))) {
            Map<String, Client> people = new LinkedHashMap<>();
            people.put("admin", b.admin());
            people.put("ana", b.member("ana", "Ana Ångström"));
            people.put("ben", b.member("ben", "Ben"));
            // twice: a reply or comment on a teammate's annotation or list lands once that teammate's data is in
            for (int pass = 0; pass < 2; pass++) {
                for (String name : List.of("ben", "ana", "admin")) {
                    importFile(people.get(name), "paperlog-" + name + ".zip", first.get(name));
                }
            }
            String settled = DatabaseDigest.of(b.databaseFile());
            for (String name : people.keySet()) {
                HttpResponse<String> again = importFile(people.get(name), "again.zip", first.get(name));
                assertFalse(again.body().contains("io-tag--new"), name + ": nothing new the second time");
            }
            assertEquals(settled, DatabaseDigest.of(b.databaseFile()), "importing the same files again changes nothing");

            for (String name : people.keySet()) {
                Map<String, String> before = comparable(unzip(first.get(name)));
                Map<String, String> after = comparable(unzip(export(people.get(name))));
                assertEquals(before.keySet(), after.keySet(), name + ": the same files");
                for (String file : before.keySet()) {
                    assertEquals(before.get(file), after.get(file), name + ": " + file);
                }
            }
            assertEquals(NOTE_2, text(b, "SELECT n.body FROM note n JOIN account a ON a.id = n.user_id "
                    + "WHERE a.username = 'ana' AND n.paper_id = 1"));
            assertEquals(1, number(b, "SELECT count(*) FROM paper WHERE title = ?", ADDED_TITLE));
            assertEquals(3, number(b, "SELECT count(*) FROM paper_tag"));
            assertEquals(1, number(b, "SELECT count(*) FROM saved_filter"));
        }
    }

    /** Three people's reading, notes, annotations, a reply, a list with members, a session and comments. */
    private Map<String, Client> fill(TestApp a) {
        Client admin = a.admin();
        Client ana = a.member("ana", "Ana Ångström");
        Client ben = a.member("ben", "Ben");
        seeOther(ana.post("/papers/1/status", Map.of("status", "want")));
        seeOther(ana.post("/papers/1/status", Map.of("status", "reading", "started_on", "2026-01-05")));
        seeOther(ana.post("/papers/1/status", Map.of("status", "read", "started_on", "2026-01-05",
                "finished_on", "2026-01-20")));
        seeOther(ana.post("/papers/2/status", Map.of("status", "reading")));
        seeOther(ana.post("/papers/3/status", Map.of("status", "abandoned")));
        seeOther(ana.post("/papers/1/rating", Map.of("rating", "4.5")));
        seeOther(ana.post("/papers/2/rating", Map.of("rating", "3")));
        seeOther(ana.post("/papers/1/note", Map.of("body", NOTE_1, "base_revision", "0")));
        seeOther(ana.post("/papers/1/note", Map.of("body", NOTE_2, "base_revision", "1")));
        seeOther(ana.post("/papers/3/note", Map.of("body", "Gave up: \"quotes\", commas, and\nnew lines", "base_revision", "0")));
        seeOther(ana.post("/library/sharing", Map.of("statuses", "on")));

        long added = a.app().database().write(dsl -> {
            long anaId = ((Number) dsl.fetchValue("SELECT id FROM account WHERE username = 'ana'")).longValue();
            dsl.execute("INSERT INTO paper (title, abstract, citations, created_at, authors, year, added_by) VALUES "
                    + "(?, ?, 0, '2026-01-02T03:04:05Z', 'Ana Ångström; Ben', 2026, ?)",
                    ADDED_TITLE, "We study attention over 𝔽-modules with $O(L^2)$ cost 🚀.", anaId);
            return ((Number) dsl.fetchValue("SELECT max(id) FROM paper")).longValue();
        });
        seeOther(ana.post("/papers/" + added + "/status", Map.of("status", "reading")));

        String abstract1 = text(a, "SELECT abstract FROM paper WHERE id = 1");
        HttpResponse<String> annotated = ana.post("/papers/1/annotations", Map.of("start", "0", "end", "12",
                "exact", abstract1.substring(0, 12), "body", "Key idea 🧠 $x^2$", "colour", "green",
                "visibility", "team", "tags", "core, 𝒜-tag"));
        seeOther(annotated);
        String addedAbstract = text(a, "SELECT abstract FROM paper WHERE id = ?", added);
        seeOther(ana.post("/papers/" + added + "/annotations", Map.of("start", "8", "end", "17",
                "exact", addedAbstract.substring(8, 17), "body", "", "colour", "pink")));
        long annotation = number(a, "SELECT id FROM annotation WHERE paper_id = 1");
        seeOther(ben.post("/annotations/" + annotation + "/replies", Map.of("body", "Agreed 💯 — 𝑥")));

        HttpResponse<String> list = ana.post("/lists", Map.of("name", "Reading group 📚", "visibility", "members",
                "description", "Thursdays; *bring* questions ∑"));
        seeOther(list);
        Matcher listId = LIST.matcher(list.headers().firstValue("Location").orElseThrow());
        assertTrue(listId.find());
        String id = listId.group(1);
        seeOther(ana.post("/lists/" + id + "/members", Map.of("username", "ben", "role", "editor")));
        seeOther(ana.post("/lists/" + id + "/items", Map.of("paper", "2")));
        HttpResponse<String> item = ana.post("/lists/" + id + "/items", Map.of("paper", "1"));
        seeOther(item);
        Matcher itemId = ITEM.matcher(item.headers().firstValue("Location").orElseThrow());
        assertTrue(itemId.find());
        String itemPath = "/lists/" + id + "/items/" + itemId.group(1);
        seeOther(ana.post(itemPath + "/note", Map.of("note", "Why: it started it all 🔥")));
        seeOther(ana.post(itemPath + "/session", Map.of("date", "2026-03-05", "presenter", "ben")));
        seeOther(ben.post(itemPath + "/comments", Map.of("body", "I'll present 𝟙 slide")));
        seeOther(ana.post(itemPath + "/comments", Map.of("body", "Thanks!")));

        seeOther(ana.post("/papers/1/tags", Map.of("tags", "transformers, Scaling, été")));
        seeOther(ana.post("/papers/2/tags", Map.of("tags", "transformers")));
        seeOther(ana.post("/views", Map.of("name", "My transformers 🤖", "target", "library",
                "query", "tag=transformers&status=read")));
        seeOther(ben.post("/papers/1/status", Map.of("status", "read")));
        seeOther(ben.post("/papers/1/rating", Map.of("rating", "5")));
        seeOther(ben.post("/papers/4/note", Map.of("body", "Ben's 𝄞 note", "base_revision", "0")));
        seeOther(admin.post("/papers/5/status", Map.of("status", "want")));

        Map<String, Client> people = new LinkedHashMap<>();
        people.put("admin", admin);
        people.put("ana", ana);
        people.put("ben", ben);
        return people;
    }

    /** An export's files without what may differ between instances: the export's time, ids and addresses. */
    static Map<String, String> comparable(Map<String, String> files) {
        Map<String, String> out = new LinkedHashMap<>();
        files.forEach((name, text) -> out.put(name, text
                .replaceAll("\"exported_at\": \"[^\"]+\"", "\"exported_at\": \"…\"")
                .replaceAll("http://127\\.0\\.0\\.1:\\d+", "http://paperlog")
                .replaceAll("/annotations/\\d+", "/annotations/N")
                .replaceAll("/papers/1\\d\\d+", "/papers/added")));
        return out;
    }

    static void seeOther(HttpResponse<String> response) {
        assertEquals(303, response.statusCode(), response.body());
    }
}
