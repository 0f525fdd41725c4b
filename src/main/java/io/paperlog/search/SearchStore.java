package io.paperlog.search;

import static io.paperlog.db.schema.Tables.ANNOTATION;
import static io.paperlog.db.schema.Tables.ANNOTATION_REPLY;
import static io.paperlog.db.schema.Tables.PAPER;
import static io.paperlog.db.schema.Tables.SEARCH_DOC;

import io.paperlog.db.Database;
import io.paperlog.db.schema.tables.SearchDoc;
import io.paperlog.privacy.Visible;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Table;
import org.jooq.impl.DSL;

/**
 * Full-text search over what one person may see, in SQL: the FTS5 index of migration V15 finds and ranks
 * documents (bm25, title and authors weighing more than the abstract), and the conditions below keep only what
 * the viewer may see — papers; their own notes; their own annotations and teammates' shared ones with their
 * replies; lists they may view (as {@link Visible#list}) with their items' notes — and what the filters ask for
 * ({@link SearchFilters}).
 */
public final class SearchStore {

    /** How many matching documents are ranked at most; results are grouped from these. */
    static final int MAX_DOCUMENTS = 1000;
    /** Documents ranked first for each result a page needs; more only when those make too few results. */
    static final int CANDIDATES_PER_RESULT = 5;
    /** Matches shown under one result. */
    static final int HITS_PER_RESULT = 3;
    static final int SNIPPET_CHARS = 220;
    /** How many of the newest matches a search with a common word orders first, and at most (see {@link Breadth}). */
    static final int NEWEST = 200;
    static final int MAX_NEWEST = NEWEST * 64;

    static final Table<?> FTS = DSL.table(DSL.name("search_fts"));
    private static final Field<Long> FTS_ROWID = DSL.field(DSL.name("search_fts", "rowid"), Long.class);
    /** Column weights: title, authors, abstract, body (notes, comments, replies, list notes), quote; access none. */
    private static final Field<Double> BM25 =
            DSL.field("bm25(search_fts, 10.0, 6.0, 2.0, 2.5, 2.5, 0.0)", Double.class);

    private final Database db;
    /** How many documents make a word common (see {@link Breadth}). */
    private final int common;

    public SearchStore(Database db) {
        this(db, Breadth.COMMON);
    }

    /** For tests: a store where a word in {@code common} documents is common, so a small catalogue has such words. */
    SearchStore(Database db, int common) {
        this.db = db;
        this.common = common;
    }

    /** One page of results, {@code perPage} to a page, for {@code viewerId}. */
    public SearchPage search(SearchQuery query, long viewerId, int page, int perPage) {
        if (query.isEmpty()) {
            return new SearchPage(query, List.of(), 1, perPage, 0, false);
        }
        DSLContext dsl = db.read();
        int asked = Math.min(Math.max(1, page), MAX_DOCUMENTS);
        Ranking ranking = rank(dsl, query, viewerId, asked * perPage + 1);
        Map<String, List<Long>> groups = ranking.groups();
        int lastPage = Math.max(1, (groups.size() + perPage - 1) / perPage);
        int shown = Math.min(asked, lastPage);
        List<Map.Entry<String, List<Long>>> slice = groups.entrySet().stream()
                .skip((long) (shown - 1) * perPage).limit(perPage).toList();
        List<SearchResult> results = new SearchResults(dsl, query, viewerId).build(slice);
        return new SearchPage(query, results, shown, perPage, groups.size(), ranking.capped());
    }

    /** The papers {@code viewerId} finds with {@code query}, best first, at most {@code max}: a saved search's. */
    public List<Long> paperIds(SearchQuery query, long viewerId, int max) {
        if (query.isEmpty()) {
            return List.of();
        }
        return rank(db.read(), query, viewerId, max + 1).groups().keySet().stream().filter(k -> k.startsWith("p"))
                .map(k -> Long.parseLong(k.substring(1))).limit(max).toList();
    }

    /** A matching document, best first. */
    private record Ranked(long id, Long paperId, Long listId, int tier, double score) {
        String group() {
            return paperId != null ? "p" + paperId : "l" + listId;
        }
    }

    /** The best documents grouped by paper ("p12") or list ("l3"), at most three each; capped: there may be more. */
    private record Ranking(Map<String, List<Long>> groups, boolean capped) {
        static Ranking of(List<Ranked> ranked, boolean capped) {
            Map<String, List<Long>> groups = new LinkedHashMap<>();
            for (Ranked r : ranked) {
                List<Long> docs = groups.computeIfAbsent(r.group(), k -> new ArrayList<>());
                if (docs.size() < HITS_PER_RESULT) {
                    docs.add(r.id());
                }
            }
            return new Ranking(groups, capped);
        }
    }

    /**
     * At least {@code wanted} results' best documents for the query that the viewer may see, where there are so
     * many. When every word is rare, FTS5 ranks all matches with bm25 and keeps the best few hundred; SQL then checks
     * each against its source and the filters, and only when too few remain are more ranked, up to
     * {@link #MAX_DOCUMENTS}. A search with a word common in a large index is not ranked by bm25 (see
     * {@link Breadth}): FTS5 takes the newest matches among what the access words of V19 say the viewer might see.
     */
    private Ranking rank(DSLContext dsl, SearchQuery query, long viewerId, int wanted) {
        List<Condition> where = new ArrayList<>();
        where.add(kinds(query));
        where.add(visibleTo(viewerId));
        SearchFilters.ShortLists lists = new SearchFilters(common).shortLists(dsl, query, viewerId);
        where.addAll(SearchFilters.paperFilters(query, viewerId, lists));
        if (query.matchExpression() == null) {
            boolean narrow = lists.any();
            // walking every paper in order, stop once the page is full: the count then says "more than"
            int limit = narrow ? MAX_DOCUMENTS : Math.min(MAX_DOCUMENTS, Math.max(NEWEST, wanted));
            List<Ranked> docs = unranked(dsl, query, where, narrow, limit);
            return Ranking.of(docs, docs.size() >= limit);
        }
        Breadth breadth = Breadth.measure(query, expression -> documentsWith(dsl, expression, common), indexSize(dsl),
                common);
        SearchQuery words = breadth.query();
        boolean hasCommonWord = breadth.hasCommonWord();
        // with only rare words there are few matches: ranking them all costs less than bm25 weighing the access words
        String match = hasCommonWord ? SearchAccess.expression(words, viewerId)
                : SearchAccess.inText(words.matchExpression());
        int most = hasCommonWord ? MAX_NEWEST : MAX_DOCUMENTS;
        int candidates = hasCommonWord ? NEWEST : Math.min(MAX_DOCUMENTS, CANDIDATES_PER_RESULT * wanted);
        while (true) {
            Candidates found = hasCommonWord ? newest(dsl, breadth, match, where, candidates)
                    : ranked(dsl, words, match, where, candidates);
            Ranking ranking = Ranking.of(found.ranked(), found.considered() >= candidates);
            if (!ranking.capped() || ranking.groups().size() >= wanted || candidates >= most) {
                return ranking;
            }
            candidates = Math.min(most, candidates * 4);
        }
    }

    /** About how many documents the index holds (the highest id: deleted ones leave gaps). */
    private static long indexSize(DSLContext dsl) {
        Long size = dsl.select(DSL.max(SEARCH_DOC.ID)).from(SEARCH_DOC).fetchOne(0, Long.class);
        return size == null ? 0 : size;
    }

    /** How many documents match {@code expression} in their text, counting up to {@code atMost}. */
    private static int documentsWith(DSLContext dsl, String expression, int atMost) {
        return dsl.fetchCount(DSL.selectOne().from(FTS)
                .where(DSL.condition("search_fts MATCH ?", SearchAccess.inText(expression))).limit(atMost));
    }

    /** The documents kept of the best {@code considered} matches. */
    private record Candidates(List<Ranked> ranked, int considered) {}

    /**
     * bm25 weighs each word in a title ten times one in an abstract, but a long abstract that repeats the words
     * still outscores a title that has them all; so a title's score is multiplied by one plus the share of the words
     * it has (a title with every word doubles).
     */
    private static Candidates ranked(DSLContext dsl, SearchQuery query, String match, List<Condition> where,
                                     int candidates) {
        var best = DSL.name("best").fields("id", "score").asMaterialized(DSL.select(FTS_ROWID, BM25).from(FTS)
                .where(DSL.condition("search_fts MATCH ?", match)).orderBy(BM25).limit(candidates));
        List<String> words = query.highlightWords();
        Kept kept = kept(dsl, best, match, where, candidates);
        return new Candidates(kept.found().stream()
                .map(f -> f.ranked(0, f.ftsScore() * (1 + titleShare(f.title(), words))))
                .sorted(Comparator.comparingDouble(Ranked::score).thenComparingLong(Ranked::id)).toList(),
                kept.considered());
    }

    /**
     * The newest {@code candidates} matches, not ranked by FTS5: the newest {@link #NEWEST} first, then the next
     * three times as many, and so on (so a page shows the same results whatever later page was asked for before);
     * within each of these tiers by {@link Breadth#score} of the title and authors their result shows (a note's is
     * its paper's), then newest first.
     */
    private static Candidates newest(DSLContext dsl, Breadth breadth, String match, List<Condition> where,
                                     int candidates) {
        Table<?> matches = DSL.select(FTS_ROWID.as("id")).from(FTS).where(DSL.condition("search_fts MATCH ?", match))
                .orderBy(FTS_ROWID.desc()).limit(candidates).asTable("matches");
        Field<Long> id = matches.field("id", Long.class);
        var newest = DSL.name("best").fields("id", "score").asMaterialized(
                DSL.select(id, DSL.rowNumber().over(DSL.orderBy(id.desc())).cast(Double.class)).from(matches));
        Kept kept = kept(dsl, newest, match, where, candidates);
        return new Candidates(kept.found().stream()
                .map(f -> f.ranked(tier((long) f.ftsScore()), -breadth.score(f.shownTitle(), f.shownAuthors())))
                .sorted(Comparator.comparingInt(Ranked::tier).thenComparingDouble(Ranked::score)
                        .thenComparing(Ranked::id, Comparator.reverseOrder())).toList(),
                kept.considered());
    }

    /** The tier of the match at {@code position} (from 1, newest first): 0 for the first NEWEST, then 1, 2, ... */
    static int tier(long position) {
        int tier = 0;
        for (long end = NEWEST; position > end; end *= 4) {
            tier++;
        }
        return tier;
    }

    /**
     * A candidate the viewer may see and the filters keep, with what orders it: its own title (a paper's, a list's
     * name, or none), and the title and authors shown for its result (its paper's, else its own title).
     */
    private record Found(long id, Long paperId, Long listId, String title, String shownTitle, String shownAuthors,
                         double ftsScore) {
        Ranked ranked(int tier, double score) {
            return new Ranked(id, paperId, listId, tier, score);
        }
    }

    private record Kept(List<Found> found, int considered) {}

    /** Which of the {@code best} candidates (id, score) the viewer may see and the filters keep. */
    private static Kept kept(DSLContext dsl, org.jooq.CommonTableExpression<?> best, String match,
                             List<Condition> where, int candidates) {
        SearchDoc d = SEARCH_DOC;
        Field<Long> bestId = best.field("id", Long.class);
        Field<Double> score = best.field("score", Double.class);
        Field<Integer> considered = DSL.field(DSL.selectCount().from(best));
        var rows = dsl.with(best).select(d.ID, d.PAPER_ID, d.LIST_ID, d.TITLE, PAPER.TITLE, PAPER.AUTHORS, score,
                        considered)
                // CROSS JOIN keeps SQLite on this order: with the kinds as bound values it would rather scan search_doc
                .from(best).crossJoin(d).leftJoin(PAPER).on(PAPER.ID.eq(d.PAPER_ID))
                .where(d.ID.eq(bestId)).and(DSL.and(where)).fetch();
        List<Found> found = rows.stream().map(r -> new Found(r.value1(), r.value2(), r.value3(), r.value4(),
                r.value5() == null ? r.value4() : r.value5(), r.value6() == null ? "" : r.value6(), r.value7()))
                .toList();
        // when none is kept, count the matches (no ranking needed) to know whether more could be considered
        int matches = rows.isEmpty()
                ? dsl.fetchCount(DSL.selectOne().from(FTS).where(DSL.condition("search_fts MATCH ?", match))
                        .limit(candidates))
                : rows.get(0).value8();
        return new Kept(found, matches);
    }

    /** Filters without words: papers first, by id, then the rest, newest first. */
    private static List<Ranked> unranked(DSLContext dsl, SearchQuery query, List<Condition> where, boolean narrow,
                                         int limit) {
        SearchDoc d = SEARCH_DOC;
        List<Condition> all = new ArrayList<>(where);
        if (query.excludedExpression() != null) {
            all.add(d.ID.notIn(DSL.select(DSL.field(DSL.name("rowid"), Long.class)).from(FTS)
                    .where(DSL.condition("search_fts MATCH ?", SearchAccess.inText(query.excludedExpression())))));
        }
        if (SearchAccess.kinds(query).isEmpty() && !narrow) {
            // papers only, by year or none of the above: read the papers' rows in order from the index of kinds (a
            // paper's row has the paper's id as its source), stopping at the limit, rather than all sorted
            return dsl.select(d.ID, d.PAPER_ID, d.LIST_ID).from(DSL.table("{0} INDEXED BY search_doc_source", d))
                    .where(all)
                    .orderBy(d.SOURCE_ID).limit(limit).fetch(r -> new Ranked(r.value1(), r.value2(), r.value3(), 0, 0));
        }
        return dsl.select(d.ID, d.PAPER_ID, d.LIST_ID).from(d).where(all)
                .orderBy(d.KIND.eq("paper").desc(), d.PAPER_ID.asc(), d.ID.desc()).limit(limit)
                .fetch(r -> new Ranked(r.value1(), r.value2(), r.value3(), 0, 0));
    }

    /** The share of the words searched for that a title has, from 0 to 1. */
    static double titleShare(String title, List<String> words) {
        if (title.isEmpty() || words.isEmpty()) {
            return 0;
        }
        List<String> titleWords = Folding.words(title);
        long found = words.stream().filter(w -> titleWords.stream().anyMatch(t -> Snippet.matchesAny(t, List.of(w))))
                .count();
        return (double) found / words.size();
    }

    /** Which kinds of documents {@code in:} asks for; without words and without it, papers only. */
    private static Condition kinds(SearchQuery query) {
        List<String> kinds = SearchAccess.kinds(query);
        if (kinds.isEmpty()) {
            return query.hasWords() ? DSL.noCondition() : SEARCH_DOC.KIND.eq("paper");
        }
        return SEARCH_DOC.KIND.in(kinds);
    }

    /**
     * What {@code viewerId} may find: every paper; their own notes; their own annotations and the shared ones of
     * active teammates, with the replies to those (by themselves or active teammates); lists they may view, and
     * the notes of those lists' items.
     */
    static Condition visibleTo(long viewerId) {
        SearchDoc d = SEARCH_DOC;
        Condition annotationSeen = ANNOTATION.USER_ID.eq(viewerId)
                .or(ANNOTATION.VISIBILITY.eq("team").and(Visible.active(ANNOTATION.USER_ID)));
        return d.KIND.eq("paper")
                .or(d.KIND.eq("note").and(d.USER_ID.eq(viewerId)))
                .or(d.KIND.eq("annotation").andExists(DSL.selectOne().from(ANNOTATION)
                        .where(ANNOTATION.ID.eq(d.SOURCE_ID), annotationSeen)))
                .or(d.KIND.eq("reply").andExists(DSL.selectOne().from(ANNOTATION_REPLY)
                        .join(ANNOTATION).on(ANNOTATION.ID.eq(ANNOTATION_REPLY.ANNOTATION_ID))
                        .where(ANNOTATION_REPLY.ID.eq(d.SOURCE_ID), annotationSeen,
                                ANNOTATION_REPLY.USER_ID.eq(viewerId).or(Visible.active(ANNOTATION_REPLY.USER_ID)))))
                .or(d.KIND.in("list", "item").and(Visible.list(d.LIST_ID, viewerId)));
    }

    /** Rebuilds the index from the sources (the reindex command): returns how many documents it holds. */
    public static int reindex(Database db) {
        return db.write(dsl -> {
            dsl.execute("DELETE FROM search_doc");
            dsl.execute("INSERT INTO search_fts (search_fts) VALUES ('delete-all')");
            dsl.execute("INSERT INTO search_doc (kind, source_id, user_id, paper_id, list_id, title, authors, abstract,"
                    + " body, quote) SELECT kind, source_id, user_id, paper_id, list_id, title, authors, abstract, body,"
                    + " quote FROM search_source");
            dsl.execute("INSERT INTO search_fts (search_fts) VALUES ('integrity-check')");
            return dsl.fetchCount(SEARCH_DOC);
        });
    }
}
