package io.paperlog.bench;

import io.paperlog.testing.Client;
import io.paperlog.testing.TestApp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Not a test: the real catalogue route, over HTTP on a fresh database, for a person with a status and a rating on
 * all 100 papers against a person with none (the bare catalogue), on the first page (fifty papers). Prints the medians and their ratio; the aim is at
 * most 1.5x. Run it with:
 *
 * <pre>
 * mvn -q test-compile dependency:build-classpath -Dmdep.outputFile=target/test.cp
 * java -cp target/classes:target/test-classes:$(cat target/test.cp) io.paperlog.bench.CatalogueBenchmark
 * </pre>
 */
public final class CatalogueBenchmark {

    static final int WARMUP = 300;
    static final int ROUNDS = 31;
    static final int REQUESTS_PER_ROUND = 40;

    public static void main(String[] args) throws Exception {
        Path folder = Files.createTempDirectory("paperlog-bench");
        try (TestApp app = TestApp.start(folder)) {
            Client bare = app.member("bare");
            Client full = app.member("full");
            String[] statuses = {"want", "reading", "read", "abandoned"};
            for (int id = 1; id <= 100; id++) {
                expect303(full.post("/papers/" + id + "/status", Map.of("status", statuses[id % 4])).statusCode());
                expect303(full.post("/papers/" + id + "/rating", Map.of("rating", String.valueOf(1 + id % 5))).statusCode());
            }
            check(bare.get("/").body(), false);
            check(full.get("/").body(), true);
            double[] medians = Medians.of(() -> fetchCatalogue(bare), () -> fetchCatalogue(full), WARMUP, ROUNDS,
                    REQUESTS_PER_ROUND);
            System.out.printf("GET / for a person with no statuses or ratings : median %.3f ms per request%n", medians[0]);
            System.out.printf("GET / for a person with 100 statuses + ratings : median %.3f ms per request%n", medians[1]);
            System.out.printf("ratio, 100 marks / none: %.2fx (aim: at most 1.5x)%n", medians[1] / medians[0]);
        }
    }

    private static void expect303(int status) {
        if (status != 303) {
            throw new IllegalStateException("marking a paper answered " + status);
        }
    }

    private static void check(String body, boolean marked) {
        boolean hasMarks = body.contains("class=\"row-track__star is-on\"");
        if (!body.contains("data-paper=\"50\"") || hasMarks != marked) {
            throw new IllegalStateException("the catalogue did not render as expected");
        }
    }

    private static void fetchCatalogue(Client client) {
        if (client.get("/").statusCode() != 200) {
            throw new IllegalStateException("catalogue request failed");
        }
    }
}
