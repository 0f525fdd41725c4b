package io.paperlog.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paperlog.db.Database;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Every test of {@link SearchStoreTest} again, with a store for which every word is common (in one document or
 * more): the way a catalogue of 100,000 papers searches for a general word, newest matches first and no bm25. Who
 * may find what must not change; the order may.
 */
class SearchStoreCommonWordsTest extends SearchStoreTest {

    @Override
    SearchStore storeFor(Database db) {
        return new SearchStore(db, 1);
    }

    @Override
    @Test
    void aWholeWordRanksAboveAWordThatOnlyStartsLikeIt() {
        // a common last word is not also a prefix: it would only add more of the same many matches
        List<Long> found = papers("hashing", owner());
        assertTrue(found.contains(36L), "Reformer's abstract has the word itself");
        assertFalse(found.contains(38L), "Hashimoto only starts like it");
        assertTrue(papers("hashi", owner()).contains(38L), "a word found nowhere is still a prefix");
    }

    @Test
    void theNewestMatchesComeFirstAfterTheTitlesThatHaveTheWords() {
        List<Long> found = papers("language", owner());
        assertTrue(found.size() > 30, "most of the seeded papers mention language: " + found.size());
        int lastTitled = -1;
        for (int i = 0; i < found.size(); i++) {
            String title = (String) db.read().fetchValue("SELECT title FROM paper WHERE id = ?", found.get(i));
            if (title.toLowerCase().contains("language")) {
                assertEquals(lastTitled + 1, i, "every title with the word comes before those without: " + title);
                lastTitled = i;
            }
        }
        assertTrue(lastTitled >= 0);
    }

    @Test
    void aNoteOrAnnotationRanksByTheTitleOfItsPaper() {
        long reader = account("reader", "Rita");
        // paper 1 is "Language Models are Few-Shot Learners"; paper 2's title does not have the word
        annotation(reader, 1, "private", "learners", "older learners comment");
        for (int i = 0; i < SearchStore.NEWEST - 1; i++) {
            annotation(reader, 2, "private", "learners", "newer learners comment " + i);
        }
        List<Long> found = papers("learners", reader);
        assertEquals(1L, found.get(0), "its paper's title has the word: " + found);
        assertTrue(found.contains(2L));
    }

    @Test
    void pagesOfAlargeSearchNeitherRepeatNorSkip() {
        List<Long> all = papers("the", owner());
        List<Long> paged = new java.util.ArrayList<>();
        for (int page = 1; page <= 6; page++) {
            store.search(SearchQuery.parse("the"), owner(), page, 7).results().forEach(r -> paged.add(r.paperId()));
        }
        Set<Long> seen = new HashSet<>(paged);
        assertEquals(paged.size(), seen.size(), "no result twice: " + paged);
        assertEquals(all.subList(0, paged.size()), paged);
    }

    @Test
    void theTiersOfNewestMatches() {
        assertEquals(0, SearchStore.tier(1));
        assertEquals(0, SearchStore.tier(SearchStore.NEWEST));
        assertEquals(1, SearchStore.tier(SearchStore.NEWEST + 1));
        assertEquals(1, SearchStore.tier(4L * SearchStore.NEWEST));
        assertEquals(2, SearchStore.tier(4L * SearchStore.NEWEST + 1));
    }
}
