package io.paperlog.io;

import io.paperlog.annotations.AnnotationStore;
import io.paperlog.db.Database;
import io.paperlog.web.BaseUrl;
import io.paperlog.web.Views;
import java.time.Clock;

/** Export and import of a person's data (and an admin's export of the instance), built once at wiring. */
public final class DataIo {

    public final ExportRoutes exports;
    public final ImportRoutes imports;

    public DataIo(Database db, Clock clock, AnnotationStore annotations, BaseUrl baseUrl, Views views) {
        exports = new ExportRoutes(new ExportStore(db, clock), annotations, baseUrl, clock);
        imports = new ImportRoutes(new ImportStore(db, clock), new PendingImports(clock), views);
    }
}
