package io.paperlog.papers;

import java.util.List;

/**
 * One paper, exactly as stored. {@code rank} is null for papers added by people, and {@code addedBy} is who added
 * it (null for the seeded catalogue); {@code year}, {@code arxivId}, {@code venue}, {@code doi} and {@code url}
 * are null where unknown. {@code authors} holds the names in order, {@code "; "}-separated, as given.
 */
public record Paper(long id, Integer rank, String title, int citations, String abstractText, String createdAt,
                    String arxivId, Integer year, String authors, String venue, String doi, String url, Long addedBy) {

    /** The separator between two names in {@link #authors}. */
    public static final String AUTHOR_SEPARATOR = "; ";

    public List<String> authorList() {
        return Authors.split(authors);
    }

    /** Whether people made this paper (rather than the seeded catalogue), so that it may be edited and deleted. */
    public boolean added() {
        return rank == null;
    }
}
