package io.paperlog.tracking;

/** One kept save of a note. */
public record NoteRevisionRow(int revision, String createdAt, int length, String preview) {}
