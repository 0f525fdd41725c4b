package io.paperlog.testing;

import io.paperlog.App;
import io.paperlog.Config;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;

/** A real Paperlog on a free port over a fresh SQLite file, with a plain HTTP client that never follows redirects. */
public final class TestApp implements AutoCloseable {

    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private final App app;
    private final Path database;

    private TestApp(App app, Path database) {
        this.app = app;
        this.database = database;
    }

    public static TestApp start(Path folder) {
        Path database = folder.resolve("paperlog.db");
        return new TestApp(App.start(new Config("127.0.0.1", 0, database)), database);
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

    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET().build());
    }

    public static HttpResponse<String> send(HttpRequest request) {
        try {
            return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
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
