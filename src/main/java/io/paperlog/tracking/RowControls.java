package io.paperlog.tracking;

import io.paperlog.web.Html;

/**
 * My status and rating on one catalogue row, with its one-click status form. Built as a string rather than a
 * Thymeleaf fragment because the catalogue shows a hundred of them and must stay about as fast as without them;
 * every value placed in it is escaped.
 */
public final class RowControls {

    private static final String[][] BUTTONS = {{"want", "Want"}, {"reading", "Reading"}, {"read", "Read"}};

    private RowControls() {}

    public static String html(Mark mark, String csrf, String back) {
        long paperId = mark.paperId();
        StringBuilder out = new StringBuilder(720);
        out.append("<div class=\"row-track\" id=\"track-").append(paperId).append("\">");
        if (mark.status() != Status.NONE) {
            out.append("<span class=\"row-track__status\" data-status=\"").append(mark.statusSlug()).append("\">")
                    .append(mark.statusLabel()).append("</span>");
        }
        if (mark.rated()) {
            out.append("<span class=\"row-track__stars\" title=\"My rating: ").append(mark.rating())
                    .append(" of 5\" aria-label=\"My rating: ").append(mark.rating()).append(" of 5\">")
                    .append(mark.stars()).append("</span>");
        }
        out.append("<form method=\"post\" action=\"/papers/").append(paperId)
                .append("/status\" data-inplace=\"row\" class=\"row-track__form\" aria-label=\"My status for paper ")
                .append(paperId).append("\"><input type=\"hidden\" name=\"_csrf\" value=\"");
        Html.escapeInto(out, csrf == null ? "" : csrf);
        out.append("\"><input type=\"hidden\" name=\"back\" value=\"");
        Html.escapeInto(out, back);
        out.append("\">");
        for (String[] button : BUTTONS) {
            out.append("<button type=\"submit\" name=\"status\" value=\"").append(button[0])
                    .append("\" aria-pressed=\"").append(mark.statusSlug().equals(button[0])).append("\">")
                    .append(button[1]).append("</button>");
        }
        out.append("</form></div>");
        return out.toString();
    }
}
