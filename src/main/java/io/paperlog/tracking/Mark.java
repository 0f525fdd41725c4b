package io.paperlog.tracking;

/** One person's status and rating for one paper. {@code halves} is null when unrated; dates are YYYY-MM-DD or null. */
public record Mark(long paperId, Status status, String startedOn, String finishedOn, int timesRead, int rereads,
                   Integer halves) {

    public static Mark none(long paperId) {
        return new Mark(paperId, Status.NONE, null, null, 0, 0, null);
    }

    public boolean rated() {
        return halves != null;
    }

    /** "3.5" or "" when unrated. */
    public String rating() {
        return halves == null ? "" : Stars.format(halves);
    }

    public String stars() {
        return halves == null ? "" : Stars.glyphs(halves);
    }

    public String statusSlug() {
        return status.getSlug();
    }

    public String statusLabel() {
        return status.getLabel();
    }
}
