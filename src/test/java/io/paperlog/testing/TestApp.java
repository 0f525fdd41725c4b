package io.paperlog.testing;

import io.paperlog.App;
import io.paperlog.Config;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real Paperlog on a free port over a fresh SQLite file. {@link #get} is an anonymous request without cookies;
 * {@link #visitor()} is a browser-like client that keeps cookies; {@link #admin}/{@link #member} make accounts
 * through the real pages and return a client logged in as them.
 */
public final class TestApp implements AutoCloseable {

    public static final String PASSWORD = "correct horse battery staple";
    private static final Pattern INVITE_LINK = Pattern.compile("value=\"(http://[^\"]+/invite/[A-Za-z0-9_-]{43})\"");

    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private final App app;
    private final Path database;
    private Client firstAdmin;
    private String lastInvitePath;

    private TestApp(App app, Path database) {
        this.app = app;
        this.database = database;
    }

    public static TestApp start(Path folder) {
        return start(folder, Clock.systemUTC());
    }

    public static TestApp start(Path folder, Clock clock) {
        return start(folder, clock, UnaryOperator.identity());
    }

    /** A Paperlog whose configuration {@code adjust} changes (a base URL, say) from the tests' usual one. */
    public static TestApp start(Path folder, Clock clock, UnaryOperator<Config> adjust) {
        Path database = folder.resolve("paperlog.db");
        return new TestApp(App.start(adjust.apply(new Config("127.0.0.1", 0, database, false, null)), clock), database);
    }

    public App app() {
        return app;
    }

    public Path databaseFile() {
        return database;
    }

    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + app.port() + path);
    }

    /** A request with no cookies at all. */
    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET().build());
    }

    /** A fresh browser-like client with its own cookie jar, not logged in. */
    public Client visitor() {
        return new Client(this);
    }

    /**
     * The instance's first account (an admin), created through /setup the first time it is asked for; later calls
     * return the same logged-in client.
     */
    public Client admin() {
        if (firstAdmin == null) {
            Client client = visitor();
            HttpResponse<String> response = client.post("/setup", Map.of("username", "admin", "display_name", "Ada Admin",
                    "password", PASSWORD, "confirm", PASSWORD));
            if (response.statusCode() != 303) {
                throw new IllegalStateException("setup failed: " + response.statusCode() + "\n" + response.body());
            }
            firstAdmin = client;
        }
        return firstAdmin;
    }

    /** A new member account, joined through an invite the admin creates; returns a client logged in as them. */
    public Client member(String username) {
        return member(username, username.substring(0, 1).toUpperCase() + username.substring(1));
    }

    public Client member(String username, String displayName) {
        HttpResponse<String> invitePage = admin().post("/admin/invites", Map.of());
        Matcher link = INVITE_LINK.matcher(invitePage.body());
        if (invitePage.statusCode() != 201 || !link.find()) {
            throw new IllegalStateException("could not create an invite: " + invitePage.statusCode());
        }
        String path = URI.create(link.group(1)).getPath();
        lastInvitePath = path;
        Client client = visitor();
        HttpResponse<String> joined = client.post(path, Map.of("username", username, "display_name", displayName,
                "password", PASSWORD, "confirm", PASSWORD));
        if (joined.statusCode() != 303) {
            throw new IllegalStateException("joining failed: " + joined.statusCode() + "\n" + joined.body());
        }
        return client;
    }

    /** The path of the invite the latest {@link #member} joined with: used, so no longer valid. */
    public String lastInvitePath() {
        return lastInvitePath;
    }

    public static HttpResponse<String> send(HttpRequest request) {
        return send(CLIENT, request);
    }

    static HttpResponse<String> send(HttpClient client, HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("request to " + request.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        app.close();
    }
}
