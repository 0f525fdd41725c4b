package io.paperlog.activity;

import io.paperlog.papers.AbstractMarkup;

/**
 * One entry of the activity feed or of someone's notifications, as a page shows it: who did what, about which paper,
 * list or person, when, and where it leads. {@code reason} and {@code unread} are for notifications only.
 */
public record FeedEntry(long id, String kind, long actorId, String actorName, Long paperId, String paperTitle,
                        Long listId, String listName, Long itemId, Long annotationId, Long replyId, Long commentId,
                        String subjectName, String detail, String at, String reason, boolean unread) {

    public String paperTitleHtml() {
        return paperTitle == null ? "" : AbstractMarkup.toHtml(paperTitle);
    }

    /** "read", "want to read": the status an entry moved a paper to, as words. */
    public String statusWords() {
        return switch (detail) {
            case "want" -> "want to read";
            case "none" -> "no status";
            default -> detail;
        };
    }

    /** "4.5 stars", for a rating entry. */
    public String stars() {
        return detail + (detail.equals("1") ? " star" : " stars");
    }

    /** Where the entry leads. */
    public String href() {
        return switch (kind) {
            case "annotation" -> "/papers/" + paperId + "#annotation-" + annotationId;
            case "reply" -> "/papers/" + paperId + "#reply-" + replyId;
            case "comment" -> "/lists/" + listId + "/items/" + itemId + "#comment-" + commentId;
            case "item", "session" -> "/lists/" + listId + "#item-" + itemId;
            case "list", "member" -> "/lists/" + listId;
            default -> "/papers/" + paperId;
        };
    }
}
