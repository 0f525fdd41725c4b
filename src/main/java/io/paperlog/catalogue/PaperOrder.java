package io.paperlog.catalogue;

import static io.paperlog.db.schema.Tables.PAPER;

import io.paperlog.db.Database;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;

/**
 * Every paper's id in each catalogue order, kept while no paper changes ({@link Database#papersVersion}), for the
 * pages that walk it in memory ({@link MarkedWalk}). Read from the order's index: 100,000 ids are 400 KB.
 */
final class PaperOrder {

    /**
     * The ids in order, as they were at {@code version} of the papers, and whether they are dense: none negative, the
     * highest within a few times their number, so that sets of papers can be bit sets indexed by id (up to
     * {@code highest}). Ids are given out in turn, but a restored backup or a hand-made database could hold one far
     * beyond the rest; then {@code inOrder} is empty.
     */
    record Ids(long version, int[] inOrder, boolean dense, int highest) {}

    private final Database db;
    private final Map<CatalogueSort, Ids> kept = new EnumMap<>(CatalogueSort.class);

    PaperOrder(Database db) {
        this.db = db;
    }

    /** The ids in {@code sort}'s order; by my rating, most cited first (the order of the papers I have not rated). */
    Ids ids(CatalogueSort sort) {
        CatalogueSort order = sort == CatalogueSort.RATING ? CatalogueSort.CITATIONS : sort;
        long version = db.papersVersion();
        synchronized (kept) {
            Ids known = kept.get(order);
            if (known != null && known.version() == version) {
                return known;
            }
        }
        long[] read = db.read().select(PAPER.ID).from(PAPER).orderBy(CatalogueStore.order(order)).fetch()
                .stream().mapToLong(r -> r.value1()).toArray();
        boolean dense = Arrays.stream(read).allMatch(id -> id >= 0 && id <= 4L * read.length + 1_024);
        Ids ids = dense ? new Ids(version, Arrays.stream(read).mapToInt(id -> (int) id).toArray(), true,
                (int) Arrays.stream(read).max().orElse(0)) : new Ids(version, new int[0], false, 0);
        synchronized (kept) {
            kept.put(order, ids);
        }
        return ids;
    }
}
