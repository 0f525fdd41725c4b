package io.paperlog.web;

import java.util.List;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.DefaultUrlSanitizer;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.html.UrlSanitizer;

/**
 * Markdown that people write (notes, comments, replies) as HTML that is safe to show, with {@code $...$} math
 * drawn as in abstracts ({@link InlineMath}): raw HTML in the source is escaped, links get rel=nofollow, and a single line break stays a line break. Link and image URLs may be
 * relative or http, https and mailto; commonmark's default sanitiser also lets {@code data:} through, which can
 * carry a whole page or script, so every other scheme is dropped.
 */
public final class SafeMarkdown {

    private static final UrlSanitizer SAFE_URLS = new DefaultUrlSanitizer(List.of("http", "https", "mailto"));
    private static final Parser PARSER = Parser.builder()
            .customInlineContentParserFactory(new InlineMath.Factory())
            .build();
    private static final HtmlRenderer RENDERER = HtmlRenderer.builder()
            .escapeHtml(true)
            .sanitizeUrls(true)
            .urlSanitizer(SAFE_URLS)
            .softbreak("<br>")
            .nodeRendererFactory(InlineMath.Renderer::new)
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
