package io.paperlog.annotations;

import io.paperlog.web.MarkdownUrls;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * Markdown of comments and replies as safe HTML: raw HTML in the source is escaped, link and image URLs with
 * unsafe schemes are dropped. (Issue #4 brings the same renderer for notes in io.paperlog.tracking; the two can
 * become one.)
 */
final class CommentMarkdown {

    private static final Parser PARSER = Parser.builder().build();
    private static final HtmlRenderer RENDERER = HtmlRenderer.builder()
            .escapeHtml(true)
            .sanitizeUrls(true)
            .urlSanitizer(MarkdownUrls.SANITIZER)
            .softbreak("<br>")
            .build();

    private CommentMarkdown() {}

    static String toHtml(String markdown) {
        if (markdown == null || markdown.isBlank()) {
            return "";
        }
        return RENDERER.render(PARSER.parse(markdown));
    }
}
