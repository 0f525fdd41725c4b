package io.paperlog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {

    @TempDir
    Path folder;

    private final Console console = new Console();

    private int run(String... args) {
        return console.run(args);
    }

    private String errLine() {
        return console.errLine();
    }

    @Test
    void helpPrintsUsageAndExitsZero() {
        assertEquals(0, run("--help"));
        assertTrue(console.out().contains("--port N"));
    }

    @Test
    void unknownFlagIsOneLineAndExitTwo() {
        assertEquals(2, run("--colour", "blue"));
        assertEquals("paperlog: unknown option '--colour' (see --help)", errLine());
    }

    @Test
    void badPortIsOneLineAndExitTwo() {
        assertEquals(2, run("--port", "seventy"));
        assertTrue(errLine().contains("--port must be a number from 0 to 65535"));
    }

    @Test
    void portInUseIsOneLineAndNonZeroExit() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            int exit = run("--port", String.valueOf(taken.getLocalPort()), "--db", folder.resolve("p.db").toString());
            assertEquals(1, exit);
            String line = errLine();
            assertTrue(line.contains("cannot listen on 127.0.0.1:" + taken.getLocalPort()), line);
        }
    }

    @Test
    void unwritableDatabasePathIsOneLineAndNonZeroExit() throws Exception {
        Path blocker = Files.writeString(folder.resolve("a-file"), "x");
        int exit = run("--port", "0", "--db", blocker.resolve("sub/paperlog.db").toString());
        assertEquals(1, exit);
        assertTrue(errLine().startsWith("paperlog: cannot create folder"));
        assertFalse(console.out().contains("running"));
    }

    @Test
    void notADatabaseIsRefusedWithOneLine() throws Exception {
        Path notes = Files.writeString(folder.resolve("notes.db"), "not sqlite at all, just words");
        assertEquals(1, run("--port", "0", "--db", notes.toString()));
        assertTrue(errLine().contains("is not a SQLite database"));
        assertEquals("not sqlite at all, just words", Files.readString(notes));
    }
}
