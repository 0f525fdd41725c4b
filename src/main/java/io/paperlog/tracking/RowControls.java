package io.paperlog.tracking;

import io.paperlog.web.Html;

/**
 * My status and rating on one catalogue row, as one form (to {@code /papers/ID/mark}) holding two groups: a button
 * for every status (the pressed one is my status, shown once, in its colour) and one to clear it, and five stars to
 * rate with the mouse (and one to clear the rating). One form and no repeated attributes because a catalogue page
 * shows fifty of them: its size is most of the page's. Built as a string rather than a Thymeleaf fragment for the
 * same reason; every value placed in it is escaped.
 */
public final class RowControls {

    private static final String[][] BUTTONS = {{"want", "Want"}, {"reading", "Reading"}, {"read", "Read"},
            {"abandoned", "Abandoned"}};

    private RowControls() {}

    public static String html(Mark mark, String csrf, String back) {
        long paperId = mark.paperId();
        StringBuilder out = new StringBuilder(1200);
        out.append("<form class=\"row-track\" id=\"track-").append(paperId).append("\" method=\"post\" action=\"/papers/")
                .append(paperId).append("/mark\" data-inplace=\"row\"><input type=\"hidden\" name=\"_csrf\" value=\"");
        Html.escapeInto(out, csrf == null ? "" : csrf);
        out.append("\"><input type=\"hidden\" name=\"back\" value=\"");
        Html.escapeInto(out, back);
        out.append("\"><span class=\"row-track__form\" role=\"group\" aria-label=\"My status\">");
        for (String[] button : BUTTONS) {
            out.append("<button name=\"status\" value=\"").append(button[0]).append("\" data-status=\"")
                    .append(button[0]).append("\" aria-pressed=\"").append(mark.statusSlug().equals(button[0]))
                    .append("\">").append(button[1]).append("</button>");
        }
        if (mark.status() != Status.NONE) {
            out.append("<button name=\"status\" value=\"none\" class=\"row-track__clear\" aria-label=\"Clear my status\">×</button>");
        }
        out.append("</span><span class=\"row-track__rate\" role=\"group\" aria-label=\"")
                .append(mark.rated() ? "My rating: " + mark.rating() + " of 5" : "Not rated").append("\">");
        int halves = mark.rated() ? mark.halves() : 0;
        for (int star = 1; star <= 5; star++) {
            String fill = halves >= 2 * star ? " is-on" : halves == 2 * star - 1 ? " is-half" : "";
            out.append("<button name=\"rating\" value=\"").append(star).append("\" class=\"row-track__star").append(fill)
                    .append("\" aria-label=\"Rate ").append(star).append(" of 5\">★</button>");
        }
        if (mark.rated()) {
            out.append("<button name=\"rating\" value=\"\" class=\"row-track__clear\" aria-label=\"Clear my rating\">×</button>");
        }
        return out.append("</span></form>").toString();
    }
}
