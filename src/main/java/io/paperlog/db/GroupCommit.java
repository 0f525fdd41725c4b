package io.paperlog.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Function;
import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;

/**
 * The one writer. Callers queue their work and wait; one thread takes everything queued so far, runs each piece
 * inside its own savepoint of one {@code BEGIN IMMEDIATE} transaction, commits, and only then answers the callers.
 * Under load many writes share a commit (the costly part of a small write); a lone write commits at once. A piece
 * that throws is rolled back to its savepoint alone and its caller gets the exception; the others still commit.
 */
final class GroupCommit implements AutoCloseable {

    static final int MAX_BATCH = 64;

    private final Connection connection;
    private final DSLContext dsl;
    private final ChangeWatch watch;
    private final BlockingQueue<Pending<?>> queue = new LinkedBlockingQueue<>();
    private final Object submitting = new Object();
    private final Thread thread;
    private boolean closed;

    private GroupCommit(Connection connection, DSLContext dsl, ChangeWatch watch) {
        this.connection = connection;
        this.dsl = dsl;
        this.watch = watch;
        this.thread = new Thread(this::loop, "paperlog-writer");
        thread.setDaemon(true);
    }

    static GroupCommit start(Connection connection, DSLContext dsl, ChangeWatch watch) {
        GroupCommit writer = new GroupCommit(connection, dsl, watch);
        writer.thread.start();
        return writer;
    }

    /** Runs {@code work} in the next commit and returns its result once that commit is done. */
    <T> T submit(Function<DSLContext, T> work) {
        if (Thread.currentThread() == thread) {
            return nested(work);
        }
        Pending<T> pending = new Pending<>(work);
        synchronized (submitting) {
            if (closed) {
                throw new DataAccessException("the database is closed");
            }
            queue.add(pending);
        }
        return pending.await();
    }

    /** A write started by another write: part of the same transaction, undone alone if it throws. */
    private <T> T nested(Function<DSLContext, T> work) {
        try (Statement statement = connection.createStatement()) {
            statement.execute("SAVEPOINT nested");
            try {
                T result = work.apply(dsl);
                statement.execute("RELEASE nested");
                return result;
            } catch (RuntimeException | Error e) {
                statement.execute("ROLLBACK TO nested");
                statement.execute("RELEASE nested");
                throw e;
            }
        } catch (SQLException e) {
            throw new DataAccessException("a nested write failed", e);
        }
    }

    private void loop() {
        List<Pending<?>> batch = new ArrayList<>(MAX_BATCH);
        while (true) {
            Pending<?> first = takeUninterruptibly();
            batch.add(first);
            queue.drainTo(batch, MAX_BATCH - 1);
            boolean stop = batch.removeIf(Pending::isStop);
            if (!batch.isEmpty()) {
                commit(batch);
            }
            batch.clear();
            if (stop) {
                return;
            }
        }
    }

    private void commit(List<Pending<?>> batch) {
        try {
            run("BEGIN IMMEDIATE");
            try {
                watch.transactionBegan();
                for (Pending<?> pending : batch) {
                    run("SAVEPOINT work");
                    try {
                        pending.run(dsl);
                        run("RELEASE work");
                    } catch (RuntimeException | Error e) {
                        run("ROLLBACK TO work");
                        run("RELEASE work");
                        pending.fail(e);
                    }
                }
                run("COMMIT");
            } catch (SQLException | RuntimeException | Error e) {
                rollbackQuietly();
                throw e;
            }
        } catch (SQLException | RuntimeException | Error e) {
            DataAccessException failed = new DataAccessException("the write could not be committed", e);
            batch.forEach(pending -> pending.failUnlessFailed(failed));
        } finally {
            transactionEnded();
            batch.forEach(Pending::answer);
        }
    }

    private void transactionEnded() {
        try {
            watch.transactionEnded();
        } catch (SQLException e) {
            watch.lost(); // nothing kept is used until a transaction ends with the data version read
        }
    }

    /** One statement of the transaction's frame, prepared once and kept by the connection. */
    private void run(String sql) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.execute();
        }
    }

    private void rollbackQuietly() {
        try {
            run("ROLLBACK");
        } catch (SQLException ignored) {
            // the transaction is gone already; the callers are told the commit failed
        }
    }

    private Pending<?> takeUninterruptibly() {
        while (true) {
            try {
                return queue.take();
            } catch (InterruptedException e) {
                // the writer stops only when asked through close(), after the writes queued before it
            }
        }
    }

    /** Commits what is queued, then stops the writer; later writes are refused. */
    @Override
    public void close() {
        synchronized (submitting) {
            if (closed) {
                return;
            }
            closed = true;
            queue.add(Pending.STOP);
        }
        if (Thread.currentThread() != thread) {
            boolean interrupted = false;
            while (thread.isAlive()) {
                try {
                    thread.join();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** One caller's work, its outcome, and the caller waiting for it. */
    private static final class Pending<T> {

        static final Pending<Void> STOP = new Pending<>(null);

        private final Function<DSLContext, T> work;
        private final CountDownLatch answered = new CountDownLatch(1);
        private T result;
        private Throwable error;

        Pending(Function<DSLContext, T> work) {
            this.work = work;
        }

        boolean isStop() {
            return this == STOP;
        }

        void run(DSLContext dsl) {
            result = work.apply(dsl);
        }

        void fail(Throwable e) {
            error = e;
        }

        void failUnlessFailed(Throwable e) {
            if (error == null) {
                error = e;
            }
        }

        void answer() {
            answered.countDown();
        }

        T await() {
            boolean interrupted = false;
            while (true) {
                try {
                    answered.await();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true; // the work may already be committed: the caller must hear how it ended
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
            if (error instanceof RuntimeException e) {
                throw e;
            }
            if (error instanceof Error e) {
                throw e;
            }
            if (error != null) {
                throw new DataAccessException("the write failed", error);
            }
            return result;
        }
    }
}
