package io.paperlog.tracking;

import io.paperlog.web.Html;

/**
 * My status and rating on one catalogue row: a button for every status (the pressed one is my status, shown once,
 * in its colour) and one to clear it, and five stars to rate with the mouse (and one to clear the rating). Built
 * as a string rather than a Thymeleaf fragment because a catalogue page shows fifty of them and must stay about as
 * fast as without them; every value placed in it is escaped.
 */
public final class RowControls {

    private static final String[][] BUTTONS = {{"want", "Want"}, {"reading", "Reading"}, {"read", "Read"},
            {"abandoned", "Abandoned"}};

    private RowControls() {}

    public static String html(Mark mark, String csrf, String back) {
        long paperId = mark.paperId();
        StringBuilder out = new StringBuilder(1600);
        out.append("<div class=\"row-track\" id=\"track-").append(paperId).append("\">");
        open(out, paperId, "status", "row-track__form", "My status for paper " + paperId, csrf, back);
        for (String[] button : BUTTONS) {
            boolean pressed = mark.statusSlug().equals(button[0]);
            out.append("<button type=\"submit\" name=\"status\" value=\"").append(button[0])
                    .append("\" data-status=\"").append(button[0]).append("\" aria-pressed=\"").append(pressed)
                    .append("\">").append(button[1]).append("</button>");
        }
        if (mark.status() != Status.NONE) {
            out.append("<button type=\"submit\" name=\"status\" value=\"none\" class=\"row-track__clear\"")
                    .append(" title=\"Clear my status\" aria-label=\"Clear my status\">×</button>");
        }
        out.append("</form>");
        String rating = mark.rated() ? "My rating: " + mark.rating() + " of 5" : "Not rated";
        open(out, paperId, "rating", "row-track__rate", rating, csrf, back);
        int halves = mark.rated() ? mark.halves() : 0;
        for (int star = 1; star <= 5; star++) {
            String fill = halves >= 2 * star ? " is-on" : halves == 2 * star - 1 ? " is-half" : "";
            out.append("<button type=\"submit\" name=\"rating\" value=\"").append(star)
                    .append("\" class=\"row-track__star").append(fill).append("\" title=\"").append(star)
                    .append(star == 1 ? " star" : " stars").append("\" aria-label=\"Rate ").append(star)
                    .append(" of 5\" aria-pressed=\"").append(halves == 2 * star).append("\">★</button>");
        }
        if (mark.rated()) {
            out.append("<button type=\"submit\" name=\"rating\" value=\"\" class=\"row-track__clear\"")
                    .append(" title=\"Clear my rating\" aria-label=\"Clear my rating\">×</button>");
        }
        out.append("</form></div>");
        return out.toString();
    }

    private static void open(StringBuilder out, long paperId, String action, String css, String label, String csrf,
                             String back) {
        out.append("<form method=\"post\" action=\"/papers/").append(paperId).append('/').append(action)
                .append("\" data-inplace=\"row\" class=\"").append(css).append("\" aria-label=\"");
        Html.escapeInto(out, label);
        out.append("\"><input type=\"hidden\" name=\"_csrf\" value=\"");
        Html.escapeInto(out, csrf == null ? "" : csrf);
        out.append("\"><input type=\"hidden\" name=\"back\" value=\"");
        Html.escapeInto(out, back);
        out.append("\">");
    }
}
