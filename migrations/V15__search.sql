-- Search: one row of search_doc per thing a person can find (a paper; a note; an annotation's quote and comment;
-- a reply; a list's name and description; a list item's note), kept in step with its source by the triggers
-- below, and an FTS5 index over it. Who may see a row is not decided here but when searching, from the sources
-- themselves (a note's owner, an annotation's visibility, access to a list), so that changing a visibility or a
-- membership needs no reindexing. The text is kept as written; the index gets it folded (below), so that Lukasz
-- finds Łukasz: unicode61 removes diacritics but leaves letters such as Ł, ø, ß that have no decomposition.
-- `paperlog reindex --db FILE` rebuilds both from the sources.
--
-- source_id is the id of the source row (for a note, its paper's id: a note is one person's per paper); user_id
-- is the note's, annotation's or reply's author and 0 for the rest.
CREATE TABLE search_doc (
    id        INTEGER PRIMARY KEY,
    kind      TEXT    NOT NULL CHECK (kind IN ('paper', 'note', 'annotation', 'reply', 'list', 'item')),
    source_id INTEGER NOT NULL,
    user_id   INTEGER NOT NULL DEFAULT 0,
    paper_id  INTEGER,
    list_id   INTEGER,
    title     TEXT    NOT NULL DEFAULT '',
    authors   TEXT    NOT NULL DEFAULT '',
    abstract  TEXT    NOT NULL DEFAULT '',
    body      TEXT    NOT NULL DEFAULT '',
    quote     TEXT    NOT NULL DEFAULT ''
);
CREATE UNIQUE INDEX search_doc_source ON search_doc (kind, source_id, user_id);
CREATE INDEX search_doc_paper ON search_doc (paper_id, kind);

-- Porter stems English words (transformers finds transformer); prefixes of 2 and 3 characters are indexed so
-- that the last word typed is matched as a prefix quickly. contentless_delete: the text lives in search_doc.
CREATE VIRTUAL TABLE search_fts USING fts5 (
    title, authors, abstract, body, quote,
    content = '', contentless_delete = 1,
    tokenize = 'porter unicode61 remove_diacritics 2',
    prefix = '2 3'
);

-- What the index is given for each row: its text with the letters unicode61 does not fold replaced. Each
-- replacement keeps a word one word, so positions in the index are positions in the text as written.
CREATE VIEW search_fts_input AS
    SELECT id,
           replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(title, 'Ł', 'L'), 'ł', 'l'), 'Ø', 'O'), 'ø', 'o'), 'Đ', 'D'), 'đ', 'd'), 'Ð', 'D'), 'ð', 'd'), 'Ħ', 'H'), 'ħ', 'h'), 'ı', 'i'), 'Ŧ', 'T'), 'ŧ', 't'), 'ß', 'ss'), 'Æ', 'AE'), 'æ', 'ae'), 'Œ', 'OE'), 'œ', 'oe'), 'Þ', 'TH'), 'þ', 'th') AS title,
           replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(authors, 'Ł', 'L'), 'ł', 'l'), 'Ø', 'O'), 'ø', 'o'), 'Đ', 'D'), 'đ', 'd'), 'Ð', 'D'), 'ð', 'd'), 'Ħ', 'H'), 'ħ', 'h'), 'ı', 'i'), 'Ŧ', 'T'), 'ŧ', 't'), 'ß', 'ss'), 'Æ', 'AE'), 'æ', 'ae'), 'Œ', 'OE'), 'œ', 'oe'), 'Þ', 'TH'), 'þ', 'th') AS authors,
           replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(abstract, 'Ł', 'L'), 'ł', 'l'), 'Ø', 'O'), 'ø', 'o'), 'Đ', 'D'), 'đ', 'd'), 'Ð', 'D'), 'ð', 'd'), 'Ħ', 'H'), 'ħ', 'h'), 'ı', 'i'), 'Ŧ', 'T'), 'ŧ', 't'), 'ß', 'ss'), 'Æ', 'AE'), 'æ', 'ae'), 'Œ', 'OE'), 'œ', 'oe'), 'Þ', 'TH'), 'þ', 'th') AS abstract,
           replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(body, 'Ł', 'L'), 'ł', 'l'), 'Ø', 'O'), 'ø', 'o'), 'Đ', 'D'), 'đ', 'd'), 'Ð', 'D'), 'ð', 'd'), 'Ħ', 'H'), 'ħ', 'h'), 'ı', 'i'), 'Ŧ', 'T'), 'ŧ', 't'), 'ß', 'ss'), 'Æ', 'AE'), 'æ', 'ae'), 'Œ', 'OE'), 'œ', 'oe'), 'Þ', 'TH'), 'þ', 'th') AS body,
           replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(quote, 'Ł', 'L'), 'ł', 'l'), 'Ø', 'O'), 'ø', 'o'), 'Đ', 'D'), 'đ', 'd'), 'Ð', 'D'), 'ð', 'd'), 'Ħ', 'H'), 'ħ', 'h'), 'ı', 'i'), 'Ŧ', 'T'), 'ŧ', 't'), 'ß', 'ss'), 'Æ', 'AE'), 'æ', 'ae'), 'Œ', 'OE'), 'œ', 'oe'), 'Þ', 'TH'), 'þ', 'th') AS quote
    FROM search_doc;

CREATE TRIGGER search_doc_indexed AFTER INSERT ON search_doc BEGIN
    INSERT INTO search_fts (rowid, title, authors, abstract, body, quote)
        SELECT id, title, authors, abstract, body, quote FROM search_fts_input WHERE id = new.id;
END;
CREATE TRIGGER search_doc_unindexed AFTER DELETE ON search_doc BEGIN
    DELETE FROM search_fts WHERE rowid = old.id;
END;

-- Every source as search_doc rows: used to fill the index here and by the reindex command.
CREATE VIEW search_source AS
    SELECT 'paper' AS kind, id AS source_id, 0 AS user_id, id AS paper_id, NULL AS list_id,
           title, authors, abstract, '' AS body, '' AS quote
    FROM paper
    UNION ALL
    SELECT 'note', paper_id, user_id, paper_id, NULL, '', '', '', body, '' FROM note WHERE body <> ''
    UNION ALL
    SELECT 'annotation', id, user_id, paper_id, NULL, '', '', '', body, quote_exact FROM annotation
    UNION ALL
    SELECT 'reply', r.id, r.user_id, a.paper_id, NULL, '', '', '', r.body, ''
    FROM annotation_reply r JOIN annotation a ON a.id = r.annotation_id
    UNION ALL
    SELECT 'list', id, 0, NULL, id, name, '', '', description, '' FROM reading_list
    UNION ALL
    SELECT 'item', id, 0, paper_id, list_id, '', '', '', note, '' FROM list_item WHERE note <> '';

INSERT INTO search_doc (kind, source_id, user_id, paper_id, list_id, title, authors, abstract, body, quote)
    SELECT kind, source_id, user_id, paper_id, list_id, title, authors, abstract, body, quote FROM search_source;

-- Papers
CREATE TRIGGER search_paper_added AFTER INSERT ON paper BEGIN
    INSERT INTO search_doc (kind, source_id, paper_id, title, authors, abstract)
        VALUES ('paper', new.id, new.id, new.title, new.authors, new.abstract);
END;
CREATE TRIGGER search_paper_changed AFTER UPDATE OF title, authors, abstract ON paper BEGIN
    DELETE FROM search_doc WHERE kind = 'paper' AND source_id = old.id AND user_id = 0;
    INSERT INTO search_doc (kind, source_id, paper_id, title, authors, abstract)
        VALUES ('paper', new.id, new.id, new.title, new.authors, new.abstract);
END;
CREATE TRIGGER search_paper_removed AFTER DELETE ON paper BEGIN
    DELETE FROM search_doc WHERE kind = 'paper' AND source_id = old.id AND user_id = 0;
END;

-- Notes (an empty note has nothing to find)
CREATE TRIGGER search_note_added AFTER INSERT ON note WHEN new.body <> '' BEGIN
    INSERT INTO search_doc (kind, source_id, user_id, paper_id, body)
        VALUES ('note', new.paper_id, new.user_id, new.paper_id, new.body);
END;
CREATE TRIGGER search_note_changed AFTER UPDATE OF body ON note BEGIN
    DELETE FROM search_doc WHERE kind = 'note' AND source_id = old.paper_id AND user_id = old.user_id;
    INSERT INTO search_doc (kind, source_id, user_id, paper_id, body)
        SELECT 'note', new.paper_id, new.user_id, new.paper_id, new.body WHERE new.body <> '';
END;
CREATE TRIGGER search_note_removed AFTER DELETE ON note BEGIN
    DELETE FROM search_doc WHERE kind = 'note' AND source_id = old.paper_id AND user_id = old.user_id;
END;

-- Annotations: the quote and the comment
CREATE TRIGGER search_annotation_added AFTER INSERT ON annotation BEGIN
    INSERT INTO search_doc (kind, source_id, user_id, paper_id, body, quote)
        VALUES ('annotation', new.id, new.user_id, new.paper_id, new.body, new.quote_exact);
END;
CREATE TRIGGER search_annotation_changed AFTER UPDATE OF body, quote_exact ON annotation BEGIN
    DELETE FROM search_doc WHERE kind = 'annotation' AND source_id = old.id AND user_id = old.user_id;
    INSERT INTO search_doc (kind, source_id, user_id, paper_id, body, quote)
        VALUES ('annotation', new.id, new.user_id, new.paper_id, new.body, new.quote_exact);
END;
CREATE TRIGGER search_annotation_removed AFTER DELETE ON annotation BEGIN
    DELETE FROM search_doc WHERE kind = 'annotation' AND source_id = old.id AND user_id = old.user_id;
END;

-- Replies to annotations
CREATE TRIGGER search_reply_added AFTER INSERT ON annotation_reply BEGIN
    INSERT INTO search_doc (kind, source_id, user_id, paper_id, body)
        SELECT 'reply', new.id, new.user_id, paper_id, new.body FROM annotation WHERE id = new.annotation_id;
END;
CREATE TRIGGER search_reply_changed AFTER UPDATE OF body ON annotation_reply BEGIN
    DELETE FROM search_doc WHERE kind = 'reply' AND source_id = old.id AND user_id = old.user_id;
    INSERT INTO search_doc (kind, source_id, user_id, paper_id, body)
        SELECT 'reply', new.id, new.user_id, paper_id, new.body FROM annotation WHERE id = new.annotation_id;
END;
CREATE TRIGGER search_reply_removed AFTER DELETE ON annotation_reply BEGIN
    DELETE FROM search_doc WHERE kind = 'reply' AND source_id = old.id AND user_id = old.user_id;
END;

-- Lists: the name and the description
CREATE TRIGGER search_list_added AFTER INSERT ON reading_list BEGIN
    INSERT INTO search_doc (kind, source_id, list_id, title, body)
        VALUES ('list', new.id, new.id, new.name, new.description);
END;
CREATE TRIGGER search_list_changed AFTER UPDATE OF name, description ON reading_list BEGIN
    DELETE FROM search_doc WHERE kind = 'list' AND source_id = old.id AND user_id = 0;
    INSERT INTO search_doc (kind, source_id, list_id, title, body)
        VALUES ('list', new.id, new.id, new.name, new.description);
END;
CREATE TRIGGER search_list_removed AFTER DELETE ON reading_list BEGIN
    DELETE FROM search_doc WHERE kind = 'list' AND source_id = old.id AND user_id = 0;
END;

-- A list item's note (an item without one has nothing to find)
CREATE TRIGGER search_item_added AFTER INSERT ON list_item WHEN new.note <> '' BEGIN
    INSERT INTO search_doc (kind, source_id, paper_id, list_id, body)
        VALUES ('item', new.id, new.paper_id, new.list_id, new.note);
END;
CREATE TRIGGER search_item_changed AFTER UPDATE OF note ON list_item BEGIN
    DELETE FROM search_doc WHERE kind = 'item' AND source_id = old.id AND user_id = 0;
    INSERT INTO search_doc (kind, source_id, paper_id, list_id, body)
        SELECT 'item', new.id, new.paper_id, new.list_id, new.note WHERE new.note <> '';
END;
CREATE TRIGGER search_item_removed AFTER DELETE ON list_item BEGIN
    DELETE FROM search_doc WHERE kind = 'item' AND source_id = old.id AND user_id = 0;
END;
