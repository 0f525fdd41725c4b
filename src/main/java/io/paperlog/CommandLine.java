package io.paperlog;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
              --backup-dir DIR  keep rolling backups of the database in DIR while running
                                                       [PAPERLOG_BACKUP_DIR, default: none]
              --backup-every D  how often: 30m, 6h, 1d (from 5m to 30d)
                                                       [PAPERLOG_BACKUP_EVERY, default 24h]
              --backup-keep N   how many to keep, the oldest pruned first (1 to 1000)
                                                       [PAPERLOG_BACKUP_KEEP, default 7]
              --help       print this help and exit

            Backups of a database, running or not (see 'backup --help'):
              java -jar paperlog.jar backup --db FILE --to BACKUP
              java -jar paperlog.jar restore --from BACKUP --db FILE

            Rebuild the search index, for repair (see 'reindex --help'):
              java -jar paperlog.jar reindex --db FILE
            """;

    private static final Pattern DURATION = Pattern.compile("(\\d{1,6})([mhd])");

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
        String backupDir = env.get("PAPERLOG_BACKUP_DIR");
        String backupEvery = env.get("PAPERLOG_BACKUP_EVERY");
        String backupKeep = env.get("PAPERLOG_BACKUP_KEEP");

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
                case "--port", "--host", "--db", "--base-url", "--backup-dir", "--backup-every", "--backup-keep" -> {
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
                        case "--backup-dir" -> backupDir = value;
                        case "--backup-every" -> backupEvery = value;
                        case "--backup-keep" -> backupKeep = value;
                        default -> db = value;
                    }
                }
                default -> throw new UsageException("unknown option '" + arg + "'");
            }
        }
        try {
            return new Parsed(new Config(requireHost(host), parsePort(port, portSource), parsePath(db, "--db"),
                    secureCookies, parseBaseUrl(baseUrl), parseRolling(backupDir, backupEvery, backupKeep)), false);
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

    static Path parsePath(String raw, String flag) {
        if (raw.isBlank()) {
            throw new UsageException(flag + " must not be empty");
        }
        try {
            return Path.of(raw);
        } catch (InvalidPathException e) {
            throw new UsageException(flag + " is not a valid path: " + raw);
        }
    }

    /** Rolling backups: none without a folder; how often and how many only with one. */
    private static Config.RollingBackups parseRolling(String dir, String every, String keep) {
        if (dir == null || dir.isBlank()) {
            if (every != null || keep != null) {
                throw new UsageException((every != null ? "--backup-every" : "--backup-keep")
                        + " needs --backup-dir, the folder the backups go in");
            }
            return null;
        }
        return new Config.RollingBackups(parsePath(dir, "--backup-dir"),
                every == null ? Config.RollingBackups.DEFAULT_EVERY : parseDuration(every),
                keep == null ? Config.RollingBackups.DEFAULT_KEEP : parseKeep(keep));
    }

    /** 30m, 6h, 1d: a whole number of minutes, hours or days. */
    static Duration parseDuration(String raw) {
        Matcher m = DURATION.matcher(raw.strip().toLowerCase(Locale.ROOT));
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            Duration d = switch (m.group(2)) {
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                default -> Duration.ofDays(n);
            };
            if (d.compareTo(Config.RollingBackups.LEAST_EVERY) >= 0 && d.compareTo(Config.RollingBackups.MOST_EVERY) <= 0) {
                return d;
            }
        }
        throw new UsageException("--backup-every must be a duration like 30m, 6h or 1d, from 5m to 30d, got '" + raw + "'");
    }

    private static int parseKeep(String raw) {
        String s = raw.strip();
        if (s.matches("\\d{1,4}") && Integer.parseInt(s) >= 1 && Integer.parseInt(s) <= Config.RollingBackups.MOST_KEPT) {
            return Integer.parseInt(s);
        }
        throw new UsageException("--backup-keep must be a number from 1 to " + Config.RollingBackups.MOST_KEPT
                + ", got '" + raw + "'");
    }
}
