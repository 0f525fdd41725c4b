package io.paperlog.search;

import io.paperlog.search.SearchQuery.Scope;
import java.util.ArrayList;
import java.util.List;

/**
 * The FTS5 expression a search runs (migration V19): the typed words in the five text columns only, so that no
 * word reaches the {@code access} column, and that column's words for what the viewer might see and the kinds
 * {@code in:} asks for. The access words only narrow what is ranked; SearchStore decides visibility in SQL.
 */
final class SearchAccess {

    private static final String TEXT_COLUMNS = "{title authors abstract body quote}";

    private SearchAccess() {}

    /** The query's words (which must be there), among what {@code viewerId} might see. */
    static String expression(SearchQuery query, long viewerId) {
        String expression = "(" + inText(query.matchExpression()) + ") AND ({access} : (\"everyone\" OR \"shared\" OR \"u"
                + viewerId + "\"))";
        List<String> kinds = kinds(query);
        return kinds.isEmpty() ? expression
                : expression + " AND ({access} : (" + String.join(" OR ", kinds.stream().map(k -> '"' + k + '"').toList()) + "))";
    }

    /** An expression of typed words, matched in the text columns only. */
    static String inText(String expression) {
        return TEXT_COLUMNS + " : (" + expression + ")";
    }

    /** The kinds of documents {@code in:} asks for; none for all. */
    static List<String> kinds(SearchQuery query) {
        List<String> kinds = new ArrayList<>();
        for (Scope scope : query.scopes()) {
            switch (scope) {
                case PAPERS -> kinds.add("paper");
                case NOTES -> kinds.add("note");
                case ANNOTATIONS -> kinds.addAll(List.of("annotation", "reply"));
                case LISTS -> kinds.addAll(List.of("list", "item"));
            }
        }
        return kinds;
    }
}
