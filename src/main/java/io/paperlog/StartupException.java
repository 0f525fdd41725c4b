package io.paperlog;

/** A reason Paperlog cannot start, phrased for the person starting it: one line, no stack trace. */
public final class StartupException extends RuntimeException {

    public StartupException(String message) {
        super(message);
    }

    public StartupException(String message, Throwable cause) {
        super(message, cause);
    }
}
