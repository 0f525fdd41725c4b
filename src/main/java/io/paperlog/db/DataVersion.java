package io.paperlog.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.jooq.exception.DataAccessException;
import org.sqlite.SQLiteDataSource;

/**
 * SQLite's {@code PRAGMA data_version} on a connection of its own that never writes: it moves whenever any other
 * connection commits, Paperlog's writer or another process, so an unchanged number means unchanged data.
 */
final class DataVersion implements AutoCloseable {

    private final Connection connection;
    private final PreparedStatement query;

    private DataVersion(Connection connection, PreparedStatement query) {
        this.connection = connection;
        this.query = query;
    }

    static DataVersion open(SQLiteDataSource dataSource) throws SQLException {
        Connection connection = dataSource.getConnection();
        try (Statement statement = connection.createStatement()) {
            statement.execute("PRAGMA query_only = 1");
            return new DataVersion(connection, connection.prepareStatement("PRAGMA data_version"));
        } catch (SQLException e) {
            Database.closeQuietly(connection);
            throw e;
        }
    }

    synchronized long get() {
        try (ResultSet row = query.executeQuery()) {
            row.next();
            return row.getLong(1);
        } catch (SQLException e) {
            throw new DataAccessException("cannot read the data version", e);
        }
    }

    @Override
    public synchronized void close() {
        Database.closeQuietly(connection);
    }
}
