package io.paperlog.tracking;

import io.javalin.http.Context;
import io.paperlog.web.Form;

/** Who sees my reading: two checkboxes, each on or absent. */
record SharingForm(boolean statuses, boolean ratings) {

    static SharingForm read(Context ctx) {
        Form form = Form.of(ctx);
        return new SharingForm(form.checkbox("statuses"), form.checkbox("ratings"));
    }

    TrackingStore.Sharing sharing() {
        return new TrackingStore.Sharing(statuses, ratings);
    }
}
