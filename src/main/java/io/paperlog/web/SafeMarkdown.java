package io.paperlog.web;

import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * Markdown that people write (notes, comments, replies) as HTML that is safe to show: raw HTML in the source is
 * escaped, link and image URLs with unsafe schemes (javascript:, data:, ...) are dropped, links get
 * rel=nofollow, and a single line break stays a line break.
 */
public final class SafeMarkdown {

    private static final Parser PARSER = Parser.builder().build();
    private static final HtmlRenderer RENDERER = HtmlRenderer.builder()
            .escapeHtml(true)
            .sanitizeUrls(true)
            .softbreak("<br>")
            .attributeProviderFactory(context -> (node, tagName, attributes) -> {
                if ("a".equals(tagName)) {
                    attributes.put("rel", "nofollow noopener noreferrer");
                }
            })
            .build();

    private SafeMarkdown() {}

    public static String toHtml(String markdown) {
        if (markdown == null || markdown.isBlank()) {
            return "";
        }
        return RENDERER.render(PARSER.parse(markdown));
    }
}
