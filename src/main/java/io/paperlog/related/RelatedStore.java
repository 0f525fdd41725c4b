package io.paperlog.related;

import static io.paperlog.db.schema.Tables.NOT_INTERESTED;
import static io.paperlog.db.schema.Tables.PAPER;
import static io.paperlog.db.schema.Tables.RATING;
import static io.paperlog.db.schema.Tables.READING_STATUS;

import io.paperlog.db.Database;
import io.paperlog.db.Timestamps;
import io.paperlog.papers.Paper;
import io.paperlog.papers.PaperStore;
import java.time.Clock;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jooq.impl.DSL;

/** What related papers and suggestions are computed from, and a person's "not interested" marks. */
public final class RelatedStore {

    /**
     * Changes whenever a paper is added, removed or edited (edits set {@code updated_at}): the index is rebuilt
     * when it differs from the one it was built at.
     */
    record Version(int papers, Long lastId, String lastCreated, String lastUpdated) {}

    /** A person's own status and rating of a paper; {@code halves} is null when unrated, status "none" when unset. */
    record Reading(long paperId, String status, Integer halves) {}

    private final Database db;
    private final Clock clock;

    RelatedStore(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /**
     * Each part is its own subquery so that SQLite reads each max() from the end of an index (V18) rather than the
     * whole paper table; the count reads the smallest index.
     */
    Version version() {
        return db.read()
                .select(DSL.field(DSL.selectCount().from(PAPER)), DSL.field(DSL.select(DSL.max(PAPER.ID)).from(PAPER)),
                        DSL.field(DSL.select(DSL.max(PAPER.CREATED_AT)).from(PAPER)),
                        DSL.field(DSL.select(DSL.max(PAPER.UPDATED_AT)).from(PAPER)))
                .fetchSingle(r -> new Version(r.value1(), r.value2(), r.value3(), r.value4()));
    }

    /** Every paper as the related-papers index reads it. */
    List<RelatedIndex.Doc> docs() {
        return db.read().select(PAPER.ID, PAPER.TITLE, PAPER.ABSTRACT)
                .from(PAPER)
                .orderBy(PAPER.ID)
                .fetch(r -> new RelatedIndex.Doc(r.value1(), r.value2(), r.value3()));
    }

    /** One paper as the related-papers index reads it, or null. */
    RelatedIndex.Doc doc(long id) {
        List<RelatedIndex.Doc> found = docs(List.of(id));
        return found.isEmpty() ? null : found.get(0);
    }

    /** These papers as the related-papers index reads them, in no particular order. */
    List<RelatedIndex.Doc> docs(Collection<Long> ids) {
        return db.read().select(PAPER.ID, PAPER.TITLE, PAPER.ABSTRACT).from(PAPER).where(PAPER.ID.in(ids))
                .fetch(r -> new RelatedIndex.Doc(r.value1(), r.value2(), r.value3()));
    }

    /**
     * Rows of the search index with these words in their title or abstract: papers, and the few lists whose name has
     * them (only papers have an abstract, and of the rest only lists a title). Not narrowed by the access word
     * "paper" (V19): that word is in every paper's row, and reading its whole doclist costs more than the lists do.
     */
    private static String inPapers(String wordsExpression) {
        return "{title abstract} : (" + wordsExpression + ")";
    }

    /** One FTS5 string of the words: no character of them is FTS5 syntax. */
    private static String quoted(String words) {
        return '"' + words.replace("\"", "\"\"") + '"';
    }

    /**
     * About how many papers have these words (next to each other, in this order) in the title or abstract, counting
     * up to {@code atMost} only; a list whose name has them counts too.
     */
    int papersHaving(String words, int atMost) {
        return db.read().fetchCount(DSL.selectOne().from("search_fts")
                .where(DSL.condition("search_fts MATCH ?", inPapers(quoted(words)))).limit(atMost));
    }

    /**
     * The {@code limit} papers with most of these words in their title or abstract (any of them, each a phrase), by
     * bm25 with the title weighing {@code titleWeight} times the abstract; never paper {@code except}. FTS5 ranks
     * and cuts before anything is joined, as SearchStore does.
     */
    List<Long> papersWithAny(List<String> words, double titleWeight, long except, int limit) {
        String match = inPapers(String.join(" OR ", words.stream().map(RelatedStore::quoted).toList()));
        return db.read().fetch("WITH best(id, score) AS MATERIALIZED (SELECT rowid, bm25(search_fts, ?, 0.0, 1.0, 0.0, 0.0, 0.0)"
                        + " FROM search_fts WHERE search_fts MATCH ? ORDER BY 2 LIMIT ?)"
                        + " SELECT d.paper_id FROM best CROSS JOIN search_doc d ON d.id = best.id"
                        + " WHERE d.kind = 'paper' AND d.paper_id <> ? ORDER BY best.score, d.paper_id",
                        titleWeight, match, limit + 1, except)
                .stream().limit(limit).map(r -> r.get(0, Long.class)).toList();
    }

    /** The papers of these ids, in no particular order. */
    List<Paper> papers(Collection<Long> ids) {
        return db.read().selectFrom(PAPER).where(PAPER.ID.in(ids)).fetch(PaperStore::toPaper);
    }

    /** The most cited papers first, for someone who has not rated anything yet. */
    List<Long> mostCited(int limit, Set<Long> excluded) {
        return db.read().select(PAPER.ID).from(PAPER)
                .where(excluded.isEmpty() ? DSL.trueCondition() : PAPER.ID.notIn(excluded))
                .orderBy(PAPER.CITATIONS.desc(), PAPER.ID)
                .limit(limit)
                .fetch(r -> r.value1());
    }

    /** The person's own statuses and ratings: every paper with either. */
    List<Reading> reading(long userId) {
        var statuses = db.read()
                .select(READING_STATUS.PAPER_ID, READING_STATUS.STATUS, RATING.HALVES)
                .from(READING_STATUS)
                .leftJoin(RATING).on(RATING.USER_ID.eq(READING_STATUS.USER_ID), RATING.PAPER_ID.eq(READING_STATUS.PAPER_ID))
                .where(READING_STATUS.USER_ID.eq(userId));
        var ratedOnly = db.read()
                .select(RATING.PAPER_ID, DSL.inline("none"), RATING.HALVES)
                .from(RATING)
                .where(RATING.USER_ID.eq(userId))
                .andNotExists(DSL.selectOne().from(READING_STATUS)
                        .where(READING_STATUS.USER_ID.eq(userId), READING_STATUS.PAPER_ID.eq(RATING.PAPER_ID)));
        return statuses.unionAll(ratedOnly).fetch(r -> new Reading(r.value1(), r.value2(), r.value3()));
    }

    /** The papers the person said they are not interested in. */
    Set<Long> notInterested(long userId) {
        return new HashSet<>(db.read().select(NOT_INTERESTED.PAPER_ID).from(NOT_INTERESTED)
                .where(NOT_INTERESTED.USER_ID.eq(userId))
                .fetch(r -> r.value1()));
    }

    void markNotInterested(long userId, long paperId) {
        String now = Timestamps.now(clock);
        db.write(dsl -> dsl.insertInto(NOT_INTERESTED)
                .set(NOT_INTERESTED.USER_ID, userId).set(NOT_INTERESTED.PAPER_ID, paperId)
                .set(NOT_INTERESTED.CREATED_AT, now)
                .onConflictDoNothing()
                .execute());
    }

    void undoNotInterested(long userId, long paperId) {
        db.write(dsl -> dsl.deleteFrom(NOT_INTERESTED)
                .where(NOT_INTERESTED.USER_ID.eq(userId), NOT_INTERESTED.PAPER_ID.eq(paperId))
                .execute());
    }
}
