package io.paperlog.bench;

import io.paperlog.testing.Client;
import io.paperlog.testing.TestApp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Not a test: the catalogue with 100,000 generated papers besides the seeded 100, for a person with 1,000 statuses.
 * Times pages over HTTP (first, deep, sorted, filtered by status and year) and prints each one's median and p95;
 * the aim is a p95 of at most 25 ms for a filtered, paginated page. Run it with:
 *
 * <pre>
 * mvn -q test-compile dependency:build-classpath -Dmdep.outputFile=target/test.cp
 * java -cp target/classes:target/test-classes:$(cat target/test.cp) io.paperlog.bench.LargeCatalogueBenchmark
 * </pre>
 */
public final class LargeCatalogueBenchmark {

    static final int PAPERS = 100_000;
    static final int WARMUP = 50;
    static final int REQUESTS = 201;

    public static void main(String[] args) throws Exception {
        Path folder = Files.createTempDirectory("paperlog-large");
        try (TestApp app = TestApp.start(folder)) {
            Client reader = app.member("reader");
            generate(app.databaseFile());
            String[] statuses = {"want", "reading", "read", "abandoned"};
            for (int id = 1; id <= 1000; id++) {
                reader.post("/papers/" + (id * 97) + "/status", java.util.Map.of("status", statuses[id % 4]));
            }
            for (String path : List.of("/", "/?page=1000", "/?sort=newest", "/?sort=title&page=500",
                    "/?sort=rating", "/?status=read", "/?year_from=2021&year_to=2022&page=20",
                    "/?sort=newest&status=want&year_from=2015")) {
                time(reader, path);
            }
            System.out.println("Library: ");
            time(reader, "/library");
            time(reader, "/library?status=read&sort=title&page=2");
        }
    }

    private static void generate(Path database) throws Exception {
        Random random = new Random(42);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + database)) {
            c.setAutoCommit(false);
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO paper (title, citations, abstract,"
                    + " created_at, year, authors, venue) VALUES (?, ?, ?, '2026-01-01T00:00:00Z', ?, ?, ?)")) {
                for (int i = 0; i < PAPERS; i++) {
                    insert.setString(1, "Generated paper " + i + " on attention and retrieval");
                    insert.setInt(2, random.nextInt(5000));
                    insert.setString(3, "An abstract of some length about language models. ".repeat(12));
                    insert.setInt(4, 2000 + random.nextInt(26));
                    insert.setString(5, "Ada Lovelace; Alan Turing; Grace Hopper; Author " + i);
                    insert.setString(6, i % 3 == 0 ? "ACL " + (2000 + i % 26) : null);
                    insert.addBatch();
                    if (i % 5000 == 4999) {
                        insert.executeBatch();
                    }
                }
                insert.executeBatch();
            }
            c.commit();
            c.createStatement().execute("ANALYZE");
        }
    }

    private static void time(Client client, String path) {
        for (int i = 0; i < WARMUP; i++) {
            fetch(client, path);
        }
        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < REQUESTS; i++) {
            long start = System.nanoTime();
            fetch(client, path);
            millis.add((System.nanoTime() - start) / 1e6);
        }
        Collections.sort(millis);
        System.out.printf("GET %-45s median %6.2f ms   p95 %6.2f ms%n", path, millis.get(REQUESTS / 2),
                millis.get((int) Math.ceil(REQUESTS * 0.95) - 1));
    }

    private static void fetch(Client client, String path) {
        int status = client.get(path).statusCode();
        if (status != 200) {
            throw new IllegalStateException(path + " answered " + status);
        }
    }
}
