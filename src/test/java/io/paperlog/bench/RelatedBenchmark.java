package io.paperlog.bench;

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
 */
public final class RelatedBenchmark {

    public static void main(String[] args) throws Exception {
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
