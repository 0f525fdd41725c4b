package io.paperlog.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A server in a child JVM, launched from the project folder, known once it has printed the URL it listens at. */
final class Served implements AutoCloseable {

    private static final Pattern READY = Pattern.compile("Paperlog is running at (http://\\S+) ");

    private final Process process;
    private final String url;

    private Served(Process process, String url) {
        this.process = process;
        this.url = url;
    }

    /** The packaged jar, started with the README's run command, over {@code db}, on a free port. */
    static Served runCommand(Path db) throws Exception {
        String jar = Path.of("target", "paperlog.jar").toString();
        if (!Files.isRegularFile(Path.of(jar))) {
            throw new IllegalStateException("run from the project folder after mvn package");
        }
        List<String> command = new ArrayList<>(List.of(java()));
        command.addAll(ColdStart.RUN_FLAGS);
        command.addAll(List.of("-jar", jar, "--port", "0", "--db", db.toString()));
        return launch(command);
    }

    /** Javalin answering a constant at /setup: the floor for a start. */
    static Served bareJavalin() throws Exception {
        return launch(List.of(java(), "-cp", "target/paperlog.jar:target/test-classes", "io.paperlog.bench.BareJavalin"));
    }

    private static Served launch(List<String> command) throws Exception {
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroy));
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        Matcher ready = READY.matcher(String.valueOf(out.readLine()));
        if (!ready.find()) {
            process.destroy();
            throw new IllegalStateException("did not start: " + command);
        }
        Thread drain = new Thread(() -> out.lines().forEach(line -> { }), "drain");
        drain.setDaemon(true);
        drain.start();
        return new Served(process, ready.group(1));
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    String url() {
        return url;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
