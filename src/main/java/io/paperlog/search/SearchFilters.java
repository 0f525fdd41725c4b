package io.paperlog.search;

import static io.paperlog.db.schema.Tables.PAPER;
import static io.paperlog.db.schema.Tables.RATING;
import static io.paperlog.db.schema.Tables.READING_STATUS;
import static io.paperlog.db.schema.Tables.SEARCH_DOC;

import io.paperlog.db.schema.tables.SearchDoc;
import io.paperlog.tags.TagFilter;
import io.paperlog.tags.TagName;
import io.paperlog.tags.TagStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Table;
import org.jooq.impl.DSL;

/**
 * The SQL conditions of a search's filters (status:, rated:, year:, author:, #tag) for {@link SearchStore}, each
 * about the paper a document belongs to, in the form that is cheap for the lists they name.
 */
final class SearchFilters {

    private static final Table<?> FTS = SearchStore.FTS;

    /** How many papers make a list long (see {@link ShortLists}). */
    private final int common;

    SearchFilters(int common) {
        this.common = common;
    }

    /**
     * Which filters keep only a short list of papers (under {@code common}: carrying the viewer's tags, given that
     * status or rating by them, found by an author's name). SQLite reads such a list once and starts from it (IN);
     * a longer one costs more to build and sort than looking each paper up, or walking the papers in order until
     * the page is full.
     */
    record ShortLists(boolean statuses, boolean rated, boolean tags, boolean authors) {
        boolean any() {
            return statuses || rated || tags || authors;
        }
    }

    ShortLists shortLists(DSLContext dsl, SearchQuery query, long viewerId) {
        List<String> marked = marked(query);
        boolean statuses = !marked.isEmpty() && !query.statuses().contains(SearchQuery.Status.NONE)
                && isShort(dsl, DSL.selectOne().from(READING_STATUS).where(READING_STATUS.USER_ID.eq(viewerId),
                        READING_STATUS.STATUS.in(marked)));
        boolean rated = query.rated() != null && !unratedHolds(query.rated())
                && isShort(dsl, DSL.selectOne().from(RATING).where(RATING.USER_ID.eq(viewerId), holds(query.rated())));
        TagFilter all = everyTag(query.tags());
        boolean tags = all != null && isShort(dsl, DSL.selectOne().from(TagStore.carrying(all, viewerId)));
        boolean authors = query.authors().stream().anyMatch(author -> isShort(dsl, DSL.selectOne().from(FTS)
                .where(DSL.condition("search_fts MATCH ?", SearchQuery.authorExpression(author)))));
        return new ShortLists(statuses, rated, tags, authors);
    }

    private boolean isShort(DSLContext dsl, org.jooq.SelectLimitStep<?> rows) {
        return dsl.fetchCount(rows.limit(common)) < common;
    }

    /** The statuses other than none that status: asks for. */
    private static List<String> marked(SearchQuery query) {
        return query.statuses().stream().filter(s -> s != SearchQuery.Status.NONE)
                .map(s -> s.name().toLowerCase(Locale.ROOT)).toList();
    }

    /**
     * status:, rated:, year:, author: and #tag, each about the paper a document belongs to. A short list of the
     * viewer's statuses, ratings or tags is one SQLite reads once (IN); a longer one is a lookup for each paper.
     */
    static List<Condition> paperFilters(SearchQuery query, long viewerId, ShortLists lists) {
        Field<Long> paper = SEARCH_DOC.PAPER_ID;
        List<Condition> filters = new ArrayList<>();
        if (!query.statuses().isEmpty()) {
            List<String> marked = marked(query);
            Condition any = marked.isEmpty() ? DSL.falseCondition() : lists.statuses()
                    ? paper.in(DSL.select(READING_STATUS.PAPER_ID).from(READING_STATUS)
                            .where(READING_STATUS.USER_ID.eq(viewerId), READING_STATUS.STATUS.in(marked)))
                    : DSL.exists(DSL.selectOne().from(READING_STATUS).where(READING_STATUS.USER_ID.eq(viewerId),
                            READING_STATUS.PAPER_ID.eq(paper), READING_STATUS.STATUS.in(marked)));
            if (query.statuses().contains(SearchQuery.Status.NONE)) {
                any = any.or(paper.isNotNull().and(paper.notIn(DSL.select(READING_STATUS.PAPER_ID).from(READING_STATUS)
                        .where(READING_STATUS.USER_ID.eq(viewerId), READING_STATUS.STATUS.ne("none")))));
            }
            filters.add(any);
        }
        if (query.rated() != null) {
            filters.add(rated(paper, query.rated(), viewerId, lists.rated()));
        }
        if (query.years() != null) {
            Condition years = PAPER.ID.eq(paper);
            if (query.years().from() != null) {
                years = years.and(PAPER.YEAR.ge(query.years().from()));
            }
            if (query.years().to() != null) {
                years = years.and(PAPER.YEAR.le(query.years().to()));
            }
            filters.add(DSL.exists(DSL.selectOne().from(PAPER).where(years)));
        }
        SearchDoc authorDoc = SEARCH_DOC.as("author_doc");
        for (SearchQuery.Term author : query.authors()) {
            filters.add(paper.in(DSL.select(authorDoc.SOURCE_ID).from(authorDoc).where(authorDoc.KIND.eq("paper"),
                    authorDoc.ID.in(DSL.select(DSL.field(DSL.name("rowid"), Long.class)).from(FTS)
                            .where(DSL.condition("search_fts MATCH ?", SearchQuery.authorExpression(author)))))));
        }
        if (!query.tags().isEmpty()) {
            filters.add(tagged(paper, query.tags(), viewerId, lists.tags()));
        }
        return filters;
    }

    /**
     * Papers whose rating by the viewer compares so with {@code rated}; a paper they did not rate counts as 0, so
     * {@code rated:<2} finds it too: then the condition is "not among the papers rated otherwise".
     */
    private static Condition rated(Field<Long> paper, SearchQuery.Rated rated, long viewerId, boolean shortList) {
        var ratedSo = DSL.select(RATING.PAPER_ID).from(RATING).where(RATING.USER_ID.eq(viewerId));
        if (unratedHolds(rated)) {
            return paper.isNotNull().and(paper.notIn(ratedSo.and(DSL.not(holds(rated)))));
        }
        return shortList ? paper.in(ratedSo.and(holds(rated)))
                : DSL.exists(ratedSo.and(RATING.PAPER_ID.eq(paper)).and(holds(rated)));
    }

    /** Whether a rating's halves compare so with {@code rated}. */
    private static Condition holds(SearchQuery.Rated rated) {
        int n = rated.halves();
        Field<Integer> halves = RATING.HALVES;
        return switch (rated.op()) {
            case ">=" -> halves.ge(n);
            case "<=" -> halves.le(n);
            case ">" -> halves.gt(n);
            case "<" -> halves.lt(n);
            default -> halves.eq(n);
        };
    }

    /** Whether a paper the viewer did not rate (0) passes {@code rated}. */
    private static boolean unratedHolds(SearchQuery.Rated rated) {
        int n = rated.halves();
        return switch (rated.op()) {
            case ">=" -> 0 >= n;
            case "<=" -> 0 <= n;
            case ">" -> false;
            case "<" -> 0 < n;
            default -> n == 0;
        };
    }

    /** Papers that carry every one of {@code tags} among the viewer's own tags; a word no tag can be matches none. */
    static Condition tagged(Field<Long> paper, List<String> tags, long viewerId, boolean shortList) {
        TagFilter all = everyTag(tags);
        if (all == null) {
            return DSL.falseCondition();
        }
        // a short list of the papers carrying any of them, SQLite reads once; each is then checked for all
        Condition each = TagStore.matches(all, paper, viewerId);
        return shortList ? paper.in(TagStore.carrying(all, viewerId)).and(each) : each;
    }

    /** The filter "every one of these tags", or null when there are none or a word no tag can be. */
    private static TagFilter everyTag(List<String> tags) {
        List<TagName> names = tags.stream().map(TagName::parse).flatMap(java.util.Optional::stream).toList();
        return names.isEmpty() || names.size() < tags.size() ? null : new TagFilter(names, TagFilter.Mode.ALL, false);
    }
}
