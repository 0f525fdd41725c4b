package io.paperlog.web;

import java.util.List;
import org.commonmark.renderer.html.DefaultUrlSanitizer;
import org.commonmark.renderer.html.UrlSanitizer;

/**
 * The link and image URLs that Markdown written by people (notes, comments, replies) may carry: relative ones and
 * http, https and mailto. commonmark's default also lets {@code data:} through, which can carry a whole HTML page
 * or script; every other scheme ({@code javascript:}, {@code data:}, {@code vbscript:}, {@code file:} ...) is dropped.
 */
public final class MarkdownUrls {

    public static final UrlSanitizer SANITIZER = new DefaultUrlSanitizer(List.of("http", "https", "mailto"));

    private MarkdownUrls() {}
}
