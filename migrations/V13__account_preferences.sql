-- A person's preferences: the time zone times are shown in (null: the browser's, as app.js reports it) and
-- whether single-key shortcuts are on (WCAG 2.1.4 asks that they can be turned off).
ALTER TABLE account ADD COLUMN time_zone TEXT CHECK (time_zone IS NULL OR length(time_zone) BETWEEN 1 AND 64);
ALTER TABLE account ADD COLUMN shortcuts INTEGER NOT NULL DEFAULT 1 CHECK (shortcuts IN (0, 1));

-- A reply its author changed: when, so that it can say "edited".
ALTER TABLE annotation_reply ADD COLUMN edited_at TEXT;
