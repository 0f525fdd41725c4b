package io.paperlog.testing;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** What some work writes to standard error (where the server logs), for tests that look for stack traces. */
public final class StandardError {

    /** Work that may throw. */
    public interface Work {
        void run() throws Exception;
    }

    private StandardError() {}

    public static String during(Work work) throws Exception {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            work.run();
        } finally {
            System.setErr(original);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }
}
