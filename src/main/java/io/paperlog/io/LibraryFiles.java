package io.paperlog.io;

import io.paperlog.io.Bundle.NoteEntry;
import io.paperlog.io.Bundle.PaperEntry;
import io.paperlog.io.Bundle.Person;
import io.paperlog.io.Bundle.RatingEntry;
import io.paperlog.io.Bundle.StatusEntry;
import io.paperlog.papers.BibTex;
import io.paperlog.papers.Paper;
import io.paperlog.web.Json;
import java.io.StringWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * One person's library as a spreadsheet user, a LaTeX user and a Markdown editor read it: {@code library.csv},
 * {@code library.bib} and one file per note, all made from the bundle (so they say exactly what it says).
 */
final class LibraryFiles {

    /** The columns of library.csv, which the CSV import reads back. */
    static final List<String> COLUMNS = List.of("title", "authors", "year", "arxiv", "doi", "status", "rating",
            "started", "finished", "times read", "tags", "note");
    static final CSVFormat CSV = CSVFormat.RFC4180.builder().setHeader(COLUMNS.toArray(String[]::new)).get();

    /** A tracked paper of the person: what the three files have a row, an entry or a file for. */
    record Row(PaperEntry paper, StatusEntry status, RatingEntry rating, NoteEntry note, List<String> tags) {}

    private LibraryFiles() {}

    /** Every paper the person has a status other than none, a rating, a note or a tag on, in the order of their keys. */
    static List<Row> rows(Bundle bundle, Person person) {
        Map<String, PaperEntry> papers = new HashMap<>();
        bundle.papers().forEach(p -> papers.put(p.key(), p));
        Set<String> keys = new TreeSet<>();
        Map<String, StatusEntry> statuses = new HashMap<>();
        Map<String, RatingEntry> ratings = new HashMap<>();
        Map<String, NoteEntry> notes = new HashMap<>();
        person.statuses().stream().filter(s -> !s.status().equals("none")).forEach(s -> statuses.put(s.paper(), s));
        person.ratings().forEach(r -> ratings.put(r.paper(), r));
        person.notes().forEach(n -> notes.put(n.paper(), n));
        keys.addAll(statuses.keySet());
        keys.addAll(ratings.keySet());
        keys.addAll(notes.keySet());
        Map<String, List<String>> tags = new HashMap<>();
        person.tags().forEach(t -> t.papers().forEach(p -> tags.computeIfAbsent(p.paper(), k -> new ArrayList<>())
                .add(t.name())));
        keys.addAll(tags.keySet());
        List<Row> rows = new ArrayList<>();
        for (String key : keys) {
            rows.add(new Row(papers.get(key), statuses.get(key), ratings.get(key), notes.get(key),
                    tags.getOrDefault(key, List.of())));
        }
        return rows;
    }

    static String csv(List<Row> rows) {
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, CSV)) {
            for (Row row : rows) {
                PaperEntry p = row.paper();
                StatusEntry s = row.status();
                printer.printRecord(p.title(), p.authors(), p.year() == null ? "" : p.year(), text(p.arxivId()),
                        text(p.doi()), s == null ? "" : s.status(), row.rating() == null ? "" : stars(row.rating().stars()),
                        s == null ? "" : text(s.startedOn()), s == null ? "" : text(s.finishedOn()),
                        s == null ? "" : s.timesRead(), String.join(", ", row.tags()), row.note() == null ? "" : row.note().body());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /**
     * BibTeX of every tracked paper, each entry as the paper page cites it; a key is made from the paper alone, and
     * papers that would share one (two Touvron 2023 LLaMA papers) are told apart by -2, -3 in the order of their keys.
     */
    static String bibtex(List<Row> rows) {
        StringBuilder bib = new StringBuilder();
        Map<String, Integer> used = new HashMap<>();
        for (Row row : rows) {
            PaperEntry p = row.paper();
            String entry = BibTex.export(new Paper(0, null, p.title(), p.citations() == null ? 0 : p.citations(), "",
                    null, p.arxivId(), p.year(), p.authors(), p.venue(), p.doi(), p.url(), null));
            int brace = entry.indexOf('{');
            int comma = entry.indexOf(',', brace);
            String key = entry.substring(brace + 1, comma);
            int seen = used.merge(key, 1, Integer::sum);
            if (seen > 1) {
                entry = entry.substring(0, brace + 1) + key + "-" + seen + entry.substring(comma);
            }
            bib.append(bib.isEmpty() ? "" : "\n").append(entry);
        }
        return bib.toString();
    }

    /** One Markdown file per note, by file name: a small front matter, then the note as written. */
    static Map<String, String> notes(List<Row> rows) {
        Map<String, String> files = new LinkedHashMap<>();
        for (Row row : rows) {
            if (row.note() == null) {
                continue;
            }
            PaperEntry p = row.paper();
            String name = slug(p.title());
            String file = "notes/" + name + ".md";
            for (int n = 2; files.containsKey(file); n++) {
                file = "notes/" + name + "-" + n + ".md";
            }
            StringBuilder md = new StringBuilder("---\n");
            md.append("title: ").append(Json.write(p.title()).strip()).append('\n');
            if (p.arxivId() != null) {
                md.append("arxiv: \"").append(p.arxivId()).append("\"\n");
            }
            if (row.status() != null) {
                md.append("status: ").append(row.status().status()).append('\n');
            }
            if (row.rating() != null) {
                md.append("rating: ").append(stars(row.rating().stars())).append('\n');
            }
            md.append("---\n\n").append(row.note().body());
            if (!row.note().body().endsWith("\n")) {
                md.append('\n');
            }
            files.put(file, md.toString());
        }
        return files;
    }

    static String stars(double stars) {
        return stars == Math.floor(stars) ? String.valueOf((int) stars) : String.valueOf(stars);
    }

    private static String ascii(String text) {
        String folded = Normalizer.normalize(text, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "");
        return folded.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", " ").strip();
    }

    private static String slug(String title) {
        String slug = ascii(title).replace(' ', '-');
        if (slug.length() > 60) {
            slug = slug.substring(0, 60).replaceAll("-+$", "");
        }
        return slug.isEmpty() ? "note" : slug;
    }




    private static String text(String value) {
        return value == null ? "" : value;
    }
}
