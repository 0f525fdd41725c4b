package io.paperlog.lists;

import io.paperlog.papers.AbstractMarkup;
import io.paperlog.web.SafeMarkdown;
import java.util.ArrayList;
import java.util.List;

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

    /** The title as plain words (its TeX as a reader sees it), for page titles and labels. */
    public String titleText() {
        return AbstractMarkup.toPlainText(paperTitle);
    }

    public String noteHtml() {
        return SafeMarkdown.toHtml(note);
    }

    public boolean scheduled() {
        return sessionOn != null;
    }

    /**
     * What removing the item would delete besides the paper's place on the list, as "its note, its session and
     * its 3 comments"; empty when nothing would be lost.
     */
    public String removalLoses() {
        List<String> lost = new ArrayList<>();
        if (!note.isBlank()) {
            lost.add("its note");
        }
        if (scheduled()) {
            lost.add("its session");
        }
        if (comments > 0) {
            lost.add(comments == 1 ? "its comment" : "its " + comments + " comments");
        }
        if (lost.size() < 2) {
            return String.join("", lost);
        }
        return String.join(", ", lost.subList(0, lost.size() - 1)) + " and " + lost.get(lost.size() - 1);
    }
}
