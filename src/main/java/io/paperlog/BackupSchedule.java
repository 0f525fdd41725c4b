package io.paperlog;

import io.paperlog.db.Backups;
import io.paperlog.db.Database;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rolling backups while the server runs: a dated copy ({@code paperlog-20260131T120000Z.db}) in the folder every
 * so often, counted from the newest one there, so a restart neither skips one nor takes an extra; then only the
 * newest {@code keep} of its own dated copies stay (other files in the folder are never touched). A backup that
 * fails is logged and tried again at the next turn: it never stops the server.
 */
final class BackupSchedule {

    private static final Logger LOG = LoggerFactory.getLogger(BackupSchedule.class);
    /** The names this schedule writes, and the only files it ever deletes. */
    static final Pattern DATED = Pattern.compile("paperlog-\\d{8}T\\d{6}Z\\.db");
    /** A first backup waits this long after start, out of the way of the first requests. */
    static final Duration FIRST_AFTER = Duration.ofSeconds(30);
    private static final DateTimeFormatter TAKEN = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);
    static final Duration RETRY_AT_MOST = Duration.ofHours(1);

    private final Config.RollingBackups settings;
    private final Database db;
    private final Clock clock;
    /** When the last backup failed, if the last one did: the next try waits a period (at most an hour). */
    private volatile Instant failedAt;

    BackupSchedule(Config.RollingBackups settings, Database db, Clock clock) {
        this.settings = settings;
        this.db = db;
        this.clock = clock;
    }

    /** How long until the next backup is due: its period after the newest dated copy in the folder. */
    Duration untilNext() {
        if (failedAt != null) {
            Duration retry = settings.every().compareTo(RETRY_AT_MOST) < 0 ? settings.every() : RETRY_AT_MOST;
            return Duration.between(clock.instant(), failedAt.plus(retry)).isNegative() ? FIRST_AFTER
                    : Duration.between(clock.instant(), failedAt.plus(retry));
        }
        Instant newest = dated().stream().reduce((a, b) -> b).map(this::takenAt).orElse(Instant.MIN);
        if (newest.equals(Instant.MIN)) {
            return FIRST_AFTER;
        }
        Duration left = Duration.between(clock.instant(), newest.plus(settings.every()));
        return left.compareTo(FIRST_AFTER) < 0 ? FIRST_AFTER : left;
    }

    /** Takes one backup and prunes the oldest; logs (never throws) when it cannot. */
    void run() {
        try {
            Files.createDirectories(settings.folder());
            Path target = settings.folder().resolve(Backups.datedName(clock));
            if (!Files.exists(target)) {
                db.backupTo(target);
                LOG.info("backed up the database to {}", target);
            }
            prune();
            failedAt = null;
        } catch (IOException | RuntimeException e) {
            failedAt = clock.instant();
            LOG.warn("the scheduled backup into {} failed: {}", settings.folder(), e.getMessage());
        }
    }

    private void prune() throws IOException {
        List<Path> dated = dated();
        for (int i = 0; i < dated.size() - settings.keep(); i++) {
            Files.deleteIfExists(dated.get(i));
        }
    }

    /** This schedule's copies in the folder, oldest first (their names sort by time). */
    List<Path> dated() {
        if (!Files.isDirectory(settings.folder())) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(settings.folder())) {
            return new ArrayList<>(files.filter(f -> DATED.matcher(f.getFileName().toString()).matches())
                    .filter(Files::isRegularFile).sorted().toList());
        } catch (IOException e) {
            return List.of();
        }
    }

    /** When a dated copy was taken, as its name says. */
    private Instant takenAt(Path file) {
        String name = file.getFileName().toString();
        return TAKEN.parse(name.substring("paperlog-".length(), name.length() - ".db".length()), Instant::from);
    }
}
