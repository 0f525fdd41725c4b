package io.paperlog.tracking;

import io.javalin.http.Context;
import io.paperlog.papers.Paper;
import io.paperlog.papers.PaperSection;
import io.paperlog.web.CurrentUser;
import io.paperlog.web.Form;
import io.paperlog.web.SafeMarkdown;
import io.paperlog.web.SafeRedirect;
import io.paperlog.web.UserError;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * "My reading" on a paper's page: my status and its dates, my rating, my note. When the page is shown again for a
 * refused post, the fields hold what was typed and the refusal is said beside them; a note refused because another
 * save came first shows both texts. app.js updates the status and rating part ({@code panel}) and the note
 * ({@code note}) in place.
 */
public final class TrackingSection implements PaperSection {

    private static final Map<String, String> FRAGMENTS = Map.of(
            "panel", "tracking/fragments/panel",
            "note", "tracking/fragments/note");

    private final TrackingStore marks;
    private final NoteStore notes;

    public TrackingSection(TrackingStore marks, NoteStore notes) {
        this.marks = marks;
        this.notes = notes;
    }

    @Override
    public Map<String, Object> model(Context ctx, Paper paper) {
        return Map.of("panel", panel(ctx, paper.id()));
    }

    @Override
    public Map<String, String> fragments() {
        return FRAGMENTS;
    }

    /** The template that draws {@code fragment} of this section; null for none (or no fragment). */
    String template(String fragment) {
        return fragment == null ? null : FRAGMENTS.get(fragment);
    }

    TrackingPanel panel(Context ctx, long paperId) {
        CurrentUser user = CurrentUser.of(ctx);
        Mark mark = marks.mark(user.id(), paperId);
        NoteStore.Note note = notes.find(user.id(), paperId);
        Optional<UserError> refused = UserError.shownFor(ctx)
                .filter(e -> e.isAbout(StatusForm.FIELD) || e.isAbout(Stars.FIELD) || e.isAbout(NoteForm.FIELD));
        String draft = Form.kept(ctx, "body", note.body());
        TrackingPanel.Conflict conflict = refused.filter(e -> e.status() == 409 && e.isAbout(NoteForm.FIELD))
                .map(e -> new TrackingPanel.Conflict(draft, note.body(), SafeMarkdown.toHtml(note.body()),
                        note.revision(), NoteDiff.of(note.body(), draft)))
                .orElse(null);
        NoteView noteView = new NoteView(note.body(), SafeMarkdown.toHtml(note.body()), note.revision(),
                note.updatedAt());
        return new TrackingPanel(paperId, mark, statusChoices(mark), starChoices(mark),
                Form.kept(ctx, "started_on", Optional.ofNullable(mark.startedOn()).orElse("")),
                Form.kept(ctx, "finished_on", Optional.ofNullable(mark.finishedOn()).orElse("")),
                noteView, draft, notes.revisions(user.id(), paperId), conflict,
                refused.map(UserError::getMessage).orElse(null),
                refused.flatMap(e -> e.fields().keySet().stream().findFirst()).orElse(null),
                SafeRedirect.back(ctx, "/papers/" + paperId));
    }

    private static List<TrackingPanel.Choice> statusChoices(Mark mark) {
        List<TrackingPanel.Choice> choices = new ArrayList<>();
        for (Status s : Status.values()) {
            choices.add(new TrackingPanel.Choice(s.getSlug(), s.getLabel(), s == mark.status()));
        }
        return choices;
    }

    private static List<TrackingPanel.Choice> starChoices(Mark mark) {
        List<TrackingPanel.Choice> choices = new ArrayList<>();
        for (int h = 1; h <= 10; h++) {
            String value = Stars.format(h);
            choices.add(new TrackingPanel.Choice(value, Stars.label(h), mark.halves() != null && mark.halves() == h));
        }
        return choices;
    }
}
