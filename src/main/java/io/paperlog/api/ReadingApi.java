package io.paperlog.api;

import io.javalin.http.Context;
import io.paperlog.api.ApiBody.Field;
import io.paperlog.api.ApiBody.Kind;
import io.paperlog.api.ApiJson.NoteJson;
import io.paperlog.api.ApiJson.ReadingJson;
import io.paperlog.api.ApiJson.StatusEventJson;
import io.paperlog.papers.Paper;
import io.paperlog.papers.PaperStore;
import io.paperlog.tracking.NoteForm;
import io.paperlog.tracking.NoteStore;
import io.paperlog.tracking.Stars;
import io.paperlog.tracking.StatusForm;
import io.paperlog.tracking.TrackingStore;
import io.paperlog.web.CurrentUser;
import io.paperlog.web.Form;
import io.paperlog.web.Params;
import io.paperlog.web.UserError;
import java.util.List;

/**
 * My reading: statuses and ratings (all of them, one paper's, their history) and notes, each only ever the
 * caller's own. A note is saved against the revision it was based on; a newer save elsewhere is a 409 that carries
 * the stored note, as the page shows both texts.
 */
public final class ReadingApi {

    static final List<Field> STATUS = List.of(Field.of("status", Kind.TEXT), Field.of("started_on", Kind.TEXT),
            Field.of("finished_on", Kind.TEXT));
    static final List<Field> RATING = List.of(Field.of("rating", Kind.NUMBER));
    static final List<Field> NOTE = List.of(Field.of("body", Kind.TEXT), Field.of("base_revision", Kind.WHOLE_NUMBER));

    private final TrackingStore marks;
    private final NoteStore notes;
    private final PaperStore papers;

    ReadingApi(TrackingStore marks, NoteStore notes, PaperStore papers) {
        this.marks = marks;
        this.notes = notes;
        this.papers = papers;
    }

    public void library(Context ctx) {
        Api.send(ctx, marks.library(CurrentUser.of(ctx).id()).stream().map(ReadingJson::of).toList());
    }

    public void events(Context ctx) {
        Api.send(ctx, marks.events(CurrentUser.of(ctx).id()).stream().map(StatusEventJson::of).toList());
    }

    public void show(Context ctx) {
        Paper paper = paper(ctx);
        Api.send(ctx, ReadingJson.of(paper.title(), marks.mark(CurrentUser.of(ctx).id(), paper.id())));
    }

    public void setStatus(Context ctx) {
        Paper paper = paper(ctx);
        StatusForm form = StatusForm.read(ApiBody.read(ctx, STATUS));
        Api.send(ctx, ReadingJson.of(paper.title(), marks.setStatus(CurrentUser.of(ctx).id(), paper.id(), form)));
    }

    /** {@code {"rating": 3.5}} rates, {@code {"rating": null}} clears. */
    public void setRating(Context ctx) {
        Paper paper = paper(ctx);
        Form form = ApiBody.read(ctx, RATING);
        Integer halves = Stars.parse(form.trimmed("rating")).orElse(null);
        Api.send(ctx, ReadingJson.of(paper.title(), marks.setRating(CurrentUser.of(ctx).id(), paper.id(), halves)));
    }

    public void note(Context ctx) {
        Paper paper = paper(ctx);
        Api.send(ctx, NoteJson.of(paper.id(), notes.find(CurrentUser.of(ctx).id(), paper.id())));
    }

    public void saveNote(Context ctx) {
        CurrentUser user = CurrentUser.of(ctx);
        Paper paper = paper(ctx);
        NoteForm form = NoteForm.read(ApiBody.read(ctx, NOTE));
        try {
            Api.send(ctx, NoteJson.of(paper.id(), notes.save(user.id(), paper.id(), form.body(), form.baseRevision())));
        } catch (UserError refused) {
            if (refused.status() != 409) {
                throw refused;
            }
            throw refused.withDetail("current", NoteJson.of(paper.id(), notes.find(user.id(), paper.id())));
        }
    }

    private Paper paper(Context ctx) {
        return papers.require(Params.pathId(ctx, "id", "Paper"));
    }
}
