package io.paperlog.tracking;

import io.javalin.http.Context;
import io.paperlog.web.Params;
import io.paperlog.web.Text;
import io.paperlog.web.UserError;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** Which tab of my library ({@code ?status=}, "all" or a status) and in which order ({@code ?sort=}). */
record LibraryQuery(String tab, String sort) {

    static final List<Status> TABS = List.of(Status.WANT, Status.READING, Status.READ, Status.ABANDONED);

    static LibraryQuery read(Context ctx) {
        String tab = Text.orDefault(Params.query(ctx, "status"), "all");
        if (!tab.equals("all") && TABS.stream().noneMatch(s -> s.getSlug().equals(tab))) {
            throw UserError.badRequest("The library's tabs are all, want, reading, read and abandoned.");
        }
        String sort = Text.orDefault(Params.query(ctx, "sort"), "title");
        if (!List.of("title", "finished", "rating").contains(sort)) {
            throw UserError.badRequest("The library can be sorted by title, finished or rating.");
        }
        return new LibraryQuery(tab, sort);
    }

    boolean shows(TrackingStore.LibraryRow row) {
        return tab.equals("all") || row.mark().statusSlug().equals(tab);
    }

    /** The chosen order, then by title. */
    Comparator<TrackingStore.LibraryRow> order() {
        Comparator<TrackingStore.LibraryRow> byTitle = Comparator.comparing(r -> r.title().toLowerCase(Locale.ROOT));
        Comparator<TrackingStore.LibraryRow> chosen = switch (sort) {
            case "finished" -> Comparator.comparing((TrackingStore.LibraryRow r) -> r.mark().finishedOn(),
                    Comparator.nullsLast(Comparator.reverseOrder()));
            case "rating" -> Comparator.comparing((TrackingStore.LibraryRow r) -> r.mark().halves(),
                    Comparator.nullsLast(Comparator.reverseOrder()));
            default -> byTitle;
        };
        return chosen.thenComparing(byTitle);
    }
}
