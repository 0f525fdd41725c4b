package io.paperlog.tracking;

/** A person's note on a paper: the Markdown, its safe HTML and the revision it is at (0 = no note yet). */
public record NoteView(String body, String html, int revision, String updatedAt) {

    static final NoteView EMPTY = new NoteView("", "", 0, null);

    public boolean empty() {
        return body.isEmpty();
    }
}
