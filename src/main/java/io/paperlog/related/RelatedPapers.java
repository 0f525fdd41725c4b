package io.paperlog.related;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.LoggerFactory;

/**
 * The related-papers index of the papers the database holds now. Each question first reads the catalogue's version
 * (count, last id, last created and updated time: one aggregate over the paper table); when papers were added,
 * edited or removed since the index was built, it is rebuilt from the paper table. Up to {@link #BUILD_AT_ONCE}
 * papers (milliseconds for the 100 seeded ones) that happens before answering, so an added paper is related at
 * once; above that the rebuild runs in the background and the previous index answers meanwhile. Above
 * {@link #BUILD_AT_MOST} papers, and before the first background build is ready, {@link KeyTermSearch} answers
 * instead, from the search index. RelatedBenchmark measures both ways.
 */
public final class RelatedPapers {

    static final int BUILD_AT_ONCE = 2_000;
    /**
     * Above this many papers no index is built and {@link KeyTermSearch} answers: the index holds every paper's term
     * vector and postings in the heap, and its neighbour smoothing compares each paper with all that share a term.
     * On ScaleGenerator's text (a small vocabulary, so most papers share terms) with a 128 MB heap,
     * 2,000 papers took 19 s, 5,000 took 270 s and 10,000 ran out of memory; 100,000 is out of reach.
     */
    static final int BUILD_AT_MOST = 5_000;

    private record Built(RelatedStore.Version version, RelatedIndex index) {}

    private final RelatedStore store;
    private final Method method;
    private final KeyTermSearch large;
    private final int buildAtMost;
    private final AtomicBoolean building = new AtomicBoolean();
    private final ExecutorService background = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "paperlog-related-index");
        thread.setDaemon(true);
        return thread;
    });
    private volatile Built built;

    RelatedPapers(RelatedStore store, Method method) {
        this(store, method, BUILD_AT_MOST);
    }

    /** With {@code buildAtMost} other than {@link #BUILD_AT_MOST}: so that tests reach KeyTermSearch with few papers. */
    RelatedPapers(RelatedStore store, Method method, int buildAtMost) {
        this.buildAtMost = buildAtMost;
        this.store = store;
        this.method = method;
        this.large = new KeyTermSearch(store, method);
    }

    /** The {@code limit} papers most like paper {@code id}, best first, each with the words they share. */
    public List<RelatedIndex.Match> similarTo(long id, int limit) {
        RelatedStore.Version version = store.version();
        RelatedIndex index = version.papers() > buildAtMost ? null : index(version);
        return index == null ? large.similarTo(version, id, limit, Set.of()) : index.similarTo(id, limit, Set.of());
    }

    /** Suggestions from weighted papers (positive: more like this; negative: less like this). */
    public List<RelatedIndex.Suggestion> recommend(Map<Long, Double> weights, int limit, Set<Long> excluded) {
        RelatedStore.Version version = store.version();
        RelatedIndex index = version.papers() > buildAtMost ? null : index(version);
        return index == null ? large.recommend(version, weights, limit, excluded)
                : index.recommend(weights, limit, excluded);
    }

    /** The index for this version, or the one before while it is built in the background; null before any. */
    private RelatedIndex index(RelatedStore.Version version) {
        Built current = built;
        if (current != null && version.equals(current.version())) {
            return current.index();
        }
        if (version.papers() <= BUILD_AT_ONCE) {
            return rebuild(version).index();
        }
        if (building.compareAndSet(false, true)) {
            background.execute(() -> {
                try {
                    rebuild(store.version());
                } catch (RuntimeException e) {
                    LoggerFactory.getLogger(RelatedPapers.class).warn("could not build the related-papers index", e);
                } finally {
                    building.set(false);
                }
            });
        }
        return current == null ? null : current.index();
    }

    private synchronized Built rebuild(RelatedStore.Version version) {
        Built current = built;
        if (current == null || !version.equals(current.version())) {
            current = new Built(version, RelatedIndex.build(method, store.docs()));
            built = current;
        }
        return current;
    }
}
