package io.paperlog.bench;

import io.paperlog.papers.PaperStore;
import io.paperlog.related.Related;
import java.time.Clock;

import io.paperlog.db.Database;
import io.paperlog.related.Method;
import io.paperlog.related.RelatedIndex;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Not a test: how long the related-papers index takes to build and to answer, for the 100 seeded papers and for
 * 1,000 and 10,000 generated ones (sentences of the seeded abstracts recombined at random, with a fixed seed, so
 * the vocabulary and lengths are realistic), for the chosen method against plain TF-IDF measured in the same run.
 * Prints medians. Run it with:
 *
 * <pre>
 * mvn -q test-compile dependency:build-classpath -Dmdep.outputFile=target/test.cp
 * java -cp target/classes:target/test-classes:$(cat target/test.cp) io.paperlog.bench.RelatedBenchmark
 * </pre>
 *
 * With a file made by {@link ScaleGenerator} as its argument it measures related papers at that scale instead
 * (above RelatedPapers.BUILD_AT_MOST papers, where the search index is asked): see {@link #scale}.
 */
public final class RelatedBenchmark {

    public static void main(String[] args) throws Exception {
        if (args.length > 0) {
            scale(Path.of(args[0]));
            return;
        }
        Path folder = Files.createTempDirectory("paperlog-bench");
        List<RelatedIndex.Doc> seeded;
        try (Database db = Database.open(folder.resolve("bench.db"), 1)) {
            seeded = db.read().fetch("SELECT id, title, abstract FROM paper ORDER BY id")
                    .map(r -> new RelatedIndex.Doc(r.get(0, Long.class), r.get(1, String.class), r.get(2, String.class)));
        }
        System.out.printf("%8s  %-9s  %14s  %22s  %22s%n", "papers", "method", "build (ms)", "5 related, 1 paper (ms)",
                "/next from 20 (ms)");
        for (int n : new int[] {100, 1_000, 10_000}) {
            List<RelatedIndex.Doc> docs = n == seeded.size() ? seeded : generate(seeded, n);
            int builds = n <= 1_000 ? 7 : 3;
            for (Method method : List.of(Method.BASELINE, Method.CHOSEN)) {
                double[] buildTimes = new double[builds];
                RelatedIndex index = null;
                for (int i = 0; i < builds; i++) {
                    long start = System.nanoTime();
                    index = RelatedIndex.build(method, docs);
                    buildTimes[i] = (System.nanoTime() - start) / 1e6;
                }
                RelatedIndex built = index;
                Random pick = new Random(7);
                double[] queries = new double[101];
                for (int i = 0; i < queries.length; i++) {
                    long id = docs.get(pick.nextInt(docs.size())).id();
                    long start = System.nanoTime();
                    built.similarTo(id, 5, Set.of());
                    queries[i] = (System.nanoTime() - start) / 1e6;
                }
                double[] next = new double[21];
                for (int i = 0; i < next.length; i++) {
                    Map<Long, Double> liked = new java.util.HashMap<>();
                    for (int j = 0; j < 20; j++) {
                        liked.put(docs.get(pick.nextInt(docs.size())).id(), j % 5 == 0 ? -0.6 : 1.0);
                    }
                    long start = System.nanoTime();
                    built.recommend(liked, 10, Set.of());
                    next[i] = (System.nanoTime() - start) / 1e6;
                }
                System.out.printf("%8d  %-9s  %14.1f  %22.3f  %22.2f%n", n, method == Method.CHOSEN ? "chosen" : "TF-IDF",
                        median(buildTimes), median(queries), median(next));
            }
        }
    }

    /**
     * Five related papers of 200 papers picked at random, each asked twice (the first answer is computed, the second
     * cached), and /next's suggestions from 20 weighted papers; p50 and p95 of each, and as a reference in the same
     * run, reading the paper itself.
     */
    static void scale(Path file) {
        try (Database db = Database.open(file, 2)) {
            Related related = new Related(db, Clock.systemUTC(), new PaperStore(db), null);
            int papers = ((Number) db.read().fetchValue("SELECT max(id) FROM paper")).intValue();
            Random pick = new Random(11);
            List<Double> first = new ArrayList<>();
            List<Double> again = new ArrayList<>();
            List<Double> reads = new ArrayList<>();
            int empty = 0;
            for (int i = 0; i < 220; i++) {
                long id = 1 + pick.nextInt(papers);
                long start = System.nanoTime();
                db.read().fetch("SELECT title, abstract FROM paper WHERE id = ?", id);
                double read = (System.nanoTime() - start) / 1e6;
                start = System.nanoTime();
                List<RelatedIndex.Match> found = related.papers.similarTo(id, 5);
                double computed = (System.nanoTime() - start) / 1e6;
                start = System.nanoTime();
                related.papers.similarTo(id, 5);
                double cached = (System.nanoTime() - start) / 1e6;
                if (i >= 20) { // the first ones warm the JIT
                    first.add(computed);
                    again.add(cached);
                    reads.add(read);
                    empty += found.isEmpty() ? 1 : 0;
                }
            }
            List<Double> next = new ArrayList<>();
            for (int i = 0; i < 21; i++) {
                Map<Long, Double> liked = new java.util.HashMap<>();
                for (int j = 0; j < 20; j++) {
                    liked.put(1L + pick.nextInt(papers), j % 5 == 0 ? -0.6 : 1.0);
                }
                long start = System.nanoTime();
                related.papers.recommend(liked, 10, Set.of());
                next.add((System.nanoTime() - start) / 1e6);
            }
            System.out.printf("%s: %,d papers; 200 papers at random, 5 related each%n", file, papers);
            System.out.printf("  computed: p50 %.1f ms, p95 %.1f ms (%d with none)%n", percentile(first, 50),
                    percentile(first, 95), empty);
            System.out.printf("  cached:   p50 %.3f ms, p95 %.3f ms%n", percentile(again, 50), percentile(again, 95));
            System.out.printf("  reference, reading the paper: p50 %.3f ms, p95 %.3f ms%n", percentile(reads, 50),
                    percentile(reads, 95));
            System.out.printf("  /next from 20 weighted papers, none cached before: p50 %.0f ms, p95 %.0f ms%n",
                    percentile(next, 50), percentile(next, 95));
        }
    }

    static double percentile(List<Double> values, int p) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.get(Math.min(sorted.size() - 1, sorted.size() * p / 100));
    }

    /** {@code n} papers made of the seeded ones' sentences, recombined: realistic words, no real topics. */
    static List<RelatedIndex.Doc> generate(List<RelatedIndex.Doc> seeded, int n) {
        List<String> sentences = new ArrayList<>();
        List<String> titles = new ArrayList<>();
        for (RelatedIndex.Doc doc : seeded) {
            sentences.addAll(Arrays.asList(doc.abstractText().split("(?<=\\.) ")));
            titles.add(doc.title());
        }
        Random random = new Random(42);
        List<RelatedIndex.Doc> docs = new ArrayList<>(seeded);
        for (long id = seeded.size() + 1; docs.size() < n; id++) {
            StringBuilder text = new StringBuilder();
            for (int s = 0; s < 6 + random.nextInt(6); s++) {
                text.append(sentences.get(random.nextInt(sentences.size()))).append(' ');
            }
            String[] a = titles.get(random.nextInt(titles.size())).split(" ");
            String[] b = titles.get(random.nextInt(titles.size())).split(" ");
            String title = String.join(" ", Arrays.copyOf(a, Math.min(a.length, 4))) + " "
                    + String.join(" ", Arrays.copyOfRange(b, Math.min(b.length - 1, 3), b.length));
            docs.add(new RelatedIndex.Doc(id, title, text.toString().strip()));
        }
        return docs;
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
