package io.paperlog.search;

import java.util.List;

/**
 * A page of results for a query. {@code total} counts results among the matches looked at (the best
 * {@link SearchStore#MAX_DOCUMENTS} ranked; for a common word, the newest; for filters alone, the first papers
 * enough for the page); {@code capped} says there were more.
 */
public record SearchPage(SearchQuery query, List<SearchResult> results, int page, int perPage, int total,
                         boolean capped) {

    public boolean hasNext() {
        return (long) page * perPage < total;
    }

    public boolean hasPrevious() {
        return page > 1;
    }

    public int first() {
        return results.isEmpty() ? 0 : (page - 1) * perPage + 1;
    }

    public int last() {
        return (page - 1) * perPage + results.size();
    }
}
