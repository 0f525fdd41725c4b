package io.paperlog.search;

import static io.paperlog.db.schema.Tables.ACCOUNT;
import static io.paperlog.db.schema.Tables.ANNOTATION;
import static io.paperlog.db.schema.Tables.ANNOTATION_REPLY;
import static io.paperlog.db.schema.Tables.PAPER;
import static io.paperlog.db.schema.Tables.RATING;
import static io.paperlog.db.schema.Tables.READING_LIST;
import static io.paperlog.db.schema.Tables.READING_STATUS;
import static io.paperlog.db.schema.Tables.SEARCH_DOC;

import io.paperlog.db.Database;
import io.paperlog.tags.TagFilter;
import io.paperlog.tags.TagName;
import io.paperlog.tags.TagStore;
import io.paperlog.db.schema.tables.SearchDoc;
import io.paperlog.privacy.Visible;
import io.paperlog.search.SearchQuery.Scope;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.DSL;

/**
 * Full-text search over what one person may see, in SQL: the FTS5 index of migration V15 finds and ranks
 * documents (bm25, title and authors weighing more than the abstract), and the conditions below keep only what
 * the viewer may see — papers; their own notes; their own annotations and teammates' shared ones with their
 * replies; lists they may view (as {@link Visible#list}) with their items' notes — and what the filters ask for.
 */
public final class SearchStore {

    /** How many matching documents are ranked at most; results are grouped from these. */
    static final int MAX_DOCUMENTS = 1000;
    /** Matches shown under one result. */
    static final int HITS_PER_RESULT = 3;
    static final int SNIPPET_CHARS = 220;

    private static final Table<?> FTS = DSL.table(DSL.name("search_fts"));
    private static final Field<Long> FTS_ROWID = DSL.field(DSL.name("search_fts", "rowid"), Long.class);
    /** Column weights: title, authors, abstract, body (notes, comments, replies, list notes), quote. */
    private static final Field<Double> BM25 = DSL.field("bm25(search_fts, 10.0, 6.0, 2.0, 2.5, 2.5)", Double.class);

    private final Database db;

    public SearchStore(Database db) {
        this.db = db;
    }

    /** One page of results, {@code perPage} to a page, for {@code viewerId}. */
    public SearchPage search(SearchQuery query, long viewerId, int page, int perPage) {
        if (query.isEmpty()) {
            return new SearchPage(query, List.of(), 1, perPage, 0, false);
        }
        DSLContext dsl = db.read();
        List<Ranked> ranked = rank(dsl, query, viewerId);
        Map<String, List<Long>> groups = new LinkedHashMap<>();
        for (Ranked r : ranked) {
            String key = r.paperId() != null ? "p" + r.paperId() : "l" + r.listId();
            List<Long> docs = groups.computeIfAbsent(key, k -> new ArrayList<>());
            if (docs.size() < HITS_PER_RESULT) {
                docs.add(r.id());
            }
        }
        int lastPage = Math.max(1, (groups.size() + perPage - 1) / perPage);
        int shown = Math.min(Math.max(1, page), lastPage);
        List<Map.Entry<String, List<Long>>> slice = groups.entrySet().stream()
                .skip((long) (shown - 1) * perPage).limit(perPage).toList();
        List<SearchResult> results = new SearchResults(dsl, query, viewerId).build(slice);
        return new SearchPage(query, results, shown, perPage, groups.size(), ranked.size() >= MAX_DOCUMENTS);
    }

    /** A matching document, best first. */
    private record Ranked(long id, Long paperId, Long listId, double score) {}

    /**
     * The best documents for the query that the viewer may see. bm25 weighs each word in a title ten times one in
     * an abstract, but a long abstract that repeats the words still outscores a title that has them all; so a
     * title's score is multiplied by one plus the share of the words it has (a title with every word doubles).
     */
    private List<Ranked> rank(DSLContext dsl, SearchQuery query, long viewerId) {
        SearchDoc d = SEARCH_DOC;
        List<Condition> where = new ArrayList<>();
        where.add(kinds(query));
        where.add(visibleTo(viewerId));
        where.addAll(paperFilters(query, viewerId));
        String match = query.matchExpression();
        if (match == null && query.excludedExpression() != null) {
            where.add(d.ID.notIn(DSL.select(DSL.field(DSL.name("rowid"), Long.class)).from(FTS)
                    .where(DSL.condition("search_fts MATCH ?", query.excludedExpression()))));
        }
        if (match == null) {
            return dsl.select(d.ID, d.PAPER_ID, d.LIST_ID).from(d).where(where)
                    .orderBy(d.KIND.eq("paper").desc(), d.PAPER_ID.asc(), d.ID.desc()).limit(MAX_DOCUMENTS)
                    .fetch(r -> new Ranked(r.value1(), r.value2(), r.value3(), 0));
        }
        List<String> words = query.highlightWords();
        List<Ranked> ranked = new ArrayList<>(dsl.select(d.ID, d.PAPER_ID, d.LIST_ID, d.TITLE, BM25)
                .from(FTS).join(d).on(d.ID.eq(FTS_ROWID))
                .where(DSL.condition("search_fts MATCH ?", match)).and(DSL.and(where))
                .orderBy(BM25.asc(), d.ID.asc()).limit(MAX_DOCUMENTS)
                .fetch(r -> new Ranked(r.value1(), r.value2(), r.value3(),
                        r.value5() * (1 + titleShare(r.value4(), words)))));
        ranked.sort(java.util.Comparator.comparingDouble(Ranked::score));
        return ranked;
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
        Set<Scope> scopes = query.scopes();
        if (scopes.isEmpty()) {
            return query.hasWords() ? DSL.noCondition() : SEARCH_DOC.KIND.eq("paper");
        }
        List<String> kinds = new ArrayList<>();
        for (Scope scope : scopes) {
            switch (scope) {
                case PAPERS -> kinds.add("paper");
                case NOTES -> kinds.add("note");
                case ANNOTATIONS -> kinds.addAll(List.of("annotation", "reply"));
                case LISTS -> kinds.addAll(List.of("list", "item"));
            }
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

    /** status:, rated:, year:, author: and #tag, each about the paper a document belongs to. */
    private static List<Condition> paperFilters(SearchQuery query, long viewerId) {
        Field<Long> paper = SEARCH_DOC.PAPER_ID;
        List<Condition> filters = new ArrayList<>();
        if (!query.statuses().isEmpty()) {
            Condition any = DSL.falseCondition();
            for (SearchQuery.Status status : query.statuses()) {
                var mine = DSL.selectOne().from(READING_STATUS).where(READING_STATUS.USER_ID.eq(viewerId),
                        READING_STATUS.PAPER_ID.eq(paper), READING_STATUS.STATUS.ne("none"));
                any = any.or(status == SearchQuery.Status.NONE
                        ? paper.isNotNull().andNotExists(mine)
                        : DSL.exists(mine.and(READING_STATUS.STATUS.eq(status.name().toLowerCase(Locale.ROOT)))));
            }
            filters.add(any);
        }
        if (query.rated() != null) {
            Field<Integer> halves = DSL.coalesce(DSL.field(DSL.select(RATING.HALVES).from(RATING)
                    .where(RATING.USER_ID.eq(viewerId), RATING.PAPER_ID.eq(paper))), DSL.inline(0));
            int n = query.rated().halves();
            filters.add(paper.isNotNull().and(switch (query.rated().op()) {
                case ">=" -> halves.ge(n);
                case "<=" -> halves.le(n);
                case ">" -> halves.gt(n);
                case "<" -> halves.lt(n);
                default -> halves.eq(n);
            }));
        }
        if (query.years() != null) {
            Condition years = DSL.noCondition();
            if (query.years().from() != null) {
                years = years.and(PAPER.YEAR.ge(query.years().from()));
            }
            if (query.years().to() != null) {
                years = years.and(PAPER.YEAR.le(query.years().to()));
            }
            filters.add(paper.in(DSL.select(PAPER.ID).from(PAPER).where(years)));
        }
        SearchDoc authorDoc = SEARCH_DOC.as("author_doc");
        for (SearchQuery.Term author : query.authors()) {
            filters.add(paper.in(DSL.select(authorDoc.SOURCE_ID).from(authorDoc).where(authorDoc.KIND.eq("paper"),
                    authorDoc.ID.in(DSL.select(DSL.field(DSL.name("rowid"), Long.class)).from(FTS)
                            .where(DSL.condition("search_fts MATCH ?", SearchQuery.authorExpression(author)))))));
        }
        if (!query.tags().isEmpty()) {
            filters.add(tagged(paper, query.tags(), viewerId));
        }
        return filters;
    }

    /** Papers that carry every one of {@code tags} among the viewer's own tags; a word no tag can be matches none. */
    static Condition tagged(Field<Long> paper, List<String> tags, long viewerId) {
        List<TagName> names = tags.stream().map(TagName::parse).flatMap(java.util.Optional::stream).toList();
        if (names.size() < tags.size()) {
            return DSL.falseCondition();
        }
        return TagStore.matches(new TagFilter(names, TagFilter.Mode.ALL, false), paper, viewerId);
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

    /** Reads what the results of one page show: their papers or lists, and each matched document's passage. */
    private static final class SearchResults {
        private final DSLContext dsl;
        private final SearchQuery query;
        private final long viewerId;
        private final List<String> words;

        SearchResults(DSLContext dsl, SearchQuery query, long viewerId) {
            this.dsl = dsl;
            this.query = query;
            this.viewerId = viewerId;
            this.words = query.highlightWords();
        }

        List<SearchResult> build(List<Map.Entry<String, List<Long>>> slice) {
            List<Long> docIds = slice.stream().flatMap(e -> e.getValue().stream()).toList();
            Map<Long, Record> docs = new LinkedHashMap<>();
            SearchDoc d = SEARCH_DOC;
            var author = ACCOUNT.as("author");
            var reply = ANNOTATION_REPLY.as("reply");
            var annotation = ANNOTATION.as("annotation");
            dsl.select(d.ID, d.KIND, d.SOURCE_ID, d.USER_ID, d.PAPER_ID, d.LIST_ID, d.TITLE, d.AUTHORS, d.ABSTRACT,
                            d.BODY, d.QUOTE, author.DISPLAY_NAME, READING_LIST.NAME, annotation.VISIBILITY,
                            reply.ANNOTATION_ID)
                    .from(d)
                    .leftJoin(author).on(author.ID.eq(d.USER_ID))
                    .leftJoin(READING_LIST).on(READING_LIST.ID.eq(d.LIST_ID))
                    .leftJoin(annotation).on(d.KIND.eq("annotation"), annotation.ID.eq(d.SOURCE_ID))
                    .leftJoin(reply).on(d.KIND.eq("reply"), reply.ID.eq(d.SOURCE_ID))
                    .where(d.ID.in(docIds))
                    .fetch().forEach(r -> docs.put(r.get(d.ID), r));
            List<Long> paperIds = slice.stream().filter(e -> e.getKey().startsWith("p"))
                    .map(e -> Long.parseLong(e.getKey().substring(1))).toList();
            Map<Long, Record> papers = new LinkedHashMap<>();
            dsl.select(PAPER.ID, PAPER.TITLE, PAPER.AUTHORS, PAPER.YEAR, PAPER.ABSTRACT).from(PAPER)
                    .where(PAPER.ID.in(paperIds)).fetch().forEach(r -> papers.put(r.get(PAPER.ID), r));
            List<SearchResult> results = new ArrayList<>();
            for (Map.Entry<String, List<Long>> group : slice) {
                List<Record> hits = group.getValue().stream().map(docs::get).filter(java.util.Objects::nonNull).toList();
                SearchResult result = group.getKey().startsWith("p")
                        ? paperResult(papers.get(Long.parseLong(group.getKey().substring(1))), hits)
                        : listResult(hits);
                if (result != null) {
                    results.add(result);
                }
            }
            return results;
        }

        private SearchResult paperResult(Record paper, List<Record> docs) {
            if (paper == null) {
                return null;
            }
            long id = paper.get(PAPER.ID);
            String title = paper.get(PAPER.TITLE);
            List<SearchHit> hits = new ArrayList<>();
            for (Record doc : docs) {
                hits.add(hit(doc));
            }
            if (hits.isEmpty()) {
                hits.add(new SearchHit("paper", "", Snippet.of(paper.get(PAPER.ABSTRACT), words, SNIPPET_CHARS),
                        "/papers/" + id));
            }
            return new SearchResult(id, null, Snippet.of(title, words, Integer.MAX_VALUE / 2).html(), title,
                    io.paperlog.papers.Authors.shortened(io.paperlog.papers.Authors.split(paper.get(PAPER.AUTHORS))),
                    paper.get(PAPER.YEAR), "/papers/" + id, hits);
        }

        private SearchResult listResult(List<Record> docs) {
            if (docs.isEmpty()) {
                return null;
            }
            Record doc = docs.get(0);
            long listId = doc.get(SEARCH_DOC.LIST_ID);
            String name = doc.get(READING_LIST.NAME);
            return new SearchResult(null, listId, Snippet.of(name, words, Integer.MAX_VALUE / 2).html(), name,
                    "Reading list", null, "/lists/" + listId, List.of(hit(doc)));
        }

        private SearchHit hit(Record doc) {
            SearchDoc d = SEARCH_DOC;
            String kind = doc.get(d.KIND);
            boolean mine = doc.get(d.USER_ID) == viewerId;
            String who = doc.get(ACCOUNT.as("author").DISPLAY_NAME);
            String list = doc.get(READING_LIST.NAME);
            String body = doc.get(d.BODY);
            return switch (kind) {
                case "paper" -> paperHit(doc);
                case "note" -> new SearchHit(kind, "in your note", prose(body), "/papers/" + doc.get(d.PAPER_ID) + "#note");
                case "annotation" -> {
                    String quote = doc.get(d.QUOTE);
                    boolean inComment = !Snippet.matches(quote, words) && !body.isBlank();
                    String shared = "team".equals(doc.get(ANNOTATION.as("annotation").VISIBILITY)) && mine ? "shared " : "";
                    String reason = inComment
                            ? (mine ? "in your " + shared + "comment" : "in " + who + "'s shared comment")
                            : (mine ? "in a passage you highlighted" : "in a passage " + who + " highlighted");
                    yield new SearchHit(kind, reason, inComment ? prose(body) : snippet(quote), "/annotations/" + doc.get(d.SOURCE_ID));
                }
                case "reply" -> new SearchHit(kind, mine ? "in your reply" : "in " + who + "'s reply", prose(body),
                        "/annotations/" + doc.get(ANNOTATION_REPLY.as("reply").ANNOTATION_ID));
                case "list" -> {
                    boolean inName = Snippet.matches(doc.get(d.TITLE), words) || body.isBlank();
                    yield new SearchHit(kind, inName ? "a reading list" : "in the description of the list",
                            inName ? snippet(doc.get(d.TITLE)) : prose(body), "/lists/" + doc.get(d.LIST_ID));
                }
                default -> new SearchHit(kind, "in the note on the list “" + list + "”", prose(body),
                        "/lists/" + doc.get(d.LIST_ID) + "/items/" + doc.get(d.SOURCE_ID));
            };
        }

        private SearchHit paperHit(Record doc) {
            SearchDoc d = SEARCH_DOC;
            String href = "/papers/" + doc.get(d.PAPER_ID);
            String abstractText = doc.get(d.ABSTRACT);
            if (Snippet.matches(abstractText, words)) {
                return new SearchHit("paper", "in the abstract", snippet(abstractText), href);
            }
            if (Snippet.matches(doc.get(d.TITLE), words)) {
                return new SearchHit("paper", "in the title", snippet(abstractText), href);
            }
            // the index matched, and a paper has only its title, authors and abstract
            return new SearchHit("paper", "in the authors", snippet(doc.get(d.AUTHORS).replace("; ", ", ")), href);
        }


        private Snippet snippet(String text) {
            return Snippet.of(text, words, SNIPPET_CHARS);
        }

        /** A passage of Markdown someone wrote, without its marks. */
        private Snippet prose(String markdown) {
            return snippet(Snippet.markdownWords(markdown));
        }
    }
}
