package io.paperlog.annotations;

import io.javalin.http.Context;
import io.paperlog.annotations.Anchoring.Selector;
import io.paperlog.web.Form;

/** The form that makes an annotation: which passage ({@link SelectionForm}) and what is set on it. */
public record NewAnnotationForm(Selector selector, AnnotationForm content) {

    /** Both parts read at once, so that every problem of either is said together. */
    static NewAnnotationForm read(Context ctx, String abstractText) {
        return read(Form.of(ctx), abstractText);
    }

    public static NewAnnotationForm read(Form form, String abstractText) {
        Selector selector = SelectionForm.read(form, abstractText);
        AnnotationForm content = AnnotationForm.read(form);
        form.refuseIfInvalid();
        return new NewAnnotationForm(selector, content);
    }
}
