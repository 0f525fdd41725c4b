package io.paperlog.papers;

import static io.paperlog.db.schema.Tables.ANNOTATION;
import static io.paperlog.db.schema.Tables.PAPER;

import io.paperlog.db.Database;
import io.paperlog.db.Timestamps;
import io.paperlog.web.CurrentUser;
import io.paperlog.web.UserError;
import java.time.Clock;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * Papers people add: adding one (refused when its arXiv id or DOI is already in the catalogue), and changing or
 * deleting one, which only the person who added it or an admin may do, and never to a seeded paper.
 */
public final class AddedPaperStore {

    /** The detail a duplicate's refusal carries: the id of the paper already in the catalogue. */
    public static final String EXISTING = "existing";

    private final Database db;
    private final Clock clock;

    public AddedPaperStore(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** Adds the paper for {@code userId}, unranked, and answers its id. */
    public long add(long userId, PaperForm form) {
        return db.write(tx -> {
            refuseDuplicate(tx, form, null);
            String now = Timestamps.now(clock);
            return tx.insertInto(PAPER)
                    .set(PAPER.TITLE, form.title())
                    .set(PAPER.CITATIONS, 0)
                    .set(PAPER.ABSTRACT, form.abstractText())
                    .set(PAPER.CREATED_AT, now)
                    .set(PAPER.UPDATED_AT, now)
                    .set(PAPER.ADDED_BY, userId)
                    .set(PAPER.AUTHORS, form.authors())
                    .set(PAPER.YEAR, form.year())
                    .set(PAPER.VENUE, form.venue())
                    .set(PAPER.URL, form.url())
                    .set(PAPER.ARXIV_ID, form.arxivId())
                    .set(PAPER.DOI, form.doi())
                    .returning(PAPER.ID)
                    .fetchOne(PAPER.ID);
        });
    }

    public void update(Paper paper, PaperForm form) {
        db.write(tx -> {
            refuseDuplicate(tx, form, paper.id());
            return tx.update(PAPER)
                    .set(PAPER.TITLE, form.title())
                    .set(PAPER.ABSTRACT, form.abstractText())
                    .set(PAPER.UPDATED_AT, Timestamps.now(clock))
                    .set(PAPER.AUTHORS, form.authors())
                    .set(PAPER.YEAR, form.year())
                    .set(PAPER.VENUE, form.venue())
                    .set(PAPER.URL, form.url())
                    .set(PAPER.ARXIV_ID, form.arxivId())
                    .set(PAPER.DOI, form.doi())
                    .where(PAPER.ID.eq(paper.id()), PAPER.RANK.isNull())
                    .execute();
        });
    }

    /**
     * Deletes the paper and everything attached to it, in one transaction: annotations (which the schema keeps
     * from vanishing by themselves) with their replies and tags, then the paper, whose statuses, ratings, notes,
     * list items and activity go with it.
     */
    public void delete(Paper paper) {
        db.write(tx -> {
            tx.deleteFrom(ANNOTATION).where(ANNOTATION.PAPER_ID.eq(paper.id())).execute();
            return tx.deleteFrom(PAPER).where(PAPER.ID.eq(paper.id()), PAPER.RANK.isNull()).execute();
        });
    }

    /**
     * The paper {@code user} may change: a 404 when there is none, a 403 for a seeded paper or for someone who
     * neither added it nor is an admin.
     */
    public static Paper requireChangeable(Paper paper, CurrentUser user) {
        if (!paper.added()) {
            throw UserError.forbidden("Papers of the seeded catalogue can't be edited or deleted.");
        }
        if (!mayChange(paper, user)) {
            throw UserError.forbidden("Only the person who added this paper, or an admin, can change it.");
        }
        return paper;
    }

    public static boolean mayChange(Paper paper, CurrentUser user) {
        return paper.added() && (user.admin() || paper.addedBy() != null && paper.addedBy() == user.id());
    }

    private static void refuseDuplicate(DSLContext tx, PaperForm form, Long except) {
        Condition same = DSL.noCondition();
        if (form.arxivId() == null && form.doi() == null) {
            return;
        }
        if (form.arxivId() != null) {
            same = PAPER.ARXIV_ID.eq(form.arxivId());
        }
        if (form.doi() != null) {
            Condition doi = PAPER.DOI.collate("NOCASE").eq(form.doi());
            same = form.arxivId() == null ? doi : same.or(doi);
        }
        Condition others = except == null ? DSL.noCondition() : PAPER.ID.ne(except);
        var existing = tx.select(PAPER.ID, PAPER.ARXIV_ID).from(PAPER).where(same, others).limit(1).fetchOne();
        if (existing != null) {
            boolean byArxiv = form.arxivId() != null && form.arxivId().equals(existing.value2());
            String field = byArxiv ? "arxiv" : "doi";
            throw UserError.invalid(field, "This paper is already in the catalogue (same "
                    + (byArxiv ? "arXiv id" : "DOI") + "): see paper " + existing.value1() + ".")
                    .withDetail(EXISTING, existing.value1());
        }
    }
}
