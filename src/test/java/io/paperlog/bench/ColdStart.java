package io.paperlog.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cold start to the first served page, as a new user meets it: launch, wait for the printed URL, fetch the first
 * page, timed from launch until it has arrived. In each round, in turn: bare Javalin answering a constant (the
 * floor), plain {@code java -jar target/paperlog.jar}, the README's run command (class-data archive, heap and GC
 * flags), and the run command with the JIT held at C1 (to show that trade-off); Paperlog on a new database file
 * and again on the same file. Prints the medians and their ratio to bare Javalin.
 *
 * <pre>mvn -q -DskipTests package && java -cp target/test-classes io.paperlog.bench.ColdStart 7</pre>
 */
public final class ColdStart {

    /** The README's run command, less {@code java} and {@code -jar target/paperlog.jar}. */
    static final List<String> RUN_FLAGS = List.of("-XX:SharedArchiveFile=target/paperlog.jsa", "-Xshare:auto",
            "-XX:+UseSerialGC", "-Xmx80m", "-Xss512k", "-XX:TieredStopAtLevel=1");

    private static final Pattern READY = Pattern.compile("Paperlog is running at (http://\\S+) ");

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 7;
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String jar = Path.of("target", "paperlog.jar").toString();
        if (!Files.isRegularFile(Path.of(jar))) {
            throw new IllegalStateException("run from the project folder after mvn package");
        }
        List<String> withoutC1 = RUN_FLAGS.stream().filter(f -> !f.startsWith("-XX:TieredStopAtLevel")).toList();
        Map<String, List<String>> commands = new LinkedHashMap<>();
        commands.put("bare Javalin (floor)            ", command(java, List.of(), "-cp",
                jar + ":target/test-classes", "io.paperlog.bench.BareJavalin"));
        commands.put("java -jar, new database         ", command(java, List.of(), "-jar", jar));
        commands.put("run command, new database       ", command(java, RUN_FLAGS, "-jar", jar));
        commands.put("run command, existing database  ", command(java, RUN_FLAGS, "-jar", jar));
        commands.put("run command without C1-only JIT ", command(java, withoutC1, "-jar", jar));
        HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        Map<String, List<Double>> millis = new LinkedHashMap<>();
        commands.keySet().forEach(name -> millis.put(name, new ArrayList<>()));
        Path kept = Files.createTempDirectory("paperlog-coldstart").resolve("kept.db");
        launchAndFetch(commands.get("java -jar, new database         "), kept, http); // the existing database
        for (int run = 0; run < runs; run++) {
            for (Map.Entry<String, List<String>> entry : commands.entrySet()) {
                Path db = entry.getKey().contains("existing") ? kept
                        : Files.createTempDirectory("paperlog-coldstart").resolve("new.db");
                millis.get(entry.getKey()).add((double) launchAndFetch(entry.getValue(), db, http));
            }
        }
        double floor = Medians.median(millis.values().iterator().next());
        System.out.printf("%d runs each, interleaved; load average at the end %.2f%n", runs,
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        millis.forEach((name, values) -> System.out.printf("%s median %5.0f ms  %.2fx bare  (runs: %s)%n", name,
                Medians.median(values), Medians.median(values) / floor,
                values.stream().map(v -> String.valueOf(Math.round(v))).toList()));
    }

    private static List<String> command(String java, List<String> flags, String... rest) {
        List<String> command = new ArrayList<>();
        command.add(java);
        command.addAll(flags);
        command.addAll(List.of(rest));
        return command;
    }

    private static long launchAndFetch(List<String> command, Path db, HttpClient http) throws Exception {
        List<String> full = new ArrayList<>(command);
        full.addAll(List.of("--port", "0", "--db", db.toString()));
        long started = System.nanoTime();
        Process process = new ProcessBuilder(full).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            Matcher ready = READY.matcher(String.valueOf(out.readLine()));
            if (!ready.find()) {
                throw new IllegalStateException("did not start: " + full);
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
}
