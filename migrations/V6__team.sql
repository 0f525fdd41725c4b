-- Reading together: lists shared within the team, their items (with a reading-group session each), members and
-- discussion; what teammates did (activity) and what waits for each person (notifications).
-- Timestamps are UTC ISO-8601 text and dates YYYY-MM-DD text, both written by the application.

-- A list's visibility: private (its owner only), team (every active account may view it) or members (the
-- accounts in list_member). Its owner may do everything; a member is a viewer (read, comment) or an editor (add,
-- remove, reorder, item notes, schedule). version counts changes to the items' set and order, so that a reorder
-- based on an older order is refused. The public link's token is kept as it is (not hashed): it only ever shows
-- the list's name, description, items and dates, and its owner must be able to copy it again.
CREATE TABLE reading_list (
    id           INTEGER PRIMARY KEY,
    owner_id     INTEGER NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    name         TEXT    NOT NULL CHECK (length(trim(name)) BETWEEN 1 AND 120),
    description  TEXT    NOT NULL DEFAULT '' CHECK (length(description) <= 5000),
    visibility   TEXT    NOT NULL DEFAULT 'private' CHECK (visibility IN ('private', 'team', 'members')),
    public_token TEXT    UNIQUE CHECK (public_token IS NULL OR length(public_token) = 43),
    version      INTEGER NOT NULL DEFAULT 1 CHECK (version > 0),
    created_at   TEXT    NOT NULL,
    updated_at   TEXT    NOT NULL
);
CREATE INDEX reading_list_owner ON reading_list (owner_id);

CREATE TABLE list_member (
    list_id    INTEGER NOT NULL REFERENCES reading_list (id) ON DELETE CASCADE,
    account_id INTEGER NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    role       TEXT    NOT NULL CHECK (role IN ('viewer', 'editor')),
    added_at   TEXT    NOT NULL,
    PRIMARY KEY (list_id, account_id)
) WITHOUT ROWID;
CREATE INDEX list_member_account ON list_member (account_id, list_id);

-- A paper is in a list at most once. position orders the list (gaps allowed). session_on and presenter_id
-- schedule the paper for a reading-group session.
CREATE TABLE list_item (
    id           INTEGER PRIMARY KEY,
    list_id      INTEGER NOT NULL REFERENCES reading_list (id) ON DELETE CASCADE,
    paper_id     INTEGER NOT NULL REFERENCES paper (id) ON DELETE CASCADE,
    position     INTEGER NOT NULL,
    note         TEXT    NOT NULL DEFAULT '' CHECK (length(note) <= 5000),
    added_by     INTEGER REFERENCES account (id) ON DELETE SET NULL,
    added_at     TEXT    NOT NULL,
    session_on   TEXT    CHECK (session_on IS NULL OR date(session_on) = session_on),
    presenter_id INTEGER REFERENCES account (id) ON DELETE SET NULL,
    UNIQUE (list_id, paper_id)
);
CREATE INDEX list_item_order ON list_item (list_id, position);

CREATE TABLE list_comment (
    id         INTEGER PRIMARY KEY,
    item_id    INTEGER NOT NULL REFERENCES list_item (id) ON DELETE CASCADE,
    author_id  INTEGER NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    body       TEXT    NOT NULL CHECK (length(trim(body)) BETWEEN 1 AND 5000),
    created_at TEXT    NOT NULL,
    updated_at TEXT    NOT NULL
);
CREATE INDEX list_comment_item ON list_comment (item_id, id);

-- One person's calendar link for one list's sessions (kept as it is, for the same reason as the public link);
-- it answers only while the person's account is active and they may still view the list.
CREATE TABLE list_calendar (
    token      TEXT    PRIMARY KEY CHECK (length(token) = 43),
    list_id    INTEGER NOT NULL REFERENCES reading_list (id) ON DELETE CASCADE,
    account_id INTEGER NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    UNIQUE (list_id, account_id)
) WITHOUT ROWID;

-- What someone did; detail holds the new status, a rating as people read it ("3.5") or a session's date. Who may
-- see an entry is decided when the feed is read, from what is visible then (sharing settings, an annotation's
-- visibility, access to a list), so hiding something also hides its past.
CREATE TABLE activity (
    id            INTEGER PRIMARY KEY,
    actor_id      INTEGER NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    kind          TEXT    NOT NULL CHECK (kind IN ('status', 'rating', 'annotation', 'reply', 'list', 'item',
                                                   'comment', 'session', 'member')),
    paper_id      INTEGER REFERENCES paper (id) ON DELETE CASCADE,
    list_id       INTEGER REFERENCES reading_list (id) ON DELETE CASCADE,
    item_id       INTEGER REFERENCES list_item (id) ON DELETE CASCADE,
    annotation_id INTEGER REFERENCES annotation (id) ON DELETE CASCADE,
    reply_id      INTEGER REFERENCES annotation_reply (id) ON DELETE CASCADE,
    comment_id    INTEGER REFERENCES list_comment (id) ON DELETE CASCADE,
    subject_id    INTEGER REFERENCES account (id) ON DELETE CASCADE,
    detail        TEXT    NOT NULL DEFAULT '' CHECK (length(detail) <= 40),
    at            TEXT    NOT NULL
);
CREATE INDEX activity_by_actor ON activity (actor_id, id DESC);
CREATE INDEX activity_by_list ON activity (list_id, id DESC);

-- What waits for one person: an entry of the activity, and why it concerns them. A mail sender can later send
-- the rows it has not sent yet; in the app they are read at /notifications.
CREATE TABLE notification (
    id           INTEGER PRIMARY KEY,
    recipient_id INTEGER NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    activity_id  INTEGER NOT NULL REFERENCES activity (id) ON DELETE CASCADE,
    reason       TEXT    NOT NULL CHECK (reason IN ('reply', 'comment', 'added', 'presenting')),
    read_at      TEXT,
    UNIQUE (recipient_id, activity_id)
);
CREATE INDEX notification_for ON notification (recipient_id, read_at, id DESC);

-- What happened before the feed existed (status changes, ratings, shared annotations and their replies), in the
-- order it happened, so that newer entries have larger ids.
INSERT INTO activity (actor_id, kind, paper_id, annotation_id, reply_id, detail, at)
    SELECT actor_id, kind, paper_id, annotation_id, reply_id, detail, at FROM (
        SELECT user_id AS actor_id, 'status' AS kind, paper_id, NULL AS annotation_id, NULL AS reply_id,
               to_status AS detail, at, 1 AS source, id AS source_id
        FROM status_event
        UNION ALL
        SELECT user_id, 'rating', paper_id, NULL, NULL,
               CAST(halves / 2 AS TEXT) || CASE WHEN halves % 2 = 1 THEN '.5' ELSE '' END, updated_at, 2, 0 FROM rating
        UNION ALL
        SELECT user_id, 'annotation', paper_id, id, NULL, '', created_at, 3, id FROM annotation WHERE visibility = 'team'
        UNION ALL
        SELECT r.user_id, 'reply', a.paper_id, a.id, r.id, '', r.created_at, 4, r.id
        FROM annotation_reply r JOIN annotation a ON a.id = r.annotation_id
    ) ORDER BY at, source, source_id;
