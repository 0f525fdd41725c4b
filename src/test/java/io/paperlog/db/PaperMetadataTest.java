package io.paperlog.db;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/**
 * The seeded papers' metadata (arXiv id, year, authors, venue, DOI), checked row by row against the copy of the
 * verified metadata file at src/test/resources/seed/paper-metadata.tsv, read here independently of the migration.
 */
class PaperMetadataTest {

    static final String FILE = "/seed/paper-metadata.tsv";
    static final List<String> COLUMNS = List.of("rank", "arxiv_id", "year", "authors", "venue", "doi", "source");

    /** One row of the file; an empty venue or DOI is unknown. */
    record Metadata(int rank, String arxivId, int year, String authors, String venue, String doi) {}

    static Map<Integer, Metadata> expected;

    @TempDir
    static Path folder;

    @BeforeAll
    static void readFile() throws IOException, URISyntaxException {
        List<String> lines = Files.readAllLines(Path.of(PaperMetadataTest.class.getResource(FILE).toURI()),
                StandardCharsets.UTF_8);
        assertEquals(COLUMNS, List.of(lines.get(0).split("\t", -1)), "the file's header");
        expected = new LinkedHashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split("\t", -1);
            assertEquals(COLUMNS.size(), f.length, "fields in: " + line);
            expected.put(Integer.parseInt(f[0]), new Metadata(Integer.parseInt(f[0]), f[1], Integer.parseInt(f[2]), f[3],
                    f[4].isEmpty() ? null : f[4], f[5].isEmpty() ? null : f[5]));
        }
    }

    @Test
    void theFileHasEveryRankOnce() {
        assertEquals(100, expected.size());
        assertEquals(java.util.stream.IntStream.rangeClosed(1, 100).boxed().toList(), List.copyOf(expected.keySet()));
    }

    @Test
    void everySeededPaperCarriesItsMetadataVerbatim() throws SQLException {
        Path file = folder.resolve("metadata.db");
        Database.open(file, 1).close();
        List<Executable> checks = new ArrayList<>();
        int rows = 0;
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT rank, arxiv_id, year, typeof(year) AS yt, authors, venue,"
                        + " doi, url, added_by FROM paper WHERE rank IS NOT NULL ORDER BY rank")) {
            while (rs.next()) {
                rows++;
                int rank = rs.getInt("rank");
                Metadata want = expected.get(rank);
                Metadata got = new Metadata(rank, rs.getString("arxiv_id"), rs.getInt("year"), rs.getString("authors"),
                        rs.getString("venue"), rs.getString("doi"));
                String yearType = rs.getString("yt");
                String url = rs.getString("url");
                Object addedBy = rs.getObject("added_by");
                checks.add(() -> assertEquals(want, got, "rank " + rank));
                checks.add(() -> assertEquals("integer", yearType, "rank " + rank + ": year stored as a number"));
                checks.add(() -> assertEquals(null, url, "rank " + rank + ": seeded papers have no web address"));
                checks.add(() -> assertEquals(null, addedBy, "rank " + rank + ": nobody added a seeded paper"));
            }
        }
        assertEquals(100, rows);
        assertAll(checks);
    }

    @Test
    void twoPapersCannotShareAnArxivIdOrADoiWhateverItsCase() throws SQLException {
        Path file = folder.resolve("unique.db");
        Database.open(file, 1).close();
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement statement = connection.createStatement()) {
            assertThrows(SQLException.class, () -> statement.executeUpdate("INSERT INTO paper (title, abstract,"
                    + " created_at, arxiv_id) VALUES ('Copy', '', '2026-01-01T00:00:00Z', '2005.14165')"));
            assertThrows(SQLException.class, () -> statement.executeUpdate("INSERT INTO paper (title, abstract,"
                    + " created_at, doi) VALUES ('Copy', '', '2026-01-01T00:00:00Z', upper('10.1145/3560815'))"));
            // papers without ids do not clash (the count of changes would include the search index's triggers)
            statement.executeUpdate("INSERT INTO paper (title, abstract, created_at) VALUES"
                    + " ('Without ids', '', '2026-01-01T00:00:00Z')");
            statement.executeUpdate("INSERT INTO paper (title, abstract, created_at) VALUES"
                    + " ('Also without ids', '', '2026-01-01T00:00:00Z')");
            try (ResultSet both = statement.executeQuery("SELECT count(*) FROM paper WHERE arxiv_id IS NULL"
                    + " AND doi IS NULL AND title IN ('Without ids', 'Also without ids')")) {
                assertEquals(2, both.getInt(1), "papers without ids do not clash");
            }
        }
    }
}
