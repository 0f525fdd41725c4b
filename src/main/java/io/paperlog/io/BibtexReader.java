package io.paperlog.io;

import io.paperlog.io.Bundle.PaperEntry;
import io.paperlog.web.UserError;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jbibtex.BibTeXDatabase;
import org.jbibtex.BibTeXEntry;
import org.jbibtex.BibTeXParser;
import org.jbibtex.BibTeXString;
import org.jbibtex.Key;
import org.jbibtex.LaTeXParser;
import org.jbibtex.LaTeXPrinter;
import org.jbibtex.ParseException;
import org.jbibtex.TokenMgrException;
import org.jbibtex.Value;

/**
 * A BibTeX (or BibLaTeX, as Zotero writes it) file: one paper per entry, matched by its arXiv id (eprint, or an
 * arxiv.org address), DOI or title; each paper not on my reading list yet goes on it as want-to-read.
 */
final class BibtexReader {

    private BibtexReader() {}

    static Incoming read(String text) {
        BibTeXDatabase database;
        try {
            database = new Lenient().parse(new StringReader(text));
        } catch (ParseException | RuntimeException e) {
            String reason = e.getMessage() == null ? "" : e.getMessage().lines().findFirst().orElse("")
                    .replaceAll("^([\\w$]+\\.)+\\w*(Exception|Error): ", "").strip();
            throw UserError.invalid("file", "The BibTeX could not be read" + (reason.isEmpty() ? "" : ": "
                    + (reason.length() > 200 ? reason.substring(0, 200) + "…" : reason)) + ".");
        }
        if (database.getEntries().isEmpty()) {
            throw UserError.invalid("file", "The BibTeX file holds no entries.");
        }
        List<Incoming.Entry> entries = new ArrayList<>();
        List<Report.Problem> problems = new ArrayList<>();
        for (Map.Entry<Key, BibTeXEntry> e : database.getEntries().entrySet()) {
            String where = "entry " + e.getKey().getValue();
            BibTeXEntry entry = e.getValue();
            String title = title(field(entry, "title"));
            if (title == null || title.isBlank()) {
                problems.add(new Report.Problem(where, "It has no title, so it cannot be matched or added."));
                continue;
            }
            String eprint = field(entry, "eprint");
            String arxiv = firstNonNull(PaperKeys.arxivId(eprint), PaperKeys.arxivId(field(entry, "url")),
                    arxivInJournal(field(entry, "journal")), arxivInDoi(field(entry, "doi")));
            String year = firstNonNull(field(entry, "year"), field(entry, "date"));
            String venue = firstNonNull(field(entry, "journal"), field(entry, "journaltitle"), field(entry, "booktitle"));
            if (venue != null && venue.toLowerCase(Locale.ROOT).startsWith("arxiv")) {
                venue = null;
            }
            PaperEntry paper = new PaperEntry(PaperKeys.key(arxiv, PaperKeys.doi(field(entry, "doi")), title), title,
                    authors(field(entry, "author")), year(year), braceless(venue), arxiv,
                    PaperKeys.doi(field(entry, "doi")), field(entry, "url"), null, braceless(field(entry, "abstract")),
                    null, null);
            entries.add(new Incoming.Entry(where, paper, "want", true, null, null, null, null, null, List.of()));
        }
        return Incoming.entries("a BibTeX file", entries, problems);
    }

    /** A parser that leaves an undefined @string or crossref as it is, rather than refusing the file. */
    private static final class Lenient extends BibTeXParser {
        Lenient() throws ParseException, TokenMgrException {}

        @Override
        public void checkStringResolution(Key key, BibTeXString string) {}

        @Override
        public void checkCrossReferenceResolution(Key key, BibTeXEntry entry) {}
    }

    private static String field(BibTeXEntry entry, String name) {
        for (Map.Entry<Key, Value> f : entry.getFields().entrySet()) {
            if (f.getKey().getValue().equalsIgnoreCase(name)) {
                String value = f.getValue().toUserString();
                return value == null || value.isBlank() ? null : value.strip();
            }
        }
        return null;
    }

    /** "Vaswani, Ashish and Shazeer, Noam and others" → "Ashish Vaswani; Noam Shazeer; et al.". */
    static String authors(String raw) {
        if (raw == null) {
            return "";
        }
        List<String> names = new ArrayList<>();
        for (String name : latex(raw).split("\\s+and\\s+")) {
            String n = name.strip();
            if (n.equalsIgnoreCase("others")) {
                names.add("et al.");
            } else if (n.contains(",")) {
                String[] parts = n.split(",", 2);
                names.add((parts[1].strip() + " " + parts[0].strip()).strip());
            } else if (!n.isEmpty()) {
                names.add(n);
            }
        }
        return String.join("; ", names);
    }

    /** TeX accents and groups as the letters they stand for ({\"u} is ü); text LaTeX cannot parse stays as it is. */
    private static String latex(String value) {
        if (value.indexOf('\\') < 0 && value.indexOf('{') < 0) {
            return value;
        }
        try {
            return new LaTeXPrinter().print(new LaTeXParser().parse(value)).strip();
        } catch (ParseException | RuntimeException e) {
            return braceless(value);
        }
    }

    /** A title's TeX accents as letters, unless it holds math, which stays TeX for the pages to render. */
    private static String title(String raw) {
        return raw == null ? null : raw.indexOf('$') >= 0 ? braceless(raw) : braceless(latex(raw));
    }

    /** Braces that protect capitals ({BERT}) go; TeX math stays for the pages to render. */
    static String braceless(String value) {
        return value == null ? null : value.replace("{", "").replace("}", "").replaceAll("\\s+", " ").strip();
    }

    private static Integer year(String raw) {
        if (raw == null || !raw.strip().matches("\\d{4}.*")) {
            return null;
        }
        return Integer.parseInt(raw.strip().substring(0, 4));
    }

    private static String arxivInJournal(String journal) {
        return journal == null ? null : PaperKeys.arxivId(journal.replaceFirst("(?i)^arxiv preprint\\s+", ""));
    }

    static String arxivInDoi(String doi) {
        return doi == null ? null : PaperKeys.arxivId(doi.replaceFirst("(?i)^(https?://doi\\.org/)?10\\.48550/arxiv\\.", ""));
    }

    @SafeVarargs
    static <T> T firstNonNull(T... values) {
        for (T v : values) {
            if (v != null) {
                return v;
            }
        }
        return null;
    }
}
