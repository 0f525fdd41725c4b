package io.paperlog.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Durability under {@code kill -9}: a Paperlog in its own JVM takes status, rating and note writes from four
 * connections; once it has acknowledged a batch of them it is killed with SIGKILL mid-load, and started again on
 * the same file, several times. After each kill the file passes {@code PRAGMA integrity_check} and holds every
 * write that was acknowledged; the one write per connection that was in flight may or may not be there.
 */
class CrashRecoveryTest {

    static final int KILLS = 3;
    static final int CONNECTIONS = 4;
    static final int ACKNOWLEDGED_BEFORE_KILL = 60;
    static final Pattern READY = Pattern.compile("Paperlog is running at (http://\\S+) ");
    static final Pattern CSRF_META = Pattern.compile("<meta name=\"csrf-token\" content=\"([^\"]*)\">");
    static final String PASSWORD = "correct horse battery staple";

    @TempDir
    Path folder;

    private final HttpClient http = HttpClient.newBuilder()
            .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    @Test
    void everyAcknowledgedWriteSurvivesSigkillAndTheFileStaysWhole() throws Exception {
        Path db = folder.resolve("paperlog.db");
        List<Writer> writers = new ArrayList<>();
        for (int i = 0; i < CONNECTIONS; i++) {
            writers.add(new Writer(i + 1));
        }
        String csrf = null;
        for (int life = 0; life <= KILLS; life++) {
            Process server = launch(db);
            try {
                URI base = ready(server);
                if (csrf == null) {
                    HttpResponse<String> setup = post(base.resolve("/setup"), Map.of("username", "admin",
                            "display_name", "Ada", "password", PASSWORD, "confirm", PASSWORD, "_csrf", csrf(base, "/setup")), Map.of());
                    assertEquals(303, setup.statusCode(), "the first account is made");
                    csrf = csrf(base, "/account");
                }
                if (life == KILLS) {
                    assertEquals(200, get(base.resolve("/")).statusCode(), "the session made before the kills still works");
                    break;
                }
                CountDownLatch acknowledged = new CountDownLatch(ACKNOWLEDGED_BEFORE_KILL);
                List<Thread> load = new ArrayList<>();
                for (Writer writer : writers) {
                    String token = csrf;
                    Thread thread = new Thread(() -> writer.writeUntilRefused(base, token, acknowledged));
                    thread.start();
                    load.add(thread);
                }
                assertTrue(acknowledged.await(20, TimeUnit.SECONDS), "the server acknowledges writes");
                server.destroyForcibly();
                assertTrue(server.waitFor(10, TimeUnit.SECONDS));
                for (Thread thread : load) {
                    thread.join(10_000);
                }
            } finally {
                server.destroyForcibly();
                server.waitFor(10, TimeUnit.SECONDS);
            }
            try (Connection file = DriverManager.getConnection("jdbc:sqlite:" + db)) {
                assertEquals("ok", text(file, "PRAGMA integrity_check"), "after kill " + (life + 1));
                for (Writer writer : writers) {
                    writer.assertKeptAndResume(file);
                }
            }
        }
        assertTrue(writers.stream().allMatch(w -> w.acknowledgedTotal > 0), "every connection got writes acknowledged");
    }

    /** One connection writing one paper: it toggles the status, changes the rating and saves the note in turn. */
    private final class Writer {
        final int paper;
        int statusEvents;
        String status = "none";
        Integer halves;
        int revision;
        String body;
        Integer halvesInFlight;
        int acknowledgedTotal;
        String refused;
        private int sequence;

        Writer(int paper) {
            this.paper = paper;
        }

        void writeUntilRefused(URI base, String csrf, CountDownLatch acknowledged) {
            try {
                while (true) {
                    int kind = sequence++ % 3;
                    String path = "/papers/" + paper;
                    if (kind == 0) {
                        String to = status.equals("reading") ? "want" : "reading";
                        if (refused(post(base.resolve(path + "/status"), Map.of("status", to, "_csrf", csrf),
                                Map.of("X-Fragment", "row")))) {
                            return;
                        }
                        status = to;
                        statusEvents++;
                    } else if (kind == 1) {
                        int stars = 1 + sequence % 5;
                        halvesInFlight = 2 * stars;
                        if (refused(post(base.resolve(path + "/rating"), Map.of("rating", String.valueOf(stars), "_csrf", csrf),
                                Map.of("X-Fragment", "row")))) {
                            return;
                        }
                        halves = halvesInFlight;
                    } else {
                        String text = "note " + sequence + " of paper " + paper;
                        HttpResponse<String> saved = post(base.resolve(path + "/note"), Map.of("body", text,
                                "base_revision", String.valueOf(revision), "_csrf", csrf), Map.of("X-Fragment", "note"));
                        if (refused(saved)) {
                            return;
                        }
                        revision = Integer.parseInt(saved.headers().firstValue("X-Note-Revision").orElseThrow());
                        body = text;
                    }
                    acknowledgedTotal++;
                    acknowledged.countDown();
                }
            } catch (IOException | InterruptedException e) {
                // the server was killed while this write was in flight: it may or may not have been committed
            }
        }

        private boolean refused(HttpResponse<String> response) {
            if (response.statusCode() != 200) {
                refused = response.uri().getPath() + " answered " + response.statusCode();
            }
            return refused != null;
        }

        /**
         * What was acknowledged is there; beyond it at most the one write that was in flight. The writer then
         * carries on from what the file holds.
         */
        void assertKeptAndResume(Connection file) throws Exception {
            String where = " WHERE user_id = 1 AND paper_id = " + paper;
            int events = Integer.parseInt(text(file, "SELECT count(*) FROM status_event" + where));
            assertTrue(events == statusEvents || events == statusEvents + 1,
                    "paper " + paper + ": " + statusEvents + " acknowledged status changes, " + events + " kept");
            String storedStatus = text(file, "SELECT status FROM reading_status" + where);
            String storedHalves = text(file, "SELECT halves FROM rating" + where);
            assertEquals(null, refused, "a live server acknowledges every write");
            if (halves != null) {
                assertTrue(String.valueOf(halves).equals(storedHalves) || String.valueOf(halvesInFlight).equals(storedHalves),
                        "paper " + paper + ": rating " + halves + " acknowledged, " + storedHalves + " kept");
            }
            if (revision > 0) {
                String storedRevision = text(file, "SELECT revision FROM note" + where);
                int stored = Integer.parseInt(storedRevision);
                assertTrue(stored == revision || stored == revision + 1,
                        "paper " + paper + ": revision " + revision + " acknowledged, " + stored + " kept");
                assertEquals(body, text(file, "SELECT body FROM note_revision" + where + " AND revision = " + revision),
                        "paper " + paper + ": the acknowledged note is kept as its revision");
            }
            if (events == statusEvents && storedStatus != null) {
                assertEquals(status, storedStatus, "paper " + paper + ": the acknowledged status is kept");
            }
            statusEvents = events;
            status = storedStatus == null ? "none" : storedStatus;
            halves = storedHalves == null ? null : Integer.valueOf(storedHalves);
            halvesInFlight = null;
            String storedRevision = text(file, "SELECT revision FROM note" + where);
            revision = storedRevision == null ? 0 : Integer.parseInt(storedRevision);
            body = text(file, "SELECT body FROM note" + where);
        }
    }

    private Process launch(Path db) throws IOException {
        return new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-cp", System.getProperty("java.class.path"), "io.paperlog.Main", "--port", "0", "--db", db.toString())
                .directory(folder.toFile())
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
    }

    private static URI ready(Process server) throws IOException {
        BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
        String line = out.readLine();
        Matcher ready = READY.matcher(line == null ? "" : line);
        assertTrue(ready.find(), "the server starts: " + line);
        return URI.create(ready.group(1));
    }

    private String csrf(URI base, String path) throws Exception {
        Matcher meta = CSRF_META.matcher(get(base.resolve(path)).body());
        assertTrue(meta.find(), path + " carries a CSRF token");
        return meta.group(1);
    }

    private HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(20)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(URI uri, Map<String, String> form, Map<String, String> headers)
            throws IOException, InterruptedException {
        String body = new LinkedHashMap<>(form).entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static String text(Connection db, String sql) throws Exception {
        try (Statement statement = db.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            return rows.next() ? rows.getString(1) : null;
        }
    }
}
