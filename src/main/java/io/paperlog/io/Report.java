package io.paperlog.io;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What an import does (or, in a preview, would do): for each kind of thing, how many are created, matched (already
 * here, left as they are), updated and skipped, the first few of each, and every problem with where it is.
 */
public final class Report {

    /** How many rows of each outcome a preview lists. */
    static final int SAMPLES = 5;

    public enum Outcome { CREATED, MATCHED, UPDATED, SKIPPED }

    /** One kind of thing (papers, statuses, ...) and what happened to each. */
    public static final class Tally {
        private final String label;
        private final Map<Outcome, Integer> counts = new LinkedHashMap<>();
        private final Map<Outcome, List<String>> samples = new LinkedHashMap<>();

        Tally(String label) {
            this.label = label;
            for (Outcome o : Outcome.values()) {
                counts.put(o, 0);
                samples.put(o, new ArrayList<>());
            }
        }

        public String label() {
            return label;
        }

        public int count(Outcome outcome) {
            return counts.get(outcome);
        }

        public int created() {
            return count(Outcome.CREATED);
        }

        public int matched() {
            return count(Outcome.MATCHED);
        }

        public int updated() {
            return count(Outcome.UPDATED);
        }

        public int skipped() {
            return count(Outcome.SKIPPED);
        }

        public int total() {
            return counts.values().stream().mapToInt(Integer::intValue).sum();
        }

        public List<String> samples(Outcome outcome) {
            return samples.get(outcome);
        }

        public List<String> createdSamples() {
            return samples(Outcome.CREATED);
        }

        public List<String> updatedSamples() {
            return samples(Outcome.UPDATED);
        }

        public List<String> skippedSamples() {
            return samples(Outcome.SKIPPED);
        }

        void add(Outcome outcome, String what) {
            counts.merge(outcome, 1, Integer::sum);
            if (samples.get(outcome).size() < SAMPLES) {
                samples.get(outcome).add(what);
            }
        }
    }

    /** Something in the file that could not be used as it is, and where: "line 4", "entry vaswani2017". */
    public record Problem(String where, String message) {}

    private final String source;
    private final Map<String, Tally> tallies = new LinkedHashMap<>();
    private final List<Problem> problems = new ArrayList<>();

    Report(String source, List<Problem> readingProblems) {
        this.source = source;
        problems.addAll(readingProblems);
    }

    /** What was read: "a Paperlog export", "a BibTeX file" ... */
    public String source() {
        return source;
    }

    public List<Tally> tallies() {
        return tallies.values().stream().filter(t -> t.total() > 0).toList();
    }

    public List<Problem> problems() {
        return problems;
    }

    /** Whether the import changes anything at all. */
    public boolean changes() {
        return tallies.values().stream().anyMatch(t -> t.created() + t.updated() > 0);
    }

    public int count(String kind, Outcome outcome) {
        Tally tally = tallies.get(kind);
        return tally == null ? 0 : tally.count(outcome);
    }

    void record(String kind, Outcome outcome, String what) {
        tallies.computeIfAbsent(kind, Tally::new).add(outcome, what);
    }

    /** A thing left out, with why: counted as skipped, and listed among the problems. */
    void skip(String kind, String where, String why) {
        record(kind, Outcome.SKIPPED, where + ": " + why);
        problems.add(new Problem(where, why));
    }
}
