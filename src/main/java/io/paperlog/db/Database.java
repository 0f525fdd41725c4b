package io.paperlog.db;

import io.paperlog.StartupException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * The embedded SQLite database: migrated on open, read through a small pool of query-only connections,
 * written through one connection at a time so that concurrent requests queue instead of failing with
 * SQLITE_BUSY.
 */
public final class Database implements AutoCloseable {

    static final int BUSY_TIMEOUT_MILLIS = 10_000;
    private static final byte[] SQLITE_HEADER = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);
    private static final Settings JOOQ_SETTINGS = new Settings()
            .withRenderSchema(false)
            .withExecuteLogging(false)
            .withDiagnosticsLogging(false);

    private final Path file;
    private final CompletableFuture<Connections> ready;
    /** Why writes are refused on this thread right now (see {@link #withoutWrites}), or null while they are not. */
    private final ThreadLocal<String> writesRefused = new ThreadLocal<>();

    /** A write asked for where {@link #withoutWrites} refuses them: nothing was written. */
    public static final class WriteRefused extends RuntimeException {
        WriteRefused(String reason) {
            super(reason, null, false, false);
        }
    }

    /** Work that may throw, run by {@link #withoutWrites}. */
    public interface Work {
        void run() throws Exception;
    }

    /** What an open database holds: the writer, the readers, and the lock that says a Paperlog has it open. */
    private record Connections(Connection writeConnection, GroupCommit writer, ChangeWatch watch, ReadPool readPool,
                               DSLContext reader, DataVersion version, DatabaseLock lock) {
        void close() {
            writer.close();
            readPool.close();
            version.close();
            closeQuietly(writeConnection);
            lock.close();
        }
    }

    private Database(Path file, CompletableFuture<Connections> ready) {
        this.file = file;
        this.ready = ready;
    }

    /**
     * Opens (creating if absent) and migrates the database at {@code file}. A file that is not SQLite, or whose
     * schema is newer than this program, is refused and left untouched.
     */
    public static Database open(Path file, int readers) {
        Path absolute = file.toAbsolutePath().normalize();
        return new Database(absolute, CompletableFuture.completedFuture(connect(absolute, readers)));
    }

    /**
     * Starts opening and migrating on another thread, so that the caller can start the web server meanwhile.
     * Queries wait for it; {@link #awaitOpen()} reports a failure as {@link StartupException}.
     */
    public static Database openInBackground(Path file, int readers) {
        Path absolute = file.toAbsolutePath().normalize();
        CompletableFuture<Connections> ready = new CompletableFuture<>();
        Thread opener = new Thread(() -> {
            try {
                ready.complete(connect(absolute, readers));
            } catch (RuntimeException | Error e) {
                ready.completeExceptionally(e);
            }
        }, "paperlog-db-open");
        opener.setDaemon(true);
        opener.start();
        return new Database(absolute, ready);
    }

    /** Waits until the database is open and migrated; rethrows why it could not be. */
    public void awaitOpen() {
        connections();
    }

    private static Connections connect(Path absolute, int readers) {
        refuseIfNotSqlite(absolute);
        createParentFolders(absolute);
        DatabaseLock lock;
        try {
            lock = DatabaseLock.acquire(absolute);
        } catch (Backups.BackupException e) {
            throw new StartupException(e.getMessage(), e);
        }
        String url = "jdbc:sqlite:" + absolute;
        Connection writeConnection = null;
        try {
            SchemaTemplate.copyIfAbsent(absolute);
            Migrations.migrate(dataSource(url));
            writeConnection = dataSource(url).getConnection();
            ReadPool readPool = ReadPool.open(dataSource(url), readers);
            DataVersion version = DataVersion.open(dataSource(url));
            ChangeWatch watch = ChangeWatch.install(writeConnection, version);
            Connection keeping = StatementCache.wrap(writeConnection);
            GroupCommit writer = GroupCommit.start(keeping, DSL.using(keeping, SQLDialect.SQLITE, JOOQ_SETTINGS), watch);
            return new Connections(writeConnection, writer, watch, readPool,
                    DSL.using(readPool, SQLDialect.SQLITE, JOOQ_SETTINGS), version, lock);
        } catch (SQLException e) {
            closeQuietly(writeConnection);
            lock.close();
            throw new StartupException("cannot open database " + absolute + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            closeQuietly(writeConnection);
            lock.close();
            throw e;
        }
    }

    private Connections connections() {
        try {
            return ready.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    /** Queries that only read: they run on a pooled connection that refuses writes. */
    public DSLContext read() {
        return connections().reader();
    }

    /**
     * Runs {@code work} on this thread with every {@link #write} refused ({@link WriteRefused}, saying
     * {@code reason}): whatever code it reaches, it can only read. Reads are query-only connections already.
     */
    public void withoutWrites(String reason, Work work) throws Exception {
        String before = writesRefused.get();
        writesRefused.set(reason);
        try {
            work.run();
        } finally {
            writesRefused.set(before);
        }
    }

    /**
     * Runs {@code work} on the single writer, all or nothing, and returns once it is committed: what it wrote then
     * survives the process being killed. Writes that arrive together share one transaction (see {@link GroupCommit});
     * an exception thrown by {@code work} undoes only what it wrote and is rethrown here.
     */
    public <T> T write(Function<DSLContext, T> work) {
        String refused = writesRefused.get();
        if (refused != null) {
            throw new WriteRefused(refused);
        }
        return connections().writer().submit(work);
    }

    /**
     * A number that moves whenever anything stored changes (a commit by Paperlog's writer or by any other process):
     * what was computed from the data at the same number still holds.
     */
    public long dataVersion() {
        return connections().version().get();
    }

    /**
     * A number that moves after every commit that changed an account or a session (see {@link ChangeWatch}): what
     * was read from those tables while it stood is still what they hold.
     */
    public long accountsVersion() {
        return connections().watch().version(ChangeWatch.Group.ACCOUNTS);
    }

    /** A number that moves after every commit that changed a paper: what was read of papers while it stood holds. */
    public long papersVersion() {
        return connections().watch().version(ChangeWatch.Group.PAPERS);
    }

    /** A number that moves after every commit that changed a tag or what it is on (a status write does not). */
    public long tagsVersion() {
        return connections().watch().version(ChangeWatch.Group.TAGS);
    }

    public Path file() {
        return file;
    }

    /** A consistent copy of this database, taken while it keeps serving, written to {@code target} (new). */
    public void backupTo(Path target) {
        awaitOpen();
        Backups.copy(file, target);
    }

    /**
     * Waits for a background open still under way (a start that failed early, say on a port in use) and closes
     * what it opened, so no file is written after this returns.
     */
    @Override
    public void close() {
        Connections open;
        try {
            open = ready.join();
        } catch (CompletionException | CancellationException neverOpened) {
            return;
        }
        open.close();
    }

    /** How much of the database each connection keeps in its page cache, in KiB (a negative cache_size). */
    static final int CACHE_KIB = 16 * 1024;

    static SQLiteDataSource dataSource(String url) {
        SQLiteConfig config = new SQLiteConfig();
        config.enforceForeignKeys(true);
        config.setBusyTimeout(BUSY_TIMEOUT_MILLIS);
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        // A page cache of 16 MB, not SQLite's 2 MB: on a large instance (ScaleBenchmark) a filtered catalogue page
        // looks up thousands of rows. Not a memory map of the file, though it reads as fast: after any commit every
        // reader drops its map and faults each page in again, and the first query after a write cost 15 ms instead
        // of 6 (a tag's count at 100,000 papers). The cache grows only as far as the file, so a small one stays small.
        config.setCacheSize(-CACHE_KIB);
        SQLiteDataSource dataSource = new SQLiteDataSource(config);
        dataSource.setUrl(url);
        return dataSource;
    }

    private static void refuseIfNotSqlite(Path file) {
        if (!Files.exists(file)) {
            return;
        }
        if (Files.isDirectory(file)) {
            throw new StartupException(file + " is a folder, not a database file");
        }
        byte[] header = new byte[SQLITE_HEADER.length];
        int read;
        try (InputStream in = Files.newInputStream(file)) {
            read = in.readNBytes(header, 0, header.length);
        } catch (AccessDeniedException e) {
            throw new StartupException("cannot read " + file + ": permission denied", e);
        } catch (IOException e) {
            throw new StartupException("cannot read " + file + ": " + e.getMessage(), e);
        }
        if (read == 0) {
            return; // an empty file is a new SQLite database
        }
        if (read < header.length || !Arrays.equals(header, SQLITE_HEADER)) {
            throw new StartupException(file + " is not a SQLite database; refusing to touch it");
        }
    }

    private static void createParentFolders(Path file) {
        Path parent = file.getParent();
        try {
            if (parent != null) {
                Files.createDirectories(parent);
            }
        } catch (IOException e) {
            throw new StartupException("cannot create folder " + parent + ": " + describe(e), e);
        }
        if (parent != null && !Files.isWritable(parent)) {
            throw new StartupException("cannot write to folder " + parent + ": permission denied");
        }
        if (Files.exists(file) && !Files.isWritable(file)) {
            throw new StartupException("cannot write to " + file + ": permission denied");
        }
    }

    private static String describe(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof java.nio.file.FileAlreadyExistsException) {
            return "a file is in the way";
        }
        if (e instanceof java.nio.file.FileSystemException fs && fs.getReason() != null) {
            return fs.getReason();
        }
        return "it cannot be created there";
    }

    static void closeQuietly(Connection connection) {
        if (connection == null) {
            return;
        }
        try {
            connection.close();
        } catch (SQLException ignored) {
            // closing on the way out: nothing useful to do with a failure
        }
    }
}
