package io.paperlog.bench;

import io.paperlog.testing.TestApp;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A browser-like client of a server in another process: it keeps cookies and logs in through the login page. */
final class ScaleClient {

    private static final Pattern CSRF_META = Pattern.compile("<meta name=\"csrf-token\" content=\"([^\"]*)\">");

    private final String base;
    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).build();

    String base() {
        return base;
    }

    ScaleClient(String base) {
        this.base = base;
    }

    HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base).resolve(path)).GET().build());
    }

    /** The CSRF token the page at {@code path} gives its forms. */
    String csrf(String path) {
        Matcher csrf = CSRF_META.matcher(get(path).body());
        if (!csrf.find()) {
            throw new IllegalStateException("no CSRF token on " + path);
        }
        return csrf.group(1);
    }

    /** A form posted as a page's own form would be, with its CSRF token. */
    HttpResponse<String> post(String path, String form, String csrf) {
        return send(HttpRequest.newBuilder(URI.create(base).resolve(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form + "&_csrf="
                        + URLEncoder.encode(csrf, StandardCharsets.UTF_8))).build());
    }

    /** Logs in as {@code username} with the generator's password; a refused login is an exception. */
    void logIn(String username) {
        Matcher csrf = CSRF_META.matcher(get("/login").body());
        if (!csrf.find()) {
            throw new IllegalStateException("no CSRF token on the login page");
        }
        String form = "username=" + username + "&password=" + URLEncoder.encode(TestApp.PASSWORD, StandardCharsets.UTF_8)
                + "&_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(base).resolve("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
        if (response.statusCode() != 303) {
            throw new IllegalStateException("login answered " + response.statusCode());
        }
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
