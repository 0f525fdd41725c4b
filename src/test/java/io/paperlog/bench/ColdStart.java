package io.paperlog.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cold start to the first served page, as a new user meets it: {@code java -jar target/paperlog.jar --port 0}
 * on a new database file, timed from launch until the first page has arrived. Prints each run and the median.
 *
 * <pre>mvn -q -DskipTests package && java -cp target/test-classes io.paperlog.bench.ColdStart 7</pre>
 */
public final class ColdStart {

    private static final Pattern READY = Pattern.compile("Paperlog is running at (http://\\S+) ");

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 7;
        Path jar = Path.of("target", "paperlog.jar").toAbsolutePath();
        HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        List<Long> fresh = new ArrayList<>();
        List<Long> restart = new ArrayList<>();
        for (int run = 0; run < runs; run++) {
            Path folder = Files.createTempDirectory("paperlog-coldstart");
            Path db = folder.resolve("data/paperlog.db");
            fresh.add(launchAndFetch(jar, db, folder, http));
            restart.add(launchAndFetch(jar, db, folder, http));
        }
        report("new database     ", fresh);
        report("existing database", restart);
    }

    private static long launchAndFetch(Path jar, Path db, Path folder, HttpClient http) throws Exception {
        long started = System.nanoTime();
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.toString(), "--port", "0", "--db", db.toString())
                .directory(folder.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            Matcher ready = READY.matcher(String.valueOf(out.readLine()));
            if (!ready.find()) {
                throw new IllegalStateException("Paperlog did not start");
            }
            HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(ready.group(1)).resolve("/setup")).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (page.statusCode() != 200) {
                throw new IllegalStateException("first page answered " + page.statusCode());
            }
            return (System.nanoTime() - started) / 1_000_000;
        } finally {
            process.destroy();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static void report(String label, List<Long> millis) {
        List<Long> sorted = millis.stream().sorted(Comparator.naturalOrder()).toList();
        System.out.printf("%s  median %d ms  (runs: %s)%n", label, sorted.get(sorted.size() / 2), millis);
    }
}
