-- Accounts, server-side sessions, invites, password resets and instance settings.
-- Tokens are stored only as SHA-256 hashes (hex); passwords only as argon2id PHC strings.
CREATE TABLE account (
    id                  INTEGER PRIMARY KEY,
    username            TEXT    NOT NULL CHECK (length(username) BETWEEN 3 AND 32),
    display_name        TEXT    NOT NULL CHECK (length(trim(display_name)) > 0),
    password_hash       TEXT    NOT NULL,
    is_admin            INTEGER NOT NULL DEFAULT 0 CHECK (is_admin IN (0, 1)),
    is_active           INTEGER NOT NULL DEFAULT 1 CHECK (is_active IN (0, 1)),
    created_at          TEXT    NOT NULL,
    password_changed_at TEXT    NOT NULL
);
CREATE UNIQUE INDEX account_username ON account (username COLLATE NOCASE);

CREATE TABLE session (
    token_hash   TEXT    PRIMARY KEY,
    account_id   INTEGER NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    csrf_token   TEXT    NOT NULL,
    created_at   TEXT    NOT NULL,
    last_seen_at TEXT    NOT NULL
) WITHOUT ROWID;
CREATE INDEX session_account ON session (account_id);

CREATE TABLE invite (
    id          INTEGER PRIMARY KEY,
    token_hash  TEXT    NOT NULL UNIQUE,
    created_by  INTEGER NOT NULL REFERENCES account (id),
    created_at  TEXT    NOT NULL,
    expires_at  TEXT    NOT NULL,
    used_at     TEXT,
    used_by     INTEGER REFERENCES account (id),
    revoked_at  TEXT
);

CREATE TABLE password_reset (
    id          INTEGER PRIMARY KEY,
    token_hash  TEXT    NOT NULL UNIQUE,
    account_id  INTEGER NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    created_by  INTEGER NOT NULL REFERENCES account (id),
    created_at  TEXT    NOT NULL,
    expires_at  TEXT    NOT NULL,
    used_at     TEXT
);

CREATE TABLE setting (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) WITHOUT ROWID;
INSERT INTO setting (key, value) VALUES ('open_signup', 'false');
