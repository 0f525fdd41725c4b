package io.paperlog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paperlog.testing.TestApp;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs target/paperlog.jar as a user would: from another folder, on a new database file, twice. */
class PackagedJarIT {

    private static final Pattern READY = Pattern.compile("Paperlog is running at (http://\\S+) \\(started in (\\d+) ms\\)");

    @TempDir
    Path elsewhere;

    @Test
    void jarRunsFromAnyFolderAndKeepsItsDataAcrossRestarts() throws Exception {
        Path jar = Path.of("target", "paperlog.jar").toAbsolutePath();
        assertTrue(Files.isRegularFile(jar), "mvn package builds " + jar);
        Path db = elsewhere.resolve("data/new.db");

        for (int run = 1; run <= 2; run++) {
            Process process = new ProcessBuilder(javaBinary(), "-jar", jar.toString(), "--port", "0", "--db", db.toString())
                    .directory(elsewhere.toFile())
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line = out.readLine();
                Matcher ready = READY.matcher(line == null ? "" : line);
                assertTrue(ready.matches(), "first line names the URL and start time: " + line);
                URI base = URI.create(ready.group(1));

                var catalogue = TestApp.send(HttpRequest.newBuilder(base.resolve("/")).build());
                assertEquals(200, catalogue.statusCode());
                assertTrue(catalogue.body().contains("100 papers"));
                var paper = TestApp.send(HttpRequest.newBuilder(base.resolve("/papers/36")).build());
                assertTrue(paper.body().contains("Reformer"));
                var css = TestApp.send(HttpRequest.newBuilder(base.resolve("/webjars/katex/")).build());
                assertTrue(css.statusCode() < 500);
            } finally {
                process.destroy();
                assertTrue(process.waitFor(10, TimeUnit.SECONDS), "stops on SIGTERM");
            }
        }
        assertTrue(Files.isRegularFile(db));
        assertTrue(Files.notExists(elsewhere.resolve("web")), "nothing is unpacked next to the user's files");
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
