package io.paperlog;

import io.javalin.Javalin;
import io.javalin.http.staticfiles.Location;
import io.paperlog.annotations.AnnotationRoutes;
import io.paperlog.annotations.AnnotationStore;
import io.paperlog.db.Database;
import io.paperlog.papers.PaperRoutes;
import io.paperlog.papers.PaperStore;
import io.paperlog.web.Assets;
import io.paperlog.web.ErrorPages;
import io.paperlog.web.SecurityHeaders;
import io.paperlog.web.Views;
import java.net.BindException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** Wires the features into one Javalin application over one database. */
public final class App implements AutoCloseable {

    static final int READ_CONNECTIONS = 4;
    static final String IMMUTABLE = "public, max-age=31536000, immutable";

    private final Config config;
    private final Database db;
    private final Javalin javalin;

    private App(Config config, Database db, Javalin javalin) {
        this.config = config;
        this.db = db;
        this.javalin = javalin;
    }

    /** Opens the database, migrates it, starts listening and warms the query path. */
    public static App start(Config config) {
        Views views = new Views(Assets.load());
        CompletableFuture<Void> classesWarm = Warmup.loadClassesInBackground(views);
        Database db = Database.open(config.database(), READ_CONNECTIONS);
        try {
            PaperStore papers = new PaperStore(db);
            AnnotationStore annotations = new AnnotationStore(db, Clock.systemUTC());
            Javalin javalin = create(views, papers, annotations);
            javalin.start(config.host(), config.port());
            classesWarm.join();
            Warmup.runQueries(papers);
            return new App(config, db, javalin);
        } catch (RuntimeException e) {
            db.close();
            throw asStartupFailure(config, e);
        }
    }

    private static Javalin create(Views views, PaperStore papers, AnnotationStore annotations) {
        ErrorPages errors = new ErrorPages(views);
        AnnotationRoutes annotationRoutes = new AnnotationRoutes(annotations, papers, views);
        PaperRoutes paperRoutes = new PaperRoutes(papers, views, List.of(annotationRoutes));
        return Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.http.generateEtags = true;
            config.http.maxRequestSize = 1_000_000;
            config.staticFiles.enableWebjars();
            config.staticFiles.add(files -> {
                files.hostedPath = "/static";
                files.directory = "/web/static";
                files.location = Location.CLASSPATH;
                files.headers = Map.of("Cache-Control", IMMUTABLE);
            });
            config.routes.before(SecurityHeaders::apply);
            errors.register(config.routes);
            paperRoutes.register(config.routes);
            annotationRoutes.register(config.routes);
        });
    }

    private static StartupException asStartupFailure(Config config, RuntimeException e) {
        if (e instanceof StartupException startup) {
            return startup;
        }
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof BindException) {
                return new StartupException("cannot listen on " + config.host() + ":" + config.port()
                        + ": the port is in use or the address is not available here", e);
            }
        }
        return new StartupException("cannot start: " + e.getClass().getSimpleName()
                + (e.getMessage() == null ? "" : " " + e.getMessage().lines().findFirst().orElse("")), e);
    }

    public int port() {
        return javalin.port();
    }

    public String url() {
        String host = config.host().contains(":") ? "[" + config.host() + "]" : config.host();
        if ("0.0.0.0".equals(host)) {
            host = "localhost";
        }
        return "http://" + host + ":" + port() + "/";
    }

    public Database database() {
        return db;
    }

    @Override
    public void close() {
        javalin.stop();
        db.close();
    }
}
