-- Search while typing, faster: the last word typed is matched as a prefix too ("transf" finds "transformer"). FTS5
-- answers a prefix from its own index only for the lengths named in `prefix`; any other length it reads the lists
-- of every word that starts so and merges them, which for the start of a common word ("lang", "summ") takes
-- 10-25 ms with 100,000 papers. Prefixes of 4, 5 and 6 characters are now indexed too: about 70 % more index
-- (at 100,000 papers 282 MB instead of 163 MB), and such a prefix answers in well under a millisecond.
-- Longer prefixes are rarer words; a last word that is common as typed is not matched as a prefix (SearchStore).
-- The table is the same as in V19 but for the prefix lengths; its triggers and input view stay.
DROP TABLE search_fts;

CREATE VIRTUAL TABLE search_fts USING fts5 (
    title, authors, abstract, body, quote, access,
    content = '', contentless_delete = 1,
    tokenize = 'porter unicode61 remove_diacritics 2',
    prefix = '2 3 4 5 6'
);

INSERT INTO search_fts (rowid, title, authors, abstract, body, quote, access)
    SELECT id, title, authors, abstract, body, quote, access FROM search_fts_input;
