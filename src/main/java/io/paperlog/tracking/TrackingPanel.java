package io.paperlog.tracking;

import java.util.List;

/**
 * Everything "My reading" on a paper's page shows: status with dates, rating, note with its revisions.
 * {@code startValue}, {@code finishValue} and {@code draft} are what the form fields hold (what was typed, when the
 * page is shown again for a refused post); {@code error} is the sentence shown then, beside {@code errorField}.
 */
public record TrackingPanel(long paperId, Mark mark, List<Choice> statuses, List<Choice> stars, String startValue,
                            String finishValue, NoteView note, String draft, List<NoteRevisionRow> revisions,
                            Conflict conflict, String error, String errorField, String back) {

    /** A radio option: its form value, label and whether it is selected. */
    public record Choice(String value, String label, boolean checked) {}

    /**
     * A note save refused because another save came first: both texts, so that nothing typed is lost, and what
     * differs between them.
     */
    public record Conflict(String mine, String theirs, String theirsHtml, int theirsRevision, List<NoteDiff.Part> diff) {}

    public String action(String what) {
        return "/papers/" + paperId + "/" + what;
    }

    public int noteMax() {
        return NoteStore.MAX_CHARS;
    }

    public boolean hasError(String field) {
        return error != null && field.equals(errorField);
    }
}
