package io.paperlog.bench;

import io.paperlog.testing.Client;
import io.paperlog.testing.TestApp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Not a test: the coverage of a 100-paper list for 20 people, and the activity page over 10,000 entries, over
 * HTTP on a fresh database, against GET /healthz as the floor measured in the same run. Prints each page's median
 * and 95th-percentile time per request over several runs; the aim is a p95 of at most 50 ms. The people, the list
 * and the statuses are made through the real pages; the 10,000 entries are written straight into the activity
 * table (as many status changes through the pages would take minutes). Run it with:
 *
 * <pre>
 * mvn -q test-compile dependency:build-classpath -Dmdep.outputFile=target/test.cp
 * java -cp target/classes:target/test-classes:$(cat target/test.cp) io.paperlog.bench.TeamBenchmark
 * </pre>
 */
public final class TeamBenchmark {

    static final int PEOPLE = 20;
    static final int PAPERS = 100;
    static final int ENTRIES = 10_000;
    static final int RUNS = 5;
    static final int REQUESTS = 100;

    public static void main(String[] args) throws Exception {
        Path folder = Files.createTempDirectory("paperlog-team-bench");
        try (TestApp app = TestApp.start(folder)) {
            List<Client> people = new ArrayList<>();
            for (int i = 0; i < PEOPLE; i++) {
                people.add(app.member(String.format("reader%02d", i)));
            }
            Client owner = people.get(0);
            owner.post("/lists", Map.of("name", "Everything", "visibility", "team"));
            String token = owner.csrfToken();
            for (int paper = 1; paper <= PAPERS; paper++) {
                expect303(owner.post("/lists/1/items", Map.of("_csrf", token, "paper", String.valueOf(paper))).statusCode());
            }
            Random random = new Random(7);
            String[] statuses = {"want", "reading", "read", "read", "abandoned"};
            for (Client person : people) {
                String personToken = person.csrfToken();
                for (int paper = 1; paper <= PAPERS; paper++) {
                    if (random.nextInt(3) > 0) {
                        expect303(person.post("/papers/" + paper + "/status", Map.of("_csrf", personToken,
                                "status", statuses[random.nextInt(statuses.length)])).statusCode());
                    }
                }
            }
            app.app().database().write(dsl -> dsl.execute("WITH RECURSIVE n(v) AS (SELECT 1 UNION ALL "
                    + "SELECT v + 1 FROM n WHERE v < " + ENTRIES + ") "
                    + "INSERT INTO activity (actor_id, kind, paper_id, detail, at) "
                    + "SELECT (SELECT id FROM account WHERE username = printf('reader%02d', v % " + PEOPLE + ")), "
                    + "'status', 1 + (v % " + PAPERS + "), 'read', "
                    + "strftime('%Y-%m-%dT%H:%M:%SZ', '2026-01-01', '+' || v || ' minutes') FROM n"));
            Client viewer = people.get(PEOPLE - 1);
            check(viewer.get("/lists/1/coverage").body(), "data-status=\"read\"");
            check(viewer.get("/activity").body(), "feed__entry");
            double floor = report("GET /healthz (the floor)", time(viewer, "/healthz"), 0);
            report("GET /lists/1/coverage (20 people x 100 papers)", time(viewer, "/lists/1/coverage"), floor);
            report("GET /activity (10,000+ entries)", time(viewer, "/activity"), floor);
            report("GET /lists/1 (100 papers)", time(viewer, "/lists/1"), floor);
        }
    }

    /** RUNS runs of REQUESTS requests after a warm-up: each run's median and p95, in ms. */
    private static List<double[]> time(Client client, String path) {
        for (int i = 0; i < 50; i++) {
            client.get(path);
        }
        List<double[]> runs = new ArrayList<>();
        for (int run = 0; run < RUNS; run++) {
            List<Double> times = new ArrayList<>();
            for (int i = 0; i < REQUESTS; i++) {
                long start = System.nanoTime();
                if (client.get(path).statusCode() != 200) {
                    throw new IllegalStateException(path + " failed");
                }
                times.add((System.nanoTime() - start) / 1e6);
            }
            Collections.sort(times);
            runs.add(new double[] {times.get(times.size() / 2), times.get((int) Math.ceil(times.size() * 0.95) - 1)});
        }
        return runs;
    }

    /** Prints the median of the runs' medians and of their p95s, and the median against {@code floor}; returns it. */
    private static double report(String what, List<double[]> runs, double floor) {
        List<Double> medians = runs.stream().map(r -> r[0]).sorted().toList();
        List<Double> p95s = runs.stream().map(r -> r[1]).sorted().toList();
        double median = medians.get(medians.size() / 2);
        System.out.printf("%-50s median %6.2f ms, p95 %6.2f ms%s (medians of %d runs of %d)%n", what, median,
                p95s.get(p95s.size() / 2), floor > 0 ? String.format(", %.0fx the floor", median / floor) : "",
                RUNS, REQUESTS);
        return median;
    }

    private static void check(String body, String mark) {
        if (!body.contains(mark)) {
            throw new IllegalStateException("the page did not render as expected");
        }
    }

    private static void expect303(int status) {
        if (status != 303) {
            throw new IllegalStateException("a write answered " + status);
        }
    }
}
