-- Indexes for a large instance (ScaleBenchmark: 100,000 papers, a million statuses), so that a page of 50 is read
-- in the order of an index instead of sorting or scanning everything that matches. Every index ends with the row id,
-- which is how the catalogue breaks ties.

-- The catalogue's "newest" order: year (papers without one last), then citations.
CREATE INDEX paper_newest ON paper (year DESC, citations DESC);

-- The related-papers index's version: the newest added and edited papers, each read from the end of an index.
CREATE INDEX paper_created ON paper (created_at);
CREATE INDEX paper_updated ON paper (updated_at);

-- What the team did with the 50 papers of a page.
CREATE INDEX reading_status_by_paper ON reading_status (paper_id, status);

-- "My rating" order: my ratings, the highest first.
CREATE INDEX rating_by_halves ON rating (user_id, halves DESC);

-- The library by "finished": my papers with a finished date, the latest first.
CREATE INDEX reading_status_finished ON reading_status (user_id, finished_on DESC) WHERE finished_on IS NOT NULL;
