package io.paperlog.admin;

import io.javalin.http.Context;
import io.paperlog.db.Database;
import io.paperlog.web.CurrentUser;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An admin downloads a backup of the whole instance: a fresh consistent copy of the database, checked, the same as
 * {@code paperlog backup} makes, streamed as an attachment named with the time it was taken.
 */
public final class BackupRoutes {

    private static final Logger LOG = LoggerFactory.getLogger(BackupRoutes.class);
    private static final DateTimeFormatter NAME = DateTimeFormatter.ofPattern("'paperlog-backup-'yyyy-MM-dd'-'HHmm'.db'")
            .withZone(ZoneOffset.UTC);

    private final Database db;
    private final Clock clock;

    public BackupRoutes(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    public void download(Context ctx) throws IOException {
        CurrentUser admin = CurrentUser.admin(ctx);
        Path copy = db.file().resolveSibling("." + db.file().getFileName() + ".download-" + UUID.randomUUID());
        db.backupTo(copy);
        InputStream bytes = Files.newInputStream(copy);
        long size = Files.size(copy);
        Files.delete(copy); // the open stream still reads it; nothing is left behind once it is sent
        LOG.info("{} downloaded a backup of the database ({} bytes)", admin.username(), size);
        ctx.contentType("application/vnd.sqlite3")
                .header("Content-Disposition", "attachment; filename=\"" + NAME.format(clock.instant()) + "\"")
                .header("Content-Length", String.valueOf(size))
                .header("Cache-Control", "no-store")
                .result(bytes);
    }
}
