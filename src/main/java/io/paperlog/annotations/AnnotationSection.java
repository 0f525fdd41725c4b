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
        List<Item> items = new ArrayList<>();
        List<Highlight> highlights = new ArrayList<>();
        for (Placed p : placed) {
            int number = items.size() + 1;
            highlights.add(new Highlight(p.annotation().id(), number, p.anchor().start(), p.anchor().end(),
                    p.annotation().colour()));
            items.add(item(number, p.annotation(), user, p.anchor().method().name().toLowerCase(Locale.ROOT), replies));
        }
        List<Item> orphans = new ArrayList<>();
        for (Annotation a : lost) {
            orphans.add(item(items.size() + orphans.size() + 1, a, user, "orphan", replies));
        }
        return new AnnotationPanel(paper.id(), HighlightedAbstract.render(source, highlights), source, items, orphans,
                AnnotationFields.EMPTY);
    }

    /** An annotation and where it was found in the abstract as it is now. */
    private record Placed(Annotation annotation, Anchor anchor) {}

    /** By where they start; an enclosing passage before the ones inside it; then oldest first. */
    private static final Comparator<Placed> READING_ORDER = Comparator.comparingInt((Placed p) -> p.anchor().start())
            .thenComparing(Comparator.comparingInt((Placed p) -> p.anchor().end()).reversed())
            .thenComparingLong(p -> p.annotation().id());

    /** One annotation as a list shows it, with its comment and replies rendered. */
    static Item item(int number, Annotation a, CurrentUser user, String placedBy, Map<Long, List<Reply>> replies) {
        List<ReplyView> views = replies.getOrDefault(a.id(), List.of()).stream()
                .map(r -> new ReplyView(r, SafeMarkdown.toHtml(r.body()))).toList();
        return new Item(number, a, SafeMarkdown.toHtml(a.body()), a.ownedBy(user.id()), placedBy, views);
    }
}
