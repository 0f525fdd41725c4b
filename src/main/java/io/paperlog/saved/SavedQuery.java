package io.paperlog.saved;

import io.paperlog.catalogue.CatalogueSort;
import io.paperlog.tags.TagFilter;
import io.paperlog.tags.TagName;
import io.paperlog.tracking.Status;
import io.paperlog.web.Text;
import io.paperlog.web.UserError;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a saved filter shows: a page ({@code catalogue}, {@code library} or {@code search}) and the query string
 * of its filters, kept only for the parameters that page knows, each checked as the page would check it, and
 * written back in one order. Other parameters (a list being added to, say) are dropped.
 */
public record SavedQuery(Target target, String query) {

    public static final int MAX_SEARCH = 500;

    /** The pages a filter can be saved from, and where each is. */
    public enum Target {
        CATALOGUE("/", "Papers"), LIBRARY("/library", "My library"), SEARCH("/search", "Search");

        private final String path;
        private final String label;

        Target(String path, String label) {
            this.path = path;
            this.label = label;
        }

        public String slug() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        public String path() {
            return path;
        }

        public String label() {
            return label;
        }

        static Target of(String slug) {
            for (Target t : values()) {
                if (t.slug().equals(slug)) {
                    return t;
                }
            }
            throw UserError.badRequest("A filter is saved from the catalogue, the library or a search.");
        }
    }

    private static final Set<String> FILTERS = Set.of("tag", "tags_mode", "unread_by_team");

    /** The filter in {@code raw} (a query string, with or without its {@code ?}) for {@code targetSlug}'s page. */
    public static SavedQuery parse(String targetSlug, String raw) {
        Target target = Target.of(targetSlug);
        Map<String, List<String>> params = decode(raw);
        Map<String, List<String>> kept = new LinkedHashMap<>();
        // a page's defaults say nothing: the catalogue most cited first (its old name, rank, too), the library's
        // every tab, by title
        dropDefault(params, "sort", target == Target.LIBRARY ? "title" : "citations");
        dropDefault(params, "sort", target == Target.LIBRARY ? "title" : "rank");
        dropDefault(params, "status", "all");
        switch (target) {
            case CATALOGUE -> {
                keep(params, kept, "sort", v -> CatalogueSort.fromParam(v).isPresent());
                keep(params, kept, "status", v -> Status.fromSlug(v).isPresent());
                keep(params, kept, "rated", v -> v.equals("yes") || v.equals("no"));
            }
            case LIBRARY -> {
                keep(params, kept, "status", v -> List.of("want", "reading", "read", "abandoned").contains(v));
                keep(params, kept, "sort", v -> v.equals("finished") || v.equals("rating"));
            }
            case SEARCH -> {
                String q = params.getOrDefault("q", List.of("")).get(0).strip();
                if (q.isEmpty()) {
                    throw UserError.invalid("q", "Type what to search for.");
                }
                if (Text.characters(q) > MAX_SEARCH) {
                    throw UserError.invalid("q", "A saved search can be up to " + MAX_SEARCH + " characters.");
                }
                kept.put("q", List.of(q));
            }
        }
        if (target != Target.SEARCH) {
            TagFilter tags = TagFilter.read(name -> FILTERS.contains(name) ? params.getOrDefault(name, List.of()) : List.of());
            if (!tags.tags().isEmpty()) {
                kept.put("tag", tags.tags().stream().map(TagName::name).toList());
                if (tags.tags().size() > 1 || tags.mode() == TagFilter.Mode.NONE) {
                    kept.put("tags_mode", List.of(tags.mode().slug()));
                }
            }
            if (tags.unreadByTeam()) {
                kept.put("unread_by_team", List.of("1"));
            }
        }
        return new SavedQuery(target, encode(kept));
    }

    /** The page this filter opens. */
    public String href() {
        return target.path() + (query.isEmpty() ? "" : "?" + query);
    }

    /** Its parameters, each with every value. */
    public Map<String, List<String>> params() {
        return decode(query);
    }

    public String first(String name) {
        List<String> values = params().getOrDefault(name, List.of());
        return values.isEmpty() ? null : values.get(0);
    }

    public TagFilter tags() {
        Map<String, List<String>> params = params();
        return TagFilter.read(name -> params.getOrDefault(name, List.of()));
    }

    /** In words: "Papers · status: read · tagged #rlhf". */
    public String describe() {
        List<String> parts = new ArrayList<>();
        parts.add(target.label());
        if (target == Target.SEARCH) {
            parts.add("“" + first("q") + "”");
            return String.join(" · ", parts);
        }
        if (first("status") != null) {
            parts.add(Status.fromSlug(first("status")).map(s -> "status: " + s.getLabel().toLowerCase(java.util.Locale.ROOT))
                    .orElse(""));
        }
        if (first("rated") != null) {
            parts.add(first("rated").equals("yes") ? "rated" : "not rated");
        }
        String tags = tags().describe();
        if (!tags.isEmpty()) {
            parts.add(tags);
        }
        return String.join(" · ", parts);
    }

    private interface Check {
        boolean ok(String value);
    }

    private static void keep(Map<String, List<String>> params, Map<String, List<String>> kept, String name, Check check) {
        List<String> values = params.getOrDefault(name, List.of());
        if (values.size() > 1) {
            throw UserError.badRequest("Give " + name + " once.");
        }
        if (values.isEmpty() || values.get(0).isBlank()) {
            return;
        }
        String value = values.get(0).strip();
        if (!check.ok(value)) {
            throw UserError.badRequest("The filter's " + name + " is not one this page knows.");
        }
        kept.put(name, List.of(value));
    }

    private static void dropDefault(Map<String, List<String>> params, String name, String value) {
        if (List.of(value).equals(params.get(name))) {
            params.remove(name);
        }
    }

    static Map<String, List<String>> decode(String raw) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        String query = raw == null ? "" : raw.contains("?") ? raw.substring(raw.indexOf('?') + 1)
                : raw.startsWith("/") ? "" : raw;
        if (query.length() > 2000) {
            throw UserError.badRequest("That filter is too long to save.");
        }
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            try {
                String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                params.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
            } catch (IllegalArgumentException malformed) {
                throw UserError.badRequest("That filter's address is not a query string Paperlog wrote.");
            }
        }
        return params;
    }

    private static String encode(Map<String, List<String>> params) {
        List<String> pairs = new ArrayList<>();
        params.forEach((name, values) -> values.forEach(v -> pairs.add(name + "=" + URLEncoder.encode(v, StandardCharsets.UTF_8))));
        return String.join("&", pairs);
    }
}
