package io.paperlog;

import java.net.URI;
import java.nio.file.Path;

/**
 * How one Paperlog instance runs: where it listens, where its database lives, whether its cookies are marked Secure
 * (behind HTTPS, which also turns on HSTS), and the address its links are built on ({@code baseUrl}, null to
 * trust only requests that name this server or a loopback address).
 */
public record Config(String host, int port, Path database, boolean secureCookies, URI baseUrl) {

    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 7070;
    public static final Path DEFAULT_DATABASE = Path.of("data", "paperlog.db");

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
        if (baseUrl != null && (!baseUrl.isAbsolute() || baseUrl.getHost() == null
                || !("http".equals(baseUrl.getScheme()) || "https".equals(baseUrl.getScheme())))) {
            throw new IllegalArgumentException("the base URL must be an http or https address, like https://papers.example.org");
        }
    }

    public static Config defaults() {
        return new Config(DEFAULT_HOST, DEFAULT_PORT, DEFAULT_DATABASE, false, null);
    }

    public Config withPort(int newPort) {
        return new Config(host, newPort, database, secureCookies, baseUrl);
    }

    public Config withDatabase(Path newDatabase) {
        return new Config(host, port, newDatabase, secureCookies, baseUrl);
    }

    public Config withBaseUrl(URI newBaseUrl) {
        return new Config(host, port, database, secureCookies, newBaseUrl);
    }
}
