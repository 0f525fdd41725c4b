package io.paperlog.db;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Says "a Paperlog has this database open": an exclusive lock on {@code paperlog.db.lock} beside the database, held
 * from opening to closing. The operating system lets go of it when the process ends, however it ends, so a crash
 * leaves no stale lock. A second server on the same file, and a restore over a live database, are refused.
 */
final class DatabaseLock implements AutoCloseable {

    private final FileChannel channel;
    private final FileLock lock;

    private DatabaseLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    static Path fileFor(Path database) {
        return database.toAbsolutePath().resolveSibling(database.getFileName() + ".lock");
    }

    /** Takes the lock, or refuses at once with the reason when a running Paperlog holds it. */
    static DatabaseLock acquire(Path database) {
        Path file = fileFor(database);
        FileChannel channel;
        try {
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new Backups.BackupException("cannot create the lock file " + file + ": "
                    + (e instanceof java.nio.file.AccessDeniedException ? "permission denied" : e.getMessage()));
        }
        FileLock lock = null;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException heldHere) {
            // this very process has the database open
        } catch (IOException e) {
            closeQuietly(channel);
            throw new Backups.BackupException("cannot lock " + file + ": " + e.getMessage());
        }
        if (lock == null) {
            closeQuietly(channel);
            throw new Backups.BackupException("a running Paperlog is using " + database.toAbsolutePath().normalize()
                    + " (it holds " + file.getFileName() + "); stop it first");
        }
        return new DatabaseLock(channel, lock);
    }

    @Override
    public void close() {
        try {
            lock.release();
        } catch (IOException ignored) {
            // closing the channel below lets go of it too
        }
        closeQuietly(channel);
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException ignored) {
            // nothing useful to do on the way out
        }
    }
}
