package io.paperlog.tracking;

import io.paperlog.web.SafeMarkdown;
import io.javalin.config.RoutesConfig;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import io.paperlog.accounts.CurrentUser;
import io.paperlog.accounts.LocalRedirect;
import io.paperlog.papers.CatalogueRow;
import io.paperlog.papers.CatalogueSort;
import io.paperlog.papers.PersonalView;
import io.paperlog.web.Csrf;
import io.paperlog.web.Flash;
import io.paperlog.web.Params;
import io.paperlog.web.RequestUser;
import io.paperlog.web.Views;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A person's statuses, ratings and notes: the form posts (each a 303 back, or with {@code X-Fragment} the updated
 * piece of page for app.js to swap in), the library, the stats and the help page; and, as {@link PersonalView},
 * what the catalogue and paper pages show of them.
 */
public final class TrackingRoutes implements PersonalView {

    /** Renders the page of a paper with extra model entries (the papers feature owns that page). */
    @FunctionalInterface
    public interface PaperPage {
        void show(Context ctx, long paperId, Map<String, Object> extra);
    }

    static final String FRAGMENT_HEADER = "X-Fragment";
    static final String STATUS_RULE = "A status is one of " + Arrays.stream(Status.values())
            .map(Status::getSlug).collect(Collectors.joining(", ")) + ".";

    private final TrackingStore tracking;
    private final NoteStore notes;
    private final Views views;
    private PaperPage paperPage;

    public TrackingRoutes(TrackingStore tracking, NoteStore notes, Views views) {
        this.tracking = tracking;
        this.notes = notes;
        this.views = views;
    }

    /** Set once at wiring time: the paper page is rendered by the papers feature, which also calls us. */
    public void paperPage(PaperPage page) {
        this.paperPage = page;
    }

    public void register(RoutesConfig routes) {
        routes.post("/papers/{id}/status", this::status);
        routes.post("/papers/{id}/rating", this::rating);
        routes.post("/papers/{id}/note", this::note);
        routes.post("/papers/{id}/note/restore", this::restore);
        routes.get("/papers/{id}/note/revisions/{revision}", this::revision);
        routes.get("/library", this::library);
        routes.post("/library/sharing", this::sharing);
        routes.get("/stats", this::stats);
        routes.get("/help", ctx -> views.render(ctx, "tracking/help", Map.of()));
    }

    // ---- form posts

    void status(Context ctx) {
        CurrentUser user = RequestUser.require(ctx);
        long paperId = paper(ctx);
        String raw = ctx.formParam("status");
        String startRaw = ctx.formParam("started_on");
        String finishRaw = ctx.formParam("finished_on");
        Status status = Status.fromSlug(raw).orElse(null);
        try {
            if (status == null) {
                throw new TrackingException(STATUS_RULE);
            }
            tracking.setStatus(user.id(), paperId, status, date(startRaw, "start"), date(finishRaw, "finish"));
        } catch (TrackingException e) {
            refuse(ctx, user, paperId, e.getMessage(), "status", startRaw, finishRaw, null);
            return;
        }
        done(ctx, user, paperId, "Paper " + paperId + ": " + status.getLabel().toLowerCase(Locale.ROOT) + ".");
    }

    void rating(Context ctx) {
        CurrentUser user = RequestUser.require(ctx);
        long paperId = paper(ctx);
        Integer halves;
        try {
            halves = Stars.parse(ctx.formParam("rating")).orElse(null);
            tracking.setRating(user.id(), paperId, halves);
        } catch (TrackingException e) {
            refuse(ctx, user, paperId, e.getMessage(), "rating", null, null, null);
            return;
        }
        done(ctx, user, paperId, halves == null ? "Rating cleared."
                : "Rated " + Stars.format(halves) + (halves == 2 ? " star." : " stars."));
    }

    void note(Context ctx) {
        CurrentUser user = RequestUser.require(ctx);
        long paperId = paper(ctx);
        String body = normalise(ctx.formParam("body"));
        int base = baseRevision(ctx);
        NoteStore.SaveResult result;
        try {
            result = notes.save(user.id(), paperId, body, base);
        } catch (TrackingException e) {
            refuse(ctx, user, paperId, e.getMessage(), "note", null, null, body);
            return;
        }
        saved(ctx, user, paperId, body, result);
    }

    void restore(Context ctx) {
        CurrentUser user = RequestUser.require(ctx);
        long paperId = paper(ctx);
        String body = keptRevision(user, paperId, intParam(ctx.formParam("revision"), "Revision"));
        saved(ctx, user, paperId, body, notes.save(user.id(), paperId, body, baseRevision(ctx)));
    }

    void revision(Context ctx) {
        CurrentUser user = RequestUser.require(ctx);
        long paperId = paper(ctx);
        int revision = intParam(ctx.pathParam("revision"), "Revision");
        String body = keptRevision(user, paperId, revision);
        NoteStore.Note current = notes.find(user.id(), paperId);
        views.render(ctx, "tracking/revision", Map.of(
                "paperId", paperId,
                "revision", revision,
                "body", body,
                "html", SafeMarkdown.toHtml(body),
                "current", current.revision()));
    }

    private void saved(Context ctx, CurrentUser user, long paperId, String body, NoteStore.SaveResult result) {
        if (!result.saved()) {
            NoteStore.Note theirs = result.note();
            PaperPanel.Conflict conflict = new PaperPanel.Conflict(body, theirs.body(),
                    SafeMarkdown.toHtml(theirs.body()), theirs.revision());
            ctx.status(HttpStatus.CONFLICT);
            PaperPanel panel = panel(user, paperId, null, null, null, body, conflict,
                    "This note was saved somewhere else (another tab?) after you started editing. "
                            + "Both texts are below: keep yours, or copy what you need and save again.", "note");
            if (fragment(ctx) != null) {
                views.render(ctx, "tracking/fragments/note", Map.of("panel", panel));
            } else {
                paperPage.show(ctx, paperId, Map.of("panel", panel));
            }
            return;
        }
        if ("note".equals(fragment(ctx))) {
            ctx.header("X-Note-Revision", String.valueOf(result.note().revision()));
            views.render(ctx, "tracking/fragments/note-saved", Map.of("note", result.note()));
            return;
        }
        done(ctx, user, paperId, "Note saved (revision " + result.note().revision() + ").");
    }

    /** 303 back where the person was, or the updated fragment for app.js. */
    private void done(Context ctx, CurrentUser user, long paperId, String message) {
        String fragment = fragment(ctx);
        if ("row".equals(fragment)) {
            ctx.contentType("text/html; charset=utf-8").result(RowControls.html(paperId,
                    tracking.mark(user.id(), paperId), Csrf.token(ctx), back(ctx, paperId)));
        } else if (fragment != null) {
            views.render(ctx, "tracking/fragments/panel", Map.of("panel",
                    panel(user, paperId, null, null, null, null, null, null, null)));
        } else {
            Flash.set(ctx, message);
            ctx.redirect(back(ctx, paperId), HttpStatus.SEE_OTHER);
        }
    }

    /** 422: nothing changed; the form comes back with what was typed and the reason. */
    private void refuse(Context ctx, CurrentUser user, long paperId, String message, String field, String start,
                        String finish, String draft) {
        ctx.status(422);
        PaperPanel panel = panel(user, paperId, start, finish, null, draft, null, message, field);
        String fragment = fragment(ctx);
        if ("row".equals(fragment)) {
            views.render(ctx, "tracking/fragments/error", Map.of("message", message));
        } else if (fragment != null) {
            views.render(ctx, "tracking/fragments/panel", Map.of("panel", panel));
        } else {
            paperPage.show(ctx, paperId, Map.of("panel", panel));
        }
    }

    // ---- pages

    void library(Context ctx) {
        CurrentUser user = RequestUser.require(ctx);
        String tab = Optional.ofNullable(ctx.queryParam("status")).filter(s -> !s.isBlank()).orElse("all");
        if (!tab.equals("all") && Status.fromSlug(tab).filter(s -> s != Status.NONE).isEmpty()) {
            throw new BadRequestResponse("The library's tabs are all, want, reading, read and abandoned.");
        }
        String sort = Optional.ofNullable(ctx.queryParam("sort")).filter(s -> !s.isBlank()).orElse("title");
        Comparator<TrackingStore.LibraryRow> order = switch (sort) {
            case "title" -> Comparator.comparing(r -> r.title().toLowerCase(Locale.ROOT));
            case "finished" -> Comparator.comparing((TrackingStore.LibraryRow r) -> r.mark().finishedOn(),
                    Comparator.nullsLast(Comparator.reverseOrder()));
            case "rating" -> Comparator.comparing((TrackingStore.LibraryRow r) -> r.mark().halves(),
                    Comparator.nullsLast(Comparator.reverseOrder()));
            default -> throw new BadRequestResponse("The library can be sorted by title, finished or rating.");
        };
        List<TrackingStore.LibraryRow> all = tracking.library(user.id());
        Map<String, Integer> counts = new HashMap<>();
        List<TrackingStore.LibraryRow> mine = new ArrayList<>();
        for (TrackingStore.LibraryRow row : all) {
            Mark m = row.mark();
            if (m.status() != Status.NONE || m.rated()) {
                mine.add(row);
                counts.merge(m.statusSlug(), 1, Integer::sum);
            }
        }
        counts.put("all", mine.size());
        List<Tab> tabs = new ArrayList<>();
        tabs.add(new Tab("all", "All", counts.get("all"), tab.equals("all")));
        for (Status s : List.of(Status.WANT, Status.READING, Status.READ, Status.ABANDONED)) {
            tabs.add(new Tab(s.getSlug(), s.getLabel(), counts.getOrDefault(s.getSlug(), 0), tab.equals(s.getSlug())));
        }
        List<TrackingStore.LibraryRow> shown = mine.stream()
                .filter(r -> tab.equals("all") || r.mark().statusSlug().equals(tab))
                .sorted(order.thenComparing(r -> r.title().toLowerCase(Locale.ROOT)))
                .toList();
        int read = counts.getOrDefault(Status.READ.getSlug(), 0);
        views.render(ctx, "tracking/library", Map.of(
                "tabs", tabs,
                "tab", tab,
                "sort", sort,
                "rows", shown,
                "read", read,
                "total", all.size(),
                "percent", all.isEmpty() ? 0 : Math.round(100f * read / all.size()),
                "sharing", tracking.sharing(user.id())));
    }

    /** Whether the team sees my statuses and ratings: two checkboxes, each on or absent. */
    void sharing(Context ctx) {
        CurrentUser user = RequestUser.require(ctx);
        tracking.setSharing(user.id(), new TrackingStore.Sharing(checkbox(ctx, "statuses"), checkbox(ctx, "ratings")));
        Flash.set(ctx, "Saved who sees your reading.");
        ctx.redirect("/library", HttpStatus.SEE_OTHER);
    }

    private static boolean checkbox(Context ctx, String name) {
        String value = ctx.formParam(name);
        if (value == null) {
            return false;
        }
        if (!value.equals("on")) {
            throw new BadRequestResponse(name + " is either on or absent.");
        }
        return true;
    }

    /** A library tab: its status slug, label, how many papers it holds and whether it is open. */
    public record Tab(String slug, String label, int count, boolean current) {}

    void stats(Context ctx) {
        CurrentUser user = RequestUser.require(ctx);
        views.render(ctx, "tracking/stats", Map.of("stats",
                Stats.compute(tracking.library(user.id()), tracking.events(user.id()), tracking.today())));
    }

    // ---- what the catalogue and paper pages show

    @Override
    public List<CatalogueRow> catalogue(Context ctx, List<CatalogueRow> rows, CatalogueSort sort,
                                        Map<String, Object> model) {
        Status statusFilter = null;
        String statusRaw = ctx.queryParam("status");
        if (statusRaw != null && !statusRaw.isBlank()) {
            statusFilter = Status.fromSlug(statusRaw).orElseThrow(() -> new BadRequestResponse(STATUS_RULE));
        }
        Boolean ratedFilter = null;
        String ratedRaw = ctx.queryParam("rated");
        if (ratedRaw != null && !ratedRaw.isBlank()) {
            if (!ratedRaw.equals("yes") && !ratedRaw.equals("no")) {
                throw new BadRequestResponse("Filter by rating with rated=yes or rated=no.");
            }
            ratedFilter = ratedRaw.equals("yes");
        }
        Optional<CurrentUser> user = RequestUser.find(ctx);
        Map<Long, Mark> marks = user.map(u -> tracking.marks(u.id())).orElse(Map.of());
        StringBuilder filterQuery = new StringBuilder();
        if (statusFilter != null) {
            filterQuery.append("&status=").append(statusFilter.getSlug());
        }
        if (ratedFilter != null) {
            filterQuery.append("&rated=").append(ratedRaw);
        }
        model.put("signedIn", user.isPresent());
        model.put("statusFilter", statusFilter == null ? "" : statusFilter.getSlug());
        model.put("ratedFilter", ratedFilter == null ? "" : ratedRaw);
        model.put("filterQuery", filterQuery.toString());
        model.put("statuses", Status.values());
        String back = ctx.queryString() == null ? "/" : "/?" + ctx.queryString();
        Status wantedStatus = statusFilter;
        Boolean wantedRated = ratedFilter;
        List<CatalogueRow> shown = rows.stream().filter(row -> {
            Mark m = marks.get(row.id());
            Status s = m == null ? Status.NONE : m.status();
            boolean rated = m != null && m.rated();
            return (wantedStatus == null || s == wantedStatus) && (wantedRated == null || rated == wantedRated);
        }).collect(Collectors.toCollection(ArrayList::new));
        if (sort == CatalogueSort.RATING) {
            shown.sort(Comparator.comparing((CatalogueRow row) -> {
                Mark m = marks.get(row.id());
                return m == null ? null : m.halves();
            }, Comparator.nullsLast(Comparator.reverseOrder())));
        }
        Map<Long, String> controls = new HashMap<>();
        if (user.isPresent()) {
            String csrf = Csrf.token(ctx);
            for (CatalogueRow row : shown) {
                Mark m = marks.getOrDefault(row.id(), Mark.none(row.id()));
                controls.put(row.id(), RowControls.html(row.id(), m, csrf, back));
            }
        }
        model.put("rowControls", controls);
        return shown;
    }

    @Override
    public void paper(Context ctx, long paperId, Map<String, Object> model) {
        RequestUser.find(ctx).ifPresent(user ->
                model.put("panel", panel(user, paperId, null, null, null, null, null, null, null)));
    }

    private PaperPanel panel(CurrentUser user, long paperId, String start, String finish, String back,
                             String draft, PaperPanel.Conflict conflict, String error, String errorField) {
        Mark mark = tracking.mark(user.id(), paperId);
        NoteStore.Note note = notes.find(user.id(), paperId);
        List<PaperPanel.Choice> statuses = new ArrayList<>();
        for (Status s : Status.values()) {
            statuses.add(new PaperPanel.Choice(s.getSlug(), s.getLabel(), s == mark.status()));
        }
        List<PaperPanel.Choice> stars = new ArrayList<>();
        for (int h = 1; h <= 10; h++) {
            String value = Stars.format(h);
            stars.add(new PaperPanel.Choice(value, value + (h == 2 ? " star" : " stars"),
                    mark.halves() != null && mark.halves() == h));
        }
        NoteView noteView = new NoteView(note.body(), SafeMarkdown.toHtml(note.body()), note.revision(),
                note.updatedAt());
        return new PaperPanel(paperId, mark, statuses, stars,
                start != null ? start : Optional.ofNullable(mark.startedOn()).orElse(""),
                finish != null ? finish : Optional.ofNullable(mark.finishedOn()).orElse(""),
                noteView, draft != null ? draft : note.body(), notes.revisions(user.id(), paperId), conflict,
                error, errorField, back == null ? "/papers/" + paperId : back);
    }

    // ---- input

    private long paper(Context ctx) {
        long id = Params.pathId(ctx, "id", "Paper");
        if (!tracking.paperExists(id)) {
            throw new NotFoundResponse("There is no paper " + id + ".");
        }
        return id;
    }

    /** The text of one of my kept revisions; 404 when it is not kept, or not mine. */
    private String keptRevision(CurrentUser user, long paperId, int revision) {
        return notes.revision(user.id(), paperId, revision)
                .orElseThrow(() -> new NotFoundResponse("That version of the note is not kept."));
    }

    private static String fragment(Context ctx) {
        String value = ctx.header(FRAGMENT_HEADER);
        return value == null || value.isBlank() ? null : value;
    }

    private static LocalDate date(String raw, String what) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String s = raw.trim();
        try {
            if (!s.matches("\\d{4}-\\d{2}-\\d{2}")) {
                throw new DateTimeParseException("shape", s, 0);
            }
            return LocalDate.parse(s);
        } catch (DateTimeParseException e) {
            throw new TrackingException("The " + what + " date should be a date like 2026-01-31.");
        }
    }

    private static int baseRevision(Context ctx) {
        String raw = ctx.formParam("base_revision");
        return raw == null || raw.isBlank() ? 0 : intParam(raw, "The base revision");
    }

    private static int intParam(String raw, String what) {
        if (raw == null || !raw.matches("\\d{1,9}")) {
            throw new BadRequestResponse(what + " is a whole number, like 3.");
        }
        return Integer.parseInt(raw);
    }

    /** Browsers send a textarea's line breaks as CRLF; store LF so that the same text compares equal. */
    private static String normalise(String body) {
        return body == null ? "" : body.replace("\r\n", "\n").replace('\r', '\n');
    }

    /** Where to go after a post: the local path the form named, or the paper's page. */
    private static String back(Context ctx, long paperId) {
        String back = ctx.formParam("back");
        return LocalRedirect.isLocal(back) ? back : "/papers/" + paperId;
    }
}
