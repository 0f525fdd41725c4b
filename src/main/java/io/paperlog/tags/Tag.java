package io.paperlog.tags;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** One of a person's tags: its name as shown, and how many papers carry it. */
public record Tag(long id, String name, int papers) {

    /** The tag's page, its name encoded for a path. */
    public String href() {
        return "/tags/" + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** The catalogue filtered by this tag. */
    public String catalogueHref() {
        return "/?tag=" + URLEncoder.encode(name, StandardCharsets.UTF_8);
    }
}
