package io.paperlog.accounts;

import io.paperlog.web.Tokens;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * argon2id with OWASP's parameters (19 MiB, 2 iterations, parallelism 1), stored in the PHC string format
 * ({@code $argon2id$v=19$m=19456,t=2,p=1$salt$hash}). A hash made with other parameters still verifies, and
 * {@link #needsRehash} tells the login to upgrade it.
 */
public final class Passwords {

    static final int MEMORY_KIB = 19 * 1024;
    static final int ITERATIONS = 2;
    static final int PARALLELISM = 1;
    static final int OUTPUT_BYTES = 32;
    static final int SALT_BYTES = 16;
    static final Argon2id CURRENT = new Argon2id(MEMORY_KIB, ITERATIONS, PARALLELISM, OUTPUT_BYTES);
    private static final String CURRENT_PREFIX = prefix(CURRENT);
    private static final Pattern PHC = Pattern.compile(
            "\\$argon2id\\$v=19\\$m=(\\d{1,7}),t=(\\d{1,2}),p=(\\d{1,3})\\$([A-Za-z0-9+/]{11,88})\\$([A-Za-z0-9+/]{6,1400})");

    private final SecureRandom random = new SecureRandom();
    /** Made on first use: hashing costs as much as a login, which start-up should not pay. */
    private volatile String dummyHash;

    public String hash(String password) {
        return hashWith(CURRENT, password, random);
    }

    public boolean verify(String password, String storedHash) {
        if (password == null || storedHash == null) {
            return false;
        }
        Matcher phc = PHC.matcher(storedHash);
        if (!phc.matches()) {
            return false;
        }
        try {
            byte[] salt = Base64.getDecoder().decode(phc.group(4));
            byte[] expected = Base64.getDecoder().decode(phc.group(5));
            Argon2id function = new Argon2id(Integer.parseInt(phc.group(1)), Integer.parseInt(phc.group(2)),
                    Integer.parseInt(phc.group(3)), expected.length);
            return MessageDigest.isEqual(expected, function.hash(password.getBytes(StandardCharsets.UTF_8), salt));
        } catch (IllegalArgumentException malformedHash) {
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
            hash = hash(Tokens.newToken());
            dummyHash = hash;
        }
        verify(password == null ? "" : password, hash);
        return false;
    }

    public boolean needsRehash(String storedHash) {
        return !storedHash.startsWith(CURRENT_PREFIX);
    }

    static String hashWith(Argon2id function, String password, SecureRandom random) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        byte[] hash = function.hash(password.getBytes(StandardCharsets.UTF_8), salt);
        Base64.Encoder base64 = Base64.getEncoder().withoutPadding();
        return prefix(function) + base64.encodeToString(salt) + "$" + base64.encodeToString(hash);
    }

    private static String prefix(Argon2id function) {
        return "$argon2id$v=19$m=" + function.memoryKib() + ",t=" + function.iterations() + ",p="
                + function.parallelism() + "$";
    }
}
