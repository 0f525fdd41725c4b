package io.paperlog.tags;

import io.paperlog.web.Html;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * My tags on each paper of a page (the catalogue's rows), by paper id, and each row's tagging controls: a checkbox
 * that belongs to the page's selection form, my tags on the paper (each with a form to remove it) and a small form
 * to add some. Built as a string rather than a Thymeleaf fragment, like {@code RowControls}: a page shows fifty of
 * them, and as a fragment they took a quarter of the page's rendering. Every value placed in it is escaped.
 */
public record RowTags(Map<Long, List<Tag>> byPaper) {

    public static RowTags of(Map<Long, List<String>> names) {
        Map<Long, List<Tag>> tags = new HashMap<>();
        names.forEach((paper, list) -> tags.put(paper, list.stream().map(n -> new Tag(0, n, 0)).toList()));
        return new RowTags(tags);
    }

    public List<Tag> on(long paperId) {
        return byPaper.getOrDefault(paperId, List.of());
    }

    /** The tagging controls of the row of paper {@code paperId}; {@code back} is the page they return to. */
    public String html(long paperId, String title, String csrf, String back) {
        StringBuilder out = new StringBuilder(900);
        out.append("<div class=\"row-tags\"><label class=\"row-tags__pick\">")
                .append("<input type=\"checkbox\" name=\"paper\" value=\"")
                .append(paperId).append("\" form=\"tag-selection\" aria-label=\"Select ");
        Html.escapeInto(out, title);
        out.append("\"><span aria-hidden=\"true\">Select</span></label>");
        List<Tag> tags = on(paperId);
        if (!tags.isEmpty()) {
            out.append("<ul class=\"tag-chips tag-chips--small\" aria-label=\"My tags\">");
            for (Tag tag : tags) {
                out.append("<li class=\"tag-chip\"><a class=\"tag-chip__name\" href=\"");
                Html.escapeInto(out, tag.href());
                out.append("\">#");
                Html.escapeInto(out, tag.name());
                out.append("</a> <form method=\"post\" action=\"/papers/").append(paperId)
                        .append("/tags/remove\" class=\"inline-form\">");
                hidden(out, "_csrf", csrf, paperId, false);
                hidden(out, "tag", tag.name(), paperId, false);
                hidden(out, "back", back, paperId, true);
                out.append("<button type=\"submit\" class=\"tag-chip__remove\" title=\"Remove\"")
                        .append(" aria-label=\"Remove tag ");
                Html.escapeInto(out, tag.name());
                out.append(" from ");
                Html.escapeInto(out, title);
                out.append("\">×</button></form></li>");
            }
            out.append("</ul>");
        }
        out.append("<details class=\"row-tags__add\"><summary>Tag</summary><form method=\"post\" action=\"/papers/")
                .append(paperId).append("/tags\">");
        hidden(out, "_csrf", csrf, paperId, false);
        hidden(out, "back", back, paperId, true);
        out.append("<input name=\"tags\" type=\"text\" maxlength=\"1000\" autocomplete=\"off\" placeholder=\"rlhf\""
                + " aria-label=\"Tags for ");
        Html.escapeInto(out, title);
        return out.append("\"><button class=\"button button--quiet\">Add</button></form></details></div>").toString();
    }

    /** A hidden field; {@code toRow} adds the row's anchor to the value (the page to come back to, at this row). */
    private static void hidden(StringBuilder out, String name, String value, long paperId, boolean toRow) {
        out.append("<input type=\"hidden\" name=\"").append(name).append("\" value=\"");
        Html.escapeInto(out, value == null ? "" : value);
        if (toRow) {
            out.append("#paper-").append(paperId);
        }
        out.append("\">");
    }
}
