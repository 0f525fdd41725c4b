package io.paperlog.lists;

import io.paperlog.papers.AbstractMarkup;
import io.paperlog.web.SafeMarkdown;

/** What a public link shows of a list's item: the paper, the note and the session's date; nobody's name. */
public record PublicItem(long paperId, Integer rank, String paperTitle, String note, String sessionOn) {

    public String titleHtml() {
        return AbstractMarkup.toHtml(paperTitle);
    }

    public String noteHtml() {
        return SafeMarkdown.toHtml(note);
    }
}
