package io.paperlog.search;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Links to the results of what was typed: all of them, or one page. */
public record SearchLinks(String q) {

    public String all() {
        return "/search?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8);
    }

    public String page(int page) {
        return page <= 1 ? all() : all() + "&page=" + page;
    }
}
