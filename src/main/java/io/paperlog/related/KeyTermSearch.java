package io.paperlog.related;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Related papers for a catalogue too large for {@link RelatedIndex} to hold. A paper's key terms (its words that
 * are frequent in it and rare in the catalogue, by tf-idf) are asked of the search index (FTS5),
 * whose bm25 finds the {@link #RERANKED} papers that have most of them; those and the paper then make a small
 * {@link RelatedIndex} of the same method, which orders them and names the shared words. Nothing is held but a
 * bounded cache of answers, dropped whenever the catalogue changes, so an added paper is related at once.
 * RelatedQualityTest measures it on the labelled papers beside the whole-catalogue index.
 */
final class KeyTermSearch {

    /** Terms whose document frequency is looked up: the paper's most frequent ones (the title's count thrice). */
    static final int CANDIDATE_TERMS = 40;
    /** Terms asked of the index. */
    static final int KEY_TERMS = 20;
    /** Answers kept, each a few papers long; more than the papers people open between two catalogue changes. */
    private static final int CACHED = 4_096;
    /** A related list is computed this long, and cut to what is asked. */
    private static final int COMPUTED = 20;
    /** Papers the search index finds, to be ordered by the method: more rank better and cost more (50: ~0.64 nDCG@5). */
    private static final int RERANKED = 50;
    /** Papers whose related lists make suggestions: the most liked and the most disliked (each list costs a search). */
    private static final int LIKED_SEEDS = 5;
    private static final int DISLIKED_SEEDS = 3;

    private final RelatedStore store;
    private final Method method;
    private final Map<Long, List<RelatedIndex.Match>> cache = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, List<RelatedIndex.Match>> eldest) {
            return size() > CACHED;
        }
    };
    private RelatedStore.Version cachedAt;

    KeyTermSearch(RelatedStore store, Method method) {
        this.store = store;
        this.method = method;
    }

    /** A term of the paper: what it is compared by, its words as written, and its weight in the paper. */
    private record KeyTerm(String term, String surface, double weight) {}

    List<RelatedIndex.Match> similarTo(RelatedStore.Version version, long id, int limit, Set<Long> excluded) {
        List<RelatedIndex.Match> all;
        synchronized (cache) {
            if (!version.equals(cachedAt)) {
                cache.clear();
                cachedAt = version;
            }
            all = cache.get(id);
        }
        if (all == null) {
            all = compute(version, id);
            synchronized (cache) {
                if (version.equals(cachedAt)) {
                    cache.put(id, all);
                }
            }
        }
        return all.stream().filter(m -> !excluded.contains(m.id())).limit(limit).toList();
    }

    private List<RelatedIndex.Match> compute(RelatedStore.Version version, long id) {
        RelatedIndex.Doc doc = store.doc(id);
        if (doc == null) {
            return List.of();
        }
        List<KeyTerm> keys = keyTerms(doc, version.papers());
        if (keys.isEmpty()) {
            return List.of();
        }
        List<Long> ids = new ArrayList<>(store.papersWithAny(keys.stream().map(KeyTerm::surface).toList(),
                method.titleWeight(), id, RERANKED));
        ids.add(id);
        RelatedIndex local = RelatedIndex.build(method, store.docs(ids).stream()
                .sorted(Comparator.comparingLong(RelatedIndex.Doc::id)).toList());
        return List.copyOf(local.similarTo(id, COMPUTED, Set.of()));
    }

    /**
     * The paper's terms by tf-idf: counts dampened (1 + ln tf), the title's weighing {@code titleWeight} times, and
     * idf from how many papers the index finds with the term. A term only this paper has relates it to nothing,
     * and one in more than a tenth of the papers says little about it; both are left out. Single words only: a
     * word pair is an FTS5 phrase, whose common words' positions cost tens of milliseconds to read (at 100,000
     * papers); the small index that orders the papers found compares the pairs.
     */
    private List<KeyTerm> keyTerms(RelatedIndex.Doc doc, int papers) {
        Map<String, Double> counts = new HashMap<>();
        Map<String, String> surfaces = new HashMap<>();
        Analyzer analyzer = method.analyzer();
        count(analyzer.terms(doc.title()), method.titleWeight(), counts, surfaces);
        count(analyzer.terms(doc.abstractText()), 1, counts, surfaces);
        List<String> candidates = counts.keySet().stream()
                .sorted(Comparator.comparingDouble((String t) -> -counts.get(t)).thenComparing(t -> t))
                .limit(CANDIDATE_TERMS).toList();
        int common = Math.max(50, papers / 10);
        List<KeyTerm> keys = new ArrayList<>();
        for (String term : candidates) {
            int having = store.papersHaving(surfaces.get(term), common);
            if (having > 1 && having < common) {
                double tf = 1 + Math.log(counts.get(term));
                keys.add(new KeyTerm(term, surfaces.get(term), tf * Math.log((double) papers / having)));
            }
        }
        keys.sort(Comparator.comparingDouble((KeyTerm k) -> -k.weight()).thenComparing(KeyTerm::term));
        return keys.subList(0, Math.min(KEY_TERMS, keys.size()));
    }

    private static void count(List<Analyzer.Term> terms, double weight, Map<String, Double> counts,
                              Map<String, String> surfaces) {
        for (Analyzer.Term t : terms) {
            if (!t.part() && !t.term().contains(" ")) {
                counts.merge(t.term(), weight, Double::sum);
                surfaces.putIfAbsent(t.term(), t.surface());
            }
        }
    }

    /**
     * Suggestions from weighted papers, as {@link RelatedIndex#recommend} makes them but from the related lists of
     * the most liked and most disliked papers only: each list's scores are scaled to its best, times the
     * paper's weight, and added up.
     */
    List<RelatedIndex.Suggestion> recommend(RelatedStore.Version version, Map<Long, Double> weights, int limit,
                                            Set<Long> excluded) {
        List<Map.Entry<Long, Double>> seeds = weights.entrySet().stream().filter(e -> e.getValue() != 0)
                .sorted(Comparator.comparingDouble((Map.Entry<Long, Double> e) -> -Math.abs(e.getValue()))
                        .thenComparing(Map.Entry::getKey))
                .toList();
        Map<Long, Double> total = new HashMap<>();
        Map<Long, Double> strongest = new HashMap<>();
        Map<Long, RelatedIndex.Suggestion> because = new HashMap<>();
        int liked = 0;
        int disliked = 0;
        for (Map.Entry<Long, Double> seed : seeds) {
            if (seed.getValue() > 0 ? liked++ >= LIKED_SEEDS : disliked++ >= DISLIKED_SEEDS) {
                continue;
            }
            List<RelatedIndex.Match> near = similarTo(version, seed.getKey(), COMPUTED, Set.of());
            double best = near.isEmpty() ? 1 : near.get(0).score();
            for (RelatedIndex.Match m : near) {
                double contribution = seed.getValue() * m.score() / best;
                total.merge(m.id(), contribution, Double::sum);
                if (contribution > strongest.getOrDefault(m.id(), 0.0)) {
                    strongest.put(m.id(), contribution);
                    because.put(m.id(), new RelatedIndex.Suggestion(m.id(), 0, seed.getKey(), m.sharedTerms()));
                }
            }
        }
        return total.entrySet().stream()
                .filter(e -> e.getValue() > 0 && !weights.containsKey(e.getKey()) && !excluded.contains(e.getKey()))
                .sorted(Comparator.comparingDouble((Map.Entry<Long, Double> e) -> -e.getValue())
                        .thenComparing(Map.Entry::getKey))
                .limit(limit)
                .map(e -> {
                    RelatedIndex.Suggestion reason = because.get(e.getKey());
                    return new RelatedIndex.Suggestion(e.getKey(), e.getValue(), reason.because(), reason.sharedTerms());
                })
                .toList();
    }
}
