package io.paperlog.io;

import static io.paperlog.db.schema.Tables.ACCOUNT;
import static io.paperlog.db.schema.Tables.ANNOTATION;
import static io.paperlog.db.schema.Tables.ANNOTATION_REPLY;
import static io.paperlog.db.schema.Tables.ANNOTATION_TAG;
import static io.paperlog.db.schema.Tables.LIST_COMMENT;
import static io.paperlog.db.schema.Tables.LIST_ITEM;
import static io.paperlog.db.schema.Tables.LIST_MEMBER;
import static io.paperlog.db.schema.Tables.NOTE;
import static io.paperlog.db.schema.Tables.NOTE_REVISION;
import static io.paperlog.db.schema.Tables.PAPER;
import static io.paperlog.db.schema.Tables.PAPER_TAG;
import static io.paperlog.db.schema.Tables.RATING;
import static io.paperlog.db.schema.Tables.READING_LIST;
import static io.paperlog.db.schema.Tables.READING_PRIVACY;
import static io.paperlog.db.schema.Tables.READING_STATUS;
import static io.paperlog.db.schema.Tables.SAVED_FILTER;
import static io.paperlog.db.schema.Tables.SETTING;
import static io.paperlog.db.schema.Tables.STATUS_EVENT;
import static io.paperlog.db.schema.Tables.TAG;

import io.paperlog.db.Database;
import io.paperlog.db.Timestamps;
import io.paperlog.db.schema.tables.Account;
import io.paperlog.io.Bundle.AnnotationEntry;
import io.paperlog.io.Bundle.AnnotationRef;
import io.paperlog.io.Bundle.CommentEntry;
import io.paperlog.io.Bundle.EventEntry;
import io.paperlog.io.Bundle.ItemEntry;
import io.paperlog.io.Bundle.ListEntry;
import io.paperlog.io.Bundle.ListRef;
import io.paperlog.io.Bundle.MemberEntry;
import io.paperlog.io.Bundle.NoteEntry;
import io.paperlog.io.Bundle.PaperEntry;
import io.paperlog.io.Bundle.Person;
import io.paperlog.io.Bundle.RatingEntry;
import io.paperlog.io.Bundle.ReplyEntry;
import io.paperlog.io.Bundle.RevisionEntry;
import io.paperlog.io.Bundle.StatusEntry;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jooq.DSLContext;
import org.jooq.Record;

/**
 * Reads what one person owns (or, for an admin, every account's) into a {@link Bundle}, in one read transaction's
 * worth of queries, each filtered by the person. Ids never leave: papers become keys and accounts usernames.
 */
final class ExportStore {

    private final Database db;
    private final Clock clock;

    ExportStore(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    Bundle person(long userId) {
        DSLContext dsl = db.read();
        Names names = new Names(dsl);
        Person person = person(dsl, names, userId);
        return new Bundle(Bundle.FORMAT, Bundle.VERSION, Timestamps.now(clock), Bundle.PERSON, List.of(), Map.of(),
                names.papers(), List.of(person));
    }

    Bundle instance() {
        DSLContext dsl = db.read();
        Names names = new Names(dsl);
        List<Bundle.AccountEntry> accounts = dsl.selectFrom(ACCOUNT).orderBy(ACCOUNT.USERNAME)
                .fetch(a -> new Bundle.AccountEntry(a.getUsername(), a.getDisplayName(), a.getIsAdmin() == 1,
                        a.getIsActive() == 1, a.getCreatedAt()));
        List<Person> people = new ArrayList<>();
        for (Long id : dsl.select(ACCOUNT.ID).from(ACCOUNT).orderBy(ACCOUNT.USERNAME).fetch(r -> r.value1())) {
            people.add(person(dsl, names, id));
        }
        Map<String, String> settings = new TreeMap<>();
        dsl.selectFrom(SETTING).forEach(s -> settings.put(s.getKey(), s.getValue()));
        return new Bundle(Bundle.FORMAT, Bundle.VERSION, Timestamps.now(clock), Bundle.INSTANCE, accounts, settings,
                names.papers(), people);
    }

    private Person person(DSLContext dsl, Names names, long userId) {
        Record account = dsl.select(ACCOUNT.USERNAME, ACCOUNT.DISPLAY_NAME).from(ACCOUNT).where(ACCOUNT.ID.eq(userId))
                .fetchOne();
        Bundle.Settings settings = dsl.selectFrom(READING_PRIVACY).where(READING_PRIVACY.USER_ID.eq(userId))
                .fetchOptional(p -> new Bundle.Settings(p.getStatusesVisible() == 1, p.getRatingsVisible() == 1))
                .orElse(new Bundle.Settings(true, true));
        List<StatusEntry> statuses = dsl.selectFrom(READING_STATUS).where(READING_STATUS.USER_ID.eq(userId))
                .fetch(s -> new StatusEntry(names.paper(s.getPaperId()), s.getStatus(), s.getStartedOn(),
                        s.getFinishedOn(), s.getTimesRead(), s.getRereads(), s.getUpdatedAt()));
        List<EventEntry> events = dsl.selectFrom(STATUS_EVENT).where(STATUS_EVENT.USER_ID.eq(userId))
                .orderBy(STATUS_EVENT.AT, STATUS_EVENT.ID)
                .fetch(e -> new EventEntry(names.paper(e.getPaperId()), e.getFromStatus(), e.getToStatus(), e.getAt()));
        List<RatingEntry> ratings = dsl.selectFrom(RATING).where(RATING.USER_ID.eq(userId))
                .fetch(r -> new RatingEntry(names.paper(r.getPaperId()), r.getHalves() / 2.0, r.getUpdatedAt()));
        Map<Long, List<RevisionEntry>> revisions = new HashMap<>();
        dsl.selectFrom(NOTE_REVISION).where(NOTE_REVISION.USER_ID.eq(userId)).orderBy(NOTE_REVISION.REVISION)
                .forEach(r -> revisions.computeIfAbsent(r.getPaperId(), k -> new ArrayList<>())
                        .add(new RevisionEntry(r.getRevision(), r.getBody(), r.getCreatedAt())));
        List<NoteEntry> notes = dsl.selectFrom(NOTE).where(NOTE.USER_ID.eq(userId))
                .fetch(n -> new NoteEntry(names.paper(n.getPaperId()), n.getVisibility(), n.getBody(), n.getRevision(),
                        n.getUpdatedAt(), revisions.getOrDefault(n.getPaperId(), List.of())));
        Map<Long, List<String>> tags = new HashMap<>();
        dsl.select(ANNOTATION_TAG.ANNOTATION_ID, ANNOTATION_TAG.TAG).from(ANNOTATION_TAG).join(ANNOTATION)
                .on(ANNOTATION.ID.eq(ANNOTATION_TAG.ANNOTATION_ID)).where(ANNOTATION.USER_ID.eq(userId))
                .orderBy(ANNOTATION_TAG.TAG)
                .forEach(t -> tags.computeIfAbsent(t.value1(), k -> new ArrayList<>()).add(t.value2()));
        List<AnnotationEntry> annotations = dsl.selectFrom(ANNOTATION).where(ANNOTATION.USER_ID.eq(userId))
                .fetch(a -> new AnnotationEntry(names.paper(a.getPaperId()), a.getQuoteExact(), a.getQuotePrefix(),
                        a.getQuoteSuffix(), a.getPositionStart(), a.getPositionEnd(), a.getBody(), a.getColour(),
                        a.getVisibility(), tags.getOrDefault(a.getId(), List.of()), a.getResolvedAt(),
                        a.getCreatedAt(), a.getUpdatedAt()));
        List<ReplyEntry> replies = dsl.select(ANNOTATION.USER_ID, ANNOTATION.PAPER_ID, ANNOTATION.POSITION_START,
                        ANNOTATION.POSITION_END, ANNOTATION.CREATED_AT, ANNOTATION_REPLY.BODY, ANNOTATION_REPLY.CREATED_AT)
                .from(ANNOTATION_REPLY).join(ANNOTATION).on(ANNOTATION.ID.eq(ANNOTATION_REPLY.ANNOTATION_ID))
                .where(ANNOTATION_REPLY.USER_ID.eq(userId))
                .fetch(r -> new ReplyEntry(new AnnotationRef(names.username(r.value1()), names.paper(r.value2()),
                        r.value3(), r.value4(), r.value5()), r.value6(), r.value7()));
        List<ListEntry> lists = new ArrayList<>();
        dsl.selectFrom(READING_LIST).where(READING_LIST.OWNER_ID.eq(userId)).forEach(l -> lists.add(new ListEntry(
                l.getName(), l.getDescription(), l.getVisibility(), l.getCreatedAt(), l.getUpdatedAt(),
                dsl.selectFrom(LIST_MEMBER).where(LIST_MEMBER.LIST_ID.eq(l.getId()))
                        .fetch(m -> new MemberEntry(names.username(m.getAccountId()), m.getRole(), m.getAddedAt())),
                dsl.selectFrom(LIST_ITEM).where(LIST_ITEM.LIST_ID.eq(l.getId())).orderBy(LIST_ITEM.POSITION)
                        .fetch(i -> new ItemEntry(names.paper(i.getPaperId()), i.getPosition(), i.getNote(),
                                names.username(i.getAddedBy()), i.getAddedAt(), i.getSessionOn(),
                                names.username(i.getPresenterId()))))));
        Account owner = ACCOUNT.as("owner");
        List<CommentEntry> comments = dsl.select(owner.USERNAME, READING_LIST.NAME, LIST_ITEM.PAPER_ID,
                        LIST_COMMENT.BODY, LIST_COMMENT.CREATED_AT, LIST_COMMENT.UPDATED_AT)
                .from(LIST_COMMENT).join(LIST_ITEM).on(LIST_ITEM.ID.eq(LIST_COMMENT.ITEM_ID))
                .join(READING_LIST).on(READING_LIST.ID.eq(LIST_ITEM.LIST_ID))
                .join(owner).on(owner.ID.eq(READING_LIST.OWNER_ID))
                .where(LIST_COMMENT.AUTHOR_ID.eq(userId))
                .fetch(c -> new CommentEntry(new ListRef(c.value1(), c.value2()), names.paper(c.value3()), c.value4(),
                        c.value5(), c.value6()));
        List<String> added = dsl.select(PAPER.ID).from(PAPER).where(PAPER.ADDED_BY.eq(userId))
                .fetch(p -> names.paper(p.value1()));
        Map<Long, List<Bundle.TaggedPaper>> tagged = new HashMap<>();
        dsl.select(PAPER_TAG.TAG_ID, PAPER_TAG.PAPER_ID, PAPER_TAG.ADDED_AT).from(PAPER_TAG).join(TAG)
                .on(TAG.ID.eq(PAPER_TAG.TAG_ID)).where(TAG.USER_ID.eq(userId))
                .forEach(t -> tagged.computeIfAbsent(t.value1(), k -> new ArrayList<>())
                        .add(new Bundle.TaggedPaper(names.paper(t.value2()), t.value3())));
        List<Bundle.TagEntry> myTags = dsl.selectFrom(TAG).where(TAG.USER_ID.eq(userId)).orderBy(TAG.NAME_KEY)
                .fetch(t -> new Bundle.TagEntry(t.getName(), t.getCreatedAt(), tagged.getOrDefault(t.getId(), List.of())
                        .stream().sorted(Comparator.comparing(Bundle.TaggedPaper::paper)).toList()));
        List<Bundle.SavedFilterEntry> views = dsl.selectFrom(SAVED_FILTER).where(SAVED_FILTER.USER_ID.eq(userId))
                .orderBy(SAVED_FILTER.NAME_KEY)
                .fetch(f -> new Bundle.SavedFilterEntry(f.getName(), f.getTarget(), f.getQuery(), f.getCreatedAt(),
                        f.getUpdatedAt()));
        return new Person(account.get(ACCOUNT.USERNAME), account.get(ACCOUNT.DISPLAY_NAME), settings,
                Order.statuses(statuses), events, Order.ratings(ratings), Order.notes(notes),
                Order.annotations(annotations), Order.replies(replies), Order.lists(lists), Order.comments(comments),
                added.stream().sorted().toList(), myTags, views);
    }

    /** Papers and accounts met while reading, by id: each paper once in the bundle's list, by key. */
    private static final class Names {

        private final DSLContext dsl;
        private final Map<Long, PaperEntry> papers = new LinkedHashMap<>();
        private final Map<Long, String> usernames = new HashMap<>();

        Names(DSLContext dsl) {
            this.dsl = dsl;
            dsl.select(ACCOUNT.ID, ACCOUNT.USERNAME).from(ACCOUNT).forEach(a -> usernames.put(a.value1(), a.value2()));
        }

        String username(Long accountId) {
            return accountId == null ? null : usernames.get(accountId);
        }

        String paper(long paperId) {
            return papers.computeIfAbsent(paperId, id -> dsl.selectFrom(PAPER).where(PAPER.ID.eq(id)).fetchOne(p -> {
                boolean added = p.getRank() == null;
                return new PaperEntry(PaperKeys.key(p.getArxivId(), p.getDoi(), p.getTitle()), p.getTitle(),
                        p.getAuthors(), p.getYear(), p.getVenue(), p.getArxivId(), p.getDoi(), p.getUrl(),
                        p.getCitations(), added ? p.getAbstract() : null, username(p.getAddedBy()),
                        added ? p.getCreatedAt() : null);
            })).key();
        }

        List<PaperEntry> papers() {
            return papers.values().stream().sorted(Comparator.comparing(PaperEntry::key)).toList();
        }
    }
}
