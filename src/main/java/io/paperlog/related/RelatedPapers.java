package io.paperlog.related;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The related-papers index of the papers the database holds now. Each question first reads the catalogue's version
 * (count, last id, last created and updated time: one indexed aggregate); when papers were added, edited or removed
 * since the index was built, it is rebuilt from the paper table before answering. Building takes milliseconds for
 * the 100 seeded papers and grows with the number of papers times the papers each shares terms with (see
 * RelatedBenchmark for figures).
 */
public final class RelatedPapers {

    private record Built(RelatedStore.Version version, RelatedIndex index) {}

    private final RelatedStore store;
    private final Method method;
    private volatile Built built;

    RelatedPapers(RelatedStore store, Method method) {
        this.store = store;
        this.method = method;
    }

    /** The {@code limit} papers most like paper {@code id}, best first, each with the words they share. */
    public List<RelatedIndex.Match> similarTo(long id, int limit) {
        return index().similarTo(id, limit, Set.of());
    }

    /** Suggestions from weighted papers (positive: more like this; negative: less like this). */
    public List<RelatedIndex.Suggestion> recommend(Map<Long, Double> weights, int limit, Set<Long> excluded) {
        return index().recommend(weights, limit, excluded);
    }

    RelatedIndex index() {
        RelatedStore.Version version = store.version();
        Built current = built;
        if (current != null && current.version().equals(version)) {
            return current.index();
        }
        synchronized (this) {
            current = built;
            if (current == null || !current.version().equals(version)) {
                current = new Built(version, RelatedIndex.build(method, store.docs()));
                built = current;
            }
            return current.index();
        }
    }
}
