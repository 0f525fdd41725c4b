package io.paperlog.io;

import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import io.paperlog.web.CurrentUser;
import io.paperlog.web.Form;
import io.paperlog.web.RequestInput;
import io.paperlog.web.UserError;
import io.paperlog.web.Views;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

/**
 * Import in two steps: the file is read and what it would do is shown (nothing stored), then the person confirms
 * and it is imported in one transaction. The page also offers the export.
 */
public final class ImportRoutes {

    static final String FIELD = "file";

    private final ImportStore store;
    private final PendingImports pending;
    private final Views views;

    ImportRoutes(ImportStore store, PendingImports pending, Views views) {
        this.store = store;
        this.pending = pending;
        this.views = views;
    }

    public void show(Context ctx) {
        CurrentUser user = CurrentUser.of(ctx);
        views.render(ctx, "io/import", Map.of("admin", user.admin(), "maxMegabytes", RequestInput.MAX_UPLOAD / 1_000_000,
                "columns", String.join(", ", LibraryFiles.COLUMNS)));
    }

    public void preview(Context ctx) {
        CurrentUser user = CurrentUser.of(ctx);
        UploadedFile file = ctx.uploadedFile(FIELD);
        if (file == null || file.size() == 0 && (file.filename() == null || file.filename().isEmpty())) {
            throw UserError.invalid(FIELD, "Choose a file to import.");
        }
        Incoming incoming = ImportFile.read(file.filename(), bytes(file));
        Report report = store.preview(user.id(), incoming);
        String token = pending.hold(user.id(), file.filename(), incoming);
        views.render(ctx, "io/preview", Map.of("report", report, "token", token,
                "fileName", file.filename() == null ? "" : file.filename()));
    }

    public void confirm(Context ctx) {
        CurrentUser user = CurrentUser.of(ctx);
        Incoming incoming = pending.take(user.id(), Form.of(ctx).text("token"));
        views.render(ctx, "io/done", Map.of("report", store.apply(user.id(), incoming)));
    }

    private static byte[] bytes(UploadedFile file) {
        try (InputStream in = file.content()) {
            byte[] bytes = in.readNBytes(RequestInput.MAX_UPLOAD + 1);
            if (bytes.length > RequestInput.MAX_UPLOAD) {
                throw UserError.tooLarge("The file is larger than " + RequestInput.MAX_UPLOAD / 1_000_000
                        + " MB, the most Paperlog imports at once.");
            }
            return bytes;
        } catch (IOException e) {
            throw UserError.badRequest("The file could not be read. Please choose it again.");
        }
    }
}
