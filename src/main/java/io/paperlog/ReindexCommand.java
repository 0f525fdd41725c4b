package io.paperlog;

import io.paperlog.db.Database;
import io.paperlog.search.SearchStore;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * {@code paperlog reindex}: rebuilds the search index of a database from its papers, notes, annotations, replies
 * and lists, for repair. The triggers keep it in step otherwise. No Paperlog may be running on the database.
 */
final class ReindexCommand {

    static final String USAGE = """
            Usage: java -jar paperlog.jar reindex --db FILE

            reindex  rebuilds the search index of the database FILE from what it holds (papers, notes,
                     annotations and their replies, lists and their items' notes) and checks it. Stop the
                     Paperlog that serves FILE first.

              --db FILE    the database              [PAPERLOG_DB, default ./data/paperlog.db]
            """;

    private ReindexCommand() {}

    static boolean handles(String[] args) {
        return args.length > 0 && args[0].equals("reindex");
    }

    static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
        String db = env.getOrDefault("PAPERLOG_DB", Config.DEFAULT_DATABASE.toString());
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
                if (!name.equals("--db")) {
                    throw new CommandLine.UsageException("unknown option '" + args[i] + "' for reindex");
                }
                if (value == null) {
                    if (i + 1 >= args.length || args[i + 1].startsWith("--")) {
                        throw new CommandLine.UsageException("--db needs a value");
                    }
                    value = args[++i];
                }
                db = value;
            }
            Path database = CommandLine.parsePath(db, "--db");
            if (!Files.isRegularFile(database)) {
                err.println("paperlog reindex: " + database + " does not exist");
                return 1;
            }
            long started = System.nanoTime();
            try (Database opened = Database.open(database, 1)) {
                int documents = SearchStore.reindex(opened);
                out.printf("Reindexed %s: %,d documents in %d ms, checked.%n", database, documents,
                        (System.nanoTime() - started) / 1_000_000);
            }
            return 0;
        } catch (CommandLine.UsageException e) {
            err.println("paperlog reindex: " + e.getMessage() + " (see reindex --help)");
            return 2;
        } catch (StartupException e) {
            err.println("paperlog reindex: " + e.getMessage());
            return 1;
        }
    }
}
