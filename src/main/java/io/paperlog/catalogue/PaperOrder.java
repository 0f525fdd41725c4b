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
     * The ids in order, and whether they are dense: none negative, the highest within a few times their number, so
     * that sets of papers can be bit sets indexed by id. Ids are given out in turn, but a restored backup or a
     * hand-made database could hold one far beyond the rest; then {@code inOrder} is empty.
     */
    record Ids(int[] inOrder, boolean dense) {}

    private record Kept(long version, Ids ids) {}

    private final Database db;
    private final Map<CatalogueSort, Kept> kept = new EnumMap<>(CatalogueSort.class);

    PaperOrder(Database db) {
        this.db = db;
    }

    /** The ids in {@code sort}'s order; by my rating, most cited first (the order of the papers I have not rated). */
    Ids ids(CatalogueSort sort) {
        CatalogueSort order = sort == CatalogueSort.RATING ? CatalogueSort.CITATIONS : sort;
        long version = db.papersVersion();
        synchronized (kept) {
            Kept known = kept.get(order);
            if (known != null && known.version() == version) {
                return known.ids();
            }
        }
        long[] read = db.read().select(PAPER.ID).from(PAPER).orderBy(CatalogueStore.order(order)).fetch()
                .stream().mapToLong(r -> r.value1()).toArray();
        boolean dense = Arrays.stream(read).allMatch(id -> id >= 0 && id <= 4L * read.length + 1_024);
        Ids ids = dense ? new Ids(Arrays.stream(read).mapToInt(id -> (int) id).toArray(), true)
                : new Ids(new int[0], false);
        synchronized (kept) {
            kept.put(order, new Kept(version, ids));
        }
        return ids;
    }
}
