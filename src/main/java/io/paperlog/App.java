package io.paperlog;

import io.javalin.Javalin;
import io.javalin.http.staticfiles.Location;
import io.paperlog.accounts.AccountRoutes;
import io.paperlog.accounts.AccountStore;
import io.paperlog.accounts.AdminRoutes;
import io.paperlog.accounts.InviteStore;
import io.paperlog.accounts.LoginThrottle;
import io.paperlog.accounts.Passwords;
import io.paperlog.accounts.ResetStore;
import io.paperlog.accounts.SessionCookie;
import io.paperlog.accounts.SessionFilter;
import io.paperlog.accounts.SessionStore;
import io.paperlog.annotations.AnnotationRoutes;
import io.paperlog.annotations.AnnotationStore;
import io.paperlog.db.Database;
import io.paperlog.papers.PaperRoutes;
import io.paperlog.papers.PaperStore;
import io.paperlog.web.Assets;
import io.paperlog.web.ErrorPages;
import io.paperlog.web.RequestInput;
import io.paperlog.web.SecurityHeaders;
import io.paperlog.web.Views;
import io.paperlog.tracking.NoteStore;
import io.paperlog.tracking.TrackingRoutes;
import io.paperlog.tracking.TrackingStore;
import java.net.BindException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.LoggerFactory;

/** Wires the features into one Javalin application over one database. */
public final class App implements AutoCloseable {

    static final int READ_CONNECTIONS = 4;
    static final String IMMUTABLE = "public, max-age=31536000, immutable";

    /** One entry of the route table, as Javalin registered it. */
    public record Route(String method, String path) {}

    private final Config config;
    private final Database db;
    private final Javalin javalin;
    private final List<Route> routes;
    private final ScheduledExecutorService housekeeping;

    private App(Config config, Database db, Javalin javalin, List<Route> routes, ScheduledExecutorService housekeeping) {
        this.config = config;
        this.db = db;
        this.javalin = javalin;
        this.routes = List.copyOf(routes);
        this.housekeeping = housekeeping;
    }

    public static App start(Config config) {
        return start(config, Clock.systemUTC());
    }

    /**
     * Opens and migrates the database while the web server starts (two cores, two jobs), then warms the query
     * path. A database that cannot be opened stops the server again before anyone is told it runs.
     */
    public static App start(Config config, Clock clock) {
        Views views = new Views(Assets.load());
        CompletableFuture<Void> classesWarm = Warmup.loadClassesInBackground(views);
        Database db = Database.openInBackground(config.database(), READ_CONNECTIONS);
        Javalin javalin = null;
        try {
            Features features = new Features(config, db, views, clock);
            List<Route> routes = new CopyOnWriteArrayList<>();
            javalin = create(config, views, features, routes);
            javalin.start(config.host(), config.port());
            db.awaitOpen();
            classesWarm.join();
            Warmup.runQueries(features.papers);
            return new App(config, db, javalin, routes, startHousekeeping(features.sessions, clock));
        } catch (RuntimeException e) {
            if (javalin != null) {
                javalin.stop();
            }
            db.close();
            throw asStartupFailure(config, e);
        }
    }

    /** Every store and route class, built once. */
    private static final class Features {
        final PaperStore papers;
        final SessionStore sessions;
        final SessionFilter sessionFilter;
        final PaperRoutes paperRoutes;
        final AccountRoutes accountRoutes;
        final AdminRoutes adminRoutes;
        final TrackingRoutes trackingRoutes;
        final AnnotationRoutes annotationRoutes;

        Features(Config config, Database db, Views views, Clock clock) {
            papers = new PaperStore(db);
            sessions = new SessionStore(db);
            AccountStore accounts = new AccountStore(db);
            InviteStore invites = new InviteStore(db);
            ResetStore resets = new ResetStore(db);
            SessionCookie cookies = new SessionCookie(config.secureCookies());
            sessionFilter = new SessionFilter(sessions, accounts, cookies, clock);
            trackingRoutes = new TrackingRoutes(new TrackingStore(db, clock), new NoteStore(db, clock), views);
            annotationRoutes = new AnnotationRoutes(new AnnotationStore(db, clock), papers, views);
            paperRoutes = new PaperRoutes(papers, views, List.of(annotationRoutes), trackingRoutes);
            trackingRoutes.paperPage(paperRoutes::showPaper);
            accountRoutes = new AccountRoutes(accounts, sessions, invites, resets, new Passwords(),
                    new LoginThrottle(clock), cookies, views, clock);
            adminRoutes = new AdminRoutes(accounts, invites, resets, views, clock);
        }
    }

    private static Javalin create(Config config, Views views, Features features, List<Route> routes) {
        ErrorPages errors = new ErrorPages(views);
        SecurityHeaders headers = new SecurityHeaders(config.secureCookies());
        return Javalin.create(javalin -> {
            javalin.startup.showJavalinBanner = false;
            javalin.startup.showOldJavalinVersionWarning = false;
            javalin.http.generateEtags = true;
            // a 100,000-character note of 4-byte characters is 1.2 MB once form-encoded
            javalin.http.maxRequestSize = 2_000_000;
            javalin.jetty.modifyServer(server -> server.setErrorHandler(errors.jettyErrorHandler(headers)));
            javalin.staticFiles.enableWebjars();
            javalin.staticFiles.add(files -> {
                files.hostedPath = "/static";
                files.directory = "/web/static";
                files.location = Location.CLASSPATH;
                files.headers = Map.of("Cache-Control", IMMUTABLE);
            });
            javalin.events.handlerAdded(info -> {
                if (info.getHttpMethod().isHttpMethod()) {
                    routes.add(new Route(info.getHttpMethod().name(), info.getPath()));
                }
            });
            javalin.routes.before(headers::apply);
            javalin.routes.before(RequestInput::check);
            javalin.routes.before(features.sessionFilter::handle);
            errors.register(javalin.routes);
            features.paperRoutes.register(javalin.routes);
            features.accountRoutes.register(javalin.routes);
            features.adminRoutes.register(javalin.routes);
            features.annotationRoutes.register(javalin.routes);
            features.trackingRoutes.register(javalin.routes);
        });
    }

    private static ScheduledExecutorService startHousekeeping(SessionStore sessions, Clock clock) {
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "paperlog-housekeeping");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(() -> {
            try {
                sessions.purgeExpired(clock.instant());
            } catch (RuntimeException e) {
                LoggerFactory.getLogger(App.class).warn("could not purge expired sessions", e);
            }
        }, 1, 3600, TimeUnit.SECONDS);
        return executor;
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

    /** The HTTP routes the application registered, for tests that must cover every one of them. */
    public List<Route> routes() {
        return routes;
    }

    @Override
    public void close() {
        housekeeping.shutdownNow();
        javalin.stop();
        db.close();
    }
}
