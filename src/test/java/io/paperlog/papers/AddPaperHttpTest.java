package io.paperlog.papers;

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
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Adding papers, editing and deleting them, as the person who added one, another member and an admin. */
class AddPaperHttpTest {

    @TempDir
    static Path folder;

    static TestApp app;
    static Client admin;
    static Client adder;
    static Client other;

    @BeforeAll
    static void start() {
        app = TestApp.start(folder);
        admin = app.admin();
        adder = app.member("adder", "Ada Adder");
        other = app.member("other", "Otto Other");
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    static Map<String, String> paper(String title, String arxiv) {
        Map<String, String> form = new HashMap<>(Map.of("title", title, "authors", "Ada Lovelace\nAlan Turing\nGrace Hopper\nEdsger Dijkstra",
                "year", "2024", "venue", "ACL 2024", "abstract", "We study $O(n)$ things.", "url", "https://example.org/p"));
        if (arxiv != null) {
            form.put("arxiv", arxiv);
        }
        return form;
    }

    static long added(HttpResponse<String> response) {
        assertEquals(303, response.statusCode(), response.body());
        String location = response.headers().firstValue("Location").orElseThrow();
        assertTrue(location.matches("/papers/\\d+"), location);
        return Long.parseLong(location.substring("/papers/".length()));
    }

    @Test
    void anAddedPaperIsUnrankedNormalisedAndSeenByEveryone() {
        long id = added(adder.post("/papers", paper("Sparse Widgets", "https://arxiv.org/abs/2401.01234v3")));
        assertEquals(List.of("2401.01234", "2024", "Ada Lovelace; Alan Turing; Grace Hopper; Edsger Dijkstra", "null"),
                row("SELECT arxiv_id, year, authors, rank FROM paper WHERE id = ?", id));
        String page = other.get("/papers/" + id).body();
        assertTrue(page.contains("Sparse Widgets"));
        assertTrue(page.contains("https://arxiv.org/abs/2401.01234"));
        assertFalse(page.contains("/papers/" + id + "/edit"), "another member is not offered editing");
        assertTrue(adder.get("/papers/" + id).body().contains("/papers/" + id + "/edit"));
        String catalogue = other.get("/?sort=newest").body();
        assertTrue(catalogue.contains("Sparse Widgets"), "everyone sees it in the catalogue");
        assertTrue(catalogue.contains("Ada Lovelace, Alan Turing, … Edsger Dijkstra"), "authors shortened");
        assertTrue(catalogue.contains("aria-label=\"Added, unranked\""));
        assertEquals(303, other.post("/papers/" + id + "/status", Map.of("status", "reading")).statusCode(),
                "tracked like any other");
    }

    @Test
    void aDuplicateArxivIdOrDoiIsRefusedWithALinkToThePaperAlreadyThere() {
        for (String arxiv : List.of("2005.14165", "arXiv:2005.14165v2", "https://arxiv.org/pdf/2005.14165v1.pdf")) {
            HttpResponse<String> r = adder.post("/papers", paper("GPT-3 again", arxiv));
            assertEquals(422, r.statusCode(), arxiv);
            assertTrue(r.body().contains("href=\"/papers/1\""), "links to the existing paper");
            assertTrue(r.body().contains("value=\"GPT-3 again\""), "the input is kept");
        }
        Map<String, String> byDoi = paper("Survey copy", null);
        byDoi.put("doi", "https://doi.org/10.1145/3560815");
        HttpResponse<String> r = adder.post("/papers", byDoi);
        assertEquals(422, r.statusCode());
        assertTrue(r.body().contains("same DOI"));
        Map<String, String> upper = paper("Survey copy", null);
        upper.put("doi", "DOI: 10.18653/V1/2021.ACL-LONG.353");
        assertEquals(422, adder.post("/papers", upper).statusCode(), "DOIs compare without case");
    }

    @Test
    void aPastedBibtexEntryFillsTheEmptyFields() {
        String bibtex = """
                @inproceedings{mueller2025zebras,
                  title = {On {Z}ebras and {T}ransformers},
                  author = {M{\\"u}ller, J{\\"o}rg and Smith, Ann and others},
                  booktitle = {Proceedings of EMNLP 2025},
                  year = {2025},
                  eprint = {2501.00001},
                  archivePrefix = {arXiv},
                  doi = {10.5555/zebra.2025}
                }""";
        long id = added(adder.post("/papers", Map.of("bibtex", bibtex, "year", "2024")));
        assertEquals(List.of("On Zebras and Transformers", "Jörg Müller; Ann Smith; et al.", "2024",
                        "Proceedings of EMNLP 2025", "2501.00001", "10.5555/zebra.2025"),
                row("SELECT title, authors, year, venue, arxiv_id, doi FROM paper WHERE id = ?", id),
                "typed fields win, the entry fills the rest");
        String cite = adder.get("/papers/" + id + "/bibtex").body();
        assertTrue(cite.startsWith("@inproceedings{muller2024zebras,"), cite);
        assertTrue(cite.contains("author = {Jörg Müller and Ann Smith and others}"), cite);
    }

    @Test
    void aSeededPaperCitesAsAnArticleWithItsEprint() {
        HttpResponse<String> r = other.get("/papers/1/bibtex");
        assertEquals(200, r.statusCode());
        assertTrue(r.headers().firstValue("Content-Type").orElseThrow().startsWith("text/plain"));
        String cite = r.body();
        assertTrue(cite.startsWith("@inproceedings{brown2020language,"), cite);
        assertTrue(cite.contains("booktitle = {NeurIPS 2020}"), cite);
        assertTrue(cite.contains("eprint = {2005.14165}"), cite);
        assertTrue(cite.contains("archivePrefix = {arXiv}"), cite);
        assertTrue(cite.contains("author = {Tom B. Brown and Benjamin Mann and"), cite);
        String survey = other.get("/papers/" + doiPaper() + "/bibtex").body();
        assertTrue(survey.contains("doi = {10.1145/3560815}"), survey);
        assertTrue(other.get("/papers/2/bibtex").body().startsWith("@article{ouyang2022training,"));
        assertEquals(other.get("/papers/2/bibtex").body(), admin.get("/papers/2/bibtex").body(), "a stable key");
    }

    @Test
    void onlyTheAdderOrAnAdminChangesAnAddedPaperAndNobodyASeededOne() {
        long id = added(adder.post("/papers", paper("Editable Things", null)));
        Map<String, String> edit = paper("Editable Things, Revised", null);
        assertEquals(403, other.get("/papers/" + id + "/edit").statusCode());
        assertEquals(403, other.post("/papers/" + id + "/edit", edit).statusCode());
        assertEquals(403, other.post("/papers/" + id + "/delete", Map.of()).statusCode());
        assertEquals(List.of("Editable Things"), row("SELECT title FROM paper WHERE id = ?", id));

        assertTrue(other.get("/?sort=newest").body().contains("Editable Things"), "the catalogue row is made");
        assertEquals(200, adder.get("/papers/" + id + "/edit").statusCode());
        assertEquals(303, adder.post("/papers/" + id + "/edit", edit).statusCode());
        assertEquals(List.of("Editable Things, Revised"), row("SELECT title FROM paper WHERE id = ?", id));
        assertTrue(other.get("/?sort=newest").body().contains("Editable Things, Revised"), "and made anew once edited");
        edit.put("title", "Edited by the admin");
        assertEquals(303, admin.post("/papers/" + id + "/edit", edit).statusCode());
        assertEquals(List.of("Edited by the admin"), row("SELECT title FROM paper WHERE id = ?", id));
        String catalogue = other.get("/?sort=newest").body();
        assertTrue(catalogue.contains("Edited by the admin") && !catalogue.contains("Editable Things"), "every time");

        for (Client who : List.of(adder, other, admin)) {
            assertEquals(403, who.get("/papers/3/edit").statusCode());
            assertEquals(403, who.post("/papers/3/edit", edit).statusCode());
            assertEquals(403, who.post("/papers/3/delete", Map.of()).statusCode());
        }
        assertEquals(List.of("1"), row("SELECT count(*) FROM paper WHERE id = ? AND rank = 3", 3));
        assertEquals(404, adder.get("/papers/999999/edit").statusCode());
        assertEquals(404, admin.post("/papers/999999/delete", Map.of()).statusCode());
    }

    @Test
    void theCatalogueAndLibraryCountFollowAddedAndDeletedPapers() {
        int before = shownCount(other.get("/").body());
        assertEquals(Integer.parseInt(row("SELECT count(*) FROM paper WHERE id > ?", 0).get(0)), before);
        long id = added(adder.post("/papers", paper("Counted Paper", null)));
        assertEquals(before + 1, shownCount(other.get("/").body()), "counted once added");
        assertTrue(other.get("/library").body().contains("<span>" + (before + 1) + "</span> read"),
                "the library's share of all papers");
        assertEquals(303, adder.post("/papers/" + id + "/delete", Map.of()).statusCode());
        assertEquals(before, shownCount(other.get("/").body()), "and once deleted");
    }

    private static int shownCount(String catalogue) {
        Matcher count = Pattern.compile("<span class=\"count\">([\\d,]+) papers</span>").matcher(catalogue);
        assertTrue(count.find(), "the catalogue says how many papers it has");
        return Integer.parseInt(count.group(1).replace(",", ""));
    }

    @Test
    void deletingAPaperRemovesEverythingAttachedInOneGo() {
        long id = added(adder.post("/papers", paper("Doomed Paper", null)));
        other.post("/papers/" + id + "/status", Map.of("status", "read"));
        other.post("/papers/" + id + "/rating", Map.of("rating", "4"));
        other.post("/papers/" + id + "/note", Map.of("body", "my thoughts", "base_revision", "0"));
        assertEquals(303, other.post("/papers/" + id + "/annotations", Map.of("start", "3", "end", "8", "exact",
                "study", "colour", "yellow", "body", "why?", "visibility", "team")).statusCode());
        HttpResponse<String> list = other.post("/lists", Map.of("name", "Doom club", "visibility", "team"));
        String listPath = list.headers().firstValue("Location").orElseThrow();
        assertEquals(303, other.post(listPath + "/items", Map.of("paper", String.valueOf(id))).statusCode());
        String attached = "SELECT (SELECT count(*) FROM reading_status WHERE paper_id = ?1)"
                + " + (SELECT count(*) FROM rating WHERE paper_id = ?1) + (SELECT count(*) FROM note WHERE paper_id = ?1)"
                + " + (SELECT count(*) FROM annotation WHERE paper_id = ?1) + (SELECT count(*) FROM list_item WHERE paper_id = ?1)"
                + " + (SELECT count(*) FROM activity WHERE paper_id = ?1)";
        assertTrue(Integer.parseInt(row(attached, id).get(0)) >= 5, "things are attached");

        HttpResponse<String> deleted = adder.post("/papers/" + id + "/delete", Map.of());
        assertEquals(303, deleted.statusCode());
        assertEquals("/", deleted.headers().firstValue("Location").orElseThrow());
        assertEquals(List.of("0"), row(attached, id));
        assertEquals(List.of("0"), row("SELECT count(*) FROM paper WHERE id = ?", id));
        assertEquals(404, other.get("/papers/" + id).statusCode());
        assertEquals(200, other.get(listPath).statusCode(), "the list stays, without the paper");
    }

    @Test
    void badFieldsAreRefusedWithEveryProblemAndTheInputKept() {
        HttpResponse<String> r = adder.post("/papers", Map.of("title", " ", "year", "20x4", "arxiv", "10.1000/abc",
                "doi", "not a doi", "url", "javascript:alert(1)"));
        assertEquals(422, r.statusCode());
        for (String said : List.of("Please give the paper&#39;s title.", "A year has four digits",
                "That looks like a DOI", "A DOI looks like", "A web address starts with https://")) {
            assertTrue(r.body().contains(said), said);
        }
        assertTrue(r.body().contains("value=\"20x4\""));
        HttpResponse<String> broken = adder.post("/papers", Map.of("bibtex", "@article{x, title = {unclosed"));
        assertEquals(422, broken.statusCode());
        assertTrue(broken.body().contains("This BibTeX couldn"), broken.body());
        assertEquals(422, adder.post("/papers", Map.of("bibtex", "@comment{nothing here}")).statusCode());
        assertEquals(422, adder.post("/papers", Map.of("bibtex", "@misc{a, title={A}} @misc{b, title={B}}")).statusCode());
    }

    @Test
    void hostileInputToEveryNewRouteIsA4xxAndChangesNothing() {
        long id = added(adder.post("/papers", paper("Sturdy Paper", null)));
        String before = row("SELECT title || authors || coalesce(year, '') FROM paper WHERE id = ?", id).get(0);
        List<String> fields = List.of("title", "authors", "year", "venue", "abstract", "url", "arxiv", "doi", "bibtex");
        List<String> hostile = List.of("", "0", "-1", "99999999999999999999", "<script>alert(1)</script>",
                "'; DROP TABLE paper; --", "\u0000", "\uD800", "😀".repeat(30), "%00", "../../etc/passwd");
        for (String value : hostile) {
            Map<String, String> form = new HashMap<>();
            fields.forEach(field -> form.put(field, value));
            assertRefusedOrSaved(adder.post("/papers", form), value);
            assertRefusedOrSaved(adder.post("/papers/" + id + "/edit", form), value);
            for (String path : List.of("/papers/" + enc(value) + "/bibtex", "/papers/" + enc(value) + "/edit")) {
                int status = adder.get(path).statusCode();
                assertTrue(status >= 400 && status < 500, path + ": " + status);
            }
            int delete = other.post("/papers/" + enc(value) + "/delete", Map.of()).statusCode();
            assertTrue(delete >= 400 && delete < 500, "delete " + abbreviate(value) + ": " + delete);
            int view = adder.post("/catalogue/view", Map.of("view", value, "back", value)).statusCode();
            assertEquals(400, view, "view " + abbreviate(value));
        }
        for (String value : List.of("x".repeat(100_001), "{".repeat(5000), "@article{" + "{".repeat(40) + "}",
                "@article{k, author = {" + " and ".repeat(3000) + "}}")) {
            for (String field : fields) {
                Map<String, String> form = paper("Sturdy Paper", null);
                form.put(field, value);
                assertRefusedOrSaved(adder.post("/papers/" + id + "/edit", form), field + "=" + value);
            }
        }
        assertEquals(before, row("SELECT title || authors || coalesce(year, '') FROM paper WHERE id = ?", id).get(0));
        assertEquals(List.of("100"), row("SELECT count(*) FROM paper WHERE rank IS NOT NULL AND ? = ?", 1));
    }

    /** A 303 (saved: something a person may type) or a 4xx, never a 5xx; what is stored stays as it was. */
    private static void assertRefusedOrSaved(HttpResponse<String> response, String sent) {
        int status = response.statusCode();
        assertTrue(status == 303 || status >= 400 && status < 500, abbreviate(sent) + ": " + status);
        if (status == 303 && response.uri().getPath().endsWith("/edit")) {
            String path = response.uri().getPath();
            adder.post(path, paper("Sturdy Paper", null));
        }
    }

    private static String abbreviate(String value) {
        return value.length() > 30 ? value.substring(0, 30) + "…" : value;
    }

    private static String enc(String value) {
        return java.net.URLEncoder.encode(value.length() > 200 ? value.substring(0, 200) : value,
                java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static long doiPaper() {
        return Long.parseLong(row("SELECT id FROM paper WHERE doi = '10.1145/3560815' AND ? = ?", 1).get(0));
    }

    /** The first row of {@code sql} as strings, with {@code param} bound to every ? (or ?1). */
    static List<String> row(String sql, long param) {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + app.databaseFile());
                PreparedStatement s = c.prepareStatement(sql)) {
            int count = s.getParameterMetaData().getParameterCount();
            for (int i = 1; i <= count; i++) {
                s.setLong(i, param);
            }
            try (ResultSet rs = s.executeQuery()) {
                assertTrue(rs.next(), sql);
                List<String> values = new java.util.ArrayList<>();
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    values.add(String.valueOf(rs.getString(i)));
                }
                return values;
            }
        } catch (SQLException e) {
            throw new AssertionError(sql, e);
        }
    }
}
