package io.paperlog.lists;

import io.paperlog.tracking.Status;
import java.util.List;

/**
 * Who on a list has read what: one row per item, one column per person whose reading the viewer may see, each
 * cell that person's status. People who keep their statuses to themselves are not in it at all.
 */
public record Coverage(List<Person> people, List<Row> rows) {

    /** A column: someone, and how many of the list's papers they have read. */
    public record Person(long accountId, String name, int read, int of) {

        /** "7/12". */
        public String progress() {
            return read + "/" + of;
        }
    }

    /** One person's status on one item, with the words the matrix gives it when pointed at: "Ada: Read". */
    public record Cell(Status status, String title) {

        public String slug() {
            return status.getSlug();
        }

        public String label() {
            return status.getLabel();
        }
    }

    /** A row: an item, each person's status on it (in the order of {@code people}), and how many read it. */
    public record Row(ListItem item, List<Cell> cells, int read) {

        /** "read by 4 of 5", or "nobody has read this yet". */
        public String summary() {
            return read == 0 ? "nobody has read this yet" : "read by " + read + " of " + cells.size();
        }
    }

    /** How many of the items everyone shown has read. */
    public long readByEveryone() {
        return rows.stream().filter(r -> !r.cells().isEmpty() && r.read() == r.cells().size()).count();
    }
}
