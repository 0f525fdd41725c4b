package io.paperlog.search;

import io.paperlog.search.SearchQuery.Term;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToIntFunction;

/**
 * How common each word of a search is, counted up to {@link #COMMON} documents, and how to order matches without
 * bm25 when one is that common.
 *
 * <p>Why: FTS5's bm25 first reads the whole list of documents of every word it ranks by (to weigh the word), then
 * the positions of every match. With 100,000 papers a general word ("model", "language") is in most documents, so
 * bm25 costs 100–300 ms, yet gives such a word next to no weight (FTS5 floors the weight of a word found in more
 * than half the documents). So a search with a common word takes the newest matches FTS5 reaches first, without
 * ranking them there, and orders them here: by how much of the search, each word weighed by how rare it is, the
 * title and the authors hold; then newest first. With a small catalogue no word is that common, and bm25 ranks.
 *
 * @param query the search as it runs: its last word is no longer also a prefix when that word alone is common
 * @param documents each word or phrase searched for, with the number of documents that have it (up to COMMON)
 * @param indexSize about how many documents the index holds
 * @param common how many documents make a word common
 */
record Breadth(SearchQuery query, Map<Term, Integer> documents, long indexSize, int common) {

    /** A word found in this many documents is common: bm25 would cost more than it tells. */
    static final int COMMON = 2000;

    private static final double TITLE = 10;
    private static final double AUTHORS = 6;

    /**
     * Counts the documents of each word with {@code documentsWith} (an FTS5 expression: how many documents have it,
     * counted up to {@code common}). A phrase counts as its rarest word: no positions are read, and the phrase is in
     * no more documents than that. The word typed last is a prefix too, unless it alone is common: the prefix would
     * only add more of the same many matches, and FTS5 reads every word a prefix stands for before the first match.
     */
    static Breadth measure(SearchQuery query, ToIntFunction<String> documentsWith, long indexSize, int common) {
        Map<Term, Integer> documents = new LinkedHashMap<>();
        Term prefixed = query.prefixTerm();
        boolean wholeLast = false;
        for (Term term : query.terms()) {
            int n = term.words().stream()
                    .mapToInt(w -> documentsWith.applyAsInt(SearchQuery.quoted(new Term(w, false), false)))
                    .min().orElse(0);
            if (term == prefixed) {
                wholeLast = n >= common;
                n = wholeLast ? n : documentsWith.applyAsInt(SearchQuery.wholeOrPrefix(term));
            }
            documents.merge(term, n, Math::max);
        }
        return new Breadth(wholeLast ? query.wholeWords() : query, documents, indexSize, common);
    }

    boolean hasCommonWord() {
        return documents.values().stream().anyMatch(n -> n >= common);
    }

    /** Rarer words weigh more: the log of how many documents there are for each one that has the word. */
    double weight(Term term) {
        return Math.log(1 + (double) Math.max(indexSize, 1) / Math.max(1, documents.getOrDefault(term, common)));
    }

    /** Higher is better: the weight of each word the title has (ten times) and the authors have (six times). */
    double score(String title, String authors) {
        List<String> titleWords = Folding.words(title == null ? "" : title);
        List<String> authorWords = Folding.words(authors == null ? "" : authors);
        double score = 0;
        for (Term term : documents.keySet()) {
            double weight = weight(term);
            for (String word : term.words()) {
                score += weight * (TITLE * has(titleWords, word) + AUTHORS * has(authorWords, word));
            }
        }
        return score;
    }

    private static int has(List<String> words, String word) {
        List<String> one = List.of(word);
        return words.stream().anyMatch(w -> Snippet.matchesAny(w, one)) ? 1 : 0;
    }
}
