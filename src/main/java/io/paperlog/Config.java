package io.paperlog;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

/**
 * How one Paperlog instance runs: where it listens, where its database lives, whether its cookies are marked Secure
 * (behind HTTPS, which also turns on HSTS), and the address its links are built on ({@code baseUrl}, null to
 * trust only requests that name this server or a loopback address).
 */
public record Config(String host, int port, Path database, boolean secureCookies, URI baseUrl,
                     RollingBackups rollingBackups) {

    /** Backups taken while the server runs: into {@code folder}, one per {@code every}, the newest {@code keep} kept. */
    public record RollingBackups(Path folder, Duration every, int keep) {
        public static final Duration DEFAULT_EVERY = Duration.ofHours(24);
        public static final int DEFAULT_KEEP = 7;
        static final Duration LEAST_EVERY = Duration.ofMinutes(5);
        static final Duration MOST_EVERY = Duration.ofDays(30);
        static final int MOST_KEPT = 1000;
    }

    /** A server without rolling backups. */
    public Config(String host, int port, Path database, boolean secureCookies, URI baseUrl) {
        this(host, port, database, secureCookies, baseUrl, null);
    }

    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 7070;
    public static final Path DEFAULT_DATABASE = Path.of("data", "paperlog.db");
    static final String BASE_URL_RULE = "--base-url must be an http or https address like https://papers.example.org, "
            + "with no path, query or fragment (Paperlog is served at the root of its address)";

    public Config {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("host must not be empty");
        }
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be between 0 and 65535, got " + port);
        }
        if (database == null) {
            throw new IllegalArgumentException("database path must be given");
        }
        if (baseUrl != null && !isBaseUrl(baseUrl)) {
            throw new IllegalArgumentException(BASE_URL_RULE + ", got '" + baseUrl + "'");
        }
    }

    private static boolean isBaseUrl(URI uri) {
        return uri.isAbsolute() && uri.getHost() != null && ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
                && (uri.getRawPath() == null || uri.getRawPath().isEmpty() || uri.getRawPath().equals("/"))
                && uri.getRawQuery() == null && uri.getRawFragment() == null && uri.getRawUserInfo() == null;
    }

    public static Config defaults() {
        return new Config(DEFAULT_HOST, DEFAULT_PORT, DEFAULT_DATABASE, false, null);
    }

    public Config withPort(int newPort) {
        return new Config(host, newPort, database, secureCookies, baseUrl, rollingBackups);
    }

    public Config withDatabase(Path newDatabase) {
        return new Config(host, port, newDatabase, secureCookies, baseUrl, rollingBackups);
    }

    public Config withBaseUrl(URI newBaseUrl) {
        return new Config(host, port, database, secureCookies, newBaseUrl, rollingBackups);
    }

    public Config withRollingBackups(RollingBackups backups) {
        return new Config(host, port, database, secureCookies, baseUrl, backups);
    }
}
