package io.paperlog.io;

import java.util.List;
import java.util.Map;

/**
 * {@code paperlog.json}: what a person owns (or, for an admin, the whole instance), with no database ids. A paper is
 * named by a {@link PaperEntry#key} that holds in any instance (its arXiv id, else its DOI, else its normalised
 * title); people by username. Timestamps are UTC ISO-8601 as stored. Written and read by Jackson with snake_case
 * names, so that an export reads back into exactly these records.
 */
public record Bundle(String format, int version, String exportedAt, String scope, List<AccountEntry> accounts,
                     Map<String, String> instanceSettings, List<PaperEntry> papers, List<Person> people) {

    public static final String FORMAT = "paperlog-export";
    public static final int VERSION = 1;
    public static final String PERSON = "person";
    public static final String INSTANCE = "instance";

    /** A paper that something in the bundle is about; the abstract and the time it was added only for added papers. */
    public record PaperEntry(String key, String title, String authors, Integer year, String venue, String arxivId,
                             String doi, String url, Integer citations, String abstractText, String addedBy,
                             String createdAt) {}

    /** An account of the instance (instance exports only): never its password, sessions or tokens. */
    public record AccountEntry(String username, String displayName, boolean admin, boolean active, String createdAt) {}

    /** Everything one person owns. */
    public record Person(String username, String displayName, Settings settings, List<StatusEntry> statuses,
                         List<EventEntry> statusEvents, List<RatingEntry> ratings, List<NoteEntry> notes,
                         List<AnnotationEntry> annotations, List<ReplyEntry> replies, List<ListEntry> lists,
                         List<CommentEntry> comments, List<String> papersAdded, List<TagEntry> tags,
                         List<SavedFilterEntry> savedFilters) {}

    /** One of the person's tags and the papers it is on. */
    public record TagEntry(String name, String createdAt, List<TaggedPaper> papers) {}

    public record TaggedPaper(String paper, String addedAt) {}

    /** A saved view: which page ({@code catalogue}, {@code library}, {@code search}) and its query string. */
    public record SavedFilterEntry(String name, String target, String query, String createdAt, String updatedAt) {}

    /** Whether the team sees this person's statuses and ratings. */
    public record Settings(boolean statusesVisible, boolean ratingsVisible) {}

    public record StatusEntry(String paper, String status, String startedOn, String finishedOn, int timesRead,
                              int rereads, String updatedAt) {}

    public record EventEntry(String paper, String from, String to, String at) {}

    /** Stars in half steps: 3.5 is three and a half stars. */
    public record RatingEntry(String paper, double stars, String updatedAt) {}

    public record NoteEntry(String paper, String visibility, String body, int revision, String updatedAt,
                            List<RevisionEntry> revisions) {}

    public record RevisionEntry(int revision, String body, String createdAt) {}

    public record AnnotationEntry(String paper, String exact, String prefix, String suffix, int start, int end,
                                  String body, String colour, String visibility, List<String> tags, String resolvedAt,
                                  String createdAt, String updatedAt) {}

    /** A reply this person wrote, on their own annotation or a teammate's (named by its author, paper and place). */
    public record ReplyEntry(AnnotationRef annotation, String body, String createdAt) {}

    public record AnnotationRef(String owner, String paper, int start, int end, String createdAt) {}

    public record ListEntry(String name, String description, String visibility, String createdAt, String updatedAt,
                            List<MemberEntry> members, List<ItemEntry> items) {}

    public record MemberEntry(String username, String role, String addedAt) {}

    public record ItemEntry(String paper, int position, String note, String addedBy, String addedAt, String sessionOn,
                            String presenter) {}

    /** A comment this person wrote on a paper of a list (theirs or one they are a member of). */
    public record CommentEntry(ListRef list, String paper, String body, String createdAt, String updatedAt) {}

    public record ListRef(String owner, String name) {}
}
