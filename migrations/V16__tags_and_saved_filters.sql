-- Personal tags and saved filters. Both belong to one account and nobody else ever sees them.
-- A tag's name is kept as its owner first typed it (or last renamed it); name_key is the name folded to lower case
-- (NFC), so that "RLHF" and "rlhf" are one tag per person. The application normalises and checks names; the checks
-- here are the last line.
CREATE TABLE tag (
    id         INTEGER PRIMARY KEY,
    user_id    INTEGER NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    name       TEXT    NOT NULL CHECK (length(name) BETWEEN 1 AND 40 AND instr(name, ',') = 0),
    name_key   TEXT    NOT NULL CHECK (length(name_key) BETWEEN 1 AND 40),
    created_at TEXT    NOT NULL,
    UNIQUE (user_id, name_key)
);

-- Which of a person's tags a paper carries: the tag says whose it is.
CREATE TABLE paper_tag (
    tag_id   INTEGER NOT NULL REFERENCES tag (id) ON DELETE CASCADE,
    paper_id INTEGER NOT NULL REFERENCES paper (id) ON DELETE CASCADE,
    added_at TEXT    NOT NULL,
    PRIMARY KEY (tag_id, paper_id)
) WITHOUT ROWID;
CREATE INDEX paper_tag_by_paper ON paper_tag (paper_id, tag_id);

-- A named view of the catalogue, the library or a search: which page, and the query string of its filters
-- (normalised by the application: only the parameters that page knows, each checked).
CREATE TABLE saved_filter (
    id         INTEGER PRIMARY KEY,
    user_id    INTEGER NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    name       TEXT    NOT NULL CHECK (length(name) BETWEEN 1 AND 60),
    name_key   TEXT    NOT NULL,
    target     TEXT    NOT NULL CHECK (target IN ('catalogue', 'library', 'search')),
    query      TEXT    NOT NULL CHECK (length(query) <= 2000),
    created_at TEXT    NOT NULL,
    updated_at TEXT    NOT NULL,
    UNIQUE (user_id, name_key)
);
