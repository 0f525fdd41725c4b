package io.paperlog.io;

import io.paperlog.io.Bundle.AnnotationEntry;
import io.paperlog.io.Bundle.CommentEntry;
import io.paperlog.io.Bundle.ListEntry;
import io.paperlog.io.Bundle.MemberEntry;
import io.paperlog.io.Bundle.NoteEntry;
import io.paperlog.io.Bundle.RatingEntry;
import io.paperlog.io.Bundle.ReplyEntry;
import io.paperlog.io.Bundle.StatusEntry;
import java.util.Comparator;
import java.util.List;

/**
 * The order of every list in a bundle, by what the things are rather than by their ids: two instances holding the
 * same data write the same bundle.
 */
final class Order {

    private Order() {}

    private static final Comparator<String> TEXT = Comparator.nullsFirst(Comparator.naturalOrder());

    static List<StatusEntry> statuses(List<StatusEntry> statuses) {
        return statuses.stream().sorted(Comparator.comparing(StatusEntry::paper)).toList();
    }

    static List<RatingEntry> ratings(List<RatingEntry> ratings) {
        return ratings.stream().sorted(Comparator.comparing(RatingEntry::paper)).toList();
    }

    static List<NoteEntry> notes(List<NoteEntry> notes) {
        return notes.stream().sorted(Comparator.comparing(NoteEntry::paper)).toList();
    }

    static List<AnnotationEntry> annotations(List<AnnotationEntry> annotations) {
        return annotations.stream().sorted(Comparator.comparing(AnnotationEntry::paper)
                .thenComparing(AnnotationEntry::createdAt).thenComparingInt(AnnotationEntry::start)
                .thenComparingInt(AnnotationEntry::end).thenComparing(AnnotationEntry::body)).toList();
    }

    static List<ReplyEntry> replies(List<ReplyEntry> replies) {
        return replies.stream().sorted(Comparator.comparing(ReplyEntry::createdAt)
                .thenComparing(r -> r.annotation().paper()).thenComparing(r -> r.annotation().owner(), TEXT)
                .thenComparing(r -> r.annotation().createdAt()).thenComparing(ReplyEntry::body)).toList();
    }

    static List<ListEntry> lists(List<ListEntry> lists) {
        return lists.stream().sorted(Comparator.comparing(ListEntry::name).thenComparing(ListEntry::createdAt))
                .map(l -> new ListEntry(l.name(), l.description(), l.visibility(), l.createdAt(), l.updatedAt(),
                        l.members().stream().sorted(Comparator.comparing(MemberEntry::username, TEXT)).toList(),
                        l.items()))
                .toList();
    }

    static List<CommentEntry> comments(List<CommentEntry> comments) {
        return comments.stream().sorted(Comparator.comparing(CommentEntry::createdAt)
                .thenComparing(c -> c.list().owner(), TEXT).thenComparing(c -> c.list().name())
                .thenComparing(CommentEntry::paper).thenComparing(CommentEntry::body)).toList();
    }
}
