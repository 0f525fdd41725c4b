package io.paperlog.lists;

import io.paperlog.papers.AbstractMarkup;
import io.paperlog.web.SafeMarkdown;

/**
 * A paper on a list, with its "why read this" note, who added it and when, and its reading-group session (a date,
 * and who presents it) if it has one.
 */
public record ListItem(long id, long listId, long paperId, Integer rank, String paperTitle, int position, String note,
                       String addedByName, String addedAt, String sessionOn, String presenterUsername,
                       String presenterName, int comments) {

    public String titleHtml() {
        return AbstractMarkup.toHtml(paperTitle);
    }

    public String noteHtml() {
        return SafeMarkdown.toHtml(note);
    }

    public boolean scheduled() {
        return sessionOn != null;
    }
}
