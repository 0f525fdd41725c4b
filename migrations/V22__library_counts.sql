-- How many papers each person's library holds in each tab, kept by triggers in the transaction of every change to
-- statuses and ratings: the library shows these counts on every page, and after any write they were counted again
-- from the person's rows (20-30 ms for 72,000 statuses and 16,000 ratings at 100,000 papers); read here, 6 rows.
-- A tab is a status other than none, or 'none' for the papers rated without one. A count may reach 0 and stay.
--
-- Triggers do only what the change needs: a status changed on the same paper moves the paper between two tabs, and
-- touches "none" only when it was or becomes the paper's only place. The removal of a status from a rated paper
-- adds to "none" only while the account exists: while an account's deletion cascades, it must not add a row for
-- the account being deleted (this table's rows go with it, in any order). Elsewhere a foreign key holds the account.
-- Nothing may write these tables with INSERT OR REPLACE: SQLite fires no delete trigger for the row a REPLACE
-- removes (recursive_triggers is off), and the counts would drift. Paperlog upserts.
CREATE TABLE library_count (
    user_id INTEGER NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    tab     TEXT    NOT NULL CHECK (tab IN ('none', 'want', 'reading', 'read', 'abandoned')),
    papers  INTEGER NOT NULL,
    PRIMARY KEY (user_id, tab)
) WITHOUT ROWID;

-- rows of accounts that are gone (deleted while foreign keys were off) are left out, as the key requires
INSERT INTO library_count (user_id, tab, papers)
    SELECT user_id, status, count(*) FROM reading_status
    WHERE status <> 'none' AND user_id IN (SELECT id FROM account)
    GROUP BY user_id, status;

INSERT INTO library_count (user_id, tab, papers)
    SELECT r.user_id, 'none', count(*) FROM rating r
    WHERE r.user_id IN (SELECT id FROM account)
      AND NOT EXISTS (SELECT 1 FROM reading_status s
                      WHERE s.user_id = r.user_id AND s.paper_id = r.paper_id AND s.status <> 'none')
    GROUP BY r.user_id;

CREATE TRIGGER library_count_status_added AFTER INSERT ON reading_status WHEN new.status <> 'none' BEGIN
    INSERT INTO library_count (user_id, tab, papers) VALUES (new.user_id, new.status, 1)
        ON CONFLICT (user_id, tab) DO UPDATE SET papers = papers + 1;
    UPDATE library_count SET papers = papers - 1 WHERE user_id = new.user_id AND tab = 'none'
        AND EXISTS (SELECT 1 FROM rating WHERE user_id = new.user_id AND paper_id = new.paper_id);
END;

CREATE TRIGGER library_count_status_removed AFTER DELETE ON reading_status WHEN old.status <> 'none' BEGIN
    UPDATE library_count SET papers = papers - 1 WHERE user_id = old.user_id AND tab = old.status;
    INSERT INTO library_count (user_id, tab, papers)
        SELECT old.user_id, 'none', 1 WHERE EXISTS (SELECT 1 FROM rating WHERE user_id = old.user_id AND paper_id = old.paper_id)
            AND EXISTS (SELECT 1 FROM account WHERE id = old.user_id)
        ON CONFLICT (user_id, tab) DO UPDATE SET papers = papers + 1;
END;

CREATE TRIGGER library_count_status_changed AFTER UPDATE OF status ON reading_status
    WHEN old.status IS NOT new.status AND old.user_id = new.user_id AND old.paper_id = new.paper_id BEGIN
    UPDATE library_count SET papers = papers - 1
        WHERE old.status <> 'none' AND user_id = old.user_id AND tab = old.status;
    INSERT INTO library_count (user_id, tab, papers) SELECT new.user_id, new.status, 1 WHERE new.status <> 'none'
        ON CONFLICT (user_id, tab) DO UPDATE SET papers = papers + 1;
    -- a rated paper whose status became none is rated without one; the other way round, it no longer is
    INSERT INTO library_count (user_id, tab, papers)
        SELECT new.user_id, 'none', 1 WHERE new.status = 'none'
            AND EXISTS (SELECT 1 FROM rating WHERE user_id = new.user_id AND paper_id = new.paper_id)
        ON CONFLICT (user_id, tab) DO UPDATE SET papers = papers + 1;
    UPDATE library_count SET papers = papers - 1 WHERE old.status = 'none' AND user_id = new.user_id AND tab = 'none'
        AND EXISTS (SELECT 1 FROM rating WHERE user_id = new.user_id AND paper_id = new.paper_id);
END;

-- a row moved to another person or paper: as the old row removed, then the new one added
CREATE TRIGGER library_count_status_moved AFTER UPDATE OF user_id, paper_id ON reading_status
    WHEN old.user_id <> new.user_id OR old.paper_id <> new.paper_id BEGIN
    UPDATE library_count SET papers = papers - 1
        WHERE old.status <> 'none' AND user_id = old.user_id AND tab = old.status;
    INSERT INTO library_count (user_id, tab, papers)
        SELECT old.user_id, 'none', 1 WHERE old.status <> 'none'
            AND EXISTS (SELECT 1 FROM rating WHERE user_id = old.user_id AND paper_id = old.paper_id)
        ON CONFLICT (user_id, tab) DO UPDATE SET papers = papers + 1;
    INSERT INTO library_count (user_id, tab, papers) SELECT new.user_id, new.status, 1 WHERE new.status <> 'none'
        ON CONFLICT (user_id, tab) DO UPDATE SET papers = papers + 1;
    UPDATE library_count SET papers = papers - 1 WHERE new.status <> 'none' AND user_id = new.user_id AND tab = 'none'
        AND EXISTS (SELECT 1 FROM rating WHERE user_id = new.user_id AND paper_id = new.paper_id);
END;

CREATE TRIGGER library_count_rating_added AFTER INSERT ON rating
    WHEN NOT EXISTS (SELECT 1 FROM reading_status
                     WHERE user_id = new.user_id AND paper_id = new.paper_id AND status <> 'none') BEGIN
    INSERT INTO library_count (user_id, tab, papers) VALUES (new.user_id, 'none', 1)
        ON CONFLICT (user_id, tab) DO UPDATE SET papers = papers + 1;
END;

CREATE TRIGGER library_count_rating_removed AFTER DELETE ON rating
    WHEN NOT EXISTS (SELECT 1 FROM reading_status
                     WHERE user_id = old.user_id AND paper_id = old.paper_id AND status <> 'none') BEGIN
    UPDATE library_count SET papers = papers - 1 WHERE user_id = old.user_id AND tab = 'none';
END;

CREATE TRIGGER library_count_rating_moved AFTER UPDATE OF user_id, paper_id ON rating
    WHEN old.user_id <> new.user_id OR old.paper_id <> new.paper_id BEGIN
    UPDATE library_count SET papers = papers - 1 WHERE user_id = old.user_id AND tab = 'none'
        AND NOT EXISTS (SELECT 1 FROM reading_status
                        WHERE user_id = old.user_id AND paper_id = old.paper_id AND status <> 'none');
    INSERT INTO library_count (user_id, tab, papers)
        SELECT new.user_id, 'none', 1 WHERE NOT EXISTS (SELECT 1 FROM reading_status
                            WHERE user_id = new.user_id AND paper_id = new.paper_id AND status <> 'none')
        ON CONFLICT (user_id, tab) DO UPDATE SET papers = papers + 1;
END;
