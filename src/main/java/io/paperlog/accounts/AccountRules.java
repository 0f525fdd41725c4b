package io.paperlog.accounts;

import io.paperlog.web.Text;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** What makes a username, display name and password acceptable; each check answers with a sentence or nothing. */
public final class AccountRules {

    public static final int MIN_PASSWORD = 10;
    public static final int MAX_PASSWORD = 256;
    public static final int MAX_DISPLAY_NAME = 64;
    private static final Pattern USERNAME = Pattern.compile("[a-z0-9_.-]{3,32}");

    private static volatile Set<String> commonPasswords;

    private AccountRules() {}

    /** Usernames are compared without case, so they are kept in lower case. */
    public static String normalizeUsername(String raw) {
        return raw == null ? "" : raw.strip().toLowerCase(Locale.ROOT);
    }

    public static Optional<String> usernameProblem(String username) {
        if (!USERNAME.matcher(username).matches()) {
            return Optional.of("Usernames are 3 to 32 characters: letters a–z, digits, and _ . -");
        }
        return Optional.empty();
    }

    public static Optional<String> displayNameProblem(String displayName) {
        if (displayName == null || displayName.isBlank()) {
            return Optional.of("Please give a display name.");
        }
        if (Text.characters(displayName.strip()) > MAX_DISPLAY_NAME) {
            return Optional.of("Display names are at most " + MAX_DISPLAY_NAME + " characters.");
        }
        if (displayName.chars().anyMatch(Character::isISOControl)) {
            return Optional.of("Display names cannot contain control characters.");
        }
        if (displayName.codePoints().anyMatch(AccountRules::isBidiControl)) {
            return Optional.of("Display names cannot contain characters that change the direction of text.");
        }
        if (displayName.codePoints().noneMatch(AccountRules::isVisible)) {
            return Optional.of("Display names need at least one visible character.");
        }
        return Optional.empty();
    }

    /** Marks and embeddings that reorder the text around them: a name carrying one can disguise what follows it. */
    static boolean isBidiControl(int c) {
        return c == 0x061C || c == 0x200E || c == 0x200F || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
    }

    /** A character that shows as a mark of its own: not a space, control, format mark, lone accent or blank filler. */
    static boolean isVisible(int c) {
        if (c == 0x115F || c == 0x1160 || c == 0x3164 || c == 0xFFA0 || c == 0x2800) {
            return false; // Hangul fillers and the blank Braille pattern are letters and symbols that draw nothing
        }
        return switch (Character.getType(c)) {
            case Character.CONTROL, Character.FORMAT, Character.SPACE_SEPARATOR, Character.LINE_SEPARATOR,
                 Character.PARAGRAPH_SEPARATOR, Character.NON_SPACING_MARK, Character.ENCLOSING_MARK,
                 Character.UNASSIGNED, Character.PRIVATE_USE, Character.SURROGATE -> false;
            default -> true;
        };
    }

    public static Optional<String> passwordProblem(String password) {
        if (password == null || password.length() < MIN_PASSWORD) {
            return Optional.of("Passwords need at least " + MIN_PASSWORD + " characters.");
        }
        if (password.length() > MAX_PASSWORD) {
            return Optional.of("Passwords are at most " + MAX_PASSWORD + " characters.");
        }
        if (isCommon(password)) {
            return Optional.of("That password is one of the most common ones; please choose another.");
        }
        return Optional.empty();
    }

    static boolean isCommon(String password) {
        return common().contains(password.toLowerCase(Locale.ROOT));
    }

    static Set<String> common() {
        Set<String> loaded = commonPasswords;
        if (loaded == null) {
            synchronized (AccountRules.class) {
                if (commonPasswords == null) {
                    commonPasswords = load();
                }
                loaded = commonPasswords;
            }
        }
        return loaded;
    }

    private static Set<String> load() {
        Set<String> words = new HashSet<>(40_000);
        try (InputStream in = AccountRules.class.getClassLoader().getResourceAsStream("accounts/common-passwords.txt")) {
            if (in == null) {
                throw new IllegalStateException("accounts/common-passwords.txt is missing from the build");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    words.add(line.strip().toLowerCase(Locale.ROOT));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Set.copyOf(words);
    }
}
