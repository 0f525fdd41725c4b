package io.paperlog;

import io.paperlog.db.Backups;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/**
 * {@code paperlog backup} and {@code paperlog restore}: a consistent copy of a database (while a Paperlog serves it,
 * or not), and putting one back in place of a database that no Paperlog is running on.
 */
final class BackupCommand {

    static final String USAGE = """
            Usage: java -jar paperlog.jar backup --db FILE --to BACKUP
                   java -jar paperlog.jar restore --from BACKUP --db FILE

            backup   copies the database FILE into BACKUP (a new file), consistently, while a Paperlog
                     keeps serving it; the copy is checked before it gets its name.
            restore  checks BACKUP (SQLite's integrity check, a Paperlog schema this version knows) and puts it
                     in place of FILE, which no running Paperlog may be using; the database it replaces is
                     kept beside it as FILE.before-restore-<time>.

              --db FILE    the database              [PAPERLOG_DB, default ./data/paperlog.db]
              --to BACKUP  where the backup goes (backup)
              --from BACKUP  the backup to restore (restore)
            """;

    private BackupCommand() {}

    static boolean handles(String[] args) {
        return args.length > 0 && (args[0].equals("backup") || args[0].equals("restore"));
    }

    static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
        String command = args[0];
        String db = env.getOrDefault("PAPERLOG_DB", Config.DEFAULT_DATABASE.toString());
        String to = null;
        String from = null;
        try {
            for (int i = 1; i < args.length; i++) {
                String name = args[i];
                String value = null;
                int eq = name.indexOf('=');
                if (name.startsWith("--") && eq > 0) {
                    value = name.substring(eq + 1);
                    name = name.substring(0, eq);
                }
                if (name.equals("--help") || name.equals("-h")) {
                    out.print(USAGE);
                    return 0;
                }
                if (!name.equals("--db") && !(name.equals("--to") && command.equals("backup"))
                        && !(name.equals("--from") && command.equals("restore"))) {
                    throw new CommandLine.UsageException("unknown option '" + args[i] + "' for " + command);
                }
                if (value == null) {
                    if (i + 1 >= args.length || args[i + 1].startsWith("--")) {
                        throw new CommandLine.UsageException(name + " needs a value");
                    }
                    value = args[++i];
                }
                switch (name) {
                    case "--to" -> to = value;
                    case "--from" -> from = value;
                    default -> db = value;
                }
            }
            Path database = CommandLine.parsePath(db, "--db");
            if (command.equals("backup")) {
                Path target = CommandLine.parsePath(required(to, "--to", command), "--to");
                Backups.copy(database, target);
                out.printf("Backed up %s to %s (%,d bytes, checked).%n", database, target, Files.size(target));
            } else {
                Path backup = CommandLine.parsePath(required(from, "--from", command), "--from");
                Path kept = Backups.restore(backup, database, Clock.systemUTC());
                out.printf("Restored %s into %s.%s%n", backup, database,
                        kept == null ? "" : " The database it replaced is kept as " + kept + ".");
            }
            return 0;
        } catch (CommandLine.UsageException e) {
            err.println("paperlog " + command + ": " + e.getMessage() + " (see " + command + " --help)");
            return 2;
        } catch (Backups.BackupException e) {
            err.println("paperlog " + command + ": " + e.getMessage());
            return 1;
        } catch (java.io.IOException e) {
            err.println("paperlog " + command + ": " + e.getMessage());
            return 1;
        }
    }

    private static String required(String value, String flag, String command) {
        if (value == null) {
            throw new CommandLine.UsageException(command + " needs " + flag);
        }
        return value;
    }
}
