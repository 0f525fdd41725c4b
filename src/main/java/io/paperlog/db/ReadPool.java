package io.paperlog.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jooq.ConnectionProvider;
import org.jooq.exception.DataAccessException;
import org.sqlite.SQLiteDataSource;

/** A fixed set of query-only connections handed to jOOQ one query at a time. */
final class ReadPool implements ConnectionProvider, AutoCloseable {

    private static final long WAIT_SECONDS = 30;

    private final List<Connection> all;
    private final BlockingQueue<Connection> idle;

    private ReadPool(List<Connection> connections) {
        this.all = List.copyOf(connections);
        this.idle = new ArrayBlockingQueue<>(connections.size(), false, connections);
    }

    static ReadPool open(SQLiteDataSource dataSource, int size) throws SQLException {
        if (size < 1) {
            throw new IllegalArgumentException("a read pool needs at least one connection");
        }
        List<Connection> connections = new ArrayList<>(size);
        try {
            for (int i = 0; i < size; i++) {
                Connection connection = StatementCache.wrap(dataSource.getConnection());
                connections.add(connection);
                try (Statement statement = connection.createStatement()) {
                    statement.execute("PRAGMA query_only = 1");
                }
            }
        } catch (SQLException e) {
            connections.forEach(Database::closeQuietly);
            throw e;
        }
        return new ReadPool(connections);
    }

    @Override
    public Connection acquire() {
        try {
            Connection connection = idle.poll(WAIT_SECONDS, TimeUnit.SECONDS);
            if (connection == null) {
                throw new DataAccessException("no database connection became free within " + WAIT_SECONDS + " s");
            }
            return connection;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DataAccessException("interrupted while waiting for a database connection", e);
        }
    }

    @Override
    public void release(Connection connection) {
        idle.offer(connection);
    }

    @Override
    public void close() {
        all.forEach(Database::closeQuietly);
    }
}
