package io.paperlog.tracking;

import io.paperlog.db.Database;
import io.paperlog.papers.AbstractMarkup;
import io.paperlog.papers.CatalogueRow;
import io.paperlog.papers.CatalogueSort;
import io.paperlog.papers.PaperStore;
import io.paperlog.testing.Client;
import io.paperlog.testing.TestApp;
import io.paperlog.web.Assets;
import io.paperlog.web.Views;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.NumberFormat;
import java.time.Clock;
import java.util.HashMap;
import java.util.Locale;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Not a test: times the catalogue page for a person with a status and a rating on all 100 papers against the
 * bare catalogue (a person with none), over real HTTP on a fresh database, and prints the medians and their ratio.
 * The aim is a ratio of at most 1.5. Run it with:
 *
 * <pre>
 * mvn -o -q test-compile dependency:build-classpath -Dmdep.outputFile=target/test.cp
 * java -cp target/classes:target/test-classes:$(cat target/test.cp) io.paperlog.tracking.CatalogueBenchmark
 * </pre>
 */
public final class CatalogueBenchmark {

    static final int WARMUP = 300;
    static final int ROUNDS = 31;
    static final int REQUESTS_PER_ROUND = 40;

    public static void main(String[] args) throws Exception {
        Path folder = Files.createTempDirectory("paperlog-bench");
        try (TestApp app = TestApp.start(folder)) {
            Client bare = app.member("bare");
            Client full = app.member("full");
            String[] statuses = {"want", "reading", "read", "abandoned"};
            for (int id = 1; id <= 100; id++) {
                full.post("/papers/" + id + "/status", Map.of("status", statuses[id % 4]));
                full.post("/papers/" + id + "/rating", Map.of("rating", String.valueOf(1 + id % 5)));
            }
            check(bare.get("/").body(), false);
            check(full.get("/").body(), true);
            double[] medians = medians(() -> fetchCatalogue(bare), () -> fetchCatalogue(full));
            double bareMedian = medians[0];
            double fullMedian = medians[1];
            System.out.printf("catalogue, no statuses or ratings : median %.3f ms per request%n", bareMedian);
            System.out.printf("catalogue, 100 statuses + ratings : median %.3f ms per request%n", fullMedian);
            System.out.printf("HTTP ratio, person with 100 marks / person with none: %.2fx (aim: at most 1.5x)%n",
                    fullMedian / bareMedian);
            renderComparison(app, accountId(app, "full"));
        }
    }

    /**
     * The same page built in-process both ways: the bare catalogue exactly as the papers feature builds it without
     * the tracking layer (query, rows, template), against the catalogue with the marks of a person who has a
     * status and rating on every paper (plus the marks query, the filter pass and the row controls).
     */
    static void renderComparison(TestApp app, long userId) {
        Database db = app.app().database();
        PaperStore papers = new PaperStore(db);
        TrackingStore tracking = new TrackingStore(db, Clock.systemUTC());
        Views views = new Views(Assets.load());
        Runnable bare = () -> views.renderToString(null, "papers/catalogue", bareModel(papers));
        Runnable full = () -> {
            Map<String, Object> model = bareModel(papers);
            Map<Long, Mark> marks = tracking.marks(userId);
            model.put("signedIn", true);
            model.put("statusFilter", "");
            model.put("ratedFilter", "");
            model.put("filterQuery", "");
            model.put("statuses", Status.values());
            model.put("back", "/");
            @SuppressWarnings("unchecked")
            List<CatalogueRow> rows = (List<CatalogueRow>) model.get("rows");
            List<CatalogueRow> shown = rows.stream().filter(r -> marks.get(r.id()) != null).toList();
            Map<Long, String> controls = new HashMap<>();
            for (CatalogueRow row : shown) {
                controls.put(row.id(), RowControls.html(row.id(), marks.get(row.id()), "token-of-43-characters-xxxxxxxxxxxxxxxxxxx", "/"));
            }
            model.put("rows", shown);
            model.put("rowControls", controls);
            views.renderToString(null, "papers/catalogue", model);
        };
        if (!views.renderToString(null, "papers/catalogue", bareModel(papers)).contains("data-paper=\"100\"")) {
            throw new IllegalStateException("bare render failed");
        }
        double[] medians = medians(bare, full);
        double b = medians[0];
        double f = medians[1];
        System.out.printf("in-process, bare catalogue (no tracking layer) : median %.3f ms%n", b);
        System.out.printf("in-process, catalogue with 100 marks           : median %.3f ms%n", f);
        System.out.printf("in-process ratio: %.2fx (aim: at most 1.5x)%n", f / b);
    }

    static Map<String, Object> bareModel(PaperStore papers) {
        List<CatalogueRow> rows = papers.catalogue(CatalogueSort.RANK).stream()
                .map(p -> new CatalogueRow(p.id(), p.rank(), AbstractMarkup.toPlainText(p.title()),
                        AbstractMarkup.toHtml(p.title()), NumberFormat.getIntegerInstance(Locale.US).format(p.citations()),
                        AbstractMarkup.excerpt(p.abstractText(), 220)))
                .toList();
        Map<String, Object> model = new HashMap<>();
        model.put("rows", rows);
        model.put("sort", CatalogueSort.RANK);
        model.put("sorts", CatalogueSort.values());
        return model;
    }

    static long accountId(TestApp app, String username) {
        return ((Number) app.app().database().read()
                .fetchValue("SELECT id FROM account WHERE username = ?", username)).longValue();
    }

    private static double time(Runnable work) {
        long start = System.nanoTime();
        for (int i = 0; i < REQUESTS_PER_ROUND; i++) {
            work.run();
        }
        return (System.nanoTime() - start) / 1e6 / REQUESTS_PER_ROUND;
    }

    private static void check(String body, boolean marked) {
        boolean hasMarks = body.contains("class=\"row-track__stars\"");
        if (!body.contains("data-paper=\"100\"") || hasMarks != marked) {
            throw new IllegalStateException("the catalogue did not render as expected");
        }
    }

    private static void fetchCatalogue(Client client) {
        if (client.get("/").statusCode() != 200) {
            throw new IllegalStateException("catalogue request failed");
        }
    }

    /** Warms both, then times them in alternating rounds; returns the median milliseconds of each. */
    private static double[] medians(Runnable bare, Runnable full) {
        for (int i = 0; i < WARMUP; i++) {
            bare.run();
            full.run();
        }
        List<Double> bareTimes = new ArrayList<>();
        List<Double> fullTimes = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            // alternate which goes first so that neither profits from the other's warm caches
            if (round % 2 == 0) {
                bareTimes.add(time(bare));
                fullTimes.add(time(full));
            } else {
                fullTimes.add(time(full));
                bareTimes.add(time(bare));
            }
        }
        return new double[] {median(bareTimes), median(fullTimes)};
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
