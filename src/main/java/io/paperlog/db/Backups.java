package io.paperlog.db;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.UUID;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;
import org.sqlite.SQLiteOpenMode;

/**
 * Consistent copies of a Paperlog database and putting one back. A copy is SQLite's {@code VACUUM INTO}: one read
 * transaction, so it holds exactly what was committed when it began, whatever is written meanwhile (a running
 * Paperlog keeps serving). Every copy is written beside its target under a temporary name, checked
 * ({@code PRAGMA integrity_check}, a Paperlog schema this program knows) and only then given its name, so a file
 * with a backup's name is always a whole, checked backup.
 */
public final class Backups {

    /** What went wrong, in one line for the person who asked. */
    public static final class BackupException extends RuntimeException {
        public BackupException(String message) {
            super(message, null, false, false);
        }
    }

    private static final byte[] SQLITE_HEADER = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    private Backups() {}

    /** Copies the live database {@code source} into {@code target}, which must not exist yet. */
    public static void copy(Path source, Path target) {
        requirePaperlogFile(source, "the database");
        if (Files.exists(target)) {
            throw new BackupException(target + " already exists; name a new file for the backup");
        }
        createParent(target);
        Path partial = partialBeside(target);
        try {
            vacuumInto(source, partial, false);
            check(partial, "the copy");
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new BackupException("cannot write " + target + ": " + reason(e));
        } finally {
            deleteQuietly(partial);
        }
    }

    /**
     * Puts {@code backup} in place of {@code database}, which no running Paperlog may hold: checked first, then
     * copied through SQLite beside it and moved into place. The database it replaces is kept beside it, named
     * {@code paperlog.db.before-restore-20260131T120000Z}, and that name is returned (null when there was none).
     */
    public static Path restore(Path backup, Path database, Clock clock) {
        requirePaperlogFile(backup, "the backup");
        check(backup, "the backup");
        createParent(database);
        try (DatabaseLock lock = DatabaseLock.acquire(database)) {
            Path partial = partialBeside(database);
            try {
                vacuumInto(backup, partial, true);
                Path kept = null;
                if (Files.exists(database)) {
                    kept = database.resolveSibling(database.getFileName() + ".before-restore-"
                            + STAMP.format(clock.instant()));
                    checkpoint(database);
                    Files.move(database, kept, StandardCopyOption.ATOMIC_MOVE);
                }
                for (String sidecar : new String[] {"-wal", "-shm", "-journal"}) {
                    Files.deleteIfExists(database.resolveSibling(database.getFileName() + sidecar));
                }
                Files.move(partial, database, StandardCopyOption.ATOMIC_MOVE);
                return kept;
            } catch (IOException e) {
                throw new BackupException("cannot restore into " + database + ": " + reason(e));
            } finally {
                deleteQuietly(partial);
            }
        }
    }

    /**
     * Refuses a file that is not a whole Paperlog database this program can open: not SQLite, failing
     * {@code PRAGMA integrity_check}, without Paperlog's schema, or with a schema newer than this program's.
     */
    public static void check(Path file, String what) {
        try (Connection connection = connect(file, true); Statement statement = connection.createStatement()) {
            try (ResultSet integrity = statement.executeQuery("PRAGMA integrity_check")) {
                String verdict = integrity.next() ? integrity.getString(1) : "no answer";
                if (!"ok".equals(verdict)) {
                    throw new BackupException(what + " " + file + " is damaged (integrity check: "
                            + verdict.lines().findFirst().orElse("") + "); refusing to use it");
                }
            }
            try (ResultSet tables = statement.executeQuery("SELECT count(*) FROM sqlite_master WHERE type = 'table' "
                    + "AND name IN ('flyway_schema_history', 'paper', 'account')")) {
                if (!tables.next() || tables.getInt(1) != 3) {
                    throw new BackupException(what + " " + file + " is a SQLite file but not a Paperlog database");
                }
            }
        } catch (SQLException e) {
            throw new BackupException("cannot read " + what + " " + file + ": " + firstLine(e.getMessage()));
        }
        String newer = Migrations.unknownTo(dataSource(file, true));
        if (newer != null) {
            throw new BackupException(what + " " + file + ": " + newer);
        }
    }

    /** A name for a dated backup of {@code clock}'s now: {@code paperlog-20260131T120000Z.db}. */
    public static String datedName(Clock clock) {
        return "paperlog-" + STAMP.format(clock.instant()) + ".db";
    }

    private static void vacuumInto(Path source, Path target, boolean readOnly) {
        try (Connection connection = connect(source, readOnly);
             PreparedStatement vacuum = connection.prepareStatement("VACUUM INTO ?")) {
            vacuum.setString(1, target.toString());
            vacuum.execute();
        } catch (SQLException e) {
            throw new BackupException("cannot copy " + source + ": " + firstLine(e.getMessage()));
        }
    }

    /** Folds a stopped database's write-ahead log into its file, so the file alone is the whole database. */
    private static void checkpoint(Path database) {
        try (Connection connection = connect(database, false); Statement statement = connection.createStatement()) {
            statement.execute("PRAGMA wal_checkpoint(TRUNCATE)");
        } catch (SQLException e) {
            // a file SQLite cannot open is kept aside as it is: there is nothing to fold in
        }
    }

    private static Connection connect(Path file, boolean readOnly) throws SQLException {
        return dataSource(file, readOnly).getConnection();
    }

    /** A connection that never creates a file, so a mistyped path is an error rather than an empty database. */
    private static SQLiteDataSource dataSource(Path file, boolean readOnly) {
        SQLiteConfig config = new SQLiteConfig();
        config.setBusyTimeout(Database.BUSY_TIMEOUT_MILLIS);
        config.resetOpenMode(SQLiteOpenMode.CREATE);
        if (readOnly) {
            config.setReadOnly(true);
        }
        SQLiteDataSource dataSource = new SQLiteDataSource(config);
        dataSource.setUrl("jdbc:sqlite:" + file.toAbsolutePath());
        return dataSource;
    }

    private static void requirePaperlogFile(Path file, String what) {
        if (!Files.isRegularFile(file)) {
            throw new BackupException(what + " " + file + (Files.exists(file) ? " is not a file" : " does not exist"));
        }
        byte[] header = new byte[SQLITE_HEADER.length];
        try (InputStream in = Files.newInputStream(file)) {
            if (in.readNBytes(header, 0, header.length) < header.length || !Arrays.equals(header, SQLITE_HEADER)) {
                throw new BackupException(what + " " + file + " is not a SQLite database");
            }
        } catch (IOException e) {
            throw new BackupException("cannot read " + what + " " + file + ": " + reason(e));
        }
    }

    private static void createParent(Path file) {
        Path parent = file.toAbsolutePath().getParent();
        try {
            Files.createDirectories(parent);
        } catch (IOException e) {
            throw new BackupException("cannot create folder " + parent + ": " + reason(e));
        }
    }

    private static Path partialBeside(Path target) {
        return target.toAbsolutePath().resolveSibling("." + target.getFileName() + ".partial-" + UUID.randomUUID());
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a leftover partial file is named as one; nothing else to do
        }
    }

    private static String reason(IOException e) {
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof java.nio.file.FileSystemException fs && fs.getReason() != null) {
            return fs.getReason();
        }
        return firstLine(e.getMessage());
    }

    private static String firstLine(String message) {
        return message == null ? "unknown error" : message.strip().lines().findFirst().orElse("unknown error");
    }
}
