package io.paperlog.testing;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * A fingerprint of everything stored, read straight from the SQLite file: equal fingerprints mean no row of any
 * table changed. A session's last-seen time and a token's last-used time are left out, since merely visiting a page
 * or calling the API moves them (a token's at most once a minute, which a long walk of hostile requests outlasts).
 */
public final class DatabaseDigest {

    private static final java.util.Set<String> MOVED_BY_USE = java.util.Set.of("last_seen_at", "last_used_at");

    private DatabaseDigest() {}

    public static String of(Path database) {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + database);
             Statement s = c.createStatement()) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (String table : tables(s)) {
                digest.update(table.getBytes(StandardCharsets.UTF_8));
                rows(s, table).forEach(row -> digest.update(row.getBytes(StandardCharsets.UTF_8)));
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (SQLException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("could not read " + database, e);
        }
    }

    private static List<String> tables(Statement s) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (ResultSet rs = s.executeQuery("SELECT name FROM sqlite_master WHERE type = 'table' "
                + "AND name NOT LIKE 'sqlite_%' ORDER BY name")) {
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
        }
        return tables;
    }

    /** Every row of the table as text, sorted, so that the order rows come back in does not matter. */
    private static List<String> rows(Statement s, String table) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (ResultSet rs = s.executeQuery("SELECT * FROM \"" + table + "\"")) {
            ResultSetMetaData meta = rs.getMetaData();
            while (rs.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    if (!MOVED_BY_USE.contains(meta.getColumnName(i))) {
                        row.append(rs.getString(i)).append('\u0001');
                    }
                }
                rows.add(row.toString());
            }
        }
        rows.sort(null);
        return rows;
    }
}
