package io.paperlog.io;

import io.javalin.http.Context;
import io.paperlog.annotations.AnnotationStore;
import io.paperlog.annotations.JsonLd;
import io.paperlog.db.Timestamps;
import io.paperlog.web.BaseUrl;
import io.paperlog.web.CurrentUser;
import io.paperlog.web.Json;
import java.time.Clock;

/** Downloads: my data as one zip, and (for an admin) the whole instance's. Both only read. */
public final class ExportRoutes {

    private final ExportStore store;
    private final AnnotationStore annotations;
    private final BaseUrl baseUrl;
    private final Clock clock;

    ExportRoutes(ExportStore store, AnnotationStore annotations, BaseUrl baseUrl, Clock clock) {
        this.store = store;
        this.annotations = annotations;
        this.baseUrl = baseUrl;
        this.clock = clock;
    }

    public void person(Context ctx) {
        CurrentUser user = CurrentUser.of(ctx);
        String base = baseUrl.of(ctx);
        String jsonLd = Json.write(JsonLd.collectionJson(base + "/annotations.jsonld",
                "Annotations by " + user.displayName(), annotations.mine(user.id(), AnnotationStore.Filter.NONE), base));
        send(ctx, "paperlog-" + user.username(), ExportZip.zip(ExportZip.personFiles(store.person(user.id()), jsonLd)));
    }

    public void instance(Context ctx) {
        CurrentUser.admin(ctx);
        send(ctx, "paperlog-instance", ExportZip.zip(ExportZip.instanceFiles(store.instance())));
    }

    private void send(Context ctx, String name, byte[] zip) {
        String day = Timestamps.today(clock).toString();
        ctx.header("Content-Disposition", "attachment; filename=\"" + name + "-" + day + ".zip\"");
        ctx.header("Cache-Control", "no-store");
        ctx.contentType("application/zip").result(zip);
    }
}
