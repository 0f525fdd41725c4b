package io.paperlog;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** Runs Paperlog's command line as a terminal would, keeping what it printed to each stream. */
final class Console {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    /** Runs {@code args} and returns the exit code; what the last run printed replaces what earlier ones did. */
    int run(String... args) {
        out.reset();
        err.reset();
        return Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    /** The one line written to standard error: a refusal is one line, never a stack trace. */
    String errLine() {
        assertEquals(1, err().lines().count(), "one line, no stack trace: " + err());
        return err().strip();
    }
}
