package io.paperlog;

import io.javalin.Javalin;
import io.javalin.config.SizeUnit;
import io.paperlog.accounts.SessionCookie;
import io.paperlog.activity.Feed;
import io.paperlog.db.Database;
import io.paperlog.saved.SavedFilterStore;
import io.paperlog.search.SearchStore;
import io.paperlog.web.Assets;
import io.paperlog.web.BaseUrl;
import io.paperlog.web.ErrorPages;
import io.paperlog.web.MethodOverride;
import io.paperlog.web.PageCache;
import io.paperlog.web.RequestInput;
import io.paperlog.web.Router;
import io.paperlog.web.SecurityHeaders;
import io.paperlog.web.StaticFiles;
import io.paperlog.web.Views;
import java.net.BindException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.LoggerFactory;

/** Starts one Paperlog: the database, the features, the filters every request passes, and the route table. */
public final class App implements AutoCloseable {

    static final int READ_CONNECTIONS = 4;

    private final Config config;
    private final Database db;
    private final Javalin javalin;
    private final List<Router.Route> routes;
    private final ScheduledExecutorService housekeeping;

    private App(Config config, Database db, Javalin javalin, List<Router.Route> routes,
                ScheduledExecutorService housekeeping) {
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
        Database db = Database.openInBackground(config.database(), READ_CONNECTIONS);
        Feed feed = new Feed(db, clock);
        Views views = new Views(Assets.load(), feed::unread, new SavedFilterStore(db, clock, new SearchStore(db)));
        CompletableFuture<Void> classesWarm = Warmup.loadClassesInBackground(views);
        Javalin javalin = null;
        try {
            AtomicInteger port = new AtomicInteger(config.port());
            BaseUrl baseUrl = new BaseUrl(config.baseUrl(), config.host(), port::get);
            Features features = new Features(db, clock, feed, new Features.Settings(config.secureCookies(), baseUrl, views));
            List<Router.Route> routes = new ArrayList<>();
            PageCache pages = new PageCache(db::dataVersion, SessionCookie.SESSION, clock, pageCacheBudget());
            javalin = create(config, views, features, pages, routes);
            javalin.start(config.host(), config.port());
            port.set(javalin.port());
            db.awaitOpen();
            classesWarm.join();
            Warmup.runQueries(features.catalogueStore);
            return new App(config, db, javalin, routes, startHousekeeping(features, config, db, clock));
        } catch (RuntimeException e) {
            if (javalin != null) {
                javalin.stop();
            }
            db.close();
            throw asStartupFailure(config, e);
        }
    }

    /** An eighth of the heap, at most 64 MB, for kept pages. */
    static long pageCacheBudget() {
        return Math.min(64L << 20, Runtime.getRuntime().maxMemory() / 8);
    }

    private static Javalin create(Config config, Views views, Features features, PageCache pages,
                                  List<Router.Route> routes) {
        ErrorPages errors = new ErrorPages(views);
        SecurityHeaders headers = new SecurityHeaders(config.secureCookies());
        return Javalin.create(javalin -> {
            javalin.startup.showJavalinBanner = false;
            javalin.startup.showOldJavalinVersionWarning = false;
            javalin.http.generateEtags = true;
            javalin.http.prefer405over404 = true;
            javalin.http.maxRequestSize = RequestInput.MAX_BODY;
            // the one upload (RequestInput.UPLOAD_PATH) is kept in memory and cut at its limit
            javalin.jetty.multipartConfig.maxFileSize(RequestInput.MAX_UPLOAD, SizeUnit.BYTES);
            javalin.jetty.multipartConfig.maxTotalRequestSize(RequestInput.MAX_UPLOAD + 100_000, SizeUnit.BYTES);
            javalin.jetty.multipartConfig.maxInMemoryFileSize(RequestInput.MAX_UPLOAD + 100_000, SizeUnit.BYTES);
            javalin.jetty.modifyServer(server -> server.setErrorHandler(errors.jettyErrorHandler(headers)));
            javalin.jetty.modifyServletContextHandler(MethodOverride::ignore);
            Router router = new Router(javalin.routes);
            javalin.routes.before(headers::apply);
            javalin.routes.before(RequestInput::check);
            javalin.routes.before(router::refuseUnknownMethod);
            javalin.routes.before(features.accounts.filter::handle);
            javalin.routes.before(features.api::filter);
            javalin.routes.before(pages::before);
            javalin.routes.after(pages::after);
            errors.register(javalin.routes);
            javalin.routes.get("/static/<path>", new StaticFiles("web/static")::serve);
            javalin.routes.get("/webjars/<path>", new StaticFiles("META-INF/resources/webjars")::serve);
            Routes.register(router, features);
            routes.addAll(router.routes());
        });
    }

    private static ScheduledExecutorService startHousekeeping(Features features, Config config, Database db, Clock clock) {
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "paperlog-housekeeping");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(() -> {
            try {
                features.accounts.sessions.purgeExpired();
                features.accounts.tokens.purgeExpired();
            } catch (RuntimeException e) {
                LoggerFactory.getLogger(App.class).warn("could not purge expired sessions", e);
            }
        }, 1, 3600, TimeUnit.SECONDS);
        if (config.rollingBackups() != null) {
            scheduleBackups(executor, new BackupSchedule(config.rollingBackups(), db, clock));
        }
        return executor;
    }

    /** Each backup schedules the next, so that the period counts from the newest backup in the folder. */
    private static void scheduleBackups(ScheduledExecutorService executor, BackupSchedule schedule) {
        executor.schedule(() -> {
            schedule.run();
            scheduleBackups(executor, schedule);
        }, schedule.untilNext().toMillis(), TimeUnit.MILLISECONDS);
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
        return BaseUrl.listening(config.host(), port()) + "/";
    }

    public Database database() {
        return db;
    }

    /** The HTTP routes of the route table, for tests that must cover every one of them. */
    public List<Router.Route> routes() {
        return routes;
    }

    @Override
    public void close() {
        housekeeping.shutdownNow();
        javalin.stop();
        db.close();
    }
}
