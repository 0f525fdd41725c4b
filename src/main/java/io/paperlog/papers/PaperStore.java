package io.paperlog.papers;

import static io.paperlog.db.schema.Tables.PAPER;

import io.paperlog.db.Database;
import java.util.List;
import java.util.Optional;
import org.jooq.Record;
import org.jooq.SortField;

/** Reads the catalogue. */
public final class PaperStore {

    private final Database db;

    public PaperStore(Database db) {
        this.db = db;
    }

    public List<Paper> catalogue(CatalogueSort sort) {
        return db.read()
                .selectFrom(PAPER)
                .orderBy(order(sort))
                .fetch(PaperStore::toPaper);
    }

    public Optional<Paper> find(long id) {
        return db.read().selectFrom(PAPER).where(PAPER.ID.eq(id)).fetchOptional(PaperStore::toPaper);
    }

    /** The papers ranked just above and just below {@code paper}, if it is ranked. */
    public Neighbours neighbours(Paper paper) {
        if (paper.rank() == null) {
            return new Neighbours(null, null);
        }
        Paper previous = db.read().selectFrom(PAPER)
                .where(PAPER.RANK.lt(paper.rank()))
                .orderBy(PAPER.RANK.desc())
                .limit(1)
                .fetchOptional(PaperStore::toPaper)
                .orElse(null);
        Paper next = db.read().selectFrom(PAPER)
                .where(PAPER.RANK.gt(paper.rank()))
                .orderBy(PAPER.RANK.asc())
                .limit(1)
                .fetchOptional(PaperStore::toPaper)
                .orElse(null);
        return new Neighbours(previous, next);
    }

    public record Neighbours(Paper previous, Paper next) {}

    private static SortField<?>[] order(CatalogueSort sort) {
        return switch (sort) {
            case RANK, RATING -> new SortField<?>[] {PAPER.RANK.asc().nullsLast(), PAPER.ID.asc()};
            case CITATIONS -> new SortField<?>[] {PAPER.CITATIONS.desc(), PAPER.RANK.asc().nullsLast(), PAPER.ID.asc()};
            case TITLE -> new SortField<?>[] {PAPER.TITLE.collate("NOCASE").asc(), PAPER.ID.asc()};
        };
    }

    private static Paper toPaper(Record r) {
        return new Paper(r.get(PAPER.ID), r.get(PAPER.RANK), r.get(PAPER.TITLE), r.get(PAPER.CITATIONS),
                r.get(PAPER.ABSTRACT), r.get(PAPER.CREATED_AT));
    }
}
