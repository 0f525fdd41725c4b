package io.paperlog.db;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.paperlog.testing.Client;
import io.paperlog.testing.TestApp;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 32 connections at once (8 people, 4 connections each, each connection on its own quarter of the papers) send a
 * mix of status, rating and note writes as app.js sends them. Every one must be acknowledged (200), and the file
 * must then hold exactly what was acknowledged last for each paper, with one status event per acknowledged change.
 */
class ConcurrentWritesHttpTest {

    static final int PEOPLE = 8;
    static final int CONNECTIONS_EACH = 4;
    static final int WRITES_EACH = 100;
    static final String[] STATUSES = {"want", "reading", "read", "abandoned"};

    @TempDir
    Path folder;

    @Test
    void thirtyTwoClientsWritingAtOnceAreAllAcknowledgedAndAllKept() throws Exception {
        try (TestApp app = TestApp.start(folder)) {
            List<Worker> workers = new ArrayList<>();
            for (int person = 0; person < PEOPLE; person++) {
                String username = person == 0 ? "admin" : "writer" + person;
                Client signedIn = person == 0 ? app.admin() : app.member(username);
                String csrf = signedIn.csrfToken();
                for (int k = 0; k < CONNECTIONS_EACH; k++) {
                    Client connection = app.visitor();
                    connection.setSessionCookie(signedIn.cookie("paperlog_session").orElseThrow());
                    workers.add(new Worker(username, k, connection, csrf, new Random(31L * person + k)));
                }
            }
            ExecutorService pool = Executors.newFixedThreadPool(workers.size());
            CountDownLatch start = new CountDownLatch(1);
            List<Future<List<String>>> refusals = new ArrayList<>();
            for (Worker worker : workers) {
                refusals.add(pool.submit(() -> {
                    start.await();
                    return worker.run();
                }));
            }
            start.countDown();
            List<String> notAcknowledged = new ArrayList<>();
            for (Future<List<String>> future : refusals) {
                notAcknowledged.addAll(future.get());
            }
            pool.shutdown();
            assertEquals(List.of(), notAcknowledged, "every write is acknowledged, none answers 5xx");

            try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + app.databaseFile())) {
                for (Worker worker : workers) {
                    worker.assertKept(db);
                }
                for (int person = 0; person < PEOPLE; person++) {
                    String username = person == 0 ? "admin" : "writer" + person;
                    int expected = workers.stream().filter(w -> w.username.equals(username))
                            .mapToInt(w -> w.statusChanges).sum();
                    assertEquals(expected, count(db, "SELECT count(*) FROM status_event e JOIN account a"
                            + " ON a.id = e.user_id WHERE a.username = ?", username), "status events of " + username);
                }
            }
        }
    }

    /** One connection: writes papers k+1, k+5, k+9 ... of its person and remembers what was acknowledged. */
    private static final class Worker {
        final String username;
        final int quarter;
        final Client client;
        final String csrf;
        final Random random;
        final Map<Integer, String> status = new HashMap<>();
        final Map<Integer, Integer> halves = new HashMap<>();
        final Map<Integer, String> note = new HashMap<>();
        final Map<Integer, Integer> revision = new HashMap<>();
        int statusChanges;

        Worker(String username, int quarter, Client client, String csrf, Random random) {
            this.username = username;
            this.quarter = quarter;
            this.client = client;
            this.csrf = csrf;
            this.random = random;
        }

        List<String> run() {
            List<String> refused = new ArrayList<>();
            for (int i = 0; i < WRITES_EACH; i++) {
                int paper = quarter + 1 + CONNECTIONS_EACH * random.nextInt(100 / CONNECTIONS_EACH);
                String path = "/papers/" + paper;
                HttpResponse<String> response;
                switch (i % 3) {
                    case 0 -> {
                        String to = STATUSES[random.nextInt(STATUSES.length)];
                        response = post(path + "/status", "row", Map.of("status", to));
                        if (response.statusCode() == 200) {
                            if (!to.equals(status.getOrDefault(paper, "none"))) {
                                statusChanges++;
                            }
                            status.put(paper, to);
                        }
                    }
                    case 1 -> {
                        int stars = 1 + random.nextInt(5);
                        response = post(path + "/rating", "row", Map.of("rating", String.valueOf(stars)));
                        if (response.statusCode() == 200) {
                            halves.put(paper, 2 * stars);
                        }
                    }
                    default -> {
                        String body = username + " " + quarter + " note " + i;
                        response = post(path + "/note", "note", Map.of("body", body,
                                "base_revision", String.valueOf(revision.getOrDefault(paper, 0))));
                        if (response.statusCode() == 200) {
                            note.put(paper, body);
                            revision.put(paper, Integer.parseInt(response.headers().firstValue("X-Note-Revision").orElseThrow()));
                        }
                    }
                }
                if (response.statusCode() != 200) {
                    refused.add(username + " " + path + " write " + i + ": " + response.statusCode());
                }
            }
            return refused;
        }

        private HttpResponse<String> post(String path, String fragment, Map<String, String> form) {
            Map<String, String> fields = new LinkedHashMap<>(form);
            fields.put("_csrf", csrf);
            return client.send("POST", path, fields, Map.of("X-Fragment", fragment));
        }

        void assertKept(Connection db) throws Exception {
            for (var e : status.entrySet()) {
                assertEquals(e.getValue(), text(db, "SELECT s.status FROM reading_status s JOIN account a ON a.id = s.user_id"
                        + " WHERE a.username = ? AND s.paper_id = " + e.getKey(), username), username + " status " + e.getKey());
            }
            for (var e : halves.entrySet()) {
                assertEquals(e.getValue(), count(db, "SELECT r.halves FROM rating r JOIN account a ON a.id = r.user_id"
                        + " WHERE a.username = ? AND r.paper_id = " + e.getKey(), username), username + " rating " + e.getKey());
            }
            for (var e : note.entrySet()) {
                String where = " JOIN account a ON a.id = n.user_id WHERE a.username = ? AND n.paper_id = " + e.getKey();
                assertEquals(e.getValue(), text(db, "SELECT n.body FROM note n" + where, username), username + " note " + e.getKey());
                assertEquals(revision.get(e.getKey()), count(db, "SELECT n.revision FROM note n" + where, username));
            }
        }
    }

    static int count(Connection db, String sql, String username) throws Exception {
        return Integer.parseInt(text(db, sql, username));
    }

    static String text(Connection db, String sql, String username) throws Exception {
        try (PreparedStatement statement = db.prepareStatement(sql)) {
            statement.setString(1, username);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? rows.getString(1) : null;
            }
        }
    }
}
