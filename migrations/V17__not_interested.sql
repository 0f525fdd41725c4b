-- "Not interested" on /next: a person's papers that they do not want suggested, which also pushes papers like them
-- down their suggestions. Private to the person; undoing it deletes the row.
CREATE TABLE not_interested (
    user_id    INTEGER NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    paper_id   INTEGER NOT NULL REFERENCES paper (id) ON DELETE CASCADE,
    created_at TEXT    NOT NULL,
    PRIMARY KEY (user_id, paper_id)
) WITHOUT ROWID;
