package io.paperlog.bench;

import io.javalin.Javalin;

/**
 * The floor for {@link ColdStart}: Javalin with nothing of Paperlog, answering a constant, started the way Paperlog
 * starts (port 0, the URL printed once it listens).
 */
public final class BareJavalin {

    private BareJavalin() {}

    public static void main(String[] args) {
        Javalin app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.routes.get("/setup", ctx -> ctx.html("<!doctype html><title>bare</title><p>hello</p>"));
        }).start("127.0.0.1", 0);
        System.out.println("Paperlog is running at http://127.0.0.1:" + app.port() + "/ (bare Javalin)");
    }
}
