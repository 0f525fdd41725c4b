package io.paperlog.papers;

/** One paper of the catalogue, exactly as stored. {@code rank} is null for papers added by people. */
public record Paper(long id, Integer rank, String title, int citations, String abstractText, String createdAt) {}
