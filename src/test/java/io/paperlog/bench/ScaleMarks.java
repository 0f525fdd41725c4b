package io.paperlog.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * What {@link ScaleGenerator}'s people did, in the order they did it: statuses (each with its status event and
 * activity entry), ratings, notes (with their first revision), annotations on passages of abstracts (shared ones in
 * the activity, some with replies and tags) and personal tags. Account {@code a} marks a number of papers falling
 * as {@code a^-0.6}, each chosen with a weight growing with its citations, without repeats.
 */
final class ScaleMarks {

    private static final String[] STATUSES = {"want", "reading", "read", "abandoned"};
    private static final String[] COLOURS = {"yellow", "green", "blue", "pink"};
    private static final int TWO_YEARS = 2 * 365 * 86_400;
    private static final int BATCH = 10_000;

    private final Connection c;
    private final int[] citations;
    private final int accounts;
    private final int firstPaper;
    private final Random random = new Random(3);
    private final List<PreparedStatement> statements = new ArrayList<>();
    private final PreparedStatement status;
    private final PreparedStatement event;
    private final PreparedStatement activity;
    private final PreparedStatement rating;
    private final PreparedStatement note;
    private final PreparedStatement revision;
    private final PreparedStatement annotation;
    private final PreparedStatement reply;
    private final PreparedStatement annotationTag;
    private final PreparedStatement paperTag;
    private int notes;
    private int annotations;

    ScaleMarks(Connection c, int[] citations, int accounts, int firstPaper) throws SQLException {
        this.c = c;
        this.citations = citations;
        this.accounts = accounts;
        this.firstPaper = firstPaper;
        status = prepare("INSERT INTO reading_status (user_id, paper_id, status, started_on, finished_on, times_read,"
                + " updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)");
        event = prepare("INSERT INTO status_event (user_id, paper_id, from_status, to_status, at)"
                + " VALUES (?, ?, 'none', ?, ?)");
        activity = prepare("INSERT INTO activity (actor_id, kind, paper_id, annotation_id, reply_id, detail, at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?)");
        rating = prepare("INSERT INTO rating (user_id, paper_id, halves, updated_at) VALUES (?, ?, ?, ?)");
        note = prepare("INSERT INTO note (user_id, paper_id, body, revision, visibility, updated_at)"
                + " VALUES (?, ?, ?, 1, ?, ?)");
        revision = prepare("INSERT INTO note_revision (user_id, paper_id, revision, body, created_at)"
                + " VALUES (?, ?, 1, ?, ?)");
        annotation = prepare("INSERT INTO annotation (id, user_id, paper_id, quote_exact, quote_prefix, quote_suffix,"
                + " position_start, position_end, body, colour, visibility, created_at, updated_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        reply = prepare("INSERT INTO annotation_reply (id, annotation_id, user_id, body, created_at) VALUES (?, ?, ?, ?, ?)");
        annotationTag = prepare("INSERT INTO annotation_tag (annotation_id, tag) VALUES (?, ?)");
        paperTag = prepare("INSERT INTO paper_tag (tag_id, paper_id, added_at) VALUES (?, ?, ?)");
    }

    void write(int statusCount, int noteCount, int annotationCount, long start) throws SQLException {
        tags();
        long[] marks = choose(statusCount);
        ScaleGenerator.step(start, "chose " + marks.length + " statuses");
        for (int i = 0; i < marks.length; i++) {
            long mark = marks[i];
            int seconds = (int) (mark >>> 27);
            int account = (int) (mark >>> 20) & 0x7f;
            int paper = firstPaper + ((int) (mark >>> 3) & 0x1ffff);
            int state = (int) mark & 0x7;
            mark(account, paper, state, seconds, noteCount, annotationCount);
            if (i % BATCH == BATCH - 1 || i == marks.length - 1) {
                for (PreparedStatement statement : statements) {
                    statement.executeBatch();
                }
            }
            if (i % 200_000 == 199_999) {
                c.commit();
                ScaleGenerator.step(start, (i + 1) + " statuses, " + notes + " notes, " + annotations + " annotations");
            }
        }
        c.commit();
        ScaleGenerator.step(start, marks.length + " statuses, " + notes + " notes, " + annotations + " annotations");
        for (PreparedStatement statement : statements) {
            statement.close();
        }
    }

    /** Every account's tags: one per topic, named after it. */
    private void tags() throws SQLException {
        try (PreparedStatement tag = c.prepareStatement("INSERT INTO tag (id, user_id, name, name_key, created_at)"
                + " VALUES (?, ?, ?, ?, '2024-06-01T00:00:00Z')")) {
            for (int account = 1; account <= accounts; account++) {
                for (int topic = 0; topic < ScaleText.TOPICS.length; topic++) {
                    tag.setInt(1, tagId(account, topic));
                    tag.setInt(2, account);
                    tag.setString(3, ScaleText.TOPICS[topic][0]);
                    tag.setString(4, ScaleText.TOPICS[topic][0]);
                    tag.addBatch();
                }
            }
            tag.executeBatch();
        }
    }

    private int tagId(int account, int topic) {
        return (account - 1) * ScaleText.TOPICS.length + topic + 1;
    }

    /**
     * Every status as one long, in the order of its time: seconds since the start (bits 27 and up), account (7
     * bits), paper index (17 bits), status (3 bits).
     */
    private long[] choose(int total) {
        double[] shares = new double[accounts];
        double sum = 0;
        for (int a = 0; a < accounts; a++) {
            shares[a] = Math.pow(a + 1, -0.6);
            sum += shares[a];
        }
        long[] marks = new long[total];
        int written = 0;
        long[] keys = new long[citations.length];
        for (int a = 0; a < accounts; a++) {
            int wanted = a == accounts - 1 ? total - written : (int) Math.round(total * shares[a] / sum);
            int count = Math.min(Math.min(wanted, citations.length), total - written);
            for (int p = 0; p < citations.length; p++) {
                // Efraimidis-Spirakis: the papers with the largest u^(1/w) are a weighted sample without repeats.
                double key = -Math.log(random.nextDouble()) / Math.log(2.0 + citations[p]);
                keys[p] = ((long) Float.floatToIntBits((float) key) << 17) | p;
            }
            Arrays.sort(keys);
            for (int k = 0; k < count; k++) {
                int paper = (int) (keys[k] & 0x1ffff);
                long seconds = random.nextInt(TWO_YEARS);
                marks[written++] = seconds << 27 | (long) (a + 1) << 20 | (long) paper << 3 | state();
            }
        }
        Arrays.sort(marks, 0, written);
        return Arrays.copyOf(marks, written);
    }

    private int state() {
        int roll = random.nextInt(100);
        return roll < 45 ? 0 : roll < 55 ? 1 : roll < 90 ? 2 : 3;
    }

    private void mark(int account, int paper, int state, int seconds, int noteCount, int annotationCount)
            throws SQLException {
        String at = ScaleGenerator.timestamp(seconds);
        String day = at.substring(0, 10);
        status.setInt(1, account);
        status.setInt(2, paper);
        status.setString(3, STATUSES[state]);
        status.setString(4, state == 0 ? null : ScaleGenerator.timestamp(seconds - 86_400L * random.nextInt(60)).substring(0, 10));
        status.setString(5, state == 2 ? day : null);
        status.setInt(6, state == 2 ? 1 : 0);
        status.setString(7, at);
        status.addBatch();
        event.setInt(1, account);
        event.setInt(2, paper);
        event.setString(3, STATUSES[state]);
        event.setString(4, at);
        event.addBatch();
        activity(account, "status", paper, 0, 0, STATUSES[state], at);
        boolean engaged = state == 1 || state == 2;
        if (random.nextInt(100) < (state == 2 ? 60 : 3)) {
            int halves = 4 + random.nextInt(7);
            rating.setInt(1, account);
            rating.setInt(2, paper);
            rating.setInt(3, halves);
            rating.setString(4, at);
            rating.addBatch();
            activity(account, "rating", paper, 0, 0, halves / 2 + (halves % 2 == 1 ? ".5" : ""), at);
        }
        if (engaged && notes < noteCount && random.nextInt(4) == 0) {
            note(account, paper, at);
        }
        if (engaged && annotations < annotationCount && random.nextInt(4) == 0) {
            annotate(account, paper, seconds);
        }
        if (random.nextInt(5) == 0) {
            paperTag.setInt(1, tagId(account, ScaleText.topic(paper)));
            paperTag.setInt(2, paper);
            paperTag.setString(3, at);
            paperTag.addBatch();
        }
    }

    private void note(int account, int paper, String at) throws SQLException {
        String body = ScaleText.note(random, paper);
        note.setInt(1, account);
        note.setInt(2, paper);
        note.setString(3, body);
        note.setString(4, random.nextInt(10) == 0 ? "team" : "private");
        note.setString(5, at);
        note.addBatch();
        revision.setInt(1, account);
        revision.setInt(2, paper);
        revision.setString(3, body);
        revision.setString(4, at);
        revision.addBatch();
        notes++;
    }

    /** An annotation on a run of 3 to 12 words of the paper's abstract, with the quote's context as stored. */
    private void annotate(int account, int paper, int seconds) throws SQLException {
        String text = ScaleText.abstractOf(paper);
        List<Integer> starts = new ArrayList<>(List.of(0));
        for (int i = text.indexOf(' '); i >= 0; i = text.indexOf(' ', i + 1)) {
            starts.add(i + 1);
        }
        int first = random.nextInt(starts.size() - 3);
        int last = Math.min(first + 3 + random.nextInt(10), starts.size());
        int from = starts.get(first);
        int to = last == starts.size() ? text.length() : starts.get(last) - 1;
        int id = ++annotations;
        boolean shared = random.nextInt(10) < 3;
        String at = ScaleGenerator.timestamp(seconds + 3600);
        annotation.setInt(1, id);
        annotation.setInt(2, account);
        annotation.setInt(3, paper);
        annotation.setString(4, text.substring(from, to));
        annotation.setString(5, text.substring(Math.max(0, from - 32), from));
        annotation.setString(6, text.substring(to, Math.min(text.length(), to + 32)));
        annotation.setInt(7, from);
        annotation.setInt(8, to);
        annotation.setString(9, random.nextBoolean() ? ScaleText.comment(random) : "");
        annotation.setString(10, COLOURS[random.nextInt(COLOURS.length)]);
        annotation.setString(11, shared ? "team" : "private");
        annotation.setString(12, at);
        annotation.setString(13, at);
        annotation.addBatch();
        if (random.nextInt(10) == 0) {
            annotationTag.setInt(1, id);
            annotationTag.setString(2, ScaleText.TOPICS[ScaleText.topic(paper)][0]);
            annotationTag.addBatch();
        }
        if (shared) {
            activity(account, "annotation", paper, id, 0, "", at);
            if (random.nextInt(5) == 0) {
                int replier = 1 + (account + random.nextInt(accounts - 1)) % accounts;
                String replyAt = ScaleGenerator.timestamp(seconds + 7200);
                reply.setInt(1, id);
                reply.setInt(2, id);
                reply.setInt(3, replier);
                reply.setString(4, ScaleText.comment(random));
                reply.setString(5, replyAt);
                reply.addBatch();
                activity(replier, "reply", paper, id, id, "", replyAt);
            }
        }
    }

    private void activity(int actor, String kind, int paper, int annotationId, int replyId, String detail, String at)
            throws SQLException {
        activity.setInt(1, actor);
        activity.setString(2, kind);
        activity.setInt(3, paper);
        activity.setObject(4, annotationId == 0 ? null : annotationId);
        activity.setObject(5, replyId == 0 ? null : replyId);
        activity.setString(6, detail);
        activity.setString(7, at);
        activity.addBatch();
    }

    private PreparedStatement prepare(String sql) throws SQLException {
        PreparedStatement statement = c.prepareStatement(sql);
        statements.add(statement);
        return statement;
    }
}
