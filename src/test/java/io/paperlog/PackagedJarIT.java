package io.paperlog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paperlog.testing.TestApp;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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

    /**
     * The jar once held some 40 MB for good (a zip index of itself eight times over, a password hasher's spare
     * memory), so at 64 MB the first account's password hash failed and pages stalled in the collector.
     */
    @Test
    void aSixtyFourMegabyteHeapSignsInAndServesTheCatalogue() throws Exception {
        Path jar = Path.of("target", "paperlog.jar").toAbsolutePath();
        Process process = new ProcessBuilder(javaBinary(), "-Xmx64m", "-XX:+UseSerialGC", "-jar", jar.toString(),
                "--port", "0", "--db", elsewhere.resolve("small.db").toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            Matcher ready = READY.matcher(String.valueOf(out.readLine()));
            assertTrue(ready.matches());
            URI base = URI.create(ready.group(1));
            HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
                    .followRedirects(HttpClient.Redirect.NEVER).build();
            String setup = browser.send(HttpRequest.newBuilder(base.resolve("/setup")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            Matcher csrf = Pattern.compile("<meta name=\"csrf-token\" content=\"([^\"]*)\">").matcher(setup);
            assertTrue(csrf.find());
            String form = "username=small&display_name=Small&password=" + "a+small+heap+will+do".repeat(2)
                    + "&confirm=" + "a+small+heap+will+do".repeat(2) + "&_csrf=" + csrf.group(1);
            assertEquals(303, browser.send(HttpRequest.newBuilder(base.resolve("/setup"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode(), "the first account is made: its password hashed within the heap");
            for (int page = 0; page < 20; page++) {
                HttpResponse<String> catalogue = browser.send(HttpRequest.newBuilder(base.resolve("/?page=" + (1 + page % 2)))
                        .build(), HttpResponse.BodyHandlers.ofString());
                assertEquals(200, catalogue.statusCode());
                assertTrue(catalogue.body().contains("id=\"track-1\"") || page % 2 == 1);
            }
        } finally {
            process.destroy();
            assertTrue(process.waitFor(10, TimeUnit.SECONDS), "stops on SIGTERM");
        }
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
