package io.paperlog.annotations;

import io.paperlog.annotations.Anchoring.Selector;
import io.paperlog.papers.QuoteMarkup;
import java.util.List;

/** One stored annotation with its author's names, its paper's title and its tags. */
public record Annotation(long id, long userId, String authorUsername, String authorName, long paperId,
        String paperTitle, Selector selector, String body, String colour, String visibility, List<String> tags,
        String resolvedAt, String createdAt, String updatedAt) {

    public boolean ownedBy(long viewerId) {
        return userId == viewerId;
    }

    public boolean isTeam() {
        return "team".equals(visibility);
    }

    public boolean isResolved() {
        return resolvedAt != null;
    }

    public String exact() {
        return selector.exact();
    }

    /** The quote as a reader sees it: {@code O($L^2$)} reads O(L^2), and a formula it cuts into comes whole. */
    public String quoteText() {
        return QuoteMarkup.toPlainText(selector.prefix(), selector.exact(), selector.suffix());
    }

    /** The quote as safe HTML, its formulas drawn as in the abstract. */
    public String quoteHtml() {
        return QuoteMarkup.toHtml(selector.prefix(), selector.exact(), selector.suffix());
    }
}
