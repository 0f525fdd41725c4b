package io.paperlog.annotations;

import io.paperlog.web.SafeMarkdown;
import io.javalin.config.RoutesConfig;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import io.paperlog.accounts.CurrentUser;
import io.paperlog.annotations.Anchoring.Anchor;
import io.paperlog.annotations.Anchoring.Selector;
import io.paperlog.annotations.AnnotationForm.Choice;
import io.paperlog.annotations.AnnotationPanel.Item;
import io.paperlog.annotations.AnnotationPanel.ReplyView;
import io.paperlog.annotations.AnnotationStore.Content;
import io.paperlog.annotations.AnnotationStore.Filter;
import io.paperlog.annotations.HighlightedAbstract.Mark;
import io.paperlog.papers.AbstractMarkup;
import io.paperlog.papers.Paper;
import io.paperlog.papers.PaperPageSection;
import io.paperlog.papers.PaperStore;
import io.paperlog.web.Params;
import io.paperlog.web.RequestUser;
import io.paperlog.web.Views;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Annotations on abstracts: created on the paper's page, changed and deleted at their own URL, listed at
 * {@code /annotations}, exported as W3C Web Annotation JSON-LD. A private annotation answers 404 to anyone but
 * its author; a shared one answers 403 to anyone but its author for changes.
 */
public final class AnnotationRoutes implements PaperPageSection {

    private final AnnotationStore store;
    private final PaperStore papers;
    private final Views views;

    public AnnotationRoutes(AnnotationStore store, PaperStore papers, Views views) {
        this.store = store;
        this.papers = papers;
        this.views = views;
    }

    public void register(RoutesConfig routes) {
        routes.post("/papers/{id}/annotations", this::create);
        routes.get("/papers/{id}/annotations.jsonld", this::exportPaper);
        routes.get("/annotations", this::list);
        routes.get("/annotations.jsonld", this::exportAll);
        routes.get("/annotations/{id}", this::show);
        routes.post("/annotations/{id}", this::update);
        routes.post("/annotations/{id}/delete", this::delete);
        routes.post("/annotations/{id}/replies", this::reply);
        routes.post("/annotations/{id}/resolve", this::resolve);
    }

    // ---- the paper's page -------------------------------------------------------------------------------------

    @Override
    public Map<String, ?> model(Context ctx, Paper paper) {
        return Map.of("annotations", panel(RequestUser.find(ctx).orElse(null), paper, AnnotationForm.empty()));
    }

    AnnotationPanel panel(CurrentUser user, Paper paper, AnnotationForm form) {
        String source = paper.abstractText();
        if (user == null) {
            return new AnnotationPanel(paper.id(), false, AbstractMarkup.toHtml(source), source, List.of(), List.of(),
                    form, AnnotationForm.COLOURS);
        }
        List<Annotation> visible = store.forPaper(paper.id(), user.id());
        Map<Long, List<Reply>> replies = store.replies(visible.stream().map(Annotation::id).toList());
        record Placed(Annotation annotation, Anchor anchor) {}
        List<Placed> placed = new ArrayList<>();
        List<Annotation> lost = new ArrayList<>();
        for (Annotation a : visible) {
            Optional<Anchor> anchor = Anchoring.anchor(source, a.selector());
            if (anchor.isPresent()) {
                placed.add(new Placed(a, anchor.get()));
            } else {
                lost.add(a);
            }
        }
        placed.sort(Comparator.comparingInt((Placed p) -> p.anchor().start())
                .thenComparing(Comparator.comparingInt((Placed p) -> p.anchor().end()).reversed())
                .thenComparingLong(p -> p.annotation().id()));
        List<Item> items = new ArrayList<>();
        List<Mark> marks = new ArrayList<>();
        int number = 0;
        for (Placed p : placed) {
            number++;
            marks.add(new Mark(p.annotation().id(), number, p.anchor().start(), p.anchor().end(), p.annotation().colour()));
            items.add(item(number, p.annotation(), user, p.anchor().method().name().toLowerCase(), replies));
        }
        List<Item> orphans = new ArrayList<>();
        for (Annotation a : lost) {
            orphans.add(item(++number, a, user, "orphan", replies));
        }
        return new AnnotationPanel(paper.id(), true, HighlightedAbstract.render(source, marks), source, items, orphans,
                form, AnnotationForm.COLOURS);
    }

    private static Item item(int number, Annotation a, CurrentUser user, String placedBy, Map<Long, List<Reply>> replies) {
        List<ReplyView> views = replies.getOrDefault(a.id(), List.of()).stream()
                .map(r -> new ReplyView(r, SafeMarkdown.toHtml(r.body()))).toList();
        return new Item(number, a, SafeMarkdown.toHtml(a.body()), a.ownedBy(user.id()), placedBy, views);
    }

    // ---- create -----------------------------------------------------------------------------------------------

    void create(Context ctx) {
        CurrentUser user = RequestUser.require(ctx);
        Paper paper = paper(ctx);
        AnnotationForm form = AnnotationForm.from(ctx);
        Map<String, String> problems = AnnotationForm.problems();
        Content content = form.content(problems);
        List<Choice> choices = new ArrayList<>();
        Selector selector = form.start().isEmpty() && form.end().isEmpty()
                ? fromPastedPassage(paper.abstractText(), form, problems, choices)
                : fromPosition(paper.abstractText(), form, problems);
        if (!problems.isEmpty()) {
            ctx.status(HttpStatus.UNPROCESSABLE_CONTENT);
            views.render(ctx, "annotations/new", Map.of(
                    "paper", paper,
                    "paperTitleHtml", AbstractMarkup.toHtml(paper.title()),
                    "annotations", panel(null, paper, form.withProblems(problems, choices))));
            return;
        }
        long id = store.create(user.id(), paper.id(), selector, content);
        ctx.redirect("/papers/" + paper.id() + "#annotation-" + id, HttpStatus.SEE_OTHER);
    }

    /** The selection made in the browser: offsets into the abstract as stored, and the text they cover. */
    static Selector fromPosition(String text, AnnotationForm form, Map<String, String> problems) {
        int start = offset(form.start(), "start");
        int end = offset(form.end(), "end");
        if (start > text.length() || end > text.length()) {
            throw new BadRequestResponse("The selection is outside the abstract, which has " + text.length()
                    + " characters.");
        }
        if (end <= start) {
            throw new BadRequestResponse("A selection ends after it starts.");
        }
        if (end - start > AnnotationForm.MAX_QUOTE) {
            problems.put("exact", "Select at most 2,000 characters; this selection has "
                    + String.format("%,d", end - start) + ".");
            return null;
        }
        if (!text.substring(start, end).equals(form.exact().replace("\r\n", "\n"))) {
            throw new BadRequestResponse("The selected text does not match the abstract at that position; "
                    + "it may have been edited. Reload the page and select again.");
        }
        return Anchoring.describe(text, start, end);
    }

    /** A passage pasted into the form without JavaScript: found in the source or in the text as displayed. */
    static Selector fromPastedPassage(String text, AnnotationForm form, Map<String, String> problems,
            List<Choice> choices) {
        String passage = form.exact().replace("\r\n", "\n").strip();
        if (passage.isEmpty()) {
            problems.put("exact", "Paste the passage of the abstract you want to annotate.");
            return null;
        }
        if (passage.length() > AnnotationForm.MAX_QUOTE) {
            problems.put("exact", "A passage can be up to 2,000 characters; this one has "
                    + String.format("%,d", passage.length()) + ".");
            return null;
        }
        List<int[]> ranges = new ArrayList<>();
        for (int at : Anchoring.occurrences(text, passage)) {
            ranges.add(new int[] {at, at + passage.length()});
        }
        if (ranges.isEmpty()) {
            ranges = HighlightedAbstract.findRendered(text, passage);
        }
        if (ranges.isEmpty()) {
            problems.put("exact", "That passage is not in the abstract. Copy it exactly, including punctuation.");
            return null;
        }
        int chosen = 1;
        if (ranges.size() > 1) {
            String raw = form.occurrence();
            chosen = raw.matches("\\d{1,4}") ? Integer.parseInt(raw) : 0;
            if (chosen < 1 || chosen > ranges.size()) {
                problems.put("occurrence", "That passage appears " + ranges.size()
                        + " times in the abstract. Choose which one you mean.");
                for (int i = 0; i < ranges.size(); i++) {
                    int s = ranges.get(i)[0];
                    int e = ranges.get(i)[1];
                    choices.add(new Choice(i + 1, text.substring(Math.max(0, s - 40), s), text.substring(s, e),
                            text.substring(e, Math.min(text.length(), e + 40))));
                }
                return null;
            }
        }
        int[] range = ranges.get(chosen - 1);
        if (range[1] - range[0] > AnnotationForm.MAX_QUOTE) {
            problems.put("exact", "A passage can be up to 2,000 characters.");
            return null;
        }
        return Anchoring.describe(text, range[0], range[1]);
    }

    private static int offset(String raw, String name) {
        if (!raw.matches("\\d{1,9}")) {
            throw new BadRequestResponse("The selection's " + name + " must be a whole number of characters from "
                    + "the start of the abstract.");
        }
        return Integer.parseInt(raw);
    }

    // ---- one annotation ---------------------------------------------------------------------------------------

    void show(Context ctx) {
        CurrentUser user = RequestUser.require(ctx);
        Annotation a = visible(ctx, user);
        renderShow(ctx, user, a, AnnotationForm.of(a), "");
    }

    private void renderShow(Context ctx, CurrentUser user, Annotation a, AnnotationForm form, String replyError) {
        Map<Long, List<Reply>> replies = store.replies(List.of(a.id()));
        Map<String, Object> model = new HashMap<>();
        model.put("item", item(0, a, user, "", replies));
        model.put("paperTitleHtml", AbstractMarkup.toHtml(a.paperTitle()));
        model.put("form", form);
        model.put("colours", AnnotationForm.COLOURS);
        model.put("replyError", replyError);
        views.render(ctx, "annotations/show", model);
    }

    void update(Context ctx) {
        CurrentUser user = RequestUser.require(ctx);
        Annotation a = owned(ctx, user);
        AnnotationForm form = AnnotationForm.from(ctx);
        Map<String, String> problems = AnnotationForm.problems();
        Content content = form.content(problems);
        if (!problems.isEmpty()) {
            ctx.status(HttpStatus.UNPROCESSABLE_CONTENT);
            renderShow(ctx, user, a, form.withProblems(problems, List.of()), "");
            return;
        }
        store.update(a.id(), user.id(), content);
        ctx.redirect("/papers/" + a.paperId() + "#annotation-" + a.id(), HttpStatus.SEE_OTHER);
    }

    void delete(Context ctx) {
        CurrentUser user = RequestUser.require(ctx);
        Annotation a = owned(ctx, user);
        store.delete(a.id(), user.id());
        ctx.redirect("/papers/" + a.paperId() + "#annotations", HttpStatus.SEE_OTHER);
    }

    void reply(Context ctx) {
        CurrentUser user = RequestUser.require(ctx);
        Annotation a = visible(ctx, user);
        if (!a.isTeam()) {
            throw new BadRequestResponse("Replies are for annotations shared with the team; this one is private.");
        }
        String body = Optional.ofNullable(ctx.formParam("body")).orElse("").replace("\r\n", "\n").strip();
        String problem = body.isEmpty() ? "Write a reply first."
                : body.length() > AnnotationForm.MAX_BODY ? "Replies can be up to 5,000 characters; this one has "
                        + String.format("%,d", body.length()) + "." : null;
        if (problem != null) {
            ctx.status(HttpStatus.UNPROCESSABLE_CONTENT);
            renderShow(ctx, user, a, AnnotationForm.of(a), problem);
            return;
        }
        long replyId = store.reply(a.id(), user.id(), body)
                .orElseThrow(() -> new NotFoundResponse("There is no annotation " + a.id() + "."));
        ctx.redirect("/papers/" + a.paperId() + "#reply-" + replyId, HttpStatus.SEE_OTHER);
    }

    void resolve(Context ctx) {
        CurrentUser user = RequestUser.require(ctx);
        Annotation a = owned(ctx, user);
        if (!a.isTeam()) {
            throw new BadRequestResponse("Only annotations shared with the team have a discussion to resolve.");
        }
        String raw = Optional.ofNullable(ctx.formParam("resolved")).orElse("true");
        if (!raw.equals("true") && !raw.equals("false")) {
            throw new BadRequestResponse("resolved is true or false.");
        }
        store.setResolved(a.id(), user.id(), raw.equals("true"));
        ctx.redirect("/papers/" + a.paperId() + "#annotation-" + a.id(), HttpStatus.SEE_OTHER);
    }

    // ---- my annotations, exports ------------------------------------------------------------------------------

    void list(Context ctx) {
        CurrentUser user = RequestUser.require(ctx);
        Filter filter = filter(ctx);
        List<Annotation> mine = store.mine(user.id(), filter);
        Map<Long, Paper> byId = new HashMap<>();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Annotation a : mine) {
            Paper paper = byId.computeIfAbsent(a.paperId(), id -> papers.find(id).orElseThrow());
            boolean placed = Anchoring.anchor(paper.abstractText(), a.selector()).isPresent();
            Map<String, Object> row = new HashMap<>();
            row.put("a", a);
            row.put("bodyHtml", SafeMarkdown.toHtml(a.body()));
            row.put("paperTitleHtml", AbstractMarkup.toHtml(a.paperTitle()));
            row.put("href", "/papers/" + a.paperId() + (placed ? "#mark-" : "#annotation-") + a.id());
            row.put("orphan", !placed);
            rows.add(row);
        }
        List<Map<String, Object>> paperChoices = new ArrayList<>();
        for (Annotation a : store.mine(user.id(), Filter.NONE)) {
            if (paperChoices.stream().noneMatch(p -> p.get("id").equals(a.paperId()))) {
                paperChoices.add(Map.of("id", a.paperId(), "title", AbstractMarkup.toPlainText(a.paperTitle())));
            }
        }
        paperChoices.sort(Comparator.comparing(p -> p.get("title").toString()));
        Map<String, Object> model = new HashMap<>();
        model.put("rows", rows);
        model.put("papers", paperChoices);
        model.put("tags", store.myTags(user.id()));
        model.put("colours", AnnotationForm.COLOURS);
        model.put("paperFilter", filter.paperId() == null ? "" : String.valueOf(filter.paperId()));
        model.put("colourFilter", filter.colour() == null ? "" : filter.colour());
        model.put("tagFilter", filter.tag() == null ? "" : filter.tag());
        model.put("filtered", filter.paperId() != null || filter.colour() != null || filter.tag() != null);
        views.render(ctx, "annotations/list", model);
    }

    private static Filter filter(Context ctx) {
        String paper = blankToNull(ctx.queryParam("paper"));
        String colour = blankToNull(ctx.queryParam("colour"));
        String tag = blankToNull(ctx.queryParam("tag"));
        if (paper != null && !paper.matches("[1-9]\\d{0,17}")) {
            throw new BadRequestResponse("Paper ids are positive whole numbers, like 12.");
        }
        if (colour != null && !AnnotationForm.COLOURS.contains(colour)) {
            throw new BadRequestResponse("Highlight colours are " + String.join(", ", AnnotationForm.COLOURS) + ".");
        }
        return new Filter(paper == null ? null : Long.parseLong(paper), colour,
                tag == null ? null : tag.strip().toLowerCase(java.util.Locale.ROOT));
    }

    void exportAll(Context ctx) {
        CurrentUser user = RequestUser.require(ctx);
        String base = baseUrl(ctx);
        ctx.contentType(JsonLd.MEDIA_TYPE + "; charset=utf-8")
                .header("Content-Disposition", "inline; filename=\"annotations.jsonld\"")
                .result(JsonLd.collection(base + "/annotations.jsonld", "Annotations by " + user.displayName(),
                        store.mine(user.id(), Filter.NONE), base));
    }

    void exportPaper(Context ctx) {
        CurrentUser user = RequestUser.require(ctx);
        Paper paper = paper(ctx);
        String base = baseUrl(ctx);
        ctx.contentType(JsonLd.MEDIA_TYPE + "; charset=utf-8")
                .header("Content-Disposition", "inline; filename=\"paper-" + paper.id() + "-annotations.jsonld\"")
                .result(JsonLd.collection(base + "/papers/" + paper.id() + "/annotations.jsonld",
                        "Annotations by " + user.displayName() + " on " + AbstractMarkup.toPlainText(paper.title()),
                        store.mine(user.id(), new Filter(paper.id(), null, null)), base));
    }

    // ---- helpers ----------------------------------------------------------------------------------------------

    private Paper paper(Context ctx) {
        long id = Params.pathId(ctx, "id", "Paper");
        return papers.find(id).orElseThrow(() -> new NotFoundResponse("There is no paper " + id + "."));
    }

    private Annotation visible(Context ctx, CurrentUser user) {
        long id = Params.pathId(ctx, "id", "Annotation");
        return store.findVisible(id, user.id())
                .orElseThrow(() -> new NotFoundResponse("There is no annotation " + id + "."));
    }

    private Annotation owned(Context ctx, CurrentUser user) {
        Annotation a = visible(ctx, user);
        if (!a.ownedBy(user.id())) {
            throw new ForbiddenResponse("Only its author can change this annotation.");
        }
        return a;
    }

    private static String baseUrl(Context ctx) {
        String host = ctx.host();
        return ctx.scheme() + "://" + (host == null || host.isBlank() ? "localhost" : host);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
