package io.paperlog.catalogue;

import static io.paperlog.db.schema.Tables.PAPER_TAG;
import static io.paperlog.db.schema.Tables.RATING;
import static io.paperlog.db.schema.Tables.READING_STATUS;
import static io.paperlog.db.schema.Tables.TAG;

import io.paperlog.db.Database;
import io.paperlog.db.PerVersion;
import io.paperlog.tags.TagFilter;
import io.paperlog.tags.TagName;
import io.paperlog.tracking.Status;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.Record1;
import org.jooq.ResultQuery;
import org.jooq.Select;
import org.jooq.Table;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;

/**
 * Catalogue pages of an order of my own (filtered by my statuses, ratings or tags, or sorted by my rating), found in
 * memory. SQL reaches a deep page only by reading every paper before the offset and looking up my row for each: at
 * 100,000 papers, page 100 of what I have read took 26 ms in the store, my rating's page 300 sorted 16,000 rated
 * papers, and a tag's 736 papers were read whole to be sorted. Here my rows are read once per data version, as the
 * papers they let through (by my rating, also my rated papers in order), and the catalogue's order, kept while no
 * paper changes ({@link PaperOrder}), is walked.
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

    /**
     * Whether the walk can answer the query: it is filtered by my statuses, ratings or tags, or by my rating, and
     * neither by years nor by what the team has read (the papers a team has read are too many to read as a set).
     */
    static boolean serves(CatalogueQuery query) {
        return (query.filtered() || !query.tags().tags().isEmpty() || query.sort() == CatalogueSort.RATING)
                && !query.yearsFiltered() && !query.tags().unreadByTeam();
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
        // the order's version in the key: a walk by rating holds my rated papers in that order, so one built from
        // an order read before a commit must not serve a request that holds the order after it
        Walk walk = walks.get(viewerId + " " + byRating + " " + query.countKey() + " " + papers.version(),
                () -> walk(query, viewerId, papers, byRating));
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

    private Walk walk(CatalogueQuery query, long viewerId, PaperOrder.Ids papers, boolean byRating) {
        List<Through> filters = new ArrayList<>();
        if (query.status() == Status.NONE) {
            filters.add(new Through(ids(papers, READING_STATUS, READING_STATUS.PAPER_ID, READING_STATUS.USER_ID
                    .eq(viewerId).and(READING_STATUS.STATUS.ne(Status.NONE.getSlug()))), true));
        } else if (query.status() != null) {
            filters.add(new Through(ids(papers, READING_STATUS, READING_STATUS.PAPER_ID, READING_STATUS.USER_ID
                    .eq(viewerId).and(READING_STATUS.STATUS.eq(query.status().getSlug()))), false));
        }
        if (query.rated() != null) {
            filters.add(new Through(ids(papers, RATING, RATING.PAPER_ID, RATING.USER_ID.eq(viewerId)), !query.rated()));
        }
        if (!query.tags().tags().isEmpty()) {
            filters.add(tagged(papers, query.tags(), viewerId));
        }
        Walk unordered = new Walk(filters, new int[0], new BitSet());
        return byRating ? ratedFirst(unordered, viewerId, papers) : unordered;
    }

    /** My rated papers that the walk lets through, highest rated first, then in the catalogue's order. */
    private Walk ratedFirst(Walk walk, long viewerId, PaperOrder.Ids papers) {
        BitSet rated = new BitSet();
        int[] perHalves = new int[11];
        byte[] halvesOf = new byte[papers.highest() + 1];
        forEachRow(db.read().select(RATING.PAPER_ID, RATING.HALVES).from(RATING).where(RATING.USER_ID.eq(viewerId)),
                row -> {
                    long paperId = row.getLong(1);
                    int halves = row.getInt(2);
                    if (!within(papers, paperId) || halves < 1 || halves > 10) {
                        return;
                    }
                    rated.set((int) paperId);
                    halvesOf[(int) paperId] = (byte) halves;
                    perHalves[halves]++;
                });
        // one walk of the order, each rated paper let through into its rating's part
        int[][] parts = new int[11][];
        int[] filled = new int[11];
        for (int halves = 1; halves <= 10; halves++) {
            parts[halves] = new int[perHalves[halves]];
        }
        for (int id : papers.inOrder()) {
            int halves = halvesOf[id];
            if (halves > 0 && walk.lets(id)) {
                parts[halves][filled[halves]++] = id;
            }
        }
        int[] first = new int[Arrays.stream(filled).sum()];
        int placed = 0;
        for (int halves = 10; halves >= 1; halves--) {
            System.arraycopy(parts[halves], 0, first, placed, filled[halves]);
            placed += filled[halves];
        }
        return new Walk(walk.filters(), first, rated);
    }

    /** The papers carrying any of my tags of the filter; all of them; or, with "none", not any of them. */
    private Through tagged(PaperOrder.Ids papers, TagFilter filter, long viewerId) {
        if (filter.mode() != TagFilter.Mode.ALL) {
            BitSet any = ids(papers, PAPER_TAG, PAPER_TAG.PAPER_ID, PAPER_TAG.TAG_ID.in(mine(filter.tags(), viewerId)));
            return new Through(any, filter.mode() == TagFilter.Mode.NONE);
        }
        BitSet all = null;
        for (TagName tag : filter.tags()) {
            BitSet carrying = ids(papers, PAPER_TAG, PAPER_TAG.PAPER_ID, PAPER_TAG.TAG_ID.in(mine(List.of(tag), viewerId)));
            if (all == null) {
                all = carrying;
            } else {
                all.and(carrying);
            }
        }
        return new Through(all, false);
    }

    private static Select<Record1<Long>> mine(List<TagName> tags, long viewerId) {
        return DSL.select(TAG.ID).from(TAG)
                .where(TAG.USER_ID.eq(viewerId), TAG.NAME_KEY.in(tags.stream().map(TagName::key).toList()));
    }

    private BitSet ids(PaperOrder.Ids papers, Table<?> table, Field<Long> paperId, Condition where) {
        BitSet ids = new BitSet();
        forEachRow(db.read().select(paperId).from(table).where(where), row -> {
            long id = row.getLong(1);
            if (within(papers, id)) {
                ids.set((int) id);
            }
        });
        return ids;
    }

    /**
     * Whether a paper id of my rows is one of the order's: a row kept for a paper that is gone (written while
     * foreign keys were off) is in no order, and must not make a set far larger, or fail.
     */
    private static boolean within(PaperOrder.Ids papers, long id) {
        return id >= 0 && id <= papers.highest();
    }

    private interface RowReader {
        void read(ResultSet row) throws SQLException;
    }

    /** Reads the query's rows as JDBC rows, not jOOQ records: a heavy reader's 25,000 statuses in 5 ms rather than 7. */
    private static void forEachRow(ResultQuery<?> query, RowReader reader) {
        try (ResultSet rows = query.fetchResultSet()) {
            while (rows.next()) {
                reader.read(rows);
            }
        } catch (SQLException e) {
            throw new DataAccessException("cannot read " + query.getSQL(), e);
        }
    }
}
