package io.paperlog.tracking;

/** Input that breaks a tracking rule; the message is a sentence for the person, shown with a 422. */
public final class TrackingException extends RuntimeException {

    public TrackingException(String message) {
        super(message, null, false, false);
    }
}
