-- Annotations on abstracts, in the shape of the W3C Web Annotation model: a TextQuoteSelector (quote_exact,
-- quote_prefix, quote_suffix) and a TextPositionSelector (position_start inclusive, position_end exclusive, in
-- UTF-16 code units of paper.abstract as stored), a Markdown body, a colour and a visibility.
-- Timestamps are UTC ISO-8601 (2026-01-31T12:00:00Z), written by the application.
-- A paper with annotations cannot be deleted out from under them (no cascade from paper): annotations are
-- removed only by their owner, or with the owner's account.
CREATE TABLE annotation (
    id             INTEGER PRIMARY KEY,
    user_id        INTEGER NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    paper_id       INTEGER NOT NULL REFERENCES paper (id),
    quote_exact    TEXT    NOT NULL CHECK (length(quote_exact) BETWEEN 1 AND 2000),
    quote_prefix   TEXT    NOT NULL DEFAULT '' CHECK (length(quote_prefix) <= 32),
    quote_suffix   TEXT    NOT NULL DEFAULT '' CHECK (length(quote_suffix) <= 32),
    position_start INTEGER NOT NULL CHECK (position_start >= 0),
    position_end   INTEGER NOT NULL CHECK (position_end > position_start),
    body           TEXT    NOT NULL DEFAULT '' CHECK (length(body) <= 5000),
    colour         TEXT    NOT NULL DEFAULT 'yellow' CHECK (colour IN ('yellow', 'green', 'blue', 'pink')),
    visibility     TEXT    NOT NULL DEFAULT 'private' CHECK (visibility IN ('private', 'team')),
    resolved_at    TEXT,
    created_at     TEXT    NOT NULL,
    updated_at     TEXT    NOT NULL
);
CREATE INDEX annotation_user_created ON annotation (user_id, created_at DESC, id DESC);
CREATE INDEX annotation_paper ON annotation (paper_id, visibility);

CREATE TABLE annotation_tag (
    annotation_id INTEGER NOT NULL REFERENCES annotation (id) ON DELETE CASCADE,
    tag           TEXT    NOT NULL CHECK (length(tag) BETWEEN 1 AND 40),
    PRIMARY KEY (annotation_id, tag)
) WITHOUT ROWID;
CREATE INDEX annotation_tag_tag ON annotation_tag (tag);

-- One level of replies, on team-visible annotations only (enforced by the application).
CREATE TABLE annotation_reply (
    id            INTEGER PRIMARY KEY,
    annotation_id INTEGER NOT NULL REFERENCES annotation (id) ON DELETE CASCADE,
    user_id       INTEGER NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    body          TEXT    NOT NULL CHECK (length(trim(body)) BETWEEN 1 AND 5000),
    created_at    TEXT    NOT NULL
);
CREATE INDEX annotation_reply_annotation ON annotation_reply (annotation_id, created_at);
