package io.paperlog.accounts;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;
import io.paperlog.web.Tokens;

/**
 * argon2id with OWASP's parameters (19 MiB, 2 iterations, parallelism 1). A hash made with other parameters
 * still verifies, and {@link #needsRehash} tells the login to upgrade it.
 */
public final class Passwords {

    static final int MEMORY_KIB = 19 * 1024;
    static final int ITERATIONS = 2;
    static final int PARALLELISM = 1;
    static final int OUTPUT_BYTES = 32;
    static final int SALT_BYTES = 16;
    private static final String CURRENT_PREFIX = "$argon2id$v=19$m=" + MEMORY_KIB + ",t=" + ITERATIONS + ",p=" + PARALLELISM + "$";

    private final Argon2Function current;
    /** Made on first use: hashing costs as much as a login, which start-up should not pay. */
    private volatile String dummyHash;

    public Passwords() {
        this(Argon2Function.getInstance(MEMORY_KIB, ITERATIONS, PARALLELISM, OUTPUT_BYTES, Argon2.ID));
    }

    Passwords(Argon2Function function) {
        this.current = function;
    }

    public String hash(String password) {
        return hashWith(current, password);
    }

    public boolean verify(String password, String storedHash) {
        if (password == null || storedHash == null) {
            return false;
        }
        try {
            return Password.check(password, storedHash).with(Argon2Function.getInstanceFromHash(storedHash));
        } catch (RuntimeException malformedHash) {
            return false;
        }
    }

    /**
     * Spends the time a real verification would, so an unknown username cannot be told apart by timing; always
     * false.
     */
    public boolean verifyAgainstNobody(String password) {
        String hash = dummyHash;
        if (hash == null) {
            hash = hashWith(current, Tokens.newToken());
            dummyHash = hash;
        }
        verify(password == null ? "" : password, hash);
        return false;
    }

    public boolean needsRehash(String storedHash) {
        return !storedHash.startsWith(CURRENT_PREFIX);
    }

    static String hashWith(Argon2Function function, String password) {
        return Password.hash(password).addRandomSalt(SALT_BYTES).with(function).getResult();
    }
}
