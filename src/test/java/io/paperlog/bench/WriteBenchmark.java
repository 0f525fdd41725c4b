package io.paperlog.bench;

import io.paperlog.testing.Client;
import io.paperlog.testing.TestApp;
import java.lang.management.ManagementFactory;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Not a test: 32 people, each on their own connection, setting statuses and ratings and saving notes as fast as
 * the server acknowledges them (as app.js does it, in place), against the same 32 clients asking {@code /healthz}
 * (the floor: a request that touches no database) in alternating rounds of the same run. Prints the median over
 * rounds of acknowledged writes per second, the latency percentiles of each kind of write, and the errors (any
 * answer but 200 counts). Aims: at least 2,000 status/rating writes/s, a note save's p99 at most 30 ms.
 *
 * <pre>
 * mvn -q test-compile dependency:build-classpath -Dmdep.outputFile=target/test.cp
 * java -cp target/classes:target/test-classes:$(cat target/test.cp) io.paperlog.bench.WriteBenchmark [clients] [rounds]
 * </pre>
 */
public final class WriteBenchmark {

    static final long ROUND_MILLIS = 3_000;
    static final String[] STATUSES = {"want", "reading", "read", "abandoned"};

    public static void main(String[] args) throws Exception {
        int clients = args.length > 0 ? Integer.parseInt(args[0]) : 32;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        Path folder = Files.createTempDirectory("paperlog-writes");
        try (TestApp app = TestApp.start(folder)) {
            List<Writer> writers = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                Client client = app.member("writer" + i);
                writers.add(new Writer(client, client.csrfToken()));
            }
            ExecutorService pool = Executors.newFixedThreadPool(clients);
            run(pool, writers, false, ROUND_MILLIS);
            run(pool, writers, true, ROUND_MILLIS);
            List<Double> floor = new ArrayList<>();
            List<Double> writes = new ArrayList<>();
            List<Double> statusRating = new ArrayList<>();
            Latencies all = new Latencies();
            long errors = 0;
            for (int round = 0; round < rounds; round++) {
                Latencies health = run(pool, writers, false, ROUND_MILLIS);
                floor.add(health.perSecond(health.total()));
                Latencies result = run(pool, writers, true, ROUND_MILLIS);
                writes.add(result.perSecond(result.total()));
                statusRating.add(result.perSecond(result.status.size() + result.rating.size()));
                all.add(result);
                errors += result.errors + health.errors;
            }
            pool.shutdownNow();
            double writesPerSecond = Medians.median(writes);
            double floorPerSecond = Medians.median(floor);
            System.out.printf("%d clients, %d rounds of %d ms; load average %s%n", clients, rounds, ROUND_MILLIS,
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
            System.out.printf("GET /healthz (floor)              : median %8.0f requests/s%n", floorPerSecond);
            System.out.printf("acknowledged writes, all kinds    : median %8.0f writes/s   (%.0f %% of the floor)%n",
                    writesPerSecond, 100 * writesPerSecond / floorPerSecond);
            System.out.printf("acknowledged status + rating      : median %8.0f writes/s   (aim: at least 2,000)%n",
                    Medians.median(statusRating));
            System.out.printf("status  ms: p50 %6.2f  p99 %6.2f  (%d)%n", all.percentile(all.status, 50),
                    all.percentile(all.status, 99), all.status.size());
            System.out.printf("rating  ms: p50 %6.2f  p99 %6.2f  (%d)%n", all.percentile(all.rating, 50),
                    all.percentile(all.rating, 99), all.rating.size());
            System.out.printf("note    ms: p50 %6.2f  p99 %6.2f  (%d)   (aim: p99 at most 30 ms)%n",
                    all.percentile(all.note, 50), all.percentile(all.note, 99), all.note.size());
            System.out.printf("errors (any answer but 200): %d%n", errors);
        }
    }

    /** All clients at once for {@code millis}: writes, or the floor. */
    private static Latencies run(ExecutorService pool, List<Writer> writers, boolean write, long millis)
            throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Latencies>> futures = new ArrayList<>();
        for (Writer writer : writers) {
            futures.add(pool.submit(() -> {
                start.await();
                long until = System.nanoTime() + millis * 1_000_000;
                Latencies latencies = new Latencies();
                while (System.nanoTime() < until) {
                    if (write) {
                        writer.writeOnce(latencies);
                    } else {
                        writer.healthOnce(latencies);
                    }
                }
                return latencies;
            }));
        }
        long started = System.nanoTime();
        start.countDown();
        Latencies total = new Latencies();
        for (Future<Latencies> future : futures) {
            total.add(future.get());
        }
        total.seconds = (System.nanoTime() - started) / 1e9;
        return total;
    }

    /** One person's client: cycles through kinds of write on random papers, keeping the revision of each note. */
    private static final class Writer {
        private final Client client;
        private final String csrf;
        private final int[] noteRevision = new int[101];
        private long count;

        Writer(Client client, String csrf) {
            this.client = client;
            this.csrf = csrf;
        }

        void healthOnce(Latencies latencies) {
            long started = System.nanoTime();
            HttpResponse<String> response = client.get("/healthz");
            latencies.record(latencies.other, started, response.statusCode());
        }

        void writeOnce(Latencies latencies) {
            int paper = 1 + ThreadLocalRandom.current().nextInt(100);
            long kind = count++ % 5;
            long started = System.nanoTime();
            if (kind < 2) {
                HttpResponse<String> response = post("/papers/" + paper + "/status", "row",
                        Map.of("status", STATUSES[(int) (count % STATUSES.length)]));
                latencies.record(latencies.status, started, response.statusCode());
            } else if (kind < 4) {
                HttpResponse<String> response = post("/papers/" + paper + "/rating", "row",
                        Map.of("rating", String.valueOf(1 + count % 5)));
                latencies.record(latencies.rating, started, response.statusCode());
            } else {
                HttpResponse<String> response = post("/papers/" + paper + "/note", "note",
                        Map.of("body", "Note " + count + " on $O(n^2)$ attention.", "base_revision",
                                String.valueOf(noteRevision[paper])));
                latencies.record(latencies.note, started, response.statusCode());
                response.headers().firstValue("X-Note-Revision").ifPresent(r -> noteRevision[paper] = Integer.parseInt(r));
            }
        }

        private HttpResponse<String> post(String path, String fragment, Map<String, String> form) {
            Map<String, String> fields = new java.util.LinkedHashMap<>(form);
            fields.put("_csrf", csrf);
            return client.send("POST", path, fields, Map.of("X-Fragment", fragment));
        }
    }

    /** Milliseconds per acknowledged request, by kind, and how many were not acknowledged. */
    private static final class Latencies {
        final List<Double> status = new ArrayList<>();
        final List<Double> rating = new ArrayList<>();
        final List<Double> note = new ArrayList<>();
        final List<Double> other = new ArrayList<>();
        long errors;
        double seconds;

        void record(List<Double> kind, long startedNanos, int statusCode) {
            if (statusCode == 200) {
                kind.add((System.nanoTime() - startedNanos) / 1e6);
            } else {
                errors++;
            }
        }

        long total() {
            return status.size() + rating.size() + note.size() + other.size();
        }

        double perSecond(long count) {
            return count / seconds;
        }

        void add(Latencies more) {
            status.addAll(more.status);
            rating.addAll(more.rating);
            note.addAll(more.note);
            other.addAll(more.other);
            errors += more.errors;
        }

        double percentile(List<Double> values, int p) {
            if (values.isEmpty()) {
                return Double.NaN;
            }
            List<Double> sorted = new ArrayList<>(values);
            Collections.sort(sorted);
            return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
        }
    }
}
