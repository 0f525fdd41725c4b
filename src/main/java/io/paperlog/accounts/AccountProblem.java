package io.paperlog.accounts;

/** A change to accounts that the rules forbid; the message is meant for the person who asked. */
public final class AccountProblem extends RuntimeException {

    public AccountProblem(String message) {
        super(message);
    }
}
