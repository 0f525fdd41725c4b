package io.paperlog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paperlog.db.Database;
import io.paperlog.testing.MutableClock;
import io.paperlog.testing.StandardError;
import io.paperlog.testing.TestApp;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rolling backups while the server runs, their flags, and the admin's download of the same snapshot. */
class BackupScheduleTest {

    @TempDir
    Path folder;

    @Test
    void keepsTheNewestBackupsAndNeverTouchesOtherFiles() throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2026-01-31T12:00:00Z"));
        Path dir = folder.resolve("backups");
        Files.createDirectories(dir);
        Path mine = Files.writeString(dir.resolve("notes.txt"), "keep me");
        Path lookalike = Files.writeString(dir.resolve("paperlog-old.db"), "not one of the schedule's");
        try (Database db = Database.open(folder.resolve("paperlog.db"), 1)) {
            BackupSchedule schedule = new BackupSchedule(new Config.RollingBackups(dir, Duration.ofHours(6), 3), db, clock);
            assertEquals(BackupSchedule.FIRST_AFTER, schedule.untilNext(), "the first waits for start-up to settle");
            for (int i = 0; i < 5; i++) {
                schedule.run();
                clock.advance(Duration.ofHours(6));
            }
            List<Path> kept = schedule.dated();
            assertEquals(List.of("paperlog-20260201T000000Z.db", "paperlog-20260201T060000Z.db",
                    "paperlog-20260201T120000Z.db"), kept.stream().map(p -> p.getFileName().toString()).toList());
            assertEquals("keep me", Files.readString(mine));
            assertEquals("not one of the schedule's", Files.readString(lookalike));
            for (Path backup : kept) {
                assertEquals("ok", BackupCommandTest.single(backup, "PRAGMA integrity_check"));
            }
        }
    }

    @Test
    void theNextBackupCountsFromTheNewestOneSoARestartTakesNoExtra() throws Exception {
        MutableClock clock = new MutableClock(Instant.now());
        Path dir = folder.resolve("b");
        try (Database db = Database.open(folder.resolve("paperlog.db"), 1)) {
            BackupSchedule schedule = new BackupSchedule(new Config.RollingBackups(dir, Duration.ofHours(24), 7), db, clock);
            schedule.run();
            clock.advance(Duration.ofHours(2));
            BackupSchedule afterRestart = new BackupSchedule(new Config.RollingBackups(dir, Duration.ofHours(24), 7), db,
                    clock);
            Duration wait = afterRestart.untilNext();
            assertTrue(wait.compareTo(Duration.ofHours(21)) > 0 && wait.compareTo(Duration.ofHours(22)) <= 0 && !wait.isZero(), wait.toString());
        }
    }

    @Test
    void aFailedBackupIsLoggedAndTriedAgainNotFatal() throws Exception {
        MutableClock clock = MutableClock.startingNow();
        Path notAFolder = Files.writeString(folder.resolve("file"), "x");
        try (Database db = Database.open(folder.resolve("paperlog.db"), 1)) {
            BackupSchedule schedule = new BackupSchedule(new Config.RollingBackups(notAFolder, Duration.ofMinutes(30), 2),
                    db, clock);
            String log = StandardError.during(schedule::run);
            assertTrue(log.contains("the scheduled backup into"), log);
            assertEquals(Duration.ofMinutes(30), schedule.untilNext(), "tried again a period later");
        }
    }

    @Test
    void theFlagsAreValidated() {
        Config config = CommandLine.parse(new String[] {"--backup-dir", "bk", "--backup-every", "6h", "--backup-keep",
                "3"}, Map.of()).config();
        assertEquals(new Config.RollingBackups(Path.of("bk"), Duration.ofHours(6), 3), config.rollingBackups());
        Config fromEnv = CommandLine.parse(new String[0], Map.of("PAPERLOG_BACKUP_DIR", "/b")).config();
        assertEquals(new Config.RollingBackups(Path.of("/b"), Duration.ofDays(1), 7), fromEnv.rollingBackups());
        assertEquals(Duration.ofMinutes(30), CommandLine.parseDuration("30m"));
        assertEquals(Duration.ofDays(1), CommandLine.parseDuration("1d"));
        for (String bad : List.of("0m", "4m", "31d", "1w", "6", "h", "-1h", "1.5h", "99999999d")) {
            assertThrows(CommandLine.UsageException.class, () -> CommandLine.parseDuration(bad), bad);
        }
        for (String[] args : List.of(new String[] {"--backup-every", "6h"}, new String[] {"--backup-keep", "2"},
                new String[] {"--backup-dir", "b", "--backup-keep", "0"},
                new String[] {"--backup-dir", "b", "--backup-keep", "1001"},
                new String[] {"--backup-dir", "b", "--backup-keep", "x"})) {
            assertThrows(CommandLine.UsageException.class, () -> CommandLine.parse(args, Map.of()), String.join(" ", args));
        }
    }

    @Test
    void anAdminDownloadsAFreshCheckedCopyAndNobodyElseCan() throws Exception {
        try (TestApp app = TestApp.start(folder.resolve("app"))) {
            assertEquals(303, app.admin().post("/papers/4/status", Map.of("status", "reading")).statusCode());
            var member = app.member("bob");
            HttpResponse<String> refused = member.post("/admin/backup", Map.of());
            assertEquals(403, refused.statusCode());

            HttpRequest request = HttpRequest.newBuilder(app.uri("/admin/backup"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .header("Cookie", "paperlog_session=" + app.admin().cookie("paperlog_session").orElseThrow())
                    .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + app.admin().csrfToken())).build();
            HttpResponse<byte[]> download = java.net.http.HttpClient.newHttpClient().send(request,
                    HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(200, download.statusCode());
            assertTrue(download.headers().firstValue("Content-Disposition").orElseThrow()
                    .matches("attachment; filename=\"paperlog-backup-\\d{4}-\\d{2}-\\d{2}-\\d{4}\\.db\""));
            assertEquals("application/vnd.sqlite3", download.headers().firstValue("Content-Type").orElseThrow());
            Path saved = Files.write(folder.resolve("downloaded.db"), download.body());
            assertEquals("ok", BackupCommandTest.single(saved, "PRAGMA integrity_check"));
            assertEquals("reading", BackupCommandTest.single(saved, "SELECT status FROM reading_status WHERE paper_id = 4"));
            try (var files = Files.list(app.databaseFile().getParent())) {
                assertTrue(files.noneMatch(f -> f.getFileName().toString().contains("download")),
                        "no copy is left beside the database");
            }
        }
    }
}
