package io.paperlog.bench;

import io.paperlog.testing.Client;
import io.paperlog.testing.MutableClock;
import io.paperlog.testing.TestApp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * Not a test: POST /login over HTTP with a wrong password for a username that exists, against the same for one
 * that does not. Both must cost the same, so that timing cannot tell which usernames exist. The server's clock
 * jumps past the throttle's window between attempts, so every attempt is a real password check, never a 429.
 * Prints the medians and their ratio (aim: 1.00).
 *
 * <pre>
 * mvn -q test-compile dependency:build-classpath -Dmdep.outputFile=target/test.cp
 * java -cp target/classes:target/test-classes:$(cat target/test.cp) io.paperlog.bench.LoginTiming
 * </pre>
 */
public final class LoginTiming {

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 31;
        MutableClock clock = MutableClock.startingNow();
        Path folder = Files.createTempDirectory("paperlog-login-timing");
        try (TestApp app = TestApp.start(folder, clock)) {
            app.member("known");
            Client visitor = app.visitor();
            String token = visitor.csrfToken();
            Runnable known = () -> attempt(visitor, token, "known", clock);
            Runnable unknown = () -> attempt(visitor, token, "nobody-by-this-name", clock);
            double[] medians = Medians.of(known, unknown, 5, rounds, 3);
            System.out.printf("POST /login, wrong password, known username : median %.1f ms%n", medians[0]);
            System.out.printf("POST /login, any password, unknown username : median %.1f ms%n", medians[1]);
            System.out.printf("ratio unknown / known: %.2f (aim: 1.00)%n", medians[1] / medians[0]);
        }
    }

    private static void attempt(Client visitor, String token, String username, MutableClock clock) {
        int status = visitor.post("/login", Map.of("_csrf", token, "username", username,
                "password", "a wrong password, long enough")).statusCode();
        if (status != 401) {
            throw new IllegalStateException("a wrong login answered " + status + ", not 401");
        }
        clock.advance(Duration.ofMinutes(16));
    }
}
