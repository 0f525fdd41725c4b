package io.paperlog.bench;

import io.paperlog.accounts.Passwords;
import io.paperlog.db.Database;
import io.paperlog.testing.TestApp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Random;

/**
 * Not a test: makes a large instance for {@link ScaleBenchmark} (issue 13's scale aim): 100,000 generated papers
 * besides the seeded 100, 100 accounts ({@code user001}, an admin, to {@code user100}, all with
 * {@link TestApp#PASSWORD}), 1,000,000 statuses (skewed: user001 has about 72,000, user100 about 5,000; popular
 * papers more often) with their status events and activity, ratings, 100,000 Markdown notes, 100,000 annotations
 * anchored to passages of abstracts (some shared, some with replies and tags), personal tags on 200,000 papers and
 * 20 reading lists. The file is first created and migrated by Paperlog itself; the rows then go in through one
 * connection, prepared statements and large transactions, the search index filled by its own triggers. Run with:
 *
 * <pre>
 * mvn -q -o test-compile dependency:build-classpath -Dmdep.outputFile=target/test.cp
 * java -cp target/classes:target/test-classes:$(cat target/test.cp) io.paperlog.bench.ScaleGenerator /tmp/scale.db
 * </pre>
 *
 * An optional second argument scales the row counts down (0.1 makes a tenth of everything), for trying it out.
 */
public final class ScaleGenerator {

    static final int ACCOUNTS = 100;
    static final int PAPERS = 100_000;
    static final int STATUSES = 1_000_000;
    static final int NOTES = 100_000;
    static final int ANNOTATIONS = 100_000;
    /** The first generated paper's id: the seeded papers are 1 to 100. */
    static final int FIRST_PAPER = 101;
    static final String HEAVY_USER = "user001";

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: ScaleGenerator <new database file> [fraction]");
            System.exit(2);
        }
        Path file = Path.of(args[0]).toAbsolutePath();
        double fraction = args.length > 1 ? Double.parseDouble(args[1]) : 1.0;
        if (Files.exists(file)) {
            System.err.println(file + " exists: give a new file (the generator never adds to an instance).");
            System.exit(2);
        }
        generate(file, fraction);
    }

    /** Creates {@code file} with the scaled instance; returns the seconds it took. */
    static double generate(Path file, double fraction) throws Exception {
        long start = System.nanoTime();
        Database.open(file, 1).close();
        step(start, "created and migrated");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA journal_mode = DELETE");
                s.execute("PRAGMA synchronous = OFF");
                s.execute("PRAGMA cache_size = -400000");
                s.execute("PRAGMA temp_store = MEMORY");
                s.execute("PRAGMA foreign_keys = OFF");
            }
            c.setAutoCommit(false);
            accounts(c);
            int papers = (int) Math.round(PAPERS * fraction);
            int[] citations = papers(c, papers);
            c.commit();
            step(start, papers + " papers (with the search index)");
            new ScaleMarks(c, citations, ACCOUNTS, FIRST_PAPER).write((int) Math.round(STATUSES * fraction),
                    (int) Math.round(NOTES * fraction), (int) Math.round(ANNOTATIONS * fraction), start);
            lists(c, papers);
            c.commit();
            step(start, "lists");
            c.setAutoCommit(true);
            try (Statement s = c.createStatement()) {
                s.execute("ANALYZE");
                step(start, "analyzed");
                s.execute("PRAGMA journal_mode = WAL");
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("Generated %s in %.1f s: %,d bytes (%.0f MB)%n", file, seconds, Files.size(file),
                Files.size(file) / 1e6);
        return seconds;
    }

    static void step(long start, String what) {
        System.out.printf("%7.1f s  %s%n", (System.nanoTime() - start) / 1e9, what);
    }

    private static void accounts(Connection c) throws SQLException {
        String hash = new Passwords().hash(TestApp.PASSWORD);
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO account (id, username, display_name,"
                + " password_hash, is_admin, created_at, password_changed_at) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            Random random = new Random(1);
            for (int id = 1; id <= ACCOUNTS; id++) {
                insert.setInt(1, id);
                insert.setString(2, String.format("user%03d", id));
                insert.setString(3, ScaleText.GIVEN[random.nextInt(ScaleText.GIVEN.length)] + " "
                        + ScaleText.FAMILY[random.nextInt(ScaleText.FAMILY.length)]);
                insert.setString(4, hash);
                insert.setInt(5, id == 1 ? 1 : 0);
                insert.setString(6, "2024-01-01T00:00:00Z");
                insert.setString(7, "2024-01-01T00:00:00Z");
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /** Inserts the papers; returns each one's citations (index 0 is paper {@link #FIRST_PAPER}). */
    private static int[] papers(Connection c, int count) throws SQLException {
        int[] citations = new int[count];
        Random random = new Random(2);
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO paper (id, title, citations, abstract,"
                + " created_at, year, authors, venue, arxiv_id, added_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (int i = 0; i < count; i++) {
                int id = FIRST_PAPER + i;
                citations[i] = (int) Math.min(200_000, Math.exp(3 + 1.6 * random.nextGaussian()));
                insert.setInt(1, id);
                insert.setString(2, ScaleText.title(id));
                insert.setInt(3, citations[i]);
                insert.setString(4, ScaleText.abstractOf(id));
                insert.setString(5, timestamp(random.nextInt(2 * 365 * 86_400)));
                insert.setInt(6, Math.max(1990, 2026 - (int) Math.abs(6 * random.nextGaussian())));
                insert.setString(7, ScaleText.authors(random));
                insert.setString(8, random.nextInt(3) == 0 ? null
                        : ScaleText.VENUES[random.nextInt(ScaleText.VENUES.length)] + " " + (2015 + random.nextInt(11)));
                insert.setString(9, random.nextInt(4) == 0 ? null : String.format("cs/%07d", 9_000_000 + i));
                insert.setInt(10, 1 + random.nextInt(ACCOUNTS));
                insert.addBatch();
                if (i % 5000 == 4999) {
                    insert.executeBatch();
                }
            }
            insert.executeBatch();
        }
        return citations;
    }

    private static void lists(Connection c, int papers) throws SQLException {
        Random random = new Random(5);
        String[] visibilities = {"team", "members", "private"};
        try (PreparedStatement list = c.prepareStatement("INSERT INTO reading_list (id, owner_id, name, description,"
                + " visibility, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)");
             PreparedStatement item = c.prepareStatement("INSERT OR IGNORE INTO list_item (list_id, paper_id, position,"
                     + " note, added_by, added_at) VALUES (?, ?, ?, ?, ?, ?)");
             PreparedStatement member = c.prepareStatement("INSERT OR IGNORE INTO list_member (list_id, account_id,"
                     + " role, added_at) VALUES (?, ?, ?, ?)")) {
            for (int id = 1; id <= 20; id++) {
                int owner = 1 + random.nextInt(10);
                String[] topic = ScaleText.TOPICS[id % ScaleText.TOPICS.length];
                list.setInt(1, id);
                list.setInt(2, owner);
                list.setString(3, "Reading group: " + topic[0] + " and " + topic[1]);
                list.setString(4, "Papers on " + topic[0] + " we read together, " + topic[2] + " first.");
                list.setString(5, visibilities[id % 3]);
                list.setString(6, timestamp(id * 86_400));
                list.setString(7, timestamp(id * 86_400));
                list.executeUpdate();
                int items = 20 + random.nextInt(181);
                for (int position = 1; position <= items; position++) {
                    item.setInt(1, id);
                    item.setInt(2, FIRST_PAPER + random.nextInt(papers));
                    item.setInt(3, position * 1024);
                    item.setString(4, random.nextInt(4) == 0 ? "Why read this: " + ScaleText.comment(random) : "");
                    item.setInt(5, owner);
                    item.setString(6, timestamp(id * 86_400 + position));
                    item.addBatch();
                }
                item.executeBatch();
                for (int m = 0; m < 8; m++) {
                    member.setInt(1, id);
                    member.setInt(2, 1 + (owner + random.nextInt(ACCOUNTS - 1)) % ACCOUNTS);
                    member.setString(3, m % 3 == 0 ? "editor" : "viewer");
                    member.setString(4, timestamp(id * 86_400));
                    member.addBatch();
                }
                member.executeBatch();
            }
        }
    }

    /** The time {@code seconds} after 2024-06-01, as Paperlog stores it. */
    static String timestamp(long seconds) {
        return java.time.Instant.ofEpochSecond(1_717_200_000L + seconds).toString();
    }
}
