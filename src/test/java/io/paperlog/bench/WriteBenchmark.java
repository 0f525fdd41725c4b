package io.paperlog.bench;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Not a test: Paperlog started with the README's run command ({@link ColdStart#RUN_FLAGS}) on a fresh database, and
 * 32 people (32 accounts, each with its own session and CSRF token) writing as fast as the server acknowledges, each
 * on its own keep-alive connection, as app.js posts in place ({@code X-CSRF-Token} and {@code X-Fragment}). The load
 * comes from plain sockets (see {@link KeepAlive}), so that the client costs little beside the server. Each round
 * has three phases of the same length: the floor (the same connections asking {@code GET /healthz}, which touches
 * no database), statuses and ratings only, and the mix app.js makes (two statuses, two ratings, one note save).
 * Prints medians over rounds, per-kind p50/p99 over all rounds, errors (any answer but 200, or a broken
 * connection) and the load average. Aims: 2,000 status/rating writes/s, a note save's p99 at most 30 ms.
 *
 * <pre>
 * mvn -q -DskipTests package
 * java -cp target/test-classes io.paperlog.bench.WriteBenchmark [clients] [rounds] [seconds]
 * </pre>
 * With {@code -Dpaperlog.jar=JAR} another build's jar runs (to compare two builds in turn). With
 * {@code -Dpaperlog.jfr=FILE} the server records a JFR profile of the whole run to FILE (with
 * {@code -Dpaperlog.jfc=SETTINGS}, a settings file of one's own: a shorter sampling period, say).
 */
public final class WriteBenchmark {

    static final String[] STATUSES = {"want", "reading", "read", "abandoned"};
    static final Pattern INVITE = Pattern.compile("value=\"http://[^\"]+(/invite/[A-Za-z0-9_-]{43})\"");
    static final String SESSION = "paperlog_session";

    enum Phase { FLOOR, STATUS_RATING, MIX }

    public static void main(String[] args) throws Exception {
        int clients = args.length > 0 ? Integer.parseInt(args[0]) : 32;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        Path folder = Files.createTempDirectory("paperlog-writes");
        List<String> flags = new ArrayList<>(ColdStart.RUN_FLAGS);
        String jfr = System.getProperty("paperlog.jfr");
        if (jfr != null) {
            flags.add("-XX:FlightRecorderOptions=stackdepth=256");
            String settings = System.getProperty("paperlog.jfc", "profile");
            flags.add("-XX:StartFlightRecording=settings=" + settings + ",filename=" + jfr);
        }
        String jar = System.getProperty("paperlog.jar", "target/paperlog.jar");
        Process paperlog = launch(flags, folder.resolve("paperlog.db"), jar);
        try {
            URI base = ready(paperlog);
            List<Person> people = Person.make(base, clients);
            ExecutorService pool = Executors.newFixedThreadPool(clients);
            run(pool, people, Phase.STATUS_RATING, seconds, paperlog);
            run(pool, people, Phase.MIX, seconds, paperlog);
            run(pool, people, Phase.FLOOR, seconds, paperlog);
            List<Result> floor = new ArrayList<>();
            List<Result> statusRating = new ArrayList<>();
            List<Result> mix = new ArrayList<>();
            for (int round = 0; round < rounds; round++) {
                floor.add(run(pool, people, Phase.FLOOR, seconds, paperlog));
                statusRating.add(run(pool, people, Phase.STATUS_RATING, seconds, paperlog));
                mix.add(run(pool, people, Phase.MIX, seconds, paperlog));
            }
            pool.shutdownNow();
            report(clients, rounds, seconds, floor, statusRating, mix);
        } finally {
            paperlog.destroy();
            if (!paperlog.waitFor(30, TimeUnit.SECONDS)) {
                System.out.println("Paperlog did not stop within 30 s of SIGTERM: killed");
                paperlog.destroyForcibly();
            }
        }
    }

    /** The run command on {@code jar} (another build's, to compare with; the archive is then ignored). */
    private static Process launch(List<String> flags, Path db, String jar) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(flags);
        command.addAll(List.of("-jar", jar, "--port", "0", "--db", db.toString()));
        return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    }

    /** The URL the server prints, after whatever JFR prints first. */
    private static URI ready(Process process) throws IOException {
        java.io.BufferedReader out = process.inputReader(StandardCharsets.UTF_8);
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            Matcher ready = PageBenchmark.READY.matcher(line);
            if (ready.find()) {
                return URI.create(ready.group(1));
            }
        }
        throw new IllegalStateException("Paperlog did not start");
    }

    private static void report(int clients, int rounds, int seconds, List<Result> floor, List<Result> statusRating,
                               List<Result> mix) {
        double floorRate = median(floor, r -> r.rate(r.other));
        double srRate = median(statusRating, r -> r.rate(r.status, r.rating));
        double mixRate = median(mix, r -> r.rate(r.status, r.rating, r.note));
        Result sr = Result.merge(statusRating);
        Result mixed = Result.merge(mix);
        long errors = floor.stream().mapToLong(r -> r.errors).sum() + sr.errors + mixed.errors;
        System.out.printf("%d clients, %d rounds of 3 phases x %d s, keep-alive sockets; load average %.2f%n",
                clients, rounds, seconds, PageBenchmark.load());
        Result health = Result.merge(floor);
        System.out.printf("GET /healthz (floor)                  : median %7.0f requests/s, p50 %.2f ms, p99 %.2f ms%n",
                floorRate, p(health.other, 50), p(health.other, 99));
        System.out.printf("statuses + ratings only               : median %7.0f writes/s  (%4.1f %% of the floor;"
                + " aim: at least 2,000)%n", srRate, 100 * srRate / floorRate);
        System.out.printf("   status  ms p50 %6.2f  p99 %6.2f (%d)   rating ms p50 %6.2f  p99 %6.2f (%d)%n",
                p(sr.status, 50), p(sr.status, 99), sr.status.size, p(sr.rating, 50), p(sr.rating, 99), sr.rating.size);
        System.out.printf("mix (2 statuses, 2 ratings, 1 note)   : median %7.0f writes/s  (%4.1f %% of the floor),"
                + " of which statuses + ratings %.0f/s%n", mixRate, 100 * mixRate / floorRate,
                median(mix, r -> r.rate(r.status, r.rating)));
        System.out.printf("   status  ms p50 %6.2f  p99 %6.2f (%d)   rating ms p50 %6.2f  p99 %6.2f (%d)%n",
                p(mixed.status, 50), p(mixed.status, 99), mixed.status.size, p(mixed.rating, 50),
                p(mixed.rating, 99), mixed.rating.size);
        System.out.printf("   note    ms p50 %6.2f  p99 %6.2f (%d)   (aim: p99 at most 30 ms)%n",
                p(mixed.note, 50), p(mixed.note, 99), mixed.note.size);
        System.out.printf("server CPU ms per request (median): floor %.3f, statuses + ratings %.3f, mix %.3f%n",
                median(floor, Result::cpuPerRequest), median(statusRating, Result::cpuPerRequest),
                median(mix, Result::cpuPerRequest));
        System.out.printf("writer thread busy (median): statuses + ratings %.0f %%, mix %.0f %%%n",
                100 * median(statusRating, Result::writerBusy), 100 * median(mix, Result::writerBusy));
        System.out.printf("errors (any answer but 200, or a broken connection): %d%s%n", errors,
                errors == 0 ? "" : "; first: " + firstError(floor, statusRating, mix));
    }

    @SafeVarargs
    private static String firstError(List<Result>... phases) {
        return Arrays.stream(phases).flatMap(List::stream).map(r -> r.firstError).filter(e -> e != null)
                .findFirst().orElse("?");
    }

    private static double median(List<Result> results, java.util.function.ToDoubleFunction<Result> rate) {
        return Medians.median(results.stream().map(rate::applyAsDouble).toList());
    }

    private static double p(Latencies latencies, int percentile) {
        return latencies.percentile(percentile) / 1e6;
    }

    /** Every person at once for {@code seconds}, each on their own connection. */
    private static Result run(ExecutorService pool, List<Person> people, Phase phase, int seconds, Process server)
            throws Exception {
        long cpuBefore = cpuMillis(server);
        long writerBefore = writerCpuMillis(server);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Result>> futures = new ArrayList<>();
        for (Person person : people) {
            futures.add(pool.submit(() -> {
                start.await();
                long until = System.nanoTime() + seconds * 1_000_000_000L;
                Result result = new Result();
                while (System.nanoTime() < until) {
                    person.once(phase, result);
                }
                return result;
            }));
        }
        long started = System.nanoTime();
        start.countDown();
        List<Result> each = new ArrayList<>();
        for (Future<Result> future : futures) {
            each.add(future.get());
        }
        Result all = Result.merge(each);
        all.seconds = (System.nanoTime() - started) / 1e9;
        all.serverCpuMillis = cpuMillis(server) - cpuBefore;
        all.writerCpuMillis = writerCpuMillis(server) - writerBefore;
        return all;
    }

    /** The CPU time a process has used so far (user and system), from /proc. */
    static long cpuMillis(Process process) throws IOException {
        return cpuMillis(Path.of("/proc", String.valueOf(process.pid()), "stat"));
    }

    /** The CPU time the server's one writer thread has used so far. */
    static long writerCpuMillis(Process process) throws IOException {
        try (var tasks = Files.list(Path.of("/proc", String.valueOf(process.pid()), "task"))) {
            for (Path task : tasks.toList()) {
                if (Files.readString(task.resolve("comm")).strip().equals("paperlog-writer")) {
                    return cpuMillis(task.resolve("stat"));
                }
            }
        }
        return 0;
    }

    private static long cpuMillis(Path statFile) throws IOException {
        String stat = Files.readString(statFile);
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10; // clock ticks of 10 ms
    }

    /** One person's browser: their session, their CSRF token, their connection and their notes' revisions. */
    static final class Person {
        private final KeepAlive connection;
        private final List<String> headers;
        private final String csrf;
        private final int[] noteRevision = new int[101];
        private long count;

        Person(URI base, String session, String csrf) {
            this.connection = new KeepAlive(base.getHost(), base.getPort());
            this.csrf = csrf;
            this.headers = List.of("Cookie: " + SESSION + "=" + session,
                    "Content-Type: application/x-www-form-urlencoded", "X-CSRF-Token: " + csrf);
        }

        /** An admin through /setup, then {@code count} members through invites: each signed in, with a token. */
        static List<Person> make(URI base, int count) throws IOException {
            try (KeepAlive setup = new KeepAlive(base.getHost(), base.getPort())) {
                String admin = join(setup, "/setup", "admin");
                List<Person> people = new ArrayList<>();
                for (int i = 0; i < count; i++) {
                    KeepAlive.Answer invite = setup.send("POST", "/admin/invites", formHeaders(admin),
                            "_csrf=" + token(setup, admin));
                    Matcher link = INVITE.matcher(invite.body());
                    if (invite.status() != 201 || !link.find()) {
                        throw new IllegalStateException("no invite: " + invite.status());
                    }
                    String session = join(setup, link.group(1), "writer" + i);
                    people.add(new Person(base, session, token(setup, session)));
                }
                return people;
            }
        }

        /** Fills the new-account form at {@code path} as a browser would; returns the new session's token. */
        private static String join(KeepAlive http, String path, String username) throws IOException {
            KeepAlive.Answer page = http.send("GET", path, List.of(), null);
            String anonymous = page.cookie("paperlog_csrf");
            String form = "_csrf=" + csrfMeta(page.body()) + "&username=" + username + "&display_name=" + username
                    + "&password=" + encode(PageBenchmark.PASSWORD) + "&confirm=" + encode(PageBenchmark.PASSWORD);
            KeepAlive.Answer joined = http.send("POST", path, List.of("Cookie: paperlog_csrf=" + anonymous,
                    "Content-Type: application/x-www-form-urlencoded"), form);
            String session = joined.cookie(SESSION);
            if (joined.status() != 303 || session == null) {
                throw new IllegalStateException(path + " answered " + joined.status());
            }
            return session;
        }

        private static String token(KeepAlive http, String session) throws IOException {
            return csrfMeta(http.send("GET", "/account", List.of("Cookie: " + SESSION + "=" + session), null).body());
        }

        private static List<String> formHeaders(String session) {
            return List.of("Cookie: " + SESSION + "=" + session, "Content-Type: application/x-www-form-urlencoded");
        }

        private static String csrfMeta(String page) {
            Matcher meta = PageBenchmark.CSRF_META.matcher(page);
            if (!meta.find()) {
                throw new IllegalStateException("no csrf-token meta tag");
            }
            return meta.group(1);
        }

        void once(Phase phase, Result result) {
            int paper = 1 + ThreadLocalRandom.current().nextInt(100);
            long kind = count++ % 5;
            long started = System.nanoTime();
            try {
                if (phase == Phase.FLOOR) {
                    result.record(result.other, started, connection.send("GET", "/healthz", List.of(), null));
                } else if (phase == Phase.STATUS_RATING ? kind % 2 == 0 : kind < 2) {
                    result.record(result.status, started, post(paper, "status", "row",
                            "status=" + STATUSES[(int) (count % STATUSES.length)]));
                } else if (phase == Phase.STATUS_RATING || kind < 4) {
                    result.record(result.rating, started, post(paper, "rating", "row", "rating=" + (1 + count % 5)));
                } else {
                    KeepAlive.Answer answer = post(paper, "note", "note", "base_revision=" + noteRevision[paper]
                            + "&body=" + encode(noteBody(paper)));
                    result.record(result.note, started, answer);
                    String revision = answer.header("X-Note-Revision");
                    if (revision != null) {
                        noteRevision[paper] = Integer.parseInt(revision);
                    }
                }
            } catch (IOException | RuntimeException e) {
                connection.close();
                result.error(e.toString());
            }
        }

        private KeepAlive.Answer post(int paper, String what, String fragment, String fields) throws IOException {
            List<String> all = new ArrayList<>(headers);
            all.add("X-Fragment: " + fragment);
            return connection.send("POST", "/papers/" + paper + "/" + what, all,
                    "_csrf=" + csrf + "&back=%2F&" + fields);
        }

        /** A note as autosave sends it: a paragraph or two of Markdown with a formula, a little longer each time. */
        private String noteBody(int paper) {
            return "## Paper " + paper + "\n\nRead on day " + count + ". The **main claim**: attention costs $O(n^2)$"
                    + " in the sequence length, which *sparse* variants cut to $O(n \\sqrt{n})$.\n\n- strengths:"
                    + " clear ablations\n- weaknesses: " + "small data ".repeat((int) (count % 20)) + "\n";
        }
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    /** What one phase got: latencies by kind (nanoseconds), errors, and how long it ran. */
    static final class Result {
        final Latencies status = new Latencies();
        final Latencies rating = new Latencies();
        final Latencies note = new Latencies();
        final Latencies other = new Latencies();
        long errors;
        String firstError;
        double seconds;
        long serverCpuMillis;
        long writerCpuMillis;

        /** How busy the writer thread was: the share of the phase's wall time it spent on a CPU. */
        double writerBusy() {
            return writerCpuMillis / (seconds * 1000);
        }

        /** The server's CPU milliseconds per acknowledged request of this phase. */
        double cpuPerRequest() {
            return serverCpuMillis / (double) (status.size + rating.size + note.size + other.size);
        }

        void record(Latencies kind, long startedNanos, KeepAlive.Answer answer) {
            if (answer.status() == 200) {
                kind.add(System.nanoTime() - startedNanos);
            } else {
                error("HTTP " + answer.status() + " " + answer.body().replaceAll("\\s+", " ")
                        .substring(0, Math.min(200, answer.body().length())));
            }
        }

        void error(String what) {
            errors++;
            if (firstError == null) {
                firstError = what;
            }
        }

        double rate(Latencies... kinds) {
            return Arrays.stream(kinds).mapToLong(k -> k.size).sum() / seconds;
        }

        static Result merge(List<Result> results) {
            Result all = new Result();
            for (Result r : results) {
                all.status.addAll(r.status);
                all.rating.addAll(r.rating);
                all.note.addAll(r.note);
                all.other.addAll(r.other);
                all.errors += r.errors;
                all.firstError = all.firstError == null ? r.firstError : all.firstError;
                all.seconds = Math.max(all.seconds, r.seconds);
            }
            return all;
        }
    }

    /** A growing array of nanosecond latencies. */
    static final class Latencies {
        long[] values = new long[1024];
        int size;

        void add(long nanos) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = nanos;
        }

        void addAll(Latencies more) {
            for (int i = 0; i < more.size; i++) {
                add(more.values[i]);
            }
        }

        double percentile(int p) {
            if (size == 0) {
                return Double.NaN;
            }
            long[] sorted = Arrays.copyOf(values, size);
            Arrays.sort(sorted);
            return sorted[Math.min(size - 1, Math.max(0, (int) Math.ceil(p / 100.0 * size) - 1))];
        }
    }
}
