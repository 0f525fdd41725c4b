package io.paperlog;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Map;

/** Turns flags and environment variables into a {@link Config}; flags win over the environment. */
final class CommandLine {

    static final String USAGE = """
            Usage: java -jar paperlog.jar [options]

            Options (each also read from the environment variable in brackets):
              --port N     port to listen on, 0 picks a free one   [PAPERLOG_PORT, default 7070]
              --host H     address to listen on                    [PAPERLOG_HOST, default 127.0.0.1]
              --db PATH    SQLite database file, created if absent [PAPERLOG_DB, default ./data/paperlog.db]
              --secure-cookies  mark cookies Secure and send HSTS: set when served over HTTPS
                                                       [PAPERLOG_SECURE_COOKIES=true, default off]
              --base-url URL  the address people reach Paperlog at, for the links it makes (invites,
                           resets, exports), e.g. https://papers.example.org; needed behind a reverse proxy
                                                       [PAPERLOG_BASE_URL, default: none]
              --help       print this help and exit
            """;

    /** What the command line asked for: run with a config, or print help. */
    record Parsed(Config config, boolean helpRequested) {}

    static final class UsageException extends RuntimeException {
        UsageException(String message) {
            super(message);
        }
    }

    private CommandLine() {}

    static Parsed parse(String[] args, Map<String, String> env) {
        String host = env.getOrDefault("PAPERLOG_HOST", Config.DEFAULT_HOST);
        String port = env.getOrDefault("PAPERLOG_PORT", String.valueOf(Config.DEFAULT_PORT));
        String db = env.getOrDefault("PAPERLOG_DB", Config.DEFAULT_DATABASE.toString());
        String portSource = env.containsKey("PAPERLOG_PORT") ? "PAPERLOG_PORT" : "--port";
        boolean secureCookies = parseBoolean(env.getOrDefault("PAPERLOG_SECURE_COOKIES", "false"));
        String baseUrl = env.get("PAPERLOG_BASE_URL");

        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String name = arg;
            String value = null;
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 0) {
                name = arg.substring(0, eq);
                value = arg.substring(eq + 1);
            }
            switch (name) {
                case "--help", "-h" -> {
                    return new Parsed(null, true);
                }
                case "--secure-cookies" -> secureCookies = value == null || parseBoolean(value);
                case "--port", "--host", "--db", "--base-url" -> {
                    if (value == null) {
                        // "--db --help" is a forgotten value, not a database named "--help"
                        if (i + 1 >= args.length || args[i + 1].startsWith("--")) {
                            throw new UsageException(name + " needs a value");
                        }
                        value = args[++i];
                    }
                    switch (name) {
                        case "--port" -> {
                            port = value;
                            portSource = "--port";
                        }
                        case "--host" -> host = value;
                        case "--base-url" -> baseUrl = value;
                        default -> db = value;
                    }
                }
                default -> throw new UsageException("unknown option '" + arg + "'");
            }
        }
        try {
            return new Parsed(new Config(requireHost(host), parsePort(port, portSource), parsePath(db), secureCookies,
                    parseBaseUrl(baseUrl)), false);
        } catch (IllegalArgumentException refused) {
            throw new UsageException(refused.getMessage());
        }
    }

    private static boolean parseBoolean(String raw) {
        return switch (raw.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "true", "1", "yes", "on" -> true;
            case "false", "0", "no", "off", "" -> false;
            default -> throw new UsageException("PAPERLOG_SECURE_COOKIES must be true or false, got '" + raw + "'");
        };
    }

    private static String requireHost(String host) {
        if (host.isBlank()) {
            throw new UsageException("--host must not be empty");
        }
        return host.trim();
    }

    private static int parsePort(String raw, String source) {
        try {
            int port = Integer.parseInt(raw.trim());
            if (port >= 0 && port <= 65_535) {
                return port;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new UsageException(source + " must be a number from 0 to 65535, got '" + raw + "'");
    }

    /** The address; null or blank means none. What makes it acceptable is {@link Config}'s rule. */
    private static URI parseBaseUrl(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return new URI(raw.strip());
        } catch (URISyntaxException e) {
            throw new UsageException(Config.BASE_URL_RULE + ", got '" + raw + "'");
        }
    }

    private static Path parsePath(String raw) {
        if (raw.isBlank()) {
            throw new UsageException("--db must not be empty");
        }
        try {
            return Path.of(raw);
        } catch (InvalidPathException e) {
            throw new UsageException("--db is not a valid path: " + raw);
        }
    }
}
