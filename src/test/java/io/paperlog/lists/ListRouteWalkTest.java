package io.paperlog.lists;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paperlog.testing.Client;
import io.paperlog.testing.DatabaseDigest;
import io.paperlog.testing.TestApp;
import io.paperlog.web.Router;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Walks every list route of the route table over a members list: an outsider gets 404 for all of them, a viewer
 * 403 for every change but the two a viewer may make (commenting, a calendar link), and neither changes anything
 * stored. Routes added later are walked without anyone listing them.
 */
class ListRouteWalkTest {

    /** What a viewer may do to a list besides reading it. */
    static final Set<String> VIEWER_MAY = Set.of("/lists/{id}/items/{itemId}/comments", "/lists/{id}/calendar");

    @TempDir
    static Path folder;

    static TestApp app;
    static Client owner;
    static Client viewer;
    static Client outsider;
    static Map<String, String> values;

    @BeforeAll
    static void start() {
        app = TestApp.start(folder);
        ListFixtures lists = new ListFixtures(app);
        owner = app.member("olga");
        viewer = app.member("vera");
        outsider = app.member("otto");
        long id = lists.list(owner, "Walked", "members");
        lists.member(owner, id, "vera", "viewer");
        long item = lists.item(owner, id, 36);
        owner.post("/lists/" + id + "/items/" + item + "/comments", Map.of("body", "the owner's"));
        values = Map.of("{id}", String.valueOf(id), "{itemId}", String.valueOf(item),
                "{commentId}", String.valueOf(lists.number("SELECT max(id) FROM list_comment")),
                "{accountId}", String.valueOf(lists.accountId("olga")));
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    static List<Router.Route> listRoutes() {
        List<Router.Route> routes = app.app().routes().stream().filter(r -> r.path().startsWith("/lists/{id}")).toList();
        assertTrue(routes.size() >= 20, routes.toString());
        return routes;
    }

    static String concrete(String path) {
        String concrete = path;
        for (Map.Entry<String, String> value : values.entrySet()) {
            concrete = concrete.replace(value.getKey(), value.getValue());
        }
        return concrete;
    }

    /** A form every list route could act on: a name, a paper, an order, a date, a comment. */
    static final Map<String, String> FORM = Map.of("name", "Taken over", "visibility", "team", "paper", "1",
            "order", "1", "version", "1", "direction", "up", "date", "2099-01-01", "body", "a comment",
            "username", "otto", "role", "editor");

    @Test
    void anOutsiderFindsNoListRouteAndChangesNothing() {
        String before = DatabaseDigest.of(app.databaseFile());
        List<String> wrong = new ArrayList<>();
        for (Router.Route route : listRoutes()) {
            HttpResponse<String> answer = route.method().equals("GET") ? outsider.get(concrete(route.path()))
                    : outsider.post(concrete(route.path()), FORM);
            if (answer.statusCode() != 404) {
                wrong.add(route + " answered " + answer.statusCode());
            }
        }
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
        assertEquals(before, DatabaseDigest.of(app.databaseFile()));
    }

    @Test
    void aViewerReadsButEveryChangeOfTheirsIsForbiddenAndChangesNothing() {
        List<String> wrong = new ArrayList<>();
        for (Router.Route route : listRoutes()) {
            String path = concrete(route.path());
            if (route.method().equals("GET")) {
                int expected = route.path().endsWith("/settings") ? 403 : 200;
                int status = viewer.get(path).statusCode();
                if (status != expected) {
                    wrong.add(route + " answered " + status + ", not " + expected);
                }
                continue;
            }
            if (VIEWER_MAY.contains(route.path())) {
                continue;
            }
            String before = DatabaseDigest.of(app.databaseFile());
            int status = viewer.post(path, FORM).statusCode();
            if (status != 403) {
                wrong.add(route + " answered " + status);
            }
            if (!before.equals(DatabaseDigest.of(app.databaseFile()))) {
                wrong.add(route + " changed the database");
            }
        }
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
    }
}
