package io.paperlog.tracking;

import io.paperlog.db.Database;

/** Account rows for store tests, written directly. */
final class Accounts {

    private Accounts() {}

    static long count(Database db, String sql) {
        return ((Number) db.read().fetchValue(sql)).longValue();
    }

    static long create(Database db, String username) {
        return db.<Long>write(dsl -> {
            dsl.execute("INSERT INTO account (username, display_name, password_hash, created_at, password_changed_at)"
                    + " VALUES (?, ?, 'x', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')", username, username);
            return ((Number) dsl.fetchValue("SELECT id FROM account WHERE username = ?", username)).longValue();
        });
    }
}
