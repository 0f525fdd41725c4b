package io.paperlog.tags;

import static io.paperlog.db.schema.Tables.PAPER;
import static io.paperlog.db.schema.Tables.PAPER_TAG;
import static io.paperlog.db.schema.Tables.READING_STATUS;
import static io.paperlog.db.schema.Tables.TAG;

import io.paperlog.db.Database;
import io.paperlog.db.PerVersion;
import io.paperlog.db.Timestamps;
import io.paperlog.papers.Paper;
import io.paperlog.papers.PaperStore;
import io.paperlog.privacy.Visible;
import io.paperlog.web.UserError;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record1;
import org.jooq.Select;
import org.jooq.impl.DSL;

/**
 * A person's tags and the papers they put them on. Every query names the owner: nobody else's tags are ever read,
 * counted or changed, and a tag another person has is, to me, a tag that does not exist.
 */
public final class TagStore {

    /** How many tags one person may have, and how many papers one request may tag. */
    public static final int MAX_TAGS_PER_PERSON = 1000;
    public static final int MAX_PAPERS_AT_ONCE = 500;

    private static final Field<Integer> COUNT = DSL.count(PAPER_TAG.PAPER_ID).as("papers");

    private final Database db;
    private final Clock clock;
    private final PerVersion<List<Tag>> counted;

    public TagStore(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
        this.counted = new PerVersion<>(db::tagsVersion);
    }

    /** My tags with how many papers each is on, by name. */
    public List<Tag> tags(long ownerId) {
        // kept while no tag changes: every catalogue and library page shows them, and counting reads every paper I
        // tagged (14,500 for a heavy reader at 100,000 papers: 3-5 ms a page, and again after each status write)
        return counted.get(String.valueOf(ownerId), () -> List.copyOf(db.read().select(TAG.ID, TAG.NAME, COUNT)
                .from(TAG).leftJoin(PAPER_TAG).on(PAPER_TAG.TAG_ID.eq(TAG.ID))
                .where(TAG.USER_ID.eq(ownerId))
                .groupBy(TAG.ID)
                .orderBy(TAG.NAME_KEY)
                .fetch(r -> new Tag(r.value1(), r.value2(), r.value3()))));
    }

    /** My tag with this name (in any case); 404 when I have none. */
    public Tag require(long ownerId, String rawName) {
        TagName name = TagName.parse(rawName).orElseThrow(TagStore::notFound);
        return db.read().select(TAG.ID, TAG.NAME, COUNT)
                .from(TAG).leftJoin(PAPER_TAG).on(PAPER_TAG.TAG_ID.eq(TAG.ID))
                .where(TAG.USER_ID.eq(ownerId), TAG.NAME_KEY.eq(name.key()))
                .groupBy(TAG.ID)
                .fetchOptional(r -> new Tag(r.value1(), r.value2(), r.value3()))
                .orElseThrow(TagStore::notFound);
    }

    /** The tags I put on this paper, by name. */
    public List<Tag> onPaper(long ownerId, long paperId) {
        return db.read().select(TAG.ID, TAG.NAME)
                .from(TAG).join(PAPER_TAG).on(PAPER_TAG.TAG_ID.eq(TAG.ID))
                .where(TAG.USER_ID.eq(ownerId), PAPER_TAG.PAPER_ID.eq(paperId))
                .orderBy(TAG.NAME_KEY)
                .fetch(r -> new Tag(r.value1(), r.value2(), 0));
    }

    /**
     * Every paper I tagged, with my tags on it by name: for the catalogue's rows and for the data export
     * (paper id → tag names).
     */
    public Map<Long, List<String>> byPaper(long ownerId) {
        return byPaper(ownerId, DSL.noCondition());
    }

    /** My tags on these papers only (a page's), by paper id. */
    public Map<Long, List<String>> byPaper(long ownerId, Collection<Long> paperIds) {
        return byPaper(ownerId, PAPER_TAG.PAPER_ID.in(paperIds));
    }

    private Map<Long, List<String>> byPaper(long ownerId, Condition papers) {
        Map<Long, List<String>> tags = new LinkedHashMap<>();
        db.read().select(PAPER_TAG.PAPER_ID, TAG.NAME)
                .from(TAG).join(PAPER_TAG).on(PAPER_TAG.TAG_ID.eq(TAG.ID))
                .where(TAG.USER_ID.eq(ownerId), papers)
                .orderBy(PAPER_TAG.PAPER_ID, TAG.NAME_KEY)
                .forEach(r -> tags.computeIfAbsent(r.value1(), id -> new ArrayList<>()).add(r.value2()));
        return tags;
    }

    /** The papers carrying my tag, by rank (added papers last). */
    public List<Paper> papers(long ownerId, long tagId) {
        return db.read().select(PAPER.fields())
                .from(PAPER).join(PAPER_TAG).on(PAPER_TAG.PAPER_ID.eq(PAPER.ID))
                .join(TAG).on(TAG.ID.eq(PAPER_TAG.TAG_ID))
                .where(TAG.ID.eq(tagId), TAG.USER_ID.eq(ownerId))
                .orderBy(PAPER.RANK.asc().nullsLast(), PAPER.ID.asc())
                .fetch(PaperStore::toPaper);
    }

    /**
     * Puts my tags {@code names} on each of {@code paperIds}, making the tags I do not have yet; a paper that has
     * one already keeps it. Returns how many tags were newly put on papers. 404 if a paper does not exist.
     */
    public int add(long ownerId, Collection<Long> paperIds, List<TagName> names) {
        Set<Long> papers = Set.copyOf(paperIds);
        String now = Timestamps.now(clock);
        return db.write(dsl -> {
            requirePapers(dsl, papers);
            int added = 0;
            for (TagName name : names) {
                long tagId = tagId(dsl, ownerId, name, now);
                for (long paperId : papers) {
                    added += dsl.insertInto(PAPER_TAG).set(PAPER_TAG.TAG_ID, tagId).set(PAPER_TAG.PAPER_ID, paperId)
                            .set(PAPER_TAG.ADDED_AT, now).onConflictDoNothing().execute();
                }
            }
            return added;
        });
    }

    /** Takes my tag off each of {@code paperIds}; returns how many papers had it. 404 if I have no such tag. */
    public int remove(long ownerId, Collection<Long> paperIds, String rawName) {
        TagName name = TagName.parse(rawName).orElseThrow(TagStore::notFound);
        return remove(ownerId, paperIds, List.of(name));
    }

    /** Takes each of my tags {@code names} off each of {@code paperIds}, all or none: 404 if I lack one of them. */
    public int remove(long ownerId, Collection<Long> paperIds, List<TagName> names) {
        return db.write(dsl -> {
            List<Long> tagIds = new ArrayList<>();
            for (TagName name : names) {
                tagIds.add(existing(dsl, ownerId, name.key()).orElseThrow(TagStore::notFound));
            }
            return dsl.deleteFrom(PAPER_TAG).where(PAPER_TAG.TAG_ID.in(tagIds), PAPER_TAG.PAPER_ID.in(paperIds)).execute();
        });
    }

    /** What a rename did: renamed (perhaps only its case), or merged into a tag I had by the new name. */
    public record Renamed(String name, boolean merged) {}

    /**
     * Renames my tag; when I already have a tag by the new name, the tag is merged into it: its papers get that
     * tag, and it is deleted.
     */
    public Renamed rename(long ownerId, long tagId, TagName to) {
        return db.write(dsl -> {
            requireOwn(dsl, ownerId, tagId);
            Optional<Long> target = existing(dsl, ownerId, to.key()).filter(id -> id != tagId);
            if (target.isEmpty()) {
                dsl.update(TAG).set(TAG.NAME, to.name()).set(TAG.NAME_KEY, to.key())
                        .where(TAG.ID.eq(tagId), TAG.USER_ID.eq(ownerId)).execute();
                return new Renamed(to.name(), false);
            }
            dsl.insertInto(PAPER_TAG, PAPER_TAG.TAG_ID, PAPER_TAG.PAPER_ID, PAPER_TAG.ADDED_AT)
                    .select(DSL.select(DSL.val(target.get()), PAPER_TAG.PAPER_ID, PAPER_TAG.ADDED_AT)
                            .from(PAPER_TAG).where(PAPER_TAG.TAG_ID.eq(tagId)))
                    .onConflictDoNothing().execute();
            dsl.deleteFrom(TAG).where(TAG.ID.eq(tagId), TAG.USER_ID.eq(ownerId)).execute();
            return new Renamed(dsl.select(TAG.NAME).from(TAG).where(TAG.ID.eq(target.get())).fetchOne(TAG.NAME), true);
        });
    }

    /** Deletes my tag, taking it off every paper; the papers stay as they are otherwise. */
    public void delete(long ownerId, long tagId) {
        db.write(dsl -> {
            requireOwn(dsl, ownerId, tagId);
            return dsl.deleteFrom(TAG).where(TAG.ID.eq(tagId), TAG.USER_ID.eq(ownerId)).execute();
        });
    }

    /** The papers carrying any of the filter's tags of mine (each once), or null when it names none to carry. */
    public static Select<Record1<Long>> carrying(TagFilter filter, long viewerId) {
        if (filter.tags().isEmpty() || filter.mode() == TagFilter.Mode.NONE) {
            return null;
        }
        List<String> keys = filter.tags().stream().map(TagName::key).toList();
        return DSL.selectDistinct(PAPER_TAG.PAPER_ID).from(PAPER_TAG).where(PAPER_TAG.TAG_ID.in(
                DSL.select(TAG.ID).from(TAG).where(TAG.USER_ID.eq(viewerId), TAG.NAME_KEY.in(keys))));
    }

    /**
     * The condition a catalogue or library query adds for {@code filter}, over the paper id in {@code paperId}, as
     * {@code viewerId} asks: only their own tags count, and "nobody on the team has read it" only counts the
     * reading they may see (their own, and teammates' who share their statuses).
     */
    public static Condition matches(TagFilter filter, Field<Long> paperId, long viewerId) {
        Condition condition = DSL.noCondition();
        if (!filter.tags().isEmpty()) {
            List<String> keys = filter.tags().stream().map(TagName::key).toList();
            // my tags' ids are looked up once; each paper is then a lookup in paper_tag_by_paper
            var mine = DSL.select(TAG.ID).from(TAG).where(TAG.USER_ID.eq(viewerId), TAG.NAME_KEY.in(keys));
            var tagged = DSL.selectOne().from(PAPER_TAG).where(PAPER_TAG.PAPER_ID.eq(paperId), PAPER_TAG.TAG_ID.in(mine));
            condition = switch (filter.mode()) {
                case ANY -> DSL.exists(tagged);
                case ALL -> DSL.field(DSL.selectCount().from(PAPER_TAG)
                        .where(PAPER_TAG.PAPER_ID.eq(paperId), PAPER_TAG.TAG_ID.in(mine))).eq(keys.size());
                case NONE -> DSL.notExists(tagged);
            };
        }
        if (filter.unreadByTeam()) {
            // a name of its own: paperId may be a column of reading_status itself (the library's counts)
            var team = READING_STATUS.as("team_status");
            condition = condition.andNotExists(DSL.selectOne().from(team)
                    .where(team.PAPER_ID.eq(paperId), team.STATUS.eq("read"), Visible.statusesOf(team.USER_ID, viewerId)));
        }
        return condition;
    }

    private static long tagId(DSLContext dsl, long ownerId, TagName name, String now) {
        Optional<Long> id = existing(dsl, ownerId, name.key());
        if (id.isPresent()) {
            return id.get();
        }
        if (dsl.fetchCount(TAG, TAG.USER_ID.eq(ownerId)) >= MAX_TAGS_PER_PERSON) {
            throw UserError.conflict("tags", "You have " + MAX_TAGS_PER_PERSON
                    + " tags, as many as one person can; merge or delete some first.");
        }
        return dsl.insertInto(TAG).set(TAG.USER_ID, ownerId).set(TAG.NAME, name.name()).set(TAG.NAME_KEY, name.key())
                .set(TAG.CREATED_AT, now).returningResult(TAG.ID).fetchOne(TAG.ID);
    }

    private static Optional<Long> existing(DSLContext dsl, long ownerId, String key) {
        return dsl.select(TAG.ID).from(TAG).where(TAG.USER_ID.eq(ownerId), TAG.NAME_KEY.eq(key)).fetchOptional(TAG.ID);
    }

    private static void requireOwn(DSLContext dsl, long ownerId, long tagId) {
        if (!dsl.fetchExists(TAG, TAG.ID.eq(tagId), TAG.USER_ID.eq(ownerId))) {
            throw notFound();
        }
    }

    private static void requirePapers(DSLContext dsl, Set<Long> papers) {
        if (papers.isEmpty()) {
            throw UserError.invalid("paper", "Select at least one paper to tag.");
        }
        if (papers.size() > MAX_PAPERS_AT_ONCE) {
            throw UserError.badRequest("Tag up to " + MAX_PAPERS_AT_ONCE + " papers at once.");
        }
        if (dsl.fetchCount(PAPER, PAPER.ID.in(papers)) != papers.size()) {
            throw UserError.notFound(papers.size() == 1 ? "There is no such paper." : "Some of those papers do not exist.");
        }
    }

    static UserError notFound() {
        return UserError.notFound("You have no tag by that name.");
    }
}
