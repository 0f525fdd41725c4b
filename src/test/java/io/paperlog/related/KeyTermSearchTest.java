package io.paperlog.related;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paperlog.db.Database;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Related papers as a catalogue too large for the in-memory index gets them ({@link KeyTermSearch}), reached here
 * with the 100 seeded papers by telling RelatedPapers to build no index above none.
 */
class KeyTermSearchTest {

    @TempDir
    static Path folder;

    static Database db;
    static RelatedPapers related;

    @BeforeAll
    static void open() {
        db = Database.open(folder.resolve("k.db"), 1);
        related = new RelatedPapers(new RelatedStore(db, Clock.systemUTC()), Method.CHOSEN, 0);
    }

    @AfterAll
    static void close() {
        db.close();
    }

    @Test
    void aPaperIsRelatedToPapersOnItsTopicWithTheWordsTheyShare() {
        // paper 36 is Reformer, an efficient Transformer; its labelled topic is efficient attention
        List<RelatedIndex.Match> matches = related.similarTo(36, 5);
        assertEquals(5, matches.size());
        assertTrue(matches.stream().noneMatch(m -> m.id() == 36), "never itself");
        assertTrue(matches.stream().allMatch(m -> !m.sharedTerms().isEmpty()), "each with a reason: " + matches);
        for (int i = 1; i < matches.size(); i++) {
            assertTrue(matches.get(i - 1).score() >= matches.get(i).score(), "best first: " + matches);
        }
        TopicLabels labels = TopicLabels.load();
        assertTrue(labels.relevance(36, matches.get(0).id()) > 0, "the first shares a topic: " + matches);
    }

    @Test
    void anAddedPaperIsRelatedAtOnce() {
        long before = related.similarTo(36, 5).stream().filter(m -> m.id() == 900).count();
        String title = "Reversible layers and locality-sensitive hashing for long sequences";
        String abstractText = "We replace dot-product attention by locality-sensitive hashing attention and use reversible"
                + " residual layers, so that an efficient Transformer reads long sequences with less memory.";
        db.write(dsl -> dsl.execute("INSERT INTO paper (id, title, citations, abstract, created_at)"
                + " VALUES (900, ?, 0, ?, '2026-12-03T00:00:00Z')", title, abstractText));
        try {
            assertEquals(0, before);
            List<RelatedIndex.Match> after = related.similarTo(36, 5);
            assertEquals(900L, after.get(0).id(), "the new paper shares Reformer's rarest words: " + after);
            List<String> reason = after.get(0).sharedTerms();
            assertFalse(reason.isEmpty());
            String text = (title + " " + abstractText).toLowerCase(java.util.Locale.ROOT);
            assertTrue(reason.stream().allMatch(text::contains), "the words shown are the new paper's: " + reason);
        } finally {
            db.write(dsl -> dsl.execute("DELETE FROM paper WHERE id = 900"));
        }
        assertTrue(related.similarTo(36, 5).stream().noneMatch(m -> m.id() == 900), "and gone once removed");
    }

    @Test
    void suggestionsFollowLikedPapersAndAvoidDislikedAndExcludedOnes() {
        List<RelatedIndex.Suggestion> liked = related.recommend(Map.of(36L, 1.0), 5, Set.of());
        assertEquals(5, liked.size());
        assertTrue(liked.stream().allMatch(s -> s.because() == 36L && !s.sharedTerms().isEmpty()), liked.toString());
        long first = liked.get(0).id();
        assertFalse(related.recommend(Map.of(36L, 1.0), 5, Set.of(first)).stream().anyMatch(s -> s.id() == first));
        assertFalse(related.recommend(Map.of(36L, 1.0, first, -0.6), 5, Set.of()).stream().anyMatch(s -> s.id() == first),
                "a paper turned down is never suggested");
        assertTrue(related.recommend(Map.of(36L, -1.0), 5, Set.of()).isEmpty(), "dislikes alone suggest nothing");
    }
}
