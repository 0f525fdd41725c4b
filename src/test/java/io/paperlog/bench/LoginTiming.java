package io.paperlog.bench;

import io.paperlog.accounts.Passwords;
import java.util.Arrays;

/**
 * A wrong password for a known username against any password for an unknown one: both must cost the same, so
 * that timing cannot tell which usernames exist. Interleaves the two and prints their medians.
 *
 * <pre>mvn -q -DskipTests package && java -cp target/paperlog.jar:target/test-classes io.paperlog.bench.LoginTiming</pre>
 */
public final class LoginTiming {

    public static void main(String[] args) {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 31;
        Passwords passwords = new Passwords();
        String stored = passwords.hash("correct horse battery staple");
        passwords.verifyAgainstNobody("warm up");
        double[] known = new double[runs];
        double[] unknown = new double[runs];
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            passwords.verify("a wrong password", stored);
            known[i] = (System.nanoTime() - start) / 1e6;
            start = System.nanoTime();
            passwords.verifyAgainstNobody("a wrong password");
            unknown[i] = (System.nanoTime() - start) / 1e6;
        }
        double knownMedian = median(known);
        double unknownMedian = median(unknown);
        System.out.printf("wrong password, known username: median %.1f ms%n", knownMedian);
        System.out.printf("any password, unknown username: median %.1f ms (ratio %.2f)%n", unknownMedian,
                unknownMedian / knownMedian);
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
