package io.paperlog.tags;

import java.util.List;
import java.util.Map;

/**
 * The tag filter above the catalogue or the library: a GET form of my tags as checkboxes, how they combine, and
 * "nobody on the team has read it", which keeps the page's other parameters ({@code keep}) as hidden fields.
 */
public record TagFilterBar(String action, TagFilter filter, List<Choice> tags, List<Hidden> keep) {

    /** One of my tags, ticked when the filter has it. */
    public record Choice(String name, int papers, boolean ticked) {}

    /** A parameter of the page the form keeps as it is (its sort, its status filter). */
    public record Hidden(String name, String value) {}

    public static TagFilterBar of(String action, TagFilter filter, List<Tag> mine, Map<String, String> keep) {
        List<Choice> choices = mine.stream()
                .map(t -> new Choice(t.name(), t.papers(), filter.has(TagName.keyOf(t.name())))).toList();
        List<Hidden> hidden = keep.entrySet().stream().filter(e -> e.getValue() != null && !e.getValue().isEmpty())
                .map(e -> new Hidden(e.getKey(), e.getValue())).toList();
        return new TagFilterBar(action, filter, choices, hidden);
    }

    public boolean open() {
        return filter.active();
    }

    public String mode() {
        return filter.mode().slug();
    }
}
