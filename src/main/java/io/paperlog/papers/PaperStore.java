package io.paperlog.papers;

import static io.paperlog.db.schema.Tables.PAPER;

import io.paperlog.db.Database;
import io.paperlog.web.UserError;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jooq.Record;

/** Reads papers: one by id, and its neighbours by rank. */
public final class PaperStore {

    /** Beyond this many papers kept in memory, the memory starts over. */
    static final int KEPT_PAPERS = 10_000;

    private final Database db;
    /** Papers as last read, by id: good while no paper has changed since (every paper's routes ask for theirs). */
    private final Map<Long, KnownPaper> known = new ConcurrentHashMap<>();

    private record KnownPaper(Paper paper, long version) {}

    /** How many papers there were while no paper changed: every catalogue and library page shows or uses it. */
    private record Counted(int papers, long version) {}

    private volatile Counted counted = new Counted(0, Long.MIN_VALUE);

    public PaperStore(Database db) {
        this.db = db;
    }

    public Optional<Paper> find(long id) {
        long version = db.papersVersion();
        KnownPaper kept = known.get(id);
        if (kept != null && kept.version() == version) {
            return Optional.of(kept.paper());
        }
        Optional<Paper> paper = db.read().selectFrom(PAPER).where(PAPER.ID.eq(id)).fetchOptional(PaperStore::toPaper);
        if (known.size() >= KEPT_PAPERS) {
            known.clear();
        }
        paper.ifPresent(p -> known.put(id, new KnownPaper(p, version)));
        return paper;
    }

    /** How many papers the instance has. */
    public int count() {
        long version = db.papersVersion();
        Counted kept = counted;
        if (kept.version() == version) {
            return kept.papers();
        }
        int papers = db.read().fetchCount(PAPER);
        counted = new Counted(papers, version);
        return papers;
    }

    /** The paper, or a 404 that names the id. */
    public Paper require(long id) {
        return find(id).orElseThrow(() -> UserError.notFound("There is no paper " + id + "."));
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

    /** A row of the paper table as a {@link Paper}: for every store that reads papers. */
    public static Paper toPaper(Record r) {
        return new Paper(r.get(PAPER.ID), r.get(PAPER.RANK), r.get(PAPER.TITLE), r.get(PAPER.CITATIONS),
                r.get(PAPER.ABSTRACT), r.get(PAPER.CREATED_AT), r.get(PAPER.ARXIV_ID), r.get(PAPER.YEAR),
                r.get(PAPER.AUTHORS), r.get(PAPER.VENUE), r.get(PAPER.DOI), r.get(PAPER.URL), r.get(PAPER.ADDED_BY));
    }
}
