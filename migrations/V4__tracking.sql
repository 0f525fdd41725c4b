-- Personal reading tracking: statuses (with their history), ratings, notes (with revisions), privacy.
-- Every row belongs to one account; timestamps are UTC ISO-8601 text, dates YYYY-MM-DD text, both written
-- by the application. A paper with no reading_status row has the status "none".

CREATE TABLE reading_status (
    user_id     INTEGER NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    paper_id    INTEGER NOT NULL REFERENCES paper (id) ON DELETE CASCADE,
    status      TEXT    NOT NULL CHECK (status IN ('none', 'want', 'reading', 'read', 'abandoned')),
    started_on  TEXT    CHECK (started_on IS NULL OR started_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    finished_on TEXT    CHECK (finished_on IS NULL OR finished_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    times_read  INTEGER NOT NULL DEFAULT 0 CHECK (times_read >= 0),
    rereads     INTEGER NOT NULL DEFAULT 0 CHECK (rereads >= 0),
    updated_at  TEXT    NOT NULL,
    PRIMARY KEY (user_id, paper_id),
    CHECK (started_on IS NULL OR finished_on IS NULL OR finished_on >= started_on)
) WITHOUT ROWID;
CREATE INDEX reading_status_by_status ON reading_status (user_id, status);

-- Every change of status, oldest first: feeds the stats now and the team's activity later.
CREATE TABLE status_event (
    id          INTEGER PRIMARY KEY,
    user_id     INTEGER NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    paper_id    INTEGER NOT NULL REFERENCES paper (id) ON DELETE CASCADE,
    from_status TEXT    NOT NULL CHECK (from_status IN ('none', 'want', 'reading', 'read', 'abandoned')),
    to_status   TEXT    NOT NULL CHECK (to_status IN ('none', 'want', 'reading', 'read', 'abandoned')),
    at          TEXT    NOT NULL
);
CREATE INDEX status_event_by_user ON status_event (user_id, at);

-- Stars in half steps, stored as halves: 1 = 0.5 stars ... 10 = 5 stars. Clearing deletes the row.
CREATE TABLE rating (
    user_id    INTEGER NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    paper_id   INTEGER NOT NULL REFERENCES paper (id) ON DELETE CASCADE,
    halves     INTEGER NOT NULL CHECK (halves BETWEEN 1 AND 10),
    updated_at TEXT    NOT NULL,
    PRIMARY KEY (user_id, paper_id)
) WITHOUT ROWID;

-- One Markdown note per person per paper; revision counts saves and guards against lost updates.
CREATE TABLE note (
    user_id    INTEGER NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    paper_id   INTEGER NOT NULL REFERENCES paper (id) ON DELETE CASCADE,
    body       TEXT    NOT NULL CHECK (length(body) <= 100000),
    revision   INTEGER NOT NULL CHECK (revision > 0),
    visibility TEXT    NOT NULL DEFAULT 'private' CHECK (visibility IN ('private', 'team')),
    updated_at TEXT    NOT NULL,
    PRIMARY KEY (user_id, paper_id)
) WITHOUT ROWID;

-- Every save of a note; the application keeps at least the latest 50 per note.
CREATE TABLE note_revision (
    user_id    INTEGER NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    paper_id   INTEGER NOT NULL REFERENCES paper (id) ON DELETE CASCADE,
    revision   INTEGER NOT NULL,
    body       TEXT    NOT NULL,
    created_at TEXT    NOT NULL,
    PRIMARY KEY (user_id, paper_id, revision)
) WITHOUT ROWID;

-- Whether the team may see a person's statuses and ratings; no row means both are visible (the default).
CREATE TABLE reading_privacy (
    user_id          INTEGER PRIMARY KEY REFERENCES account (id) ON DELETE CASCADE,
    statuses_visible INTEGER NOT NULL DEFAULT 1 CHECK (statuses_visible IN (0, 1)),
    ratings_visible  INTEGER NOT NULL DEFAULT 1 CHECK (ratings_visible IN (0, 1))
);
