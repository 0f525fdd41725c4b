package io.paperlog.io;

import io.paperlog.io.Bundle.PaperEntry;
import java.util.List;

/**
 * A file read for import, before anything is stored: a Paperlog bundle, or the entries of another tool's library
 * (BibTeX, CSL-JSON, CSV), with every problem met while reading it.
 */
record Incoming(String source, Bundle bundle, List<Entry> entries, List<Report.Problem> problems) {

    static Incoming bundle(Bundle bundle) {
        return new Incoming("a Paperlog export", bundle, List.of(), List.of());
    }

    static Incoming entries(String source, List<Entry> entries, List<Report.Problem> problems) {
        return new Incoming(source, null, entries, problems);
    }

    /**
     * One paper of another tool's library, and what it says of my reading: {@code status} is null when it says
     * nothing; {@code statusIfNone} when the status only applies to a paper I have none for (a BibTeX entry puts
     * the paper on my want-to-read list, but never moves one I am reading). Dates as YYYY-MM-DD.
     */
    record Entry(String where, PaperEntry paper, String status, boolean statusIfNone, String startedOn,
                 String finishedOn, Integer timesRead, Double stars, String note, List<String> tags) {}
}
