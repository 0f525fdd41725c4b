package io.paperlog.accounts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import static io.paperlog.accounts.Passwords.ITERATIONS;
import static io.paperlog.accounts.Passwords.MEMORY_KIB;
import static io.paperlog.accounts.Passwords.OUTPUT_BYTES;
import static io.paperlog.accounts.Passwords.PARALLELISM;
import static io.paperlog.accounts.Passwords.SALT_BYTES;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;
import io.paperlog.testing.MutableClock;
import io.paperlog.web.SafeRedirect;
import io.paperlog.web.Tokens;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AccountUnitsTest {

    @Nested
    class PasswordHashing {
        private final Passwords passwords = new Passwords();

        @Test
        void hashesWithArgon2idAtOwaspParameters() {
            String hash = passwords.hash("a long enough passphrase");
            assertTrue(hash.startsWith("$argon2id$v=19$m=19456,t=2,p=1$"), hash);
            assertFalse(hash.contains("a long enough passphrase"));
            assertTrue(passwords.verify("a long enough passphrase", hash));
            assertFalse(passwords.verify("a long enough passphrasE", hash));
            assertFalse(passwords.needsRehash(hash));
        }

        @Test
        void samePasswordHashesDifferentlyEachTime() {
            assertNotEquals(passwords.hash("same password here"), passwords.hash("same password here"));
        }

        @Test
        void olderParametersStillVerifyButAskForARehash() {
            String old = Passwords.hashWith(new Argon2id(4096, 1, 1, 32), "an older password", new SecureRandom());
            assertTrue(passwords.verify("an older password", old));
            assertTrue(passwords.needsRehash(old));
        }

        @ParameterizedTest
        @ValueSource(strings = {"a long enough passphrase", "ünïcødé pässwörd ✓", "x"})
        void agreesWithPassword4jBothWays(String password) {
            for (Argon2Function theirs : new Argon2Function[] {Argon2Function.getInstance(64, 3, 2, 32, Argon2.ID),
                    Argon2Function.getInstance(256, 1, 4, 64, Argon2.ID),
                    Argon2Function.getInstance(MEMORY_KIB, ITERATIONS, PARALLELISM, OUTPUT_BYTES, Argon2.ID)}) {
                String hashedByThem = Password.hash(password).addRandomSalt(SALT_BYTES).with(theirs).getResult();
                assertTrue(passwords.verify(password, hashedByThem), hashedByThem);
                assertFalse(passwords.verify(password + "!", hashedByThem));
                String ours = Passwords.hashWith(new Argon2id(theirs.getMemory(), theirs.getIterations(),
                        theirs.getParallelism(), theirs.getOutputLength()), password, new SecureRandom());
                assertTrue(Password.check(password, ours).with(theirs), ours);
            }
        }

        @Test
        void longOutputsStretchLikeTheReference() {
            Argon2Function theirs = Argon2Function.getInstance(32, 2, 1, 100, Argon2.ID);
            String hashedByThem = Password.hash("stretch me").addRandomSalt(SALT_BYTES).with(theirs).getResult();
            assertTrue(passwords.verify("stretch me", hashedByThem), hashedByThem);
        }

        @Test
        void malformedStoredHashNeverVerifies() {
            assertFalse(passwords.verify("anything at all", "not-a-hash"));
            assertFalse(passwords.verify("anything at all", ""));
        }
    }

    @Nested
    class Rules {
        @ParameterizedTest
        @ValueSource(strings = {"ab", "a b c", "UPPER", "way-too-long-username-over-thirty-two", "émile", "semi;colon"})
        void badUsernamesAreRefused(String username) {
            assertTrue(AccountRules.usernameProblem(username).isPresent());
        }

        @ParameterizedTest
        @ValueSource(strings = {"ada", "a.b-c_d", "x12", "abcdefghijklmnopqrstuvwxyz012345"})
        void goodUsernamesPass(String username) {
            assertTrue(AccountRules.usernameProblem(username).isEmpty());
        }

        @Test
        void usernamesAreKeptInLowerCase() {
            assertEquals("ada.l", AccountRules.normalizeUsername("  Ada.L "));
        }

        @ParameterizedTest
        @ValueSource(strings = {"short", "123456789"})
        void passwordsUnderTenCharactersAreRefused(String password) {
            assertEquals("Passwords need at least 10 characters.", AccountRules.passwordProblem(password).orElseThrow());
        }

        @ParameterizedTest
        @ValueSource(strings = {"Ada\u202Eevil", "\u2066Ada", "Ada\u200F", "\u200B", "\u200B\u200C\u200D",
                "\u3164", "\u2800\u2800", "\u0301", "\uE000"})
        void displayNamesWithDirectionControlsOrNothingVisibleAreRefused(String name) {
            assertTrue(AccountRules.displayNameProblem(name).isPresent(), name);
        }

        @ParameterizedTest
        @ValueSource(strings = {"Ada Lovelace", "Łukasz", "محمد", "李雷", "Zoë", "A", "O'Brien-Smith"})
        void displayNamesInAnyScriptPass(String name) {
            assertTrue(AccountRules.displayNameProblem(name).isEmpty(), name);
        }

        @Test
        void passwordsOverTheLimitAreRefused() {
            assertTrue(AccountRules.passwordProblem("x".repeat(257)).isPresent());
            assertTrue(AccountRules.passwordProblem("correct horse " + "y".repeat(242)).isEmpty());
        }

        @ParameterizedTest
        @ValueSource(strings = {"1234567890", "qwertyuiop", "Password123", "iloveyou12"})
        void commonPasswordsAreRefusedWhateverTheirCase(String password) {
            assertTrue(AccountRules.passwordProblem(password).orElseThrow().contains("most common"), password);
        }

        @Test
        void theShippedListHasAtLeastAThousandPasswords() {
            assertTrue(AccountRules.common().size() >= 1_000);
        }
    }

    @Nested
    class Redirects {
        @ParameterizedTest
        @ValueSource(strings = {"/", "/papers/3", "/library?status=read", "/a/b#c"})
        void localPathsAreAllowed(String next) {
            assertEquals(next, SafeRedirect.orHome(next));
        }

        @ParameterizedTest
        @ValueSource(strings = {"https://evil.example/", "//evil.example/x", "/\\evil.example", "javascript:alert(1)",
                "evil.example", "", "/\r\nSet-Cookie:x=y", "http:/x"})
        void otherTargetsFallBackHome(String next) {
            assertEquals("/", SafeRedirect.orHome(next));
        }
    }

    @Nested
    class Throttle {
        private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T12:00:00Z"));
        private final LoginThrottle throttle = new LoginThrottle(clock);

        @Test
        void fiveFailuresForOneUsernameBlockItUntilTheWindowPasses() {
            for (int i = 0; i < 5; i++) {
                assertTrue(throttle.waitFor("ada", "10.0.0." + i).isEmpty());
                throttle.recordFailure("ada", "10.0.0." + i);
                clock.advance(Duration.ofMinutes(1));
            }
            Duration wait = throttle.waitFor("ada", "10.0.0.99").orElseThrow();
            assertEquals(Duration.ofMinutes(10), wait, "the oldest failure leaves the window 15 minutes after it");
            assertTrue(throttle.waitFor("bob", "10.0.0.99").isEmpty(), "other usernames are unaffected");
            clock.advance(Duration.ofMinutes(10));
            assertTrue(throttle.waitFor("ada", "10.0.0.99").isEmpty());
        }

        @Test
        void twentyFailuresFromOneAddressBlockEveryUsernameFromIt() {
            for (int i = 0; i < 20; i++) {
                throttle.recordFailure("user" + i, "192.0.2.1");
            }
            assertTrue(throttle.waitFor("someone-new", "192.0.2.1").isPresent());
            assertTrue(throttle.waitFor("someone-new", "192.0.2.2").isEmpty());
        }

        @Test
        void aHugeUsernameIsThrottledButKeptOnlyAsItsHash() {
            String huge = "x".repeat(1_900_000);
            for (int i = 0; i < 5; i++) {
                throttle.recordFailure(huge, "192.0.2." + i);
            }
            assertTrue(throttle.waitFor(huge, "192.0.2.9").isPresent());
            assertTrue(LoginThrottle.usernameKey(huge).length() <= LoginThrottle.MAX_KEY);
            assertTrue(LoginThrottle.addressKey("a".repeat(5000)).length() <= LoginThrottle.MAX_KEY);
            assertNotEquals(LoginThrottle.usernameKey(huge), LoginThrottle.usernameKey(huge + "y"));
        }

        @Test
        void manyDistinctUsernamesFromManyThreadsStayWithinTheBound() throws Exception {
            int threads = 4;
            int each = 20_000;
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
            java.util.List<java.util.concurrent.Future<?>> done = new java.util.ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    for (int i = 0; i < each; i++) {
                        throttle.recordFailure("user-" + thread + "-" + i, "198.51.100." + (i % 200));
                        throttle.waitFor("user-" + thread + "-" + (i / 2), "198.51.100.1");
                    }
                }));
            }
            for (java.util.concurrent.Future<?> future : done) {
                future.get(); // rethrows anything a thread threw
            }
            pool.shutdown();
            // the size check and the insert are not one step: each thread may add its two keys past the bound
            int bound = LoginThrottle.MAX_KEYS + 2 * threads;
            assertTrue(throttle.trackedKeys() <= bound, "keys: " + throttle.trackedKeys());
            throttle.recordFailure("ada", "192.0.2.1");
            assertTrue(throttle.trackedKeys() <= bound);
        }

        @Test
        void fillingTheMemoryDoesNotLiftABlock() {
            for (int i = 0; i < 5; i++) {
                throttle.recordFailure("ada", "203.0.113." + i);
            }
            for (int i = 0; i < LoginThrottle.MAX_KEYS; i++) {
                throttle.recordFailure("filler-" + i, "2001:db8::" + Integer.toHexString(i));
            }
            assertTrue(throttle.trackedKeys() <= LoginThrottle.MAX_KEYS + 2);
            assertTrue(throttle.waitFor("ada", "198.51.100.7").isPresent(), "ada is still held off");
        }

        @Test
        void successForgivesTheUsernamesFailures() {
            for (int i = 0; i < 4; i++) {
                throttle.recordFailure("ada", "192.0.2.1");
            }
            throttle.recordSuccess("ada");
            throttle.recordFailure("ada", "192.0.2.1");
            assertTrue(throttle.waitFor("ada", "192.0.2.1").isEmpty());
        }
    }

    @Nested
    class SessionLifetime {
        private final Instant created = Instant.parse("2026-01-01T00:00:00Z");

        @Test
        void idleForThirtyDaysEndsASession() {
            assertTrue(SessionStore.isLive(created, created, created.plus(Duration.ofDays(29))));
            assertFalse(SessionStore.isLive(created, created, created.plus(Duration.ofDays(30))));
        }

        @Test
        void ninetyDaysEndsASessionHoweverActive() {
            Instant lastSeen = created.plus(Duration.ofDays(89));
            assertTrue(SessionStore.isLive(created, lastSeen, created.plus(Duration.ofDays(89)).plusSeconds(60)));
            assertFalse(SessionStore.isLive(created, lastSeen, created.plus(Duration.ofDays(90))));
        }
    }

    @Test
    void tokensAre256BitsAndOnlyTheirHashIsKept() {
        String token = Tokens.newToken();
        assertTrue(Tokens.looksLikeToken(token));
        assertEquals(64, Tokens.sha256(token).length());
        assertNotEquals(token, Tokens.sha256(token));
        assertFalse(Tokens.looksLikeToken("short"));
        assertFalse(Tokens.looksLikeToken(token.substring(1) + "!"));
    }
}
