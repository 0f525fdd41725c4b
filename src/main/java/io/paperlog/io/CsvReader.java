package io.paperlog.io;

import io.paperlog.io.Bundle.PaperEntry;
import io.paperlog.tags.TagName;
import io.paperlog.web.UserError;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A CSV file with the columns of library.csv (title at least; the others in any order, any case, any of them
 * left out): one paper per row, with my status, rating, dates, times read and note for it.
 */
final class CsvReader {

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true)
            .setIgnoreHeaderCase(true).setIgnoreEmptyLines(true).get();

    private CsvReader() {}

    static Incoming read(String text) {
        List<Incoming.Entry> entries = new ArrayList<>();
        List<Report.Problem> problems = new ArrayList<>();
        try (CSVParser parser = CSVParser.builder().setReader(new StringReader(text)).setFormat(FORMAT).get()) {
            Map<String, String> columns = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            for (String header : parser.getHeaderNames()) {
                columns.put(header.strip(), header);
            }
            if (!columns.containsKey("title")) {
                throw UserError.invalid("file", "The CSV has no \"title\" column; its first line must name the "
                        + "columns, as library.csv does: " + String.join(", ", LibraryFiles.COLUMNS) + ".");
            }
            for (CSVRecord record : parser) {
                String where = "row " + (record.getRecordNumber() + 1);
                try {
                    entries.add(entry(where, name -> {
                        String header = columns.get(name);
                        return header == null || !record.isSet(header) ? "" : record.get(header).strip();
                    }, record.get(columns.get("title"))));
                } catch (Checks.Refused refused) {
                    problems.add(new Report.Problem(where, refused.getMessage()));
                }
            }
        } catch (UncheckedIOException | IllegalStateException | IllegalArgumentException e) {
            String reason = e.getMessage() == null ? "" : e.getMessage().lines().findFirst().orElse("")
                    .replaceAll("^([\\w$]+\\.)+\\w*(Exception|Error): ", "");
            throw UserError.invalid("file", "The CSV could not be read" + (reason.isEmpty() ? "" : ": "
                    + (reason.length() > 200 ? reason.substring(0, 200) + "…" : reason)) + ".");
        } catch (IOException e) {
            throw UserError.invalid("file", "The CSV could not be read.");
        }
        if (entries.isEmpty() && problems.isEmpty()) {
            throw UserError.invalid("file", "The CSV has no rows below its header.");
        }
        return Incoming.entries("a CSV file", entries, problems);
    }

    private interface Columns {
        String get(String name);
    }

    private static Incoming.Entry entry(String where, Columns c, String rawTitle) {
        String title = rawTitle == null ? "" : rawTitle.strip();
        if (title.isEmpty()) {
            throw new Checks.Refused("It has no title, so it cannot be matched or added.");
        }
        String arxiv = c.get("arxiv").isEmpty() ? null : PaperKeys.arxivId(c.get("arxiv"));
        if (!c.get("arxiv").isEmpty() && arxiv == null) {
            throw new Checks.Refused("The arXiv id " + Checks.shown(c.get("arxiv")) + " is not one.");
        }
        String doi = c.get("doi").isEmpty() ? null : PaperKeys.doi(c.get("doi"));
        if (!c.get("doi").isEmpty() && doi == null) {
            throw new Checks.Refused("The DOI " + Checks.shown(c.get("doi")) + " is not one (10.xxxx/…).");
        }
        Integer year = null;
        if (!c.get("year").isEmpty()) {
            if (!c.get("year").matches("\\d{4}")) {
                throw new Checks.Refused("The year " + Checks.shown(c.get("year")) + " is not a year.");
            }
            year = Integer.parseInt(c.get("year"));
        }
        String status = c.get("status").isEmpty() ? null : c.get("status").toLowerCase(Locale.ROOT);
        if (status != null) {
            Checks.oneOf(status, "The status", ImportStore.STATUSES);
        }
        Double stars = null;
        if (!c.get("rating").isEmpty()) {
            try {
                stars = Double.parseDouble(c.get("rating"));
            } catch (NumberFormatException e) {
                throw new Checks.Refused("The rating " + Checks.shown(c.get("rating")) + " is not a number of stars.");
            }
        }
        Integer times = null;
        if (!c.get("times read").isEmpty()) {
            if (!c.get("times read").matches("\\d{1,6}")) {
                throw new Checks.Refused("Times read " + Checks.shown(c.get("times read")) + " is not a count.");
            }
            times = Integer.parseInt(c.get("times read"));
        }
        String started = Checks.date(c.get("started"), "The start date");
        String finished = Checks.date(c.get("finished"), "The finish date");
        PaperEntry paper = new PaperEntry(PaperKeys.key(arxiv, doi, title), title, c.get("authors"), year, null,
                arxiv, doi, null, null, null, null, null);
        String note = c.get("note").isEmpty() ? null : c.get("note");
        TagName.Parsed tags = TagName.parseMany(c.get("tags"));
        if (!tags.problems().isEmpty()) {
            throw new Checks.Refused("Its tags " + Checks.shown(c.get("tags")) + ": " + tags.problems().get(0));
        }
        return new Incoming.Entry(where, paper, status, false, started, finished, times, stars, note,
                tags.names().stream().map(TagName::name).toList());
    }
}
