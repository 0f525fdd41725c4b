package io.paperlog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paperlog.CommandLine.Parsed;
import io.paperlog.CommandLine.UsageException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CommandLineTest {

    private static final Map<String, String> NO_ENV = Map.of();

    private static Config parse(Map<String, String> env, String... args) {
        Parsed parsed = CommandLine.parse(args, env);
        assertFalse(parsed.helpRequested());
        return parsed.config();
    }

    private static String usageError(Map<String, String> env, String... args) {
        return assertThrows(UsageException.class, () -> CommandLine.parse(args, env)).getMessage();
    }

    @Test
    void noFlagsAndNoEnvironmentGiveTheDefaults() {
        assertEquals(Config.defaults(), parse(NO_ENV));
        assertEquals(new Config("127.0.0.1", 7070, Path.of("data", "paperlog.db"), false, null), parse(NO_ENV));
    }

    @Test
    void environmentOverridesTheDefaults() {
        Config config = parse(Map.of("PAPERLOG_HOST", "0.0.0.0", "PAPERLOG_PORT", "8080", "PAPERLOG_DB", "/tmp/x.db"));
        assertEquals(new Config("0.0.0.0", 8080, Path.of("/tmp/x.db"), false, null), config);
    }

    @Test
    void flagsOverrideTheEnvironment() {
        Map<String, String> env = Map.of("PAPERLOG_HOST", "0.0.0.0", "PAPERLOG_PORT", "8080", "PAPERLOG_DB", "/tmp/x.db");
        Config config = parse(env, "--host", "localhost", "--port", "9090", "--db", "other.db");
        assertEquals(new Config("localhost", 9090, Path.of("other.db"), false, null), config);
    }

    @Test
    void flagsAcceptTheEqualsForm() {
        Config config = parse(NO_ENV, "--host=::1", "--port=9090", "--db=a=b.db");
        assertEquals(new Config("::1", 9090, Path.of("a=b.db"), false, null), config);
    }

    @Test
    void theBaseUrlComesFromAFlagOrTheEnvironment() {
        assertEquals(java.net.URI.create("https://papers.example.org"),
                parse(NO_ENV, "--base-url", "https://papers.example.org").baseUrl());
        assertEquals(java.net.URI.create("http://lab.example:8080/"),
                parse(Map.of("PAPERLOG_BASE_URL", "http://lab.example:8080/")).baseUrl());
        assertNull(parse(NO_ENV).baseUrl());
        for (String bad : new String[] {"papers.example.org", "ftp://papers.example.org", "https://", "https://x/?a=b",
                "javascript:alert(1)", "https://exa mple.org", "https://lab.example/paperlog", "https://u:p@x.org",
                "https://x.org#top"}) {
            assertTrue(usageError(NO_ENV, "--base-url", bad).startsWith("--base-url must be an http or https address"), bad);
        }
    }

    @Test
    void portZeroIsAllowedAndMeansPickAFreePort() {
        assertEquals(0, parse(NO_ENV, "--port=0").port());
        assertEquals(0, parse(NO_ENV, "--port", "0").port());
    }

    @Test
    void portRangeEndsAreAccepted() {
        assertEquals(65_535, parse(NO_ENV, "--port", "65535").port());
        assertEquals(1, parse(NO_ENV, "--port", "1").port());
    }

    @Test
    void nonNumericPortIsRefused() {
        assertEquals("--port must be a number from 0 to 65535, got 'abc'", usageError(NO_ENV, "--port", "abc"));
    }

    @Test
    void portAboveRangeIsRefused() {
        assertEquals("--port must be a number from 0 to 65535, got '70000'", usageError(NO_ENV, "--port", "70000"));
    }

    @Test
    void negativePortIsRefused() {
        assertTrue(usageError(NO_ENV, "--port=-1").startsWith("--port must be a number"));
    }

    @Test
    void badPortFromTheEnvironmentNamesTheVariable() {
        assertEquals("PAPERLOG_PORT must be a number from 0 to 65535, got 'abc'",
                usageError(Map.of("PAPERLOG_PORT", "abc")));
    }

    @Test
    void goodPortFlagOverridesABadPortInTheEnvironment() {
        assertEquals(8080, parse(Map.of("PAPERLOG_PORT", "abc"), "--port", "8080").port());
    }

    @Test
    void unknownFlagIsRefused() {
        assertEquals("unknown option '--verbose'", usageError(NO_ENV, "--verbose"));
        assertEquals("unknown option '--colour=on'", usageError(NO_ENV, "--colour=on"));
    }

    @Test
    void strayPositionalArgumentIsRefused() {
        assertEquals("unknown option '8080'", usageError(NO_ENV, "8080"));
    }

    @Test
    void flagWithoutValueIsRefused() {
        assertEquals("--port needs a value", usageError(NO_ENV, "--port"));
        assertEquals("--host needs a value", usageError(NO_ENV, "--host"));
        assertEquals("--db needs a value", usageError(NO_ENV, "--db"));
    }

    @Test
    void flagFollowedByAnotherFlagIsMissingItsValue() {
        assertEquals("--db needs a value", usageError(NO_ENV, "--db", "--help"));
        assertEquals("--host needs a value", usageError(NO_ENV, "--host", "--port", "8080"));
    }

    @Test
    void emptyValuesAreRefused() {
        assertEquals("--host must not be empty", usageError(NO_ENV, "--host="));
        assertEquals("--db must not be empty", usageError(NO_ENV, "--db="));
        assertTrue(usageError(NO_ENV, "--port=").startsWith("--port must be a number"));
    }

    @Test
    void helpIsRecognisedInEitherSpelling() {
        for (String flag : new String[] {"--help", "-h"}) {
            Parsed parsed = CommandLine.parse(new String[] {flag}, NO_ENV);
            assertTrue(parsed.helpRequested(), flag);
            assertNull(parsed.config(), flag);
        }
    }

    @Test
    void helpWinsOverAnInvalidValueGivenBeforeIt() {
        assertTrue(CommandLine.parse(new String[] {"--port", "abc", "--help"}, NO_ENV).helpRequested());
    }

    @Test
    void usageMentionsEveryFlagAndVariable() {
        for (String word : new String[] {"--port", "--host", "--db", "--help",
                "PAPERLOG_PORT", "PAPERLOG_HOST", "PAPERLOG_DB"}) {
            assertTrue(CommandLine.USAGE.contains(word), word);
        }
    }
}
