package io.paperlog.annotations;

import io.javalin.http.Context;
import io.paperlog.annotations.Anchoring.Anchor;
import io.paperlog.annotations.AnnotationPanel.Item;
import io.paperlog.annotations.AnnotationPanel.ReplyView;
import io.paperlog.annotations.HighlightedAbstract.Highlight;
import io.paperlog.papers.Paper;
import io.paperlog.papers.PaperSection;
import io.paperlog.web.CurrentUser;
import io.paperlog.web.SafeMarkdown;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Annotations on a paper's page: the abstract with the highlights I may see (mine, and teammates' shared ones),
 * re-anchored on the abstract as it is now, the annotations in reading order, the orphans, and the form.
 */
public final class AnnotationSection implements PaperSection {

    private final AnnotationStore store;

    public AnnotationSection(AnnotationStore store) {
        this.store = store;
    }

    @Override
    public Map<String, Object> model(Context ctx, Paper paper) {
        return Map.of("annotations", panel(CurrentUser.of(ctx), paper));
    }

    /** app.js swaps the abstract and the annotations beside it after making, changing or deleting one in place. */
    @Override
    public Map<String, String> fragments() {
        return Map.of(FRAGMENT, "annotations/fragments/annotated");
    }

    static final String FRAGMENT = "annotations";

    AnnotationPanel panel(CurrentUser user, Paper paper) {
        String source = paper.abstractText();
        List<Annotation> visible = store.forPaper(paper.id(), user.id());
        Map<Long, List<Reply>> replies = store.replies(visible.stream().map(Annotation::id).toList());
        List<Placed> placed = new ArrayList<>();
        List<Annotation> lost = new ArrayList<>();
        for (Annotation a : visible) {
            Anchoring.anchor(source, a.selector())
                    .ifPresentOrElse(found -> placed.add(new Placed(a, found)), () -> lost.add(a));
        }
        placed.sort(READING_ORDER);
        Map<Long, String> numbers = numbers(visible);
        List<Item> items = new ArrayList<>();
        List<Highlight> highlights = new ArrayList<>();
        for (Placed p : placed) {
            String number = numbers.get(p.annotation().id());
            highlights.add(new Highlight(p.annotation().id(), number, p.anchor().start(), p.anchor().end(),
                    p.annotation().colour()));
            items.add(item(number, p.annotation(), user, p.anchor().method().name().toLowerCase(Locale.ROOT), replies));
        }
        List<Item> orphans = new ArrayList<>();
        for (Annotation a : lost) {
            orphans.add(item(numbers.get(a.id()), a, user, "orphan", replies));
        }
        return new AnnotationPanel(paper.id(), HighlightedAbstract.render(source, highlights), source, items, orphans,
                AnnotationFields.EMPTY);
    }

    /**
     * The label of each annotation of a paper that a person sees ({@code visible}, oldest first): the shared ones
     * numbered 1, 2, 3 in the order they were made, so that everyone on the team calls them the same; the person's
     * private ones lettered a, b, … z, aa, ab in the same order.
     */
    static Map<Long, String> numbers(List<Annotation> visible) {
        Map<Long, String> numbers = new HashMap<>();
        int shared = 0;
        int own = 0;
        for (Annotation a : visible) {
            numbers.put(a.id(), a.isTeam() ? String.valueOf(++shared) : letters(++own));
        }
        return numbers;
    }

    /** 1 → a, 26 → z, 27 → aa: counting in letters, as spreadsheets name columns. */
    static String letters(int n) {
        StringBuilder s = new StringBuilder();
        for (int k = n; k > 0; k = (k - 1) / 26) {
            s.insert(0, (char) ('a' + (k - 1) % 26));
        }
        return s.toString();
    }

    /** An annotation and where it was found in the abstract as it is now. */
    private record Placed(Annotation annotation, Anchor anchor) {}

    /** By where they start; an enclosing passage before the ones inside it; then oldest first. */
    private static final Comparator<Placed> READING_ORDER = Comparator.comparingInt((Placed p) -> p.anchor().start())
            .thenComparing(Comparator.comparingInt((Placed p) -> p.anchor().end()).reversed())
            .thenComparingLong(p -> p.annotation().id());

    /** One annotation as a list shows it, with its comment and replies rendered. */
    static Item item(String number, Annotation a, CurrentUser user, String placedBy, Map<Long, List<Reply>> replies) {
        List<ReplyView> views = replies.getOrDefault(a.id(), List.of()).stream()
                .map(r -> new ReplyView(r, SafeMarkdown.toHtml(r.body()), r.userId() == user.id())).toList();
        return new Item(number, a, SafeMarkdown.toHtml(a.body()), a.ownedBy(user.id()), placedBy, views);
    }
}
