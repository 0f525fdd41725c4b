package io.paperlog.testing;

import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** One browser's worth of cookies against a {@link TestApp}: posts carry the page's CSRF token like a form would. */
public final class Client {

    private static final Pattern API_TOKEN = Pattern.compile("value=\"(pl_[A-Za-z0-9_-]{43})\"");
    private static final Pattern CSRF_META = Pattern.compile("<meta name=\"csrf-token\" content=\"([^\"]*)\">");

    private final TestApp app;
    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private final HttpClient http;

    Client(TestApp app) {
        this.app = app;
        this.http = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .cookieHandler(cookies)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    public HttpResponse<String> get(String path) {
        return TestApp.send(http, HttpRequest.newBuilder(app.uri(path)).GET().build());
    }

    /** A GET whose answer is read as bytes (a download). */
    public HttpResponse<byte[]> getBytes(String path) {
        try {
            return http.send(HttpRequest.newBuilder(app.uri(path)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (java.io.IOException e) {
            throw new IllegalStateException("request to " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Posts {@code content} as the file field {@code field} of a multipart/form-data form, as a browser's file input
     * sends it, with this client's CSRF token as the form's {@code _csrf} field and {@code fields} besides.
     */
    public HttpResponse<String> upload(String path, String field, String fileName, byte[] content,
                                       Map<String, String> fields) {
        String boundary = "----paperlog" + Long.toHexString(System.nanoTime());
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        Map<String, String> all = new LinkedHashMap<>();
        all.put("_csrf", csrfToken());
        all.putAll(fields);
        all.forEach((name, value) -> body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\""
                + name + "\"\r\n\r\n" + value + "\r\n").getBytes(StandardCharsets.UTF_8)));
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\""
                + fileName + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(app.uri(path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build();
        return TestApp.send(http, request);
    }

    /** Posts a form with the CSRF token the pages currently carry for this client. */
    public HttpResponse<String> post(String path, Map<String, String> form) {
        Map<String, String> withToken = new LinkedHashMap<>(form);
        withToken.putIfAbsent("_csrf", csrfToken());
        return postWithoutCsrf(path, withToken);
    }

    /** Posts exactly the given fields: no token is added. */
    public HttpResponse<String> postWithoutCsrf(String path, Map<String, String> form) {
        return send("POST", path, form, Map.of());
    }

    /** Any method, with the given form fields and headers, as a script would send it. */
    public HttpResponse<String> send(String method, String path, Map<String, String> form, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(app.uri(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .method(method, HttpRequest.BodyPublishers.ofString(encode(form)));
        headers.forEach(request::header);
        return TestApp.send(http, request.build());
    }

    /** A request with exactly this body and content type (and this client's cookies), as a script could send it. */
    public HttpResponse<String> sendRaw(String method, String path, String contentType, String body,
                                        Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(app.uri(path))
                .header("Content-Type", contentType)
                .method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        headers.forEach(request::header);
        return TestApp.send(http, request.build());
    }

    /** The CSRF token this client's pages carry right now (read from a page, as a browser's form would have it). */
    public String csrfToken() {
        HttpResponse<String> page = get(isLoggedIn() ? "/account" : "/login");
        if (page.statusCode() == 303) {
            page = get(java.net.URI.create(page.headers().firstValue("Location").orElseThrow()).getPath());
        }
        String body = page.body();
        Matcher meta = CSRF_META.matcher(body);
        if (!meta.find()) {
            throw new IllegalStateException("no csrf-token meta tag on the page");
        }
        return meta.group(1);
    }

    /** A new personal API token of this (signed-in) person, made on the tokens page; {@code scope} read or write. */
    public String apiToken(String name, String scope, String days) {
        HttpResponse<String> page = post("/account/tokens", Map.of("name", name, "scope", scope, "days", days));
        Matcher shown = API_TOKEN.matcher(page.body());
        if (page.statusCode() != 201 || !shown.find()) {
            throw new IllegalStateException("no token made: " + page.statusCode() + "\n" + page.body());
        }
        return shown.group(1);
    }

    public boolean isLoggedIn() {
        return cookie("paperlog_session").filter(v -> !v.isEmpty()).isPresent();
    }

    public Optional<String> cookie(String name) {
        return cookies.getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals(name)).map(HttpCookie::getValue).findFirst();
    }

    /** Replaces this client's session cookie, e.g. to replay an old one. */
    public void setSessionCookie(String value) {
        HttpCookie cookie = new HttpCookie("paperlog_session", value);
        cookie.setPath("/");
        cookie.setVersion(0);
        cookies.getCookieStore().removeAll();
        cookies.getCookieStore().add(app.uri("/"), cookie);
    }

    static String encode(Map<String, String> form) {
        return form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
