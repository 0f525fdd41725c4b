package io.paperlog.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paperlog.db.Database;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Search over a migrated database with three people: the owner of private and shared things, a teammate, and an
 * outsider who is on none of the lists. What each finds is decided in the store's SQL. {@link
 * SearchStoreCommonWordsTest} runs every test again the way a large catalogue searches.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SearchStoreTest {

    private static final String NOW = "2026-01-01T00:00:00Z";

    @TempDir
    static Path folder;
    Database db;
    SearchStore store;
    private long owner;
    private long mate;
    private long outsider;

    @BeforeAll
    void fill() {
        db = Database.open(folder.resolve(getClass().getSimpleName() + ".db"), 2);
        store = storeFor(db);
        owner = account("owner", "Olive Owner");
        mate = account("mate", "Ada");
        outsider = account("outsider", "Otto");
        sql("INSERT INTO note (user_id, paper_id, body, revision, updated_at) VALUES (?, 1, 'zebrafish memory and $O(n^2)$ cost', 1, ?)", owner, NOW);
        sql("INSERT INTO note (user_id, paper_id, body, revision, visibility, updated_at) VALUES (?, 7, 'okapi thoughts', 1, 'private', ?)", mate, NOW);
        annotation(owner, 2, "private", "models", "private walrus comment");
        long shared = annotation(mate, 3, "team", "open", "shared narwhal comment");
        annotation(mate, 4, "private", "multimodal", "secret gecko");
        sql("INSERT INTO annotation_reply (annotation_id, user_id, body, created_at) VALUES (?, ?, 'reply about axolotl', ?)", shared, owner, NOW);
        long quokka = list(owner, "Quokka club", "private");
        sql("INSERT INTO list_item (list_id, paper_id, position, note, added_by, added_at) VALUES (?, 5, 1, 'pangolin item note', ?, ?)", quokka, owner, NOW);
        list(mate, "Team capybara", "team");
        long members = list(mate, "Members tapir", "members");
        sql("INSERT INTO list_member (list_id, account_id, role, added_at) VALUES (?, ?, 'viewer', ?)", members, owner, NOW);
        sql("INSERT INTO reading_status (user_id, paper_id, status, updated_at) VALUES (?, 6, 'read', ?)", owner, NOW);
        sql("INSERT INTO rating (user_id, paper_id, halves, updated_at) VALUES (?, 6, 9, ?)", owner, NOW);
        sql("INSERT INTO reading_status (user_id, paper_id, status, updated_at) VALUES (?, 8, 'reading', ?)", owner, NOW);
    }

    long owner() {
        return owner;
    }

    SearchStore storeFor(Database db) {
        return new SearchStore(db);
    }

    @AfterAll
    void close() {
        db.close();
    }

    @Test
    void myNoteIsFoundByMeAndByNobodyElse() {
        SearchResult result = only("zebrafish", owner);
        assertEquals(1L, result.paperId());
        assertEquals("in your note", result.hits().get(0).reason());
        assertTrue(result.hits().get(0).snippet().html().contains("<mark>zebrafish</mark>"));
        assertTrue(result.hits().get(0).snippet().html().contains("<span class=\"math\">O(n^2)</span>"), "math rendered whole");
        assertNothing("zebrafish", mate);
        assertNothing("zebrafish", outsider);
        assertNothing("okapi", owner);
    }

    @Test
    void annotationsAreMineOrSharedByActiveTeammates() {
        assertEquals("in your comment", only("walrus", owner).hits().get(0).reason());
        assertNothing("walrus", mate);
        assertNothing("walrus", outsider);
        assertEquals("in Ada's shared comment", only("narwhal", owner).hits().get(0).reason());
        assertEquals("in Ada's shared comment", only("narwhal", outsider).hits().get(0).reason());
        assertNothing("gecko", owner);
        assertEquals(4L, only("gecko", mate).paperId());
        assertEquals("in your reply", only("axolotl", owner).hits().get(0).reason());
        assertEquals("in Olive Owner's reply", only("axolotl", mate).hits().get(0).reason());
    }

    @Test
    void listsAsTheirVisibilitySays() {
        assertEquals("a reading list", only("quokka", owner).hits().get(0).reason());
        assertNothing("quokka", mate);
        assertNothing("quokka", outsider);
        assertEquals(5L, only("pangolin", owner).paperId());
        assertNothing("pangolin", mate);
        assertEquals(1, store.search(SearchQuery.parse("capybara"), outsider, 1, 20).total());
        assertEquals(1, store.search(SearchQuery.parse("tapir"), owner, 1, 20).total());
        assertNothing("tapir", outsider);
    }

    @Test
    void aPhraseFromAnAbstractFindsItsPaperFirstAndAccentsFold() {
        SearchPage page = store.search(SearchQuery.parse("\"collection of foundation language models\""), owner, 1, 20);
        assertEquals(3L, page.results().get(0).paperId());
        assertEquals("in the abstract", page.results().get(0).hits().get(0).reason());
        assertEquals(36L, store.search(SearchQuery.parse("author:lukasz reformer"), owner, 1, 20).results().get(0).paperId());
        assertEquals(36L, store.search(SearchQuery.parse("Łukasz efficient transformer"), owner, 1, 20).results().get(0).paperId());
        assertEquals(1L, store.search(SearchQuery.parse("Language Models are Few-Shot Lea"), owner, 1, 20).results().get(0).paperId(),
                "title words outweigh the abstract, and the last word is a prefix");
    }

    @Test
    void aWholeWordRanksAboveAWordThatOnlyStartsLikeIt() {
        // "hashing" stems to "hash", and as a prefix that also matches Tatsunori Hashimoto, an author of paper 38
        List<Long> found = papers("hashing", owner);
        assertEquals(36L, found.get(0), "Reformer's abstract has the word itself");
        assertTrue(found.contains(38L), "the prefix still matches while the word is being typed");
    }

    @Test
    void filtersOnMyReading() {
        assertEquals(List.of(6L), papers("status:read", owner));
        assertEquals(List.of(6L, 8L), papers("status:read status:reading", owner));
        assertEquals(List.of(6L), papers("rated:>=4", owner));
        assertTrue(papers("status:read", mate).isEmpty());
        assertTrue(papers("year:2020..2020", owner).stream().allMatch(id -> List.of(1L, 9L, 10L).contains(id) || id > 10));
        assertFalse(papers("year:2020", owner).contains(3L));
        assertTrue(papers("in:notes", owner).contains(1L));
        assertFalse(papers("in:notes", mate).contains(1L));
        assertTrue(papers("#rlhf", owner).isEmpty(), "no paper carries the tag yet");
        sql("INSERT INTO tag (id, user_id, name, name_key, created_at) VALUES (900, ?, 'RLHF', 'rlhf', ?)", owner, NOW);
        sql("INSERT INTO paper_tag (tag_id, paper_id, added_at) VALUES (900, 6, ?)", NOW);
        assertEquals(List.of(6L), papers("#rlhf", owner), "my own tag, in any case");
        assertTrue(papers("#rlhf", mate).isEmpty(), "nobody else's tags");
        assertTrue(papers("#rlhf #other", owner).isEmpty(), "every tag named");
        List<Long> withoutLlama = papers("-llama", owner);
        assertFalse(withoutLlama.contains(3L));
        assertTrue(withoutLlama.contains(1L));
    }

    @Test
    void theIndexFollowsEveryWriteAndAReindexRebuildsIt() {
        sql("INSERT INTO note (user_id, paper_id, body, revision, updated_at) VALUES (?, 9, 'first marmot', 1, ?)", owner, NOW);
        assertEquals(9L, only("marmot", owner).paperId());
        sql("UPDATE note SET body = 'second lemur', revision = 2 WHERE user_id = ? AND paper_id = 9", owner);
        assertNothing("marmot", owner);
        assertEquals(9L, only("lemur", owner).paperId());
        long gone = annotation(owner, 10, "team", "retrieval", "doomed dugong");
        assertEquals(10L, only("dugong", mate).paperId());
        sql("UPDATE annotation SET visibility = 'private' WHERE id = ?", gone);
        assertNothing("dugong", mate);
        sql("DELETE FROM annotation WHERE id = ?", gone);
        assertNothing("dugong", owner);
        int before = ((Number) db.read().fetchValue("SELECT count(*) FROM search_doc")).intValue();
        assertEquals(before, SearchStore.reindex(db));
        assertEquals(9L, only("lemur", owner).paperId());
        assertEquals("in Ada's shared comment", only("narwhal", owner).hits().get(0).reason());
    }

    @Test
    void sharingAnAnnotationLaterMakesItAndItsRepliesFoundByTheTeam() {
        long later = annotation(owner, 12, "private", "attention", "late ibex comment");
        sql("INSERT INTO annotation_reply (annotation_id, user_id, body, created_at) VALUES (?, ?, 'own chamois reply', ?)",
                later, owner, NOW);
        assertNothing("ibex", mate);
        assertNothing("chamois", outsider);
        sql("UPDATE annotation SET visibility = 'team' WHERE id = ?", later);
        assertEquals(12L, only("ibex", mate).paperId());
        assertEquals(12L, only("chamois", outsider).paperId());
        sql("UPDATE annotation SET visibility = 'private' WHERE id = ?", later);
        assertNothing("ibex", mate);
        assertNothing("chamois", outsider);
    }

    @Test
    void theIndexsAccessWordsCannotBeSearchedFor() {
        for (long viewer : List.of(owner, mate, outsider)) {
            assertNothing("u" + owner, viewer);
            assertNothing("u" + mate, viewer);
            assertNothing("in:lists everyone", viewer);
            assertNothing("in:notes note", viewer);
        }
    }

    @Test
    void aDeactivatedTeammatesSharedThingsAreFoundByNobody() {
        long gone = account("leaver", "Lee");
        annotation(gone, 11, "team", "the", "parting wombat");
        assertEquals(11L, only("wombat", owner).paperId());
        sql("UPDATE account SET is_active = 0 WHERE id = ?", gone);
        assertNothing("wombat", owner);
    }

    @Test
    void anyTextAtAllIsAPageOfResultsNeverAnError() {
        String[] hostile = {"\"", "\"unbalanced", "NEAR(", "NEAR(a b", "*", "a*", "^x", ":", "title:", "(", ")", "((a)",
                "' OR 1=1 --", "'; DROP TABLE paper; --", "🙂", "🙂 attention 🙂", "or", "-", "not", "and", "OR OR OR",
                "- - -", "\\", "\u0000", "a\u0000b", "x".repeat(10_000), "attention ".repeat(2000), "{title}: x",
                "AND", "NOT attention", "attention NOT", "\"\"", "\"a\" \"", "-\"", "#", "##", "status:", "rated:",
                "year:..", "in:", "author:", "author:\"", "\uD800", "a\uDC00b", "ǅ ̈ ̈", "٣٤", "\u200B", "%", "_"};
        for (String q : hostile) {
            for (long viewer : new long[] {owner, outsider}) {
                SearchPage page = store.search(SearchQuery.parse(q), viewer, 1, 20);
                assertTrue(page.total() >= 0, q);
            }
        }
        Random random = new Random(11);
        String alphabet = "ab \"*^:()-#NEARORNOTAND{}[]'\\;,.🙂Łé\u0000\t";
        for (int n = 0; n < 400; n++) {
            StringBuilder q = new StringBuilder();
            int length = random.nextInt(30);
            for (int i = 0; i < length; i++) {
                q.appendCodePoint(alphabet.codePointAt(alphabet.offsetByCodePoints(0, random.nextInt(alphabet.codePointCount(0, alphabet.length())))));
            }
            store.search(SearchQuery.parse(q.toString()), owner, 1 + random.nextInt(3), 20);
        }
    }

    private SearchResult only(String q, long viewer) {
        SearchPage page = store.search(SearchQuery.parse(q), viewer, 1, 20);
        assertEquals(1, page.total(), q + " for " + viewer + ": " + page.results());
        return page.results().get(0);
    }

    private void assertNothing(String q, long viewer) {
        assertEquals(0, store.search(SearchQuery.parse(q), viewer, 1, 20).total(), q + " for " + viewer);
    }

    List<Long> papers(String q, long viewer) {
        return store.search(SearchQuery.parse(q), viewer, 1, 200).results().stream().map(SearchResult::paperId).toList();
    }

    long account(String username, String name) {
        sql("INSERT INTO account (username, display_name, password_hash, created_at, password_changed_at) VALUES (?, ?, 'x', ?, ?)",
                username, name, NOW, NOW);
        return id("SELECT id FROM account WHERE username = '" + username + "'");
    }

    long annotation(long user, long paper, String visibility, String quote, String body) {
        sql("INSERT INTO annotation (user_id, paper_id, quote_exact, position_start, position_end, body, visibility, created_at, updated_at)"
                + " VALUES (?, ?, ?, 0, 5, ?, ?, ?, ?)", user, paper, quote, body, visibility, NOW, NOW);
        return id("SELECT max(id) FROM annotation");
    }

    private long list(long ownerId, String name, String visibility) {
        sql("INSERT INTO reading_list (owner_id, name, visibility, created_at, updated_at) VALUES (?, ?, ?, ?, ?)",
                ownerId, name, visibility, NOW, NOW);
        return id("SELECT max(id) FROM reading_list");
    }

    private long id(String query) {
        return ((Number) db.read().fetchValue(query)).longValue();
    }

    private void sql(String statement, Object... values) {
        db.write(dsl -> dsl.execute(statement, values));
    }
}
