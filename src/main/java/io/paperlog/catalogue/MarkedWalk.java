package io.paperlog.catalogue;

import static io.paperlog.db.schema.Tables.RATING;
import static io.paperlog.db.schema.Tables.READING_STATUS;

import io.paperlog.db.Database;
import io.paperlog.db.PerVersion;
import io.paperlog.tracking.Status;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.Table;

/**
 * Catalogue pages deep into an order of my own (filtered by my statuses or ratings, or sorted by my rating), found
 * in memory. SQL reaches them only by reading every paper before the offset and looking up my row for each: at
 * 100,000 papers, page 100 of what I have read took 26 ms in the store, my rating's page 300 sorted 16,000 rated
 * papers. Here my rows are read once per data version, as the papers they let through (by my rating, also my rated
 * papers in order), and the catalogue's order, kept while no paper changes ({@link PaperOrder}), is walked.
 */
final class MarkedWalk {

    /** Walks kept at once: each is two sets of a bit per paper and, by my rating, my rated papers' ids. */
    static final int KEPT = 32;

    /** Papers let through by one of my filters: those in {@code ids}, or with {@code except}, those not in it. */
    private record Through(BitSet ids, boolean except) {
        boolean lets(int id) {
            return ids.get(id) != except;
        }
    }

    /** What a query lets through, and by my rating, the rated papers it lets through, in order, to come first. */
    private record Walk(List<Through> filters, int[] first, BitSet inFirst) {
        boolean lets(int id) {
            for (Through through : filters) {
                if (!through.lets(id)) {
                    return false;
                }
            }
            return true;
        }
    }

    private final Database db;
    private final PaperOrder order;
    private final PerVersion<Walk> walks;

    MarkedWalk(Database db, PaperOrder order) {
        this.db = db;
        this.order = order;
        this.walks = new PerVersion<>(db, KEPT);
    }

    /** Whether the walk serves the query: only my marks filter it (no years, no tags), or it is by my rating. */
    static boolean serves(CatalogueQuery query) {
        return (query.filtered() || query.sort() == CatalogueSort.RATING) && !query.yearsFiltered()
                && !query.tags().active();
    }

    /**
     * The ids of the query's papers at {@code offset}, at most {@code limit}, in its order; null when paper ids are
     * too sparse for sets indexed by id, and SQL must answer.
     */
    List<Long> ids(CatalogueQuery query, long viewerId, long offset, int limit) {
        PaperOrder.Ids papers = order.ids(query.sort());
        if (!papers.dense()) {
            return null;
        }
        boolean byRating = query.sort() == CatalogueSort.RATING;
        Walk walk = walks.get(viewerId + " " + byRating + " " + query.countKey(),
                () -> walk(query, viewerId, papers.inOrder(), byRating));
        List<Long> ids = new ArrayList<>(limit);
        for (long at = offset; at < walk.first().length && ids.size() < limit; at++) {
            ids.add((long) walk.first()[(int) at]);
        }
        long skip = Math.max(0, offset - walk.first().length);
        for (int id : papers.inOrder()) {
            if (ids.size() == limit) {
                break;
            }
            if (!walk.inFirst().get(id) && walk.lets(id) && skip-- <= 0) {
                ids.add((long) id);
            }
        }
        return ids;
    }

    private Walk walk(CatalogueQuery query, long viewerId, int[] inOrder, boolean byRating) {
        List<Through> filters = new ArrayList<>();
        if (query.status() == Status.NONE) {
            filters.add(new Through(ids(READING_STATUS, READING_STATUS.PAPER_ID, READING_STATUS.USER_ID.eq(viewerId)
                    .and(READING_STATUS.STATUS.ne(Status.NONE.getSlug()))), true));
        } else if (query.status() != null) {
            filters.add(new Through(ids(READING_STATUS, READING_STATUS.PAPER_ID, READING_STATUS.USER_ID.eq(viewerId)
                    .and(READING_STATUS.STATUS.eq(query.status().getSlug()))), false));
        }
        if (query.rated() != null) {
            filters.add(new Through(ids(RATING, RATING.PAPER_ID, RATING.USER_ID.eq(viewerId)), !query.rated()));
        }
        Walk unordered = new Walk(filters, new int[0], new BitSet());
        return byRating ? ratedFirst(unordered, viewerId, inOrder) : unordered;
    }

    /** My rated papers that the walk lets through, highest rated first, then in the catalogue's order. */
    private Walk ratedFirst(Walk walk, long viewerId, int[] inOrder) {
        List<BitSet> byHalves = new ArrayList<>();
        for (int halves = 0; halves <= 10; halves++) {
            byHalves.add(new BitSet());
        }
        db.read().select(RATING.PAPER_ID, RATING.HALVES).from(RATING).where(RATING.USER_ID.eq(viewerId))
                .forEach(r -> byHalves.get(r.value2()).set(Math.toIntExact(r.value1())));
        BitSet rated = new BitSet();
        byHalves.forEach(rated::or);
        int[] first = new int[rated.cardinality()];
        int placed = 0;
        for (int halves = 10; halves >= 1; halves--) {
            BitSet these = byHalves.get(halves);
            for (int id : inOrder) {
                if (these.get(id) && walk.lets(id)) {
                    first[placed++] = id;
                }
            }
        }
        return new Walk(walk.filters(), Arrays.copyOf(first, placed), rated);
    }

    private BitSet ids(Table<?> table, Field<Long> paperId, Condition where) {
        BitSet ids = new BitSet();
        db.read().select(paperId).from(table).where(where).forEach(r -> ids.set(Math.toIntExact(r.value1())));
        return ids;
    }
}
