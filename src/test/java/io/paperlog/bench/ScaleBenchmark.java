package io.paperlog.bench;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Not a test: Paperlog at scale (issue 13's scale aim, issue 11's "filtered, paginated page"), on the instance
 * {@link ScaleGenerator} makes (made first when the file does not exist), served by the packaged jar started with
 * the README's run command. Prints:
 * <ul>
 *   <li>the database file's size;</li>
 *   <li>start: launch to the first page (the login page), and to the first catalogue page of a signed-in person
 *       (login included), against bare Javalin answering a constant launched in the same rounds (aim: 2 s);</li>
 *   <li>pages as {@code user001}, who has about 72,000 statuses: the catalogue and the library (first, deep and last
 *       pages, every sort, filtered by status, rating, years and tags) and a few searches, one request at a time.
 *       Every request carries a query parameter of its own ({@code v=N}, which the pages ignore) so that no page
 *       comes from the page cache: the figures are the queries and the rendering. (Values kept per data version
 *       still serve: counts, my tags, the header's, the first part of a library sort, the sets of my papers that deep
 *       pages of my own order walk. So these are the figures of
 *       someone paging and reloading; a few pages are then timed again, each request right after a status of mine
 *       changed, so that nothing kept per version serves.) Each round first requests every page a few times on
 *       both servers, so that the JIT's warm-up is not counted in the first page measured. Then it
 *       prints every page's median and p95 beside the same page's (its first page) on a thousandth of the instance
 *       (200 papers, made beside it by the same generator), served by a second jar in the same round, and
 *       {@code /healthz}; the summary gives the medians over the rounds (aim: p95 at most 30 ms, 25 ms for a
 *       filtered catalogue page).</li>
 * </ul>
 *
 * <pre>
 * mvn -q -o -DskipTests package
 * mvn -q -o test-compile dependency:build-classpath -Dmdep.outputFile=target/test.cp
 * java -cp target/classes:target/test-classes:$(cat target/test.cp) io.paperlog.bench.ScaleBenchmark /tmp/scale.db 3
 * </pre>
 */
public final class ScaleBenchmark {

    static final List<String> CATALOGUE = List.of("/", "/?page=2", "/?page=1000", "/?page=2002", "/?sort=newest",
            "/?sort=newest&page=700", "/?sort=title", "/?sort=title&page=500", "/?sort=rating", "/?sort=rating&page=300",
            "/?status=read", "/?status=read&page=100", "/?status=want&sort=title", "/?status=none&page=10",
            "/?rated=yes&sort=newest", "/?year_from=2021&year_to=2022", "/?year_from=2021&year_to=2022&page=20",
            "/?sort=newest&status=want&year_from=2015", "/?tag=attention", "/?tag=retrieval&status=read&page=2",
            "/?tag=attention&tags_mode=none&page=50");
    static final List<String> LIBRARY = List.of("/library", "/library?page=100", "/library?status=read&sort=title&page=2",
            "/library?status=read&sort=finished", "/library?sort=rating&page=50", "/library?status=want&tag=retrieval",
            "/library?status=abandoned&sort=rating&page=5");
    static final List<String> SEARCH = List.of("/search?q=attention", "/search?q=%22dense+retrieval%22",
            "/search?q=reward+policy+year%3A2020..2022", "/search?q=summ");
    /** Pages timed again, each request right after a status of mine changed (so nothing kept per version serves). */
    static final List<String> AFTER_WRITE = List.of("/", "/?status=read", "/?tag=attention", "/library",
            "/library?status=read&sort=finished", "/?status=read&page=100", "/?sort=rating&page=300");
    /** The paper whose status those writes change, there in both instances. */
    static final long WRITTEN_PAPER = 7;
    static final int WARMUP = 8;
    static final int REQUESTS = 40;
    /** The reference instance: the same generator at a thousandth (100 generated papers, 1,000 statuses). */
    static final double SMALL = 0.001;
    static final double PAPERS_SMALL = ScaleGenerator.PAPERS * SMALL;

    public static void main(String[] args) throws Exception {
        Path db = Path.of(args.length > 0 ? args[0] : "/tmp/paperlog-scale.db").toAbsolutePath();
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        if (!Files.exists(db)) {
            ScaleGenerator.generate(db, 1.0);
        }
        Path small = db.resolveSibling(db.getFileName() + ".small.db");
        if (!Files.exists(small)) {
            ScaleGenerator.generate(small, SMALL);
        }
        System.out.printf("Database %s: %,d bytes (%.0f MB), WAL %,d bytes%n", db, Files.size(db), Files.size(db) / 1e6,
                Files.exists(Path.of(db + "-wal")) ? Files.size(Path.of(db + "-wal")) : 0);
        startTimes(db, rounds);
        Map<String, List<double[]>> figures = new LinkedHashMap<>();
        for (int round = 1; round <= rounds; round++) {
            try (Served large = Served.runCommand(db); Served reference = Served.runCommand(small)) {
                ScaleClient client = new ScaleClient(large.url());
                client.logIn(ScaleGenerator.HEAVY_USER);
                ScaleClient smallClient = new ScaleClient(reference.url());
                smallClient.logIn(ScaleGenerator.HEAVY_USER);
                // the JIT compiles what every page shares while the first pages are drawn: warm them all first, so
                // that the first page measured is not also the one that pays for it
                for (String path : allPaths()) {
                    warm(client, path);
                    warm(smallClient, path.replaceAll("[?&]page=\\d+", ""));
                }
                System.out.printf("%nRound %d of %d (load average %.2f): 100,100 papers | the same page, first page,"
                        + " on %d papers, same run%n", round, rounds, loadAverage(), (int) (100 + PAPERS_SMALL));
                for (List<String> group : List.of(List.of("/healthz"), CATALOGUE, LIBRARY, SEARCH)) {
                    for (String path : group) {
                        double[] times = time(client, path, null);
                        double[] base = time(smallClient, path.replaceAll("[?&]page=\\d+", ""), null);
                        double[] both = {times[0], times[1], base[0], base[1]};
                        print(path, both);
                        figures.computeIfAbsent(path, k -> new ArrayList<>()).add(both);
                    }
                }
                String csrf = client.csrf("/");
                String smallCsrf = smallClient.csrf("/");
                for (String path : AFTER_WRITE) {
                    double[] times = time(client, path, csrf);
                    double[] base = time(smallClient, path, smallCsrf);
                    double[] both = {times[0], times[1], base[0], base[1]};
                    String label = "after a write: " + path;
                    print(label, both);
                    figures.computeIfAbsent(label, k -> new ArrayList<>()).add(both);
                }
            }
        }
        System.out.printf("%nMedians over %d rounds (load average now %.2f); aim p95 <= 30 ms (25 ms filtered)%n",
                rounds, loadAverage());
        figures.forEach((path, values) -> print(path, medianOf(values)));
    }

    /** Launch to the login page and to a signed-in catalogue page, against bare Javalin, interleaved. */
    private static void startTimes(Path db, int rounds) throws Exception {
        List<Double> bare = new ArrayList<>();
        List<Double> login = new ArrayList<>();
        List<Double> catalogue = new ArrayList<>();
        for (int i = 0; i < rounds + 1; i++) {
            long start = System.nanoTime();
            try (Served javalin = Served.bareJavalin()) {
                new ScaleClient(javalin.url()).get("/setup");
                bare.add((System.nanoTime() - start) / 1e6);
            }
            start = System.nanoTime();
            try (Served paperlog = Served.runCommand(db)) {
                ScaleClient client = new ScaleClient(paperlog.url());
                client.get("/login");
                login.add((System.nanoTime() - start) / 1e6);
                client.logIn(ScaleGenerator.HEAVY_USER);
                client.get("/");
                catalogue.add((System.nanoTime() - start) / 1e6);
            }
        }
        // the first round warms the file into the page cache of the operating system; the rest are counted
        double floor = Medians.median(bare.subList(1, bare.size()));
        double first = Medians.median(login.subList(1, login.size()));
        double signedIn = Medians.median(catalogue.subList(1, catalogue.size()));
        System.out.printf("Start, median of %d (load average %.2f): bare Javalin %.0f ms; run command to the login page"
                        + " %.0f ms (%.2fx bare), to a signed-in catalogue page (login included) %.0f ms%n", rounds,
                loadAverage(), floor, first, first / floor, signedIn);
        System.out.println("  runs: bare " + whole(bare) + ", login page " + whole(login) + ", catalogue " + whole(catalogue));
    }

    private static List<String> allPaths() {
        List<String> paths = new ArrayList<>(CATALOGUE);
        paths.addAll(LIBRARY);
        paths.addAll(SEARCH);
        return paths;
    }

    /** {@link #WARMUP} requests of {@code path}, not counted. */
    private static void warm(ScaleClient client, String path) {
        String separator = path.contains("?") ? "&" : "?";
        for (int i = 0; i < WARMUP; i++) {
            client.get(path + separator + "v=w" + i + System.nanoTime());
        }
    }

    /**
     * Median and p95 of {@link #REQUESTS} requests of {@code path}, each with its own {@code v=}, after a warm-up;
     * with a CSRF token, each right after a change of my status on {@link #WRITTEN_PAPER} (not timed).
     */
    private static double[] time(ScaleClient client, String path, String csrf) {
        String separator = path.contains("?") ? "&" : "?";
        warm(client, path);
        List<Double> millis = new ArrayList<>();
        int failures = 0;
        String failure = "";
        for (int i = 0; i < REQUESTS; i++) {
            if (csrf != null) {
                HttpResponse<String> written = client.post("/papers/" + WRITTEN_PAPER + "/status",
                        "status=" + (i % 2 == 0 ? "want" : "reading"), csrf);
                if (written.statusCode() != 303) {
                    throw new IllegalStateException("a status write answered " + written.statusCode());
                }
            }
            String unique = path + separator + "v=" + i + "x" + System.nanoTime();
            long start = System.nanoTime();
            HttpResponse<String> response = client.get(unique);
            millis.add((System.nanoTime() - start) / 1e6);
            if (response.statusCode() != 200) {
                failures++;
                failure = response.statusCode() + " " + response.body().substring(0, Math.min(200, response.body().length()));
            }
        }
        millis.sort(null);
        if (failures > 0) {
            System.out.printf("  !! %s on %s: %d of %d answers were not 200, the last: %s%n", path, client.base(), failures,
                    REQUESTS, failure.replaceAll("\\s+", " "));
        }
        return new double[] {millis.get(REQUESTS / 2), millis.get((int) Math.ceil(REQUESTS * 0.95) - 1)};
    }

    private static double[] medianOf(List<double[]> rounds) {
        double[] medians = new double[4];
        for (int i = 0; i < medians.length; i++) {
            int column = i;
            medians[i] = Medians.median(rounds.stream().map(r -> r[column]).toList());
        }
        return medians;
    }

    private static void print(String path, double[] times) {
        System.out.printf("  %-52s median %6.2f  p95 %6.2f ms | small: median %6.2f  p95 %6.2f ms | p95 %4.1fx%n", path,
                times[0], times[1], times[2], times[3], times[1] / times[3]);
    }

    private static List<Long> whole(List<Double> values) {
        return values.stream().map(Math::round).toList();
    }

    static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    static URI uri(String base, String path) {
        return URI.create(base).resolve(path);
    }
}
