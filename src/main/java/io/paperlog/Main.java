package io.paperlog;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;

/** Starts Paperlog from the command line and prints where it listens. */
public final class Main {

    private Main() {}

    public static void main(String[] args) {
        System.setProperty("org.jooq.no-logo", "true");
        System.setProperty("org.jooq.no-tips", "true");
        int exitCode = run(args, System.out, System.err);
        if (exitCode != 0) {
            System.exit(exitCode);
        }
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        if (BackupCommand.handles(args)) {
            return BackupCommand.run(args, System.getenv(), out, err);
        }
        if (ReindexCommand.handles(args)) {
            return ReindexCommand.run(args, System.getenv(), out, err);
        }
        CommandLine.Parsed parsed;
        try {
            parsed = CommandLine.parse(args, System.getenv());
        } catch (CommandLine.UsageException | IllegalArgumentException e) {
            err.println("paperlog: " + e.getMessage() + " (see --help)");
            return 2;
        }
        if (parsed.helpRequested()) {
            out.print(CommandLine.USAGE);
            return 0;
        }
        try {
            App app = App.start(parsed.config());
            Runtime.getRuntime().addShutdownHook(new Thread(app::close, "paperlog-shutdown"));
            out.printf("Paperlog is running at %s (started in %d ms)%n", app.url(), millisSinceLaunch());
            Config config = parsed.config();
            if (config.baseUrl() == null && (config.host().equals("0.0.0.0") || config.host().equals("::"))) {
                out.println("Note: links Paperlog makes (invites, password resets) name " + app.url()
                        + " unless a request names this server; set --base-url to the address people use.");
            }
            return 0;
        } catch (StartupException e) {
            err.println("paperlog: " + e.getMessage());
            return 1;
        }
    }

    private static long millisSinceLaunch() {
        Instant launched = ProcessHandle.current().info().startInstant().orElse(Instant.now());
        return Math.max(0, Duration.between(launched, Instant.now()).toMillis());
    }
}
