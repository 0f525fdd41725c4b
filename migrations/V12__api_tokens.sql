-- Personal tokens for the API: named, scoped (read: only reading; write: reading and changing what the person may
-- change on the pages), with an expiry and the time they were last used. The token itself is shown once; only its
-- SHA-256 (hex) is kept, like a session's. Revoking deletes the row, so a revoked token is unknown at once; so is
-- every token of a deactivated account (checked where a token is looked up) and of a deleted one (cascade).
CREATE TABLE api_token (
    id           INTEGER PRIMARY KEY,
    account_id   INTEGER NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    name         TEXT    NOT NULL CHECK (length(trim(name)) BETWEEN 1 AND 80),
    token_hash   TEXT    NOT NULL UNIQUE CHECK (length(token_hash) = 64),
    scope        TEXT    NOT NULL CHECK (scope IN ('read', 'write')),
    created_at   TEXT    NOT NULL,
    expires_at   TEXT    NOT NULL,
    last_used_at TEXT
);
CREATE INDEX api_token_account ON api_token (account_id, created_at);
