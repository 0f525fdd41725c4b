package io.paperlog.search;

/**
 * One reason a result was found: where ({@code kind}: paper, note, annotation, reply, list, item), said in words
 * ("in your note", "in Ada's shared comment"), the passage, and the page it is on.
 */
public record SearchHit(String kind, String reason, Snippet snippet, String href) {}
