package io.paperlog.tags;

import io.javalin.http.Context;
import io.paperlog.web.UserError;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The tag part of a filter of the catalogue or the library: {@code ?tag=a&tag=b&tags_mode=any|all|none}, and
 * {@code unread_by_team=1} (papers nobody on the team, me included, has read, as far as I may see their reading).
 * Tags are the viewer's own; a tag they do not have matches no paper.
 */
public record TagFilter(List<TagName> tags, Mode mode, boolean unreadByTeam) {

    public static final int MAX_TAGS = 10;
    public static final TagFilter NONE = new TagFilter(List.of(), Mode.ALL, false);

    /** How several tags combine: a paper with any of them, with all of them, or with none of them. */
    public enum Mode {
        ANY, ALL, NONE;

        public String slug() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public static TagFilter read(Context ctx) {
        return read(name -> ctx.queryParams(name));
    }

    /** The filter in these query parameters (each name → every value it has). */
    public static TagFilter read(Function<String, List<String>> params) {
        Map<String, TagName> tags = new LinkedHashMap<>();
        for (String raw : params.apply("tag")) {
            if (raw == null || raw.isBlank()) {
                continue;
            }
            TagName name = TagName.parse(raw).orElseThrow(() -> UserError.badRequest(TagName.RULE));
            tags.putIfAbsent(name.key(), name);
        }
        if (tags.size() > MAX_TAGS) {
            throw UserError.badRequest("Filter by up to " + MAX_TAGS + " tags at once.");
        }
        return new TagFilter(List.copyOf(tags.values()), mode(single(params, "tags_mode")),
                unreadByTeam(single(params, "unread_by_team")));
    }

    private static String single(Function<String, List<String>> params, String name) {
        List<String> values = params.apply(name);
        if (values.size() > 1) {
            throw UserError.badRequest("Give " + name + " once.");
        }
        return values.isEmpty() || values.get(0) == null || values.get(0).isBlank() ? null : values.get(0).strip();
    }

    private static Mode mode(String raw) {
        if (raw == null) {
            return Mode.ALL;
        }
        for (Mode mode : Mode.values()) {
            if (mode.slug().equals(raw)) {
                return mode;
            }
        }
        throw UserError.badRequest("Combine tags with tags_mode=any, all or none.");
    }

    private static boolean unreadByTeam(String raw) {
        if (raw != null && !raw.equals("1")) {
            throw UserError.badRequest("Show only papers nobody on the team has read with unread_by_team=1.");
        }
        return raw != null;
    }

    public boolean active() {
        return !tags.isEmpty() || unreadByTeam;
    }

    public boolean has(String key) {
        return tags.stream().anyMatch(t -> t.key().equals(key));
    }

    /** The filter as it continues a query string ({@code &tag=rlhf&tags_mode=any}), or "". */
    public String query() {
        StringBuilder query = new StringBuilder();
        for (TagName tag : tags) {
            query.append("&tag=").append(URLEncoder.encode(tag.name(), StandardCharsets.UTF_8));
        }
        if (tags.size() > 1 || (mode == Mode.NONE && !tags.isEmpty())) {
            query.append("&tags_mode=").append(mode.slug());
        }
        if (unreadByTeam) {
            query.append("&unread_by_team=1");
        }
        return query.toString();
    }

    /** In words, for a page that says what it shows: "tagged rlhf or safety · nobody on the team has read". */
    public String describe() {
        List<String> parts = new ArrayList<>();
        if (!tags.isEmpty()) {
            List<String> names = tags.stream().map(t -> "#" + t.name()).toList();
            parts.add(switch (mode) {
                case ANY -> "tagged " + String.join(" or ", names);
                case ALL -> "tagged " + String.join(" and ", names);
                case NONE -> "not tagged " + String.join(" or ", names);
            });
        }
        if (unreadByTeam) {
            parts.add("nobody on the team has read");
        }
        return String.join(" · ", parts);
    }
}
