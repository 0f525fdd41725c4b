package io.paperlog.tracking;

import io.javalin.http.Context;
import io.paperlog.web.Params;
import io.paperlog.web.Text;
import io.paperlog.web.UserError;
import java.util.List;

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
}
