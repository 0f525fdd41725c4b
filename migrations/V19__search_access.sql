-- Search, faster: each row of the index also carries what it is and who may possibly see it, as words in a sixth
-- column, `access`, that no typed search reaches (the words a person types are matched in the five text columns
-- only). A search adds `{access} : ("everyone" OR "shared" OR "u<viewer>")` (and the kinds `in:` asks for) to its
-- expression, so FTS5 leaves out other people's private notes and annotations before anything is ranked, instead
-- of bm25 scoring every match for SQL to throw most away. These words narrow, they do not decide: SearchStore
-- still checks every row it shows against its source (a note's owner, an annotation's visibility and its author
-- being active, access to a list), so a stale word could hide a row but never show one.
--   the kind      paper, note, annotation, reply, list or item
--   everyone      a paper, a list, a list item's note (who may see a list is checked in SQL; lists are few)
--   u<id>         the author of a note or an annotation; for a reply, the author of the annotation it answers
--   shared        an annotation shared with the team, and every reply to one
DROP TRIGGER search_doc_indexed;
DROP TRIGGER search_doc_unindexed;
DROP VIEW search_fts_input;
DROP TABLE search_fts;

CREATE VIRTUAL TABLE search_fts USING fts5 (
    title, authors, abstract, body, quote, access,
    content = '', contentless_delete = 1,
    tokenize = 'porter unicode61 remove_diacritics 2',
    prefix = '2 3'
);

-- As in V15 (the letters unicode61 does not fold replaced), plus the access words.
CREATE VIEW search_fts_input AS
    SELECT d.id,
           replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(d.title, 'Ł', 'L'), 'ł', 'l'), 'Ø', 'O'), 'ø', 'o'), 'Đ', 'D'), 'đ', 'd'), 'Ð', 'D'), 'ð', 'd'), 'Ħ', 'H'), 'ħ', 'h'), 'ı', 'i'), 'Ŧ', 'T'), 'ŧ', 't'), 'ß', 'ss'), 'Æ', 'AE'), 'æ', 'ae'), 'Œ', 'OE'), 'œ', 'oe'), 'Þ', 'TH'), 'þ', 'th') AS title,
           replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(d.authors, 'Ł', 'L'), 'ł', 'l'), 'Ø', 'O'), 'ø', 'o'), 'Đ', 'D'), 'đ', 'd'), 'Ð', 'D'), 'ð', 'd'), 'Ħ', 'H'), 'ħ', 'h'), 'ı', 'i'), 'Ŧ', 'T'), 'ŧ', 't'), 'ß', 'ss'), 'Æ', 'AE'), 'æ', 'ae'), 'Œ', 'OE'), 'œ', 'oe'), 'Þ', 'TH'), 'þ', 'th') AS authors,
           replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(d.abstract, 'Ł', 'L'), 'ł', 'l'), 'Ø', 'O'), 'ø', 'o'), 'Đ', 'D'), 'đ', 'd'), 'Ð', 'D'), 'ð', 'd'), 'Ħ', 'H'), 'ħ', 'h'), 'ı', 'i'), 'Ŧ', 'T'), 'ŧ', 't'), 'ß', 'ss'), 'Æ', 'AE'), 'æ', 'ae'), 'Œ', 'OE'), 'œ', 'oe'), 'Þ', 'TH'), 'þ', 'th') AS abstract,
           replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(d.body, 'Ł', 'L'), 'ł', 'l'), 'Ø', 'O'), 'ø', 'o'), 'Đ', 'D'), 'đ', 'd'), 'Ð', 'D'), 'ð', 'd'), 'Ħ', 'H'), 'ħ', 'h'), 'ı', 'i'), 'Ŧ', 'T'), 'ŧ', 't'), 'ß', 'ss'), 'Æ', 'AE'), 'æ', 'ae'), 'Œ', 'OE'), 'œ', 'oe'), 'Þ', 'TH'), 'þ', 'th') AS body,
           replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(d.quote, 'Ł', 'L'), 'ł', 'l'), 'Ø', 'O'), 'ø', 'o'), 'Đ', 'D'), 'đ', 'd'), 'Ð', 'D'), 'ð', 'd'), 'Ħ', 'H'), 'ħ', 'h'), 'ı', 'i'), 'Ŧ', 'T'), 'ŧ', 't'), 'ß', 'ss'), 'Æ', 'AE'), 'æ', 'ae'), 'Œ', 'OE'), 'œ', 'oe'), 'Þ', 'TH'), 'þ', 'th') AS quote,
           d.kind || ' ' || CASE d.kind
               WHEN 'note' THEN 'u' || d.user_id
               WHEN 'annotation' THEN 'u' || d.user_id || iif(a.visibility = 'team', ' shared', '')
               WHEN 'reply' THEN 'u' || ra.user_id || iif(ra.visibility = 'team', ' shared', '')
               ELSE 'everyone'
           END AS access
    FROM search_doc d
    LEFT JOIN annotation a ON d.kind = 'annotation' AND a.id = d.source_id
    LEFT JOIN annotation_reply r ON d.kind = 'reply' AND r.id = d.source_id
    LEFT JOIN annotation ra ON ra.id = r.annotation_id;

CREATE TRIGGER search_doc_indexed AFTER INSERT ON search_doc BEGIN
    INSERT INTO search_fts (rowid, title, authors, abstract, body, quote, access)
        SELECT id, title, authors, abstract, body, quote, access FROM search_fts_input WHERE id = new.id;
END;
CREATE TRIGGER search_doc_unindexed AFTER DELETE ON search_doc BEGIN
    DELETE FROM search_fts WHERE rowid = old.id;
END;

-- Sharing or unsharing an annotation changes who may see it and its replies: index their rows again.
CREATE TRIGGER search_annotation_shared AFTER UPDATE OF visibility ON annotation
WHEN old.visibility IS NOT new.visibility BEGIN
    DELETE FROM search_fts WHERE rowid IN (
        SELECT id FROM search_doc WHERE kind = 'annotation' AND source_id = new.id
        UNION ALL
        SELECT d.id FROM search_doc d JOIN annotation_reply r ON d.kind = 'reply' AND d.source_id = r.id
        WHERE r.annotation_id = new.id);
    INSERT INTO search_fts (rowid, title, authors, abstract, body, quote, access)
        SELECT id, title, authors, abstract, body, quote, access FROM search_fts_input WHERE id IN (
            SELECT id FROM search_doc WHERE kind = 'annotation' AND source_id = new.id
            UNION ALL
            SELECT d.id FROM search_doc d JOIN annotation_reply r ON d.kind = 'reply' AND d.source_id = r.id
            WHERE r.annotation_id = new.id);
END;

INSERT INTO search_fts (rowid, title, authors, abstract, body, quote, access)
    SELECT id, title, authors, abstract, body, quote, access FROM search_fts_input;
