package io.paperlog.search;

import static io.paperlog.db.schema.Tables.ACCOUNT;
import static io.paperlog.db.schema.Tables.ANNOTATION;
import static io.paperlog.db.schema.Tables.ANNOTATION_REPLY;
import static io.paperlog.db.schema.Tables.PAPER;
import static io.paperlog.db.schema.Tables.READING_LIST;
import static io.paperlog.db.schema.Tables.SEARCH_DOC;

import io.paperlog.db.schema.tables.SearchDoc;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.Record;

/** Reads what the results of one page show: their papers or lists, and each matched document's passage. */
final class SearchResults {
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
            hits.add(new SearchHit("paper", "", Snippet.of(paper.get(PAPER.ABSTRACT), words, SearchStore.SNIPPET_CHARS),
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
        return Snippet.of(text, words, SearchStore.SNIPPET_CHARS);
    }

    /** A passage of Markdown someone wrote, without its marks. */
    private Snippet prose(String markdown) {
        return snippet(Snippet.markdownWords(markdown));
    }
}
