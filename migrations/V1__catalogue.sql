-- The catalogue: seeded papers keep id = rank; papers added later get new ids and no rank.
CREATE TABLE paper (
    id         INTEGER PRIMARY KEY,
    rank       INTEGER UNIQUE CHECK (rank IS NULL OR rank > 0),
    title      TEXT    NOT NULL CHECK (length(trim(title)) > 0),
    citations  INTEGER NOT NULL DEFAULT 0 CHECK (citations >= 0),
    abstract   TEXT    NOT NULL,
    created_at TEXT    NOT NULL -- UTC, ISO-8601 (2026-01-31T12:00:00Z), written by the application
);
CREATE INDEX paper_citations ON paper (citations DESC);
CREATE INDEX paper_title ON paper (title COLLATE NOCASE);
