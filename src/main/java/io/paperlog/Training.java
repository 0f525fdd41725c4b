package io.paperlog;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The training run that {@code mvn package} records the class-data archive ({@code target/paperlog.jsa}) from:
 * Paperlog on a throwaway database, asked for what a first visit and a first day of use ask for, then stopped.
 * Every class it loads is stored in the archive, already parsed and verified, for the run command to map in.
 */
final class Training {

    private static final Pattern CSRF_META = Pattern.compile("<meta name=\"csrf-token\" content=\"([^\"]*)\">");
    private static final String PASSWORD = "training run password, thrown away";

    private Training() {}

    public static void main(String[] args) throws Exception {
        System.setProperty("org.jooq.no-logo", "true");
        System.setProperty("org.jooq.no-tips", "true");
        Path folder = Files.createTempDirectory("paperlog-training");
        try {
            Config config = CommandLine.parse(new String[] {"--port", "0", "--db",
                    folder.resolve("paperlog.db").toString()}, Map.of()).config();
            try (App app = App.start(config)) {
                visit(URI.create(app.url()));
            }
        } finally {
            try (Stream<Path> files = Files.walk(folder)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
        System.exit(0);
    }

    private static void visit(URI base) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
                .followRedirects(HttpClient.Redirect.NEVER).build();
        String setupPage = get(http, base, "/setup");
        post(http, base, "/setup", Map.of("username", "trainer", "display_name", "Trainer", "password", PASSWORD,
                "confirm", PASSWORD, "_csrf", csrf(setupPage)));
        String csrf = csrf(get(http, base, "/"));
        post(http, base, "/papers/1/status", Map.of("status", "reading", "_csrf", csrf));
        post(http, base, "/papers/1/rating", Map.of("rating", "4", "_csrf", csrf));
        post(http, base, "/papers/1/note", Map.of("body", "Attention, $O(n^2)$.", "base_revision", "0", "_csrf", csrf));
        for (String page : new String[] {"/", "/papers/1", "/library", "/stats", "/activity", "/lists", "/account",
                "/annotations", "/admin", "/login", "/no-such-page"}) {
            get(http, base, page);
        }
    }

    private static String csrf(String page) {
        Matcher meta = CSRF_META.matcher(page);
        return meta.find() ? meta.group(1) : "";
    }

    private static String get(HttpClient http, URI base, String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(base.resolve(path)).build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    private static void post(HttpClient http, URI base, String path, Map<String, String> form)
            throws IOException, InterruptedException {
        String body = new LinkedHashMap<>(form).entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        http.send(HttpRequest.newBuilder(base.resolve(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.discarding());
    }
}
