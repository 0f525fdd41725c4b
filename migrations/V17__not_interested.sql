-- "Not interested" on /next: a person's papers that they do not want suggested, which also pushes papers like them
-- down their suggestions. Private to the person; undoing it deletes the row.
CREATE TABLE not_interested (
    user_id    INTEGER NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    paper_id   INTEGER NOT NULL REFERENCES paper (id) ON DELETE CASCADE,
    created_at TEXT    NOT NULL,
    PRIMARY KEY (user_id, paper_id)
) WITHOUT ROWID;

-- A number that changes whenever a paper is added or removed or its title or abstract changes, however the write
-- happens: the related-papers index compares it with the number it was built at, in one row read.
CREATE TABLE paper_text_version (
    id      INTEGER PRIMARY KEY CHECK (id = 1),
    version INTEGER NOT NULL
);
INSERT INTO paper_text_version (id, version) VALUES (1, 0);
CREATE TRIGGER paper_text_version_insert AFTER INSERT ON paper
BEGIN
    UPDATE paper_text_version SET version = version + 1 WHERE id = 1;
END;
CREATE TRIGGER paper_text_version_update AFTER UPDATE OF title, abstract ON paper
BEGIN
    UPDATE paper_text_version SET version = version + 1 WHERE id = 1;
END;
CREATE TRIGGER paper_text_version_delete AFTER DELETE ON paper
BEGIN
    UPDATE paper_text_version SET version = version + 1 WHERE id = 1;
END;
