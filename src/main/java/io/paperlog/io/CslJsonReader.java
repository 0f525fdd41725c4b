package io.paperlog.io;

import io.paperlog.io.Bundle.PaperEntry;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * CSL-JSON, as Zotero and most reference managers export it: a list of items with a title, authors
 * ({@code family}/{@code given} or {@code literal}), {@code issued} date parts, a DOI and an address; arXiv papers
 * carry their id in {@code number}, the address or the arXiv DOI. Each paper goes on my reading list as
 * want-to-read when it is not on it yet.
 */
final class CslJsonReader {

    private CslJsonReader() {}

    static Incoming read(JsonNode root) {
        List<Incoming.Entry> entries = new ArrayList<>();
        List<Report.Problem> problems = new ArrayList<>();
        for (int i = 0; i < root.size(); i++) {
            JsonNode item = root.get(i);
            String where = "item " + (i + 1) + (item.path("id").isValueNode() ? " (" + item.path("id").asString() + ")" : "");
            if (!item.isObject()) {
                problems.add(new Report.Problem(where, "It is not an object with a title."));
                continue;
            }
            String title = text(item, "title");
            if (title == null) {
                problems.add(new Report.Problem(where, "It has no title, so it cannot be matched or added."));
                continue;
            }
            String doi = PaperKeys.doi(text(item, "DOI"));
            String arxiv = BibtexReader.firstNonNull(PaperKeys.arxivId(text(item, "number")),
                    PaperKeys.arxivId(text(item, "URL")), BibtexReader.arxivInDoi(doi));
            String venue = text(item, "container-title");
            PaperEntry paper = new PaperEntry(PaperKeys.key(arxiv, doi, title), title, authors(item.path("author")),
                    year(item.path("issued")), venue, arxiv, doi, text(item, "URL"), null, text(item, "abstract"),
                    null, null);
            entries.add(new Incoming.Entry(where, paper, "want", true, null, null, null, null, null, List.of()));
        }
        if (entries.isEmpty() && problems.isEmpty()) {
            problems.add(new Report.Problem("the file", "The list is empty."));
        }
        return Incoming.entries("a CSL-JSON file", entries, problems);
    }

    private static String text(JsonNode item, String name) {
        JsonNode value = item.path(name);
        if (value.isString() || value.isNumber()) {
            String text = value.asString().strip();
            return text.isEmpty() ? null : text;
        }
        return null;
    }

    private static String authors(JsonNode authors) {
        List<String> names = new ArrayList<>();
        for (JsonNode a : authors) {
            String literal = text(a, "literal");
            String name = literal != null ? literal
                    : ((text(a, "given") == null ? "" : text(a, "given") + " ")
                    + (text(a, "family") == null ? "" : text(a, "family"))).strip();
            if (!name.isEmpty()) {
                names.add(name.replace(";", ","));
            }
        }
        return String.join("; ", names);
    }

    private static Integer year(JsonNode issued) {
        JsonNode year = issued.path("date-parts").path(0).path(0);
        if (year.isIntegralNumber()) {
            return year.asInt();
        }
        if (year.isString() && year.asString().matches("\\d{4}")) {
            return Integer.parseInt(year.asString());
        }
        String raw = text(issued, "raw");
        return raw != null && raw.matches("\\d{4}.*") ? Integer.parseInt(raw.substring(0, 4)) : null;
    }
}
