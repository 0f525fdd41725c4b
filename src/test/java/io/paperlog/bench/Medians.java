package io.paperlog.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Timing two pieces of work against each other, interleaved so that neither profits from the other's warm caches. */
final class Medians {

    private Medians() {}

    /**
     * Runs both {@code warmup} times, then times them in {@code rounds} alternating rounds of {@code perRound}
     * runs; returns the median milliseconds per run of each.
     */
    static double[] of(Runnable a, Runnable b, int warmup, int rounds, int perRound) {
        for (int i = 0; i < warmup; i++) {
            a.run();
            b.run();
        }
        List<Double> aTimes = new ArrayList<>();
        List<Double> bTimes = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            if (round % 2 == 0) {
                aTimes.add(time(a, perRound));
                bTimes.add(time(b, perRound));
            } else {
                bTimes.add(time(b, perRound));
                aTimes.add(time(a, perRound));
            }
        }
        return new double[] {median(aTimes), median(bTimes)};
    }

    static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static double time(Runnable work, int times) {
        long start = System.nanoTime();
        for (int i = 0; i < times; i++) {
            work.run();
        }
        return (System.nanoTime() - start) / 1e6 / times;
    }
}
