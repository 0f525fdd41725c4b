package io.paperlog.io;

import static io.paperlog.io.IoFixtures.importFile;
import static io.paperlog.io.IoFixtures.number;
import static io.paperlog.io.IoFixtures.preview;
import static io.paperlog.io.IoFixtures.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paperlog.testing.Client;
import io.paperlog.testing.DatabaseDigest;
import io.paperlog.testing.TestApp;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Other tools' files: Zotero-style BibTeX and CSL-JSON and library.csv's columns, matched by arXiv id, DOI and
 * title; the preview stores nothing, a second import changes nothing, a differing note becomes a revision, an
 * older status goes into the history, and nobody else's data is touched.
 */
class ImportFormatsHttpTest {

    /** As Zotero exports it: arXiv papers by address and arXiv DOI, one by DOI only, one by title, one new, one broken. */
    static final String BIBTEX = """
            @article{brown_language_2020,
            \ttitle = {Language {Models} are {Few}-{Shot} {Learners}},
            \turl = {http://arxiv.org/abs/2005.14165},
            \tdoi = {10.48550/arXiv.2005.14165},
            \tjournal = {arXiv preprint arXiv:2005.14165},
            \tauthor = {Brown, Tom B. and Mann, Benjamin and others},
            \tyear = {2020},
            }

            @inproceedings{li_prefix-tuning_2021,
            \ttitle = {Prefix-{Tuning}: {Optimizing} {Continuous} {Prompts} for {Generation}},
            \tdoi = {10.18653/v1/2021.acl-long.353},
            \tbooktitle = {Proceedings of {ACL}},
            \tauthor = {Li, Xiang Lisa and Liang, Percy},
            \tyear = {2021},
            }

            @misc{hu_lora_2021,
            \ttitle = {{LoRA}: {Low}-{Rank} {Adaptation} of {Large} {Language} {Models}},
            \tauthor = {Hu, Edward J.},
            \tyear = {2021},
            }

            @article{mueller_uber_2024,
            \ttitle = {{\\"U}ber attention: a paper nobody has},
            \tauthor = {M{\\"u}ller, J{\\"o}rg and Smith, Ann},
            \tyear = {2024},
            \tabstract = {We show $O(n)$ attention.},
            }

            @misc{untitled_2020,
            \tauthor = {Nobody},
            }
            """;

    static final String CSL_JSON = """
            [
              {"id": "ouyang2022", "type": "article", "title": "Training language models to follow instructions with human feedback",
               "number": "arXiv:2203.02155", "URL": "http://arxiv.org/abs/2203.02155",
               "author": [{"family": "Ouyang", "given": "Long"}], "issued": {"date-parts": [[2022, 3, 4]]}},
              {"id": "new2025", "type": "article-journal", "title": "A brand new paper on 𝔽-attention",
               "DOI": "10.9999/new.2025", "author": [{"literal": "The Team"}], "issued": {"date-parts": [["2025"]]},
               "container-title": "Journal of Tests"},
              {"id": "broken", "type": "article"}
            ]
            """;

    @TempDir
    static Path folder;
    static TestApp app;
    static Client ana;
    static Client ben;

    @BeforeAll
    static void start() {
        app = TestApp.start(folder);
        app.admin();
        ana = app.member("ana");
        ben = app.member("ben");
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void zoteroBibtexMatchesByArxivDoiAndTitleAfterAPreviewThatStoresNothing() {
        assertEquals(303, ana.post("/papers/6/status", Map.of("status", "reading")).statusCode());
        String before = DatabaseDigest.of(app.databaseFile());
        HttpResponse<String> preview = preview(ana, "My Library.bib", BIBTEX.getBytes(StandardCharsets.UTF_8));
        assertEquals(before, DatabaseDigest.of(app.databaseFile()), "a preview stores nothing");
        assertTrue(preview.body().contains("<span>a BibTeX file</span>"), preview.body());
        assertTrue(preview.body().contains("entry untitled_2020"), "every problem with its entry");
        assertTrue(preview.body().contains("Über attention: a paper nobody has"), "the first rows of what is new");

        importFile(ana, "My Library.bib", BIBTEX.getBytes(StandardCharsets.UTF_8));
        long anaId = number(app, "SELECT id FROM account WHERE username = 'ana'");
        assertEquals("want", status(anaId, 1), "matched by arXiv id");
        assertEquals("want", status(anaId, 11), "matched by DOI");
        assertEquals("reading", status(anaId, 6), "matched by title; a paper I am reading stays so");
        long added = number(app, "SELECT id FROM paper WHERE title = 'Über attention: a paper nobody has'");
        assertEquals("Jörg Müller; Ann Smith", text(app, "SELECT authors FROM paper WHERE id = ?", added));
        assertEquals(anaId, number(app, "SELECT added_by FROM paper WHERE id = ?", added));
        assertEquals("want", status(anaId, added));

        String settled = DatabaseDigest.of(app.databaseFile());
        HttpResponse<String> again = importFile(ana, "My Library.bib", BIBTEX.getBytes(StandardCharsets.UTF_8));
        assertFalse(again.body().contains("io-tag--new"));
        assertEquals(settled, DatabaseDigest.of(app.databaseFile()), "the same file twice changes nothing");
    }

    @Test
    void cslJsonFromZoteroMatchesAndAddsPapers() {
        importFile(ben, "items.json", CSL_JSON.getBytes(StandardCharsets.UTF_8));
        long benId = number(app, "SELECT id FROM account WHERE username = 'ben'");
        assertEquals("want", status(benId, 2));
        long added = number(app, "SELECT id FROM paper WHERE doi = '10.9999/new.2025'");
        assertEquals("A brand new paper on 𝔽-attention", text(app, "SELECT title FROM paper WHERE id = ?", added));
        assertEquals(2025, number(app, "SELECT year FROM paper WHERE id = ?", added));
        assertEquals("want", status(benId, added));
    }

    @Test
    void csvNotesBecomeRevisionsAndOlderStatusesHistoryWithoutTouchingAnyoneElse() {
        Client cleo = app.member("cleo");
        Client dan = app.member("dan");
        long cleoId = number(app, "SELECT id FROM account WHERE username = 'cleo'");
        long danId = number(app, "SELECT id FROM account WHERE username = 'dan'");
        assertEquals(303, dan.post("/papers/12/status", Map.of("status", "reading")).statusCode());
        assertEquals(303, dan.post("/papers/12/note", Map.of("body", "Dan's own", "base_revision", "0")).statusCode());
        assertEquals(303, cleo.post("/papers/12/status", Map.of("status", "read")).statusCode());
        assertEquals(303, cleo.post("/papers/12/note", Map.of("body", "Mine, typed here", "base_revision", "0"))
                .statusCode());
        String dansRows = rowsOf(danId);

        String csv = "title,authors,year,arxiv,doi,status,rating,started,finished,times read,tags,note\r\n"
                + "\"Longformer: The Long-Document Transformer\",,2020,2004.05150,,want,4.5,2020-01-01,,0,,"
                + "\"From my spreadsheet, with \"\"quotes\"\" 🧠\"\r\n"
                + "\"Something Else Entirely\",\"A. Author; B. Author\",2019,,,read,5,2019-02-01,2019-03-01,2,"
                + "\"survey, long-context\",\r\n"
                + "\"Bad row\",,,,,finished,,,,,,\r\n";
        HttpResponse<String> done = importFile(cleo, "library.csv", csv.getBytes(StandardCharsets.UTF_8));
        assertTrue(done.body().contains("row 4"), "the bad row is named");
        assertEquals("read", status(cleoId, 12), "an older imported status does not become current");
        assertEquals(1, number(app, "SELECT count(*) FROM status_event WHERE user_id = ? AND paper_id = 12 "
                + "AND to_status = 'want' AND at = '2020-01-01T00:00:00Z'", cleoId), "it goes into the history");
        assertEquals("From my spreadsheet, with \"quotes\" 🧠",
                text(app, "SELECT body FROM note WHERE user_id = ? AND paper_id = 12", cleoId));
        assertEquals(2, number(app, "SELECT revision FROM note WHERE user_id = ? AND paper_id = 12", cleoId));
        assertEquals("Mine, typed here", text(app, "SELECT body FROM note_revision WHERE user_id = ? AND paper_id = 12 "
                + "AND revision = 1", cleoId), "the note it replaces stays a revision");
        assertEquals(9, number(app, "SELECT halves FROM rating WHERE user_id = ? AND paper_id = 12", cleoId));
        long added = number(app, "SELECT id FROM paper WHERE title = 'Something Else Entirely'");
        assertEquals("read", status(cleoId, added));
        assertEquals("long-context,survey", text(app, "SELECT group_concat(t.name) FROM (SELECT t.name FROM tag t "
                + "JOIN paper_tag pt ON pt.tag_id = t.id WHERE t.user_id = ? AND pt.paper_id = ? ORDER BY t.name) t",
                cleoId, added), "the tags column");
        assertEquals(dansRows, rowsOf(danId), "nobody else's data changes");

        String settled = DatabaseDigest.of(app.databaseFile());
        importFile(cleo, "library.csv", csv.getBytes(StandardCharsets.UTF_8));
        assertEquals(settled, DatabaseDigest.of(app.databaseFile()), "the same file twice changes nothing");
    }

    /** Ben's export imported by Ana becomes Ana's: Ben's rows stay exactly as they were. */
    @Test
    void importingSomeoneElsesExportWritesOnlyMine() {
        Client eve = app.member("eve");
        Client fay = app.member("fay");
        assertEquals(303, fay.post("/papers/20/status", Map.of("status", "read")).statusCode());
        assertEquals(303, fay.post("/papers/20/note", Map.of("body", "Fay's", "base_revision", "0")).statusCode());
        assertEquals(303, fay.post("/lists", Map.of("name", "Fay's list", "visibility", "private")).statusCode());
        long fayId = number(app, "SELECT id FROM account WHERE username = 'fay'");
        long eveId = number(app, "SELECT id FROM account WHERE username = 'eve'");
        String faysRows = rowsOf(fayId);
        importFile(eve, "fay.zip", IoFixtures.export(fay));
        assertEquals(faysRows, rowsOf(fayId));
        assertEquals("read", status(eveId, 20));
        assertEquals(1, number(app, "SELECT count(*) FROM reading_list WHERE owner_id = ? AND name = ?", eveId,
                "Fay's list"));
        assertEquals(1, number(app, "SELECT count(*) FROM reading_list WHERE owner_id = ?", fayId));
    }

    @Test
    void theExportsFilesReadBackAsTheirFormats() throws Exception {
        Client gus = app.member("gus");
        assertEquals(303, gus.post("/papers/3/status", Map.of("status", "read", "started_on", "2026-01-02",
                "finished_on", "2026-01-09")).statusCode());
        assertEquals(303, gus.post("/papers/3/rating", Map.of("rating", "3.5")).statusCode());
        assertEquals(303, gus.post("/papers/3/note", Map.of("body", "Line one, \"quoted\"\nline two 🦙",
                "base_revision", "0")).statusCode());
        assertEquals(303, gus.post("/papers/5/status", Map.of("status", "want")).statusCode());
        Map<String, String> files = IoFixtures.unzip(IoFixtures.export(gus));
        assertTrue(files.get("paperlog.json").contains("\"format\": \"paperlog-export\""));
        assertTrue(files.get("paperlog.json").contains("\"version\": 1"));

        var csv = org.apache.commons.csv.CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new java.io.StringReader(files.get("library.csv"))).getRecords();
        assertEquals(2, csv.size());
        var llama = csv.get(0);
        assertEquals("LLaMA: Open and Efficient Foundation Language Models", llama.get("title"));
        assertEquals("2302.13971", llama.get("arxiv"));
        assertEquals("read", llama.get("status"));
        assertEquals("3.5", llama.get("rating"));
        assertEquals("2026-01-09", llama.get("finished"));
        assertEquals("1", llama.get("times read"));
        assertEquals("Line one, \"quoted\"\nline two 🦙", llama.get("note"));

        var bib = new org.jbibtex.BibTeXParser().parse(new java.io.StringReader(files.get("library.bib")));
        assertEquals(2, bib.getEntries().size());
        assertTrue(bib.getEntries().containsKey(new org.jbibtex.Key("touvron2023llama")));
        assertTrue(bib.getEntries().containsKey(new org.jbibtex.Key("touvron2023llama-2")), "keys told apart");

        String note = files.get("notes/llama-open-and-efficient-foundation-language-models.md");
        assertTrue(note.startsWith("---\ntitle: \"LLaMA: Open and Efficient Foundation Language Models\"\n"
                + "arxiv: \"2302.13971\"\nstatus: read\nrating: 3.5\n---\n\nLine one"), note);
        assertEquals(files, IoFixtures.unzip(IoFixtures.export(gus)).entrySet().stream()
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, e -> e.getKey().equals("paperlog.json")
                        ? files.get("paperlog.json") : e.getValue())), "a second export is the same, keys and all");
    }

    @Test
    void anAdminExportsTheInstanceWithoutSecretsAndNobodyElseMay() {
        Client hal = app.member("hal");
        assertEquals(403, hal.getBytes("/admin/export").statusCode());
        hal.apiToken("script", "read", "30");
        var zip = app.admin().getBytes("/admin/export");
        assertEquals(200, zip.statusCode());
        Map<String, String> files = IoFixtures.unzip(zip.body());
        String json = files.get("paperlog.json");
        assertTrue(json.contains("\"scope\": \"instance\""));
        assertTrue(json.contains("\"username\": \"hal\""));
        assertTrue(json.contains("\"open_signup\""), "the instance's settings");
        String everything = String.join("\n", files.values());
        for (String secret : new String[] {"$argon2", "password", "token_hash", "csrf", "pl_"}) {
            assertFalse(everything.contains(secret), "no " + secret + " in the instance export");
        }
        assertTrue(files.containsKey("people/hal/library.csv"));
    }

    private static String status(long userId, long paperId) {
        return text(app, "SELECT status FROM reading_status WHERE user_id = ? AND paper_id = ?", userId, paperId);
    }

    private static String rowsOf(long userId) {
        return text(app, "SELECT group_concat(x, '|') FROM ("
                + "SELECT paper_id || status || updated_at AS x FROM reading_status WHERE user_id = ?1 UNION ALL "
                + "SELECT paper_id || body || revision FROM note WHERE user_id = ?1 UNION ALL "
                + "SELECT paper_id || to_status || at FROM status_event WHERE user_id = ?1 UNION ALL "
                + "SELECT name || version FROM reading_list WHERE owner_id = ?1 UNION ALL "
                + "SELECT paper_id || halves FROM rating WHERE user_id = ?1 ORDER BY 1)", userId);
    }
}
