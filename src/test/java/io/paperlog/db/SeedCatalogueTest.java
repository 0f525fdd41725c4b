package io.paperlog.db;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/**
 * The seeded catalogue, checked against the seed text with a parser written here, independently of
 * the migration that loads it.
 */
class SeedCatalogueTest {

    /** The copy of the seed text at src/test/resources/seed/best-nlp-papers.txt. */
    static final String SEED = "/seed/best-nlp-papers.txt";

    /** One paper as the seed text gives it. */
    record SeedPaper(int rank, String title, long citations, String abstractText) {}

    /** A row of the {@code paper} table, read with plain JDBC. */
    record Row(long id, Integer rank, String title, long citations, String abstractText, String createdAt) {}

    static List<SeedPaper> seed;

    @BeforeAll
    static void parseSeed() throws IOException, URISyntaxException {
        Path file = Path.of(SeedCatalogueTest.class.getResource(SEED).toURI());
        seed = SeedParser.parse(Files.readAllLines(file, StandardCharsets.UTF_8));
    }

    @Test
    void parserFindsRanksOneToAHundredInOrder() {
        assertEquals(IntStream.rangeClosed(1, 100).boxed().toList(),
                seed.stream().map(SeedPaper::rank).toList());
    }

    @Test
    void parserReadsTheFirstPaperFieldByField() {
        SeedPaper first = seed.get(0);
        assertEquals("Language Models are Few-Shot Learners", first.title());
        assertEquals(34_015, first.citations());
        assertTrue(first.abstractText().startsWith("Recent work has demonstrated substantial gains"));
        assertTrue(first.abstractText().endsWith("of GPT-3 in general."));
    }

    @Test
    void parserKeepsTexMarkupAndSpecialCharactersVerbatim() {
        assertTrue(seed.stream().anyMatch(p -> p.title().contains("GPT-$3$")));
        assertTrue(seed.stream().anyMatch(p -> p.title().contains(" & ")));
        assertTrue(seed.stream().anyMatch(p -> p.abstractText().contains("0.1\\%")));
        assertTrue(seed.stream().anyMatch(p -> p.abstractText().contains("\\url{https://")));
    }

    @Test
    void parserRejectsMalformedSeedText() {
        assertThrows(IllegalArgumentException.class,
                () -> SeedParser.parse(List.of("header", "", "1. T", "", "12 thousand citations", "", "abstract")));
        assertThrows(IllegalArgumentException.class,
                () -> SeedParser.parse(List.of("header", "", "1. T", "", "12 citations")));
        assertThrows(IllegalArgumentException.class,
                () -> SeedParser.parse(List.of("header", "", "1. T", "12 citations", "", "abstract")));
    }

    @Test
    void parserGroupsCitationDigitsBySpaces() {
        List<SeedPaper> parsed = SeedParser.parse(List.of("h", "", "1. A", "", "1 234 567 citations", "", "x",
                "", "2. B", "", "7 citations", "", "y"));
        assertEquals(List.of(new SeedPaper(1, "A", 1_234_567, "x"), new SeedPaper(2, "B", 7, "y")), parsed);
    }

    @Test
    void freshDatabaseHoldsExactlyTheSeedPapers(@TempDir Path tempDir) throws SQLException {
        Path file = tempDir.resolve("t.db");
        Database.open(file, 2).close();

        List<Row> rows = readPaperTable(file);

        assertEquals(100, rows.size(), "rows in paper");
        List<Executable> checks = new ArrayList<>();
        for (int k = 0; k < seed.size(); k++) {
            SeedPaper expected = seed.get(k);
            Row row = rows.get(k);
            String where = "rank " + expected.rank() + ": ";
            checks.add(() -> assertEquals(expected.rank(), row.id(), where + "id"));
            checks.add(() -> assertEquals(expected.rank(), row.rank(), where + "rank"));
            checks.add(() -> assertEquals(expected.title(), row.title(), where + "title"));
            checks.add(() -> assertEquals(expected.citations(), row.citations(), where + "citations"));
            checks.add(() -> assertEquals(expected.abstractText(), row.abstractText(),
                    () -> where + "abstract differs " + firstDifference(expected.abstractText(), row.abstractText())));
            checks.add(() -> {
                assertNotNull(row.createdAt(), where + "created_at");
                assertTrue(row.createdAt().matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z"),
                        where + "created_at '" + row.createdAt() + "'");
                // a real instant, not just the right shape
                DateTimeFormatter.ISO_INSTANT.parse(row.createdAt(), Instant::from);
            });
        }
        assertAll(checks);
    }

    /** Where two texts part, with a little context, so a one-character slip in a long abstract is easy to spot. */
    private static String firstDifference(String expected, String actual) {
        if (actual == null) {
            return "(row has no abstract)";
        }
        int i = 0;
        while (i < expected.length() && i < actual.length() && expected.charAt(i) == actual.charAt(i)) {
            i++;
        }
        int from = Math.max(0, i - 20);
        return "at character " + i + ": expected ..." + expected.substring(from, Math.min(expected.length(), i + 20))
                + "... but row has ..." + actual.substring(from, Math.min(actual.length(), i + 20)) + "...";
    }

    private static List<Row> readPaperTable(Path file) throws SQLException {
        List<Row> rows = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
                Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(
                        "SELECT id, rank, title, citations, abstract, created_at, typeof(citations) AS ct"
                                + " FROM paper ORDER BY id")) {
            while (rs.next()) {
                assertEquals("integer", rs.getString("ct"), "citations stored as an integer");
                rows.add(new Row(rs.getLong("id"), rs.getObject("rank", Integer.class),
                        rs.getString("title"), rs.getLong("citations"), rs.getString("abstract"),
                        rs.getString("created_at")));
            }
        }
        return rows;
    }

    /** Reads the seed text: a header line, then per paper "N. Title", blank, "N NNN citations", blank, abstract. */
    static final class SeedParser {

        private static final Pattern TITLE = Pattern.compile("(\\d+)\\. (\\S.*)");
        private static final Pattern CITATIONS = Pattern.compile("(\\d{1,3}(?: \\d{3})*) citations?");

        private SeedParser() {}

        static List<SeedPaper> parse(List<String> lines) {
            List<SeedPaper> papers = new ArrayList<>();
            int i = 1; // line 0 is the header
            while (true) {
                while (i < lines.size() && lines.get(i).isBlank()) {
                    i++;
                }
                if (i >= lines.size()) {
                    return papers;
                }
                Matcher title = match(TITLE, lines, i, "a numbered title");
                expectBlank(lines, i + 1);
                Matcher citations = match(CITATIONS, lines, i + 2, "a citation count");
                expectBlank(lines, i + 3);
                String abstractText = line(lines, i + 4, "an abstract");
                if (abstractText.isBlank()) {
                    throw new IllegalArgumentException("line " + (i + 5) + ": empty abstract");
                }
                if (i + 5 < lines.size() && !lines.get(i + 5).isEmpty()) {
                    throw new IllegalArgumentException("line " + (i + 6) + ": expected a blank line after the abstract");
                }
                papers.add(new SeedPaper(Integer.parseInt(title.group(1)), title.group(2),
                        Long.parseLong(citations.group(1).replace(" ", "")), abstractText));
                i += 5;
            }
        }

        private static Matcher match(Pattern pattern, List<String> lines, int i, String what) {
            Matcher m = pattern.matcher(line(lines, i, what));
            if (!m.matches()) {
                throw new IllegalArgumentException("line " + (i + 1) + ": expected " + what + ", got '"
                        + lines.get(i) + "'");
            }
            return m;
        }

        private static void expectBlank(List<String> lines, int i) {
            if (!line(lines, i, "a blank line").isEmpty()) {
                throw new IllegalArgumentException("line " + (i + 1) + ": expected a blank line, got '"
                        + lines.get(i) + "'");
            }
        }

        private static String line(List<String> lines, int i, String what) {
            if (i >= lines.size()) {
                throw new IllegalArgumentException("expected " + what + " at line " + (i + 1) + ", file ended");
            }
            return lines.get(i);
        }
    }
}
