package io.paperlog.db;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.sqlite.core.CoreStatement;

/**
 * Keeps a connection's prepared statements for the next query with the same SQL: SQLite compiles a statement on
 * every {@code prepareStatement}, which cost as much as running the small queries Paperlog makes. jOOQ renders the
 * same text for the same query with other values (they are bound), so a statement it closes is reset, its values
 * cleared, and kept instead; the next {@code prepareStatement} of that text gets it back. A connection is used by
 * one thread at a time (the writer, or a reader between acquire and release); a statement still in use when the
 * same text is asked for again is not shared: a new one is prepared.
 */
final class StatementCache implements InvocationHandler {

    static final int KEPT = 256;

    private final Connection connection;
    private final Map<String, PreparedStatement> idle = new LinkedHashMap<>(KEPT * 2, 0.75f, true);

    private StatementCache(Connection connection) {
        this.connection = connection;
    }

    /** {@code connection}, keeping the statements prepared on it; closing it closes them. */
    static Connection wrap(Connection connection) {
        return (Connection) Proxy.newProxyInstance(StatementCache.class.getClassLoader(),
                new Class<?>[] {Connection.class}, new StatementCache(connection));
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        if (method.getName().equals("prepareStatement") && args.length == 1) {
            return prepare((String) args[0]);
        }
        if (method.getName().equals("close")) {
            closeAll();
        }
        return call(connection, method, args);
    }

    private synchronized PreparedStatement prepare(String sql) throws SQLException {
        PreparedStatement statement = idle.remove(sql);
        if (statement == null) {
            statement = connection.prepareStatement(sql);
        }
        return kept(sql, statement);
    }

    /** Takes back a statement its user closed: reset, without values, ready for the same text again. */
    private synchronized void giveBack(String sql, PreparedStatement statement) throws SQLException {
        // reset, so that a kept query holds no read snapshot open (closing its result set does, but a user may not)
        ((CoreStatement) statement).pointer.safeRunInt((db, pointer) -> db.reset(pointer));
        statement.clearParameters();
        PreparedStatement before = idle.put(sql, statement);
        if (before != null) {
            before.close();
        }
        if (idle.size() > KEPT) {
            Iterator<PreparedStatement> oldest = idle.values().iterator();
            oldest.next().close();
            oldest.remove();
        }
    }

    private synchronized void closeAll() {
        for (PreparedStatement statement : idle.values()) {
            try {
                statement.close();
            } catch (SQLException ignored) {
                // the connection closes next, and with it anything left
            }
        }
        idle.clear();
    }

    /** What the user of a statement holds: closing it gives the statement back instead. */
    private PreparedStatement kept(String sql, PreparedStatement statement) {
        InvocationHandler handler = new InvocationHandler() {
            private boolean closed;

            @Override
            public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
                switch (method.getName()) {
                    case "close" -> {
                        if (!closed) {
                            closed = true;
                            giveBack(sql, statement);
                        }
                        return null;
                    }
                    case "isClosed" -> {
                        return closed;
                    }
                    default -> {
                        if (closed) {
                            throw new SQLException("the statement is closed");
                        }
                        return call(statement, method, args);
                    }
                }
            }
        };
        return (PreparedStatement) Proxy.newProxyInstance(StatementCache.class.getClassLoader(),
                new Class<?>[] {PreparedStatement.class}, handler);
    }

    private static Object call(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
