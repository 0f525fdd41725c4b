package io.paperlog.search;

import java.util.List;

/**
 * One result: a paper with what matched in it and around it (my note, annotations, list notes), or a list whose
 * name or description matched. {@code titleHtml} has the matching words marked and TeX rendered.
 */
public record SearchResult(Long paperId, Long listId, String titleHtml, String title, String byline, Integer year,
                           String href, List<SearchHit> hits) {

    public boolean isList() {
        return listId != null;
    }
}
