package io.paperlog.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Not a test: pages under wrk (2 threads, 16 connections), Paperlog started with the README's run command
 * ({@link ColdStart#RUN_FLAGS}) against nginx serving the very bytes of the catalogue, in alternating rounds of the
 * same run, plain and with {@code Accept-Encoding: gzip} (nginx {@code gzip on} at the same level, 6). The person
 * has a status and a rating on every paper, a note, an annotation and a list. Then the other pages, the catalogue
 * rendered anew on every request (a new query string each time, so no kept page can answer), the peak RSS, and
 * the catalogue again under {@code -Xmx64m}. Prints medians over rounds and ratios.
 *
 * <pre>
 * mvn -q -DskipTests package
 * java -cp target/test-classes io.paperlog.bench.PageBenchmark [rounds] [seconds]
 * </pre>
 */
public final class PageBenchmark {

    static final Pattern READY = Pattern.compile("Paperlog is running at (http://\\S+) ");
    static final Pattern CSRF_META = Pattern.compile("<meta name=\"csrf-token\" content=\"([^\"]*)\">");
    static final String PASSWORD = "benchmark password, thrown away";
    static final List<String> OTHER_PAGES = List.of("/papers/1", "/library", "/stats", "/annotations",
            "/lists/1/coverage", "/activity", "/search?q=attention");

    private final HttpClient http = HttpClient.newBuilder()
            .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        new PageBenchmark().run(rounds, seconds);
    }

    private void run(int rounds, int seconds) throws Exception {
        // nginx's workers run as another user: they must be able to read the page nginx serves
        Path folder = Files.createTempDirectory("paperlog-pages",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        Path db = folder.resolve("paperlog.db");
        Process paperlog = launch(ColdStart.RUN_FLAGS, db);
        Process nginx = null;
        try {
            URI base = ready(paperlog);
            String cookie = prepare(base);
            byte[] catalogue = http.send(request(base.resolve("/"), cookie).build(), HttpResponse.BodyHandlers.ofByteArray()).body();
            int nginxPort = freePort();
            nginx = startNginx(folder, nginxPort, catalogue);
            URI nginxUrl = URI.create("http://127.0.0.1:" + nginxPort + "/catalogue.html");
            List<String> pages = new ArrayList<>();
            for (String page : OTHER_PAGES) {
                int status = http.send(request(base.resolve(page), cookie).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
                if (status == 200) {
                    pages.add(page);
                } else {
                    System.out.printf("%s answers %d: left out%n", page, status);
                }
            }
            System.out.printf("catalogue: %,d bytes; wrk -t2 -c16 -d%ds, %d rounds; load average %.2f%n",
                    catalogue.length, seconds, rounds, load());

            Map<String, List<Wrk>> results = new LinkedHashMap<>();
            for (int round = 0; round < rounds; round++) {
                for (boolean gzip : new boolean[] {false, true}) {
                    String suffix = gzip ? ", gzip" : "";
                    record("nginx, the same bytes" + suffix, results, Wrk.run(nginxUrl, cookie, gzip, seconds, null));
                    record("Paperlog catalogue" + suffix, results, Wrk.run(base.resolve("/"), cookie, gzip, seconds, null));
                }
                record("Paperlog catalogue, rendered every time", results,
                        Wrk.run(base.resolve("/"), cookie, false, seconds, folder.resolve("fresh.lua")));
                for (String page : pages) {
                    record("Paperlog " + page, results, Wrk.run(base.resolve(page), cookie, false, seconds, null));
                }
            }
            String rss = rss(paperlog);
            print(results);
            System.out.printf("Paperlog RSS after all of it (run command defaults): %s%n", rss);
            paperlog.destroy();
            paperlog.waitFor(10, TimeUnit.SECONDS);

            List<String> small = new ArrayList<>(ColdStart.RUN_FLAGS.stream().filter(f -> !f.startsWith("-Xmx")).toList());
            small.add("-Xmx64m");
            paperlog = launch(small, db);
            URI smallBase = ready(paperlog);
            List<Wrk> smallRuns = new ArrayList<>();
            List<Wrk> smallFresh = new ArrayList<>();
            for (int round = 0; round < rounds; round++) {
                smallRuns.add(Wrk.run(smallBase.resolve("/"), cookie, false, seconds, null));
                smallFresh.add(Wrk.run(smallBase.resolve("/"), cookie, false, seconds, folder.resolve("fresh.lua")));
            }
            double full = median(results.get("Paperlog catalogue"));
            double fullFresh = median(results.get("Paperlog catalogue, rendered every time"));
            System.out.printf("-Xmx64m catalogue                  : %8.0f req/s  %5.1f %% of the default heap's; errors %d%n",
                    median(smallRuns), 100 * median(smallRuns) / full, smallRuns.stream().mapToLong(w -> w.errors).sum());
            System.out.printf("-Xmx64m catalogue, rendered anew   : %8.0f req/s  %5.1f %% of the default heap's; errors %d%n",
                    median(smallFresh), 100 * median(smallFresh) / fullFresh, smallFresh.stream().mapToLong(w -> w.errors).sum());
            System.out.printf("-Xmx64m RSS: %s; load average at the end %.2f%n", rss(paperlog), load());
        } finally {
            paperlog.destroy();
            paperlog.waitFor(10, TimeUnit.SECONDS);
            if (nginx != null) {
                nginx.destroy();
                nginx.waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    private static void record(String name, Map<String, List<Wrk>> results, Wrk wrk) {
        results.computeIfAbsent(name, n -> new ArrayList<>()).add(wrk);
    }

    private static void print(Map<String, List<Wrk>> results) {
        double nginxPlain = median(results.get("nginx, the same bytes"));
        double nginxGzip = median(results.get("nginx, the same bytes, gzip"));
        results.forEach((name, runs) -> {
            double reference = name.endsWith("gzip") ? nginxGzip : nginxPlain;
            System.out.printf("%-44s %8.0f req/s  p99 %6.2f ms  %5.1f %% of nginx  errors %d%n", name, median(runs),
                    Medians.median(runs.stream().map(w -> w.p99Millis).toList()), 100 * median(runs) / reference,
                    runs.stream().mapToLong(w -> w.errors).sum());
        });
    }

    private static double median(List<Wrk> runs) {
        return Medians.median(runs.stream().map(w -> w.requestsPerSecond).toList());
    }

    /** One account with a mark on every paper, a note, an annotation and a list; returns its session cookie. */
    private String prepare(URI base) throws Exception {
        String setup = send(base, "GET", "/setup", Map.of()).body();
        expect(303, send(base, "POST", "/setup", Map.of("username", "reader", "display_name", "Rea Der",
                "password", PASSWORD, "confirm", PASSWORD, "_csrf", csrf(setup))));
        String csrf = csrf(send(base, "GET", "/account", Map.of()).body());
        String[] statuses = {"want", "reading", "read", "abandoned"};
        for (int id = 1; id <= 100; id++) {
            expect(303, send(base, "POST", "/papers/" + id + "/status", Map.of("status", statuses[id % 4], "_csrf", csrf)));
            expect(303, send(base, "POST", "/papers/" + id + "/rating", Map.of("rating", String.valueOf(1 + id % 5), "_csrf", csrf)));
        }
        expect(303, send(base, "POST", "/papers/1/note", Map.of("body", "Read with $O(n^2)$ in mind.", "base_revision", "0",
                "_csrf", csrf)));
        expect(303, send(base, "POST", "/lists", Map.of("name", "Reading group", "visibility", "team", "_csrf", csrf)));
        for (int id = 1; id <= 20; id++) {
            expect(303, send(base, "POST", "/lists/1/items", Map.of("paper", String.valueOf(id), "_csrf", csrf)));
        }
        return "paperlog_session=" + ((CookieManager) http.cookieHandler().orElseThrow()).getCookieStore().getCookies()
                .stream().filter(c -> c.getName().equals("paperlog_session")).map(HttpCookie::getValue).findFirst().orElseThrow();
    }

    private static void expect(int status, HttpResponse<String> response) {
        if (response.statusCode() != status) {
            throw new IllegalStateException(response.uri() + " answered " + response.statusCode());
        }
    }

    private HttpResponse<String> send(URI base, String method, String path, Map<String, String> form) throws Exception {
        String body = form.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path));
        if (method.equals("POST")) {
            request.header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest.Builder request(URI uri, String cookie) {
        return HttpRequest.newBuilder(uri).header("Cookie", cookie);
    }

    private static String csrf(String page) {
        Matcher meta = CSRF_META.matcher(page);
        if (!meta.find()) {
            throw new IllegalStateException("no CSRF token on the page");
        }
        return meta.group(1);
    }

    static Process launch(List<String> flags, Path db) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(flags);
        command.addAll(List.of("-jar", "target/paperlog.jar", "--port", "0", "--db", db.toString()));
        return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    }

    static URI ready(Process process) throws IOException {
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        Matcher ready = READY.matcher(String.valueOf(out.readLine()));
        if (!ready.find()) {
            throw new IllegalStateException("Paperlog did not start");
        }
        return URI.create(ready.group(1));
    }

    /** Peak and current resident memory of a process, from /proc. */
    static String rss(Process process) throws IOException {
        List<String> status = Files.readAllLines(Path.of("/proc", String.valueOf(process.pid()), "status"));
        String peak = status.stream().filter(l -> l.startsWith("VmHWM:")).findFirst().orElse("VmHWM: ?").substring(6).trim();
        String now = status.stream().filter(l -> l.startsWith("VmRSS:")).findFirst().orElse("VmRSS: ?").substring(6).trim();
        return "peak " + peak + ", now " + now;
    }

    private static Process startNginx(Path folder, int port, byte[] catalogue) throws Exception {
        Path root = Files.createDirectories(folder.resolve("nginx/html"));
        Files.write(root.resolve("catalogue.html"), catalogue);
        Files.setPosixFilePermissions(root.resolve("catalogue.html"), PosixFilePermissions.fromString("rw-r--r--"));
        Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(root.getParent(), PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.createDirectories(folder.resolve("nginx/logs"));
        Files.createDirectories(folder.resolve("nginx/tmp"));
        Path conf = folder.resolve("nginx/nginx.conf");
        Files.writeString(conf, """
                worker_processes auto;
                pid %1$s/nginx.pid;
                error_log %1$s/logs/error.log;
                events { worker_connections 1024; }
                http {
                    access_log off;
                    default_type text/html;
                    gzip on;
                    gzip_comp_level 6;
                    gzip_min_length 1500;
                    client_body_temp_path %1$s/tmp; proxy_temp_path %1$s/tmp; fastcgi_temp_path %1$s/tmp;
                    uwsgi_temp_path %1$s/tmp; scgi_temp_path %1$s/tmp;
                    server { listen 127.0.0.1:%2$d; root %3$s; }
                }
                """.formatted(folder.resolve("nginx"), port, root));
        Files.writeString(folder.resolve("fresh.lua"), """
                counter = 0
                request = function()
                    counter = counter + 1
                    return wrk.format(nil, "/?fresh=" .. counter .. "-" .. math.random(1000000000))
                end
                """);
        Process nginx = new ProcessBuilder("nginx", "-p", folder.resolve("nginx").toString(), "-c", conf.toString(),
                "-g", "daemon off;").redirectErrorStream(true).redirectOutput(folder.resolve("nginx/logs/out.log").toFile())
                .start();
        HttpClient client = HttpClient.newHttpClient();
        for (int attempt = 0; attempt < 100; attempt++) {
            try {
                if (client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/catalogue.html")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return nginx;
                }
            } catch (IOException notYet) {
                if (!nginx.isAlive()) {
                    throw new IllegalStateException("nginx did not start: see " + folder.resolve("nginx/logs"));
                }
                nginx.waitFor(100, TimeUnit.MILLISECONDS);
            }
        }
        throw new IllegalStateException("nginx did not answer");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    static double load() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    /** One wrk run: requests per second, the 99th percentile of latency, and answers that were not 2xx/3xx. */
    static final class Wrk {
        private static final Pattern RATE = Pattern.compile("Requests/sec:\\s+([0-9.]+)");
        private static final Pattern P99 = Pattern.compile("\\s99%\\s+([0-9.]+)(us|ms|s)");
        private static final Pattern ERRORS = Pattern.compile("Non-2xx or 3xx responses: (\\d+)");
        private static final Pattern SOCKET_ERRORS = Pattern.compile("Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)");

        double requestsPerSecond;
        double p99Millis;
        long errors;

        static Wrk run(URI url, String cookie, boolean gzip, int seconds, Path script) throws Exception {
            List<String> command = new ArrayList<>(List.of("wrk", "-t2", "-c16", "-d" + seconds + "s", "--latency",
                    "-H", "Cookie: " + cookie));
            if (gzip) {
                command.addAll(List.of("-H", "Accept-Encoding: gzip"));
            }
            if (script != null) {
                command.addAll(List.of("-s", script.toString()));
            }
            command.add(url.toString());
            Process wrk = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(wrk.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            wrk.waitFor();
            Wrk result = new Wrk();
            Matcher rate = RATE.matcher(output);
            Matcher p99 = P99.matcher(output);
            if (!rate.find() || !p99.find()) {
                throw new IllegalStateException("wrk said:\n" + output);
            }
            result.requestsPerSecond = Double.parseDouble(rate.group(1));
            double value = Double.parseDouble(p99.group(1));
            result.p99Millis = switch (p99.group(2)) {
                case "us" -> value / 1000;
                case "s" -> value * 1000;
                default -> value;
            };
            Matcher errors = ERRORS.matcher(output);
            result.errors = errors.find() ? Long.parseLong(errors.group(1)) : 0;
            Matcher socket = SOCKET_ERRORS.matcher(output);
            if (socket.find()) {
                for (int i = 1; i <= 4; i++) {
                    result.errors += Long.parseLong(socket.group(i));
                }
            }
            return result;
        }
    }
}
