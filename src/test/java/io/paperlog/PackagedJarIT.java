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

                var health = TestApp.send(HttpRequest.newBuilder(base.resolve("/healthz")).build());
                assertEquals(200, health.statusCode());
                var home = TestApp.send(HttpRequest.newBuilder(base.resolve("/")).build());
                assertEquals(303, home.statusCode(), "a new instance asks for its first account");
                assertEquals("/setup", URI.create(home.headers().firstValue("Location").orElseThrow()).getPath());
                var setup = TestApp.send(HttpRequest.newBuilder(base.resolve("/setup")).build());
                assertEquals(200, setup.statusCode());
                assertTrue(setup.body().contains("Create the first account"));
                var css = TestApp.send(HttpRequest.newBuilder(base.resolve(
                        stylesheet(setup.body()))).build());
                assertEquals(200, css.statusCode());
            } finally {
                process.destroy();
                assertTrue(process.waitFor(10, TimeUnit.SECONDS), "stops on SIGTERM");
            }
        }
        assertTrue(Files.isRegularFile(db));
        assertTrue(Files.notExists(elsewhere.resolve("web")), "nothing is unpacked next to the user's files");
    }

    private static String stylesheet(String page) {
        Matcher href = Pattern.compile("href=\"(/static/css/app\\.css\\?v=[0-9a-f]+)\"").matcher(page);
        assertTrue(href.find(), "the page links its stylesheet");
        return href.group(1);
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
