package io.paperlog.papers;

import io.javalin.http.Context;
import io.paperlog.web.Form;
import io.paperlog.web.Text;
import io.paperlog.web.UserError;
import java.time.Year;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A paper as a person adds or edits it: title, authors (one a line, or separated by semicolons), year, venue,
 * abstract, web address, arXiv id and DOI, normalised ({@link Identifiers}). A pasted BibTeX entry
 * ({@code bibtex}) fills every field the form leaves empty.
 */
public record PaperForm(String title, String authors, Integer year, String venue, String abstractText, String url,
                        String arxivId, String doi) {

    static final int MAX_TITLE = 500;
    static final int MAX_AUTHORS = 20_000;
    static final int MAX_VENUE = 300;
    static final int MAX_ABSTRACT = 20_000;
    static final int MAX_URL = 2_000;
    static final int MAX_BIBTEX = 50_000;
    static final String FIELD_BIBTEX = "bibtex";

    public static PaperForm read(Context ctx) {
        return read(Form.of(ctx));
    }

    public static PaperForm read(Form form) {
        Map<String, String> pasted = pasted(form);
        String title = Text.orDefault(oneLine(form.trimmed("title")), oneLine(pasted.get("title")));
        String authorsRaw = Text.orDefault(form.trimmed("authors"), pasted.get("authors"));
        String yearRaw = Text.orDefault(form.trimmed("year"), pasted.get("year"));
        String venue = Text.orDefault(oneLine(form.trimmed("venue")), oneLine(pasted.get("venue")));
        String abstractText = Text.orDefault(form.trimmed("abstract"), pasted.get("abstract"));
        String url = Text.orDefault(form.trimmed("url"), pasted.get("url"));
        String arxivRaw = Text.orDefault(form.trimmed("arxiv"), pasted.get("arxiv"));
        String doiRaw = Text.orDefault(form.trimmed("doi"), pasted.get("doi"));

        if (title == null || title.isEmpty()) {
            form.problem("title", "Please give the paper's title.");
        } else {
            form.atMost("title", title, MAX_TITLE, "A title");
        }
        String authors = authors(authorsRaw == null ? "" : authorsRaw);
        form.atMost("authors", authors, MAX_AUTHORS, "The author list");
        Integer year = year(form, yearRaw);
        if (venue != null) {
            form.atMost("venue", venue, MAX_VENUE, "A venue");
        }
        if (abstractText != null) {
            form.atMost("abstract", abstractText, MAX_ABSTRACT, "An abstract");
        }
        url = url(form, url);
        String arxiv = null;
        if (arxivRaw != null && !arxivRaw.isEmpty()) {
            arxiv = Identifiers.arxiv(arxivRaw).orElse(null);
            if (arxiv == null) {
                form.problem("arxiv", Identifiers.looksLikeDoi(arxivRaw)
                        ? "That looks like a DOI: it goes in the DOI field."
                        : "An arXiv id looks like 2005.14165 (or arXiv:2005.14165v2, or its arxiv.org address).");
            }
        }
        String doi = null;
        if (doiRaw != null && !doiRaw.isEmpty()) {
            doi = Identifiers.doi(doiRaw).orElse(null);
            if (doi == null) {
                form.problem("doi", "A DOI looks like 10.18653/v1/N19-1423 (or its doi.org address).");
            }
        }
        if (arxiv == null && url != null) {
            arxiv = Identifiers.arxiv(url).orElse(null);
        }
        if (doi == null && url != null && arxiv == null) {
            doi = Identifiers.doi(url).orElse(null);
        }
        form.refuseIfInvalid();
        return new PaperForm(title, authors, year, emptyToNull(venue), Text.lf(Text.orDefault(abstractText, "")), url,
                arxiv, doi);
    }

    /** The fields of a pasted entry, by form field; none when nothing was pasted. */
    private static Map<String, String> pasted(Form form) {
        String bibtex = form.trimmed(FIELD_BIBTEX);
        if (bibtex.isEmpty()) {
            return Map.of();
        }
        if (Text.characters(bibtex) > MAX_BIBTEX) {
            form.atMost(FIELD_BIBTEX, bibtex, MAX_BIBTEX, "A BibTeX entry");
            form.refuseIfInvalid();
        }
        try {
            return new HashMap<>(BibTex.asFields(BibTex.read(bibtex)));
        } catch (BibTex.Unreadable unreadable) {
            throw UserError.invalid(FIELD_BIBTEX, unreadable.getMessage());
        }
    }

    /** Names one a line, or separated by semicolons, stored {@code "; "}-separated. */
    static String authors(String raw) {
        return String.join(Paper.AUTHOR_SEPARATOR, Arrays.stream(raw.split("[;\n]"))
                .map(name -> name.strip().replaceAll("\\s+", " ")).filter(name -> !name.isEmpty()).toList());
    }

    private static Integer year(Form form, String raw) {
        if (raw == null || raw.isEmpty()) {
            return null;
        }
        int latest = Year.now().getValue() + 1;
        if (!raw.matches("\\d{4}") || Integer.parseInt(raw) < 1000 || Integer.parseInt(raw) > latest) {
            form.problem("year", "A year has four digits, like 2021, and is no later than " + latest + ".");
            return null;
        }
        return Integer.parseInt(raw);
    }

    private static String url(Form form, String raw) {
        if (raw == null || raw.isEmpty()) {
            return null;
        }
        String lower = raw.toLowerCase(java.util.Locale.ROOT);
        if (!(lower.startsWith("https://") || lower.startsWith("http://")) || raw.length() < 12
                || raw.chars().anyMatch(c -> c <= ' ' || c == 0x7f || c == '"' || c == '<' || c == '>')) {
            form.problem("url", "A web address starts with https:// (or http://) and has no spaces.");
            return null;
        }
        form.atMost("url", raw, MAX_URL, "A web address");
        return raw;
    }

    private static String oneLine(String value) {
        return value == null ? null : value.replaceAll("\\s+", " ").strip();
    }

    private static String emptyToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }

    /** The names as the form shows them: one a line. */
    public List<String> authorList() {
        return Authors.split(authors);
    }
}
