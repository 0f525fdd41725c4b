package io.paperlog.annotations;

import java.util.List;

/**
 * What a paper's page shows of annotations: the abstract with its highlights, the annotations beside it in reading
 * order, the ones that could not be placed, and the form to add one.
 */
public record AnnotationPanel(long paperId, String abstractHtml, String source, List<Item> items, List<Item> orphans,
                              AnnotationFields fields) {

    /**
     * One annotation as listed; {@code number} matches its footnote in the abstract: shared ones are 1, 2, 3 in the
     * order they were made, the same for everyone who sees them; my private ones a, b, c.
     */
    public record Item(String number, Annotation annotation, String bodyHtml, boolean mine, String placedBy,
                       List<ReplyView> replies) {

        public long id() {
            return annotation.id();
        }
    }

    /** A reply with its text rendered; {@code mine} when the viewer wrote it (and so may edit it). */
    public record ReplyView(Reply reply, String bodyHtml, boolean mine) {}

    public int count() {
        return items.size() + orphans.size();
    }
}
