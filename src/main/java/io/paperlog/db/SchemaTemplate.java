package io.paperlog.db;

import io.paperlog.StartupException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * The database the migrations make, made once by the build instead of at every first start: {@code db/template.db}
 * is the file Flyway migrated while building (the one jOOQ's code is generated from), and
 * {@code db/schema-history.csv} lists the migrations it applied. A new database starts as a copy of the template,
 * and a database whose schema history is exactly that list is current, so starting needs no migration and no
 * Flyway at all. Anything else (an older schema, a newer one, a failed migration, a build without the template)
 * goes through Flyway as before.
 */
final class SchemaTemplate {

    static final String TEMPLATE = "db/template.db";
    static final String HISTORY = "db/schema-history.csv";

    private SchemaTemplate() {}

    /** Puts a copy of the template at {@code file} if nothing (or an empty file) is there; false without a template. */
    static boolean copyIfAbsent(Path file) {
        if (hasContent(file)) {
            return false;
        }
        try (InputStream template = SchemaTemplate.class.getClassLoader().getResourceAsStream(TEMPLATE)) {
            if (template == null) {
                return false;
            }
            Path partial = file.resolveSibling(file.getFileName() + ".new");
            Files.copy(template, partial, StandardCopyOption.REPLACE_EXISTING);
            Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
            return true;
        } catch (IOException e) {
            throw new StartupException("cannot create " + file + ": " + e.getMessage(), e);
        }
    }

    private static boolean hasContent(Path file) {
        try {
            return Files.exists(file) && Files.size(file) > 0;
        } catch (IOException e) {
            return true; // not ours to replace; opening it reports the problem
        }
    }

    /** Whether the database has applied exactly the migrations the template has, each successfully. */
    static boolean isCurrent(DataSource dataSource) {
        List<String> expected = expectedHistory();
        if (expected.isEmpty()) {
            return false;
        }
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement()) {
            try (ResultSet table = statement.executeQuery(
                    "select 1 from sqlite_master where type = 'table' and name = 'flyway_schema_history'")) {
                if (!table.next()) {
                    return false;
                }
            }
            List<String> applied = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery(
                    "select version, checksum, success from flyway_schema_history order by installed_rank")) {
                while (rows.next()) {
                    applied.add(rows.getString(1) + "," + rows.getString(2) + "," + rows.getInt(3));
                }
            }
            return applied.equals(expected);
        } catch (SQLException e) {
            return false; // Flyway reads the history again and says what is wrong with it
        }
    }

    private static List<String> expectedHistory() {
        try (InputStream in = SchemaTemplate.class.getClassLoader().getResourceAsStream(HISTORY)) {
            if (in == null) {
                return List.of();
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .map(String::strip).filter(line -> !line.isEmpty()).toList();
        } catch (IOException e) {
            return List.of();
        }
    }
}
