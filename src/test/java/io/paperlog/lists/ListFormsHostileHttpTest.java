package io.paperlog.lists;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paperlog.testing.Client;
import io.paperlog.testing.RawHttp;
import io.paperlog.testing.TestApp;
import io.paperlog.web.Router;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The owner of a list, who may send every list form, sends each of them with every field holding the same hostile
 * value: malformed escapes, huge, negative and non-ASCII values, control characters. Every answer is below 500
 * and carries no stack trace. The forms that delete (they read no field) are left out so the list stays to walk.
 */
class ListFormsHostileHttpTest {

    /** Raw, as they go on the wire. */
    static final List<String> VALUES = List.of("", "%", "%zz", "%FF", "%C0%AF", "%00", "%0d%0a", "-1", "0",
            "9".repeat(40), "1e3", "a".repeat(6000), "%F0%9F%93%84".repeat(200), "%E2%80%AE", "2026-02-30",
            "9999-12-31", "1,1,1", ",,,", "up%2Cdown", "%3Cscript%3Ealert(1)%3C%2Fscript%3E", "javascript:alert(1)",
            "%2F%2Fevil.example", "on");

    static final List<String> FIELDS = List.of("name", "description", "visibility", "paper", "note", "back", "order",
            "version", "direction", "date", "presenter", "body", "username", "role", "owner", "list", "public",
            "renew");

    @TempDir
    static Path folder;

    static TestApp app;
    static Client owner;
    static Map<String, String> values;

    @BeforeAll
    static void start() {
        app = TestApp.start(folder);
        ListFixtures lists = new ListFixtures(app);
        owner = app.member("olga");
        app.member("mona");
        long id = lists.list(owner, "Hostile", "members");
        lists.member(owner, id, "mona", "editor");
        long item = lists.item(owner, id, 36);
        owner.post("/lists/" + id + "/items/" + item + "/comments", Map.of("body", "the owner's"));
        values = Map.of("{id}", String.valueOf(id), "{itemId}", String.valueOf(item),
                "{commentId}", String.valueOf(lists.number("SELECT max(id) FROM list_comment")),
                "{accountId}", String.valueOf(lists.accountId("mona")));
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void everyListFormAnswersEveryHostileValueBelow500() {
        List<String> headers = List.of("Cookie: paperlog_session=" + owner.cookie("paperlog_session").orElseThrow(),
                "X-CSRF-Token: " + owner.csrfToken(), "Content-Type: application/x-www-form-urlencoded");
        List<String> failures = new ArrayList<>();
        int sent = 0;
        for (Router.Route route : app.app().routes()) {
            boolean listForm = route.path().startsWith("/lists") || route.path().endsWith("/lists");
            if (!route.method().equals("POST") || !listForm || route.path().endsWith("/delete")
                    || route.path().endsWith("/remove")) {
                continue;
            }
            String path = route.path().replace("/papers/{id}", "/papers/37");
            for (Map.Entry<String, String> value : values.entrySet()) {
                path = path.replace(value.getKey(), value.getValue());
            }
            for (String hostile : VALUES) {
                String body = FIELDS.stream().map(f -> f + "=" + hostile).collect(Collectors.joining("&"));
                List<String> all = new ArrayList<>(headers);
                all.add("Content-Length: " + body.getBytes(StandardCharsets.US_ASCII).length);
                RawHttp.Answer answer = RawHttp.send(app.app().port(), "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1:"
                        + app.app().port() + RawHttp.headerLines(all.toArray(String[]::new)),
                        body.getBytes(StandardCharsets.US_ASCII));
                sent++;
                if (answer.status() >= 500 || answer.body().contains("\tat ") || answer.body().contains("Exception")) {
                    failures.add(route.path() + " with " + hostile.substring(0, Math.min(30, hostile.length())) + ": "
                            + answer.status());
                }
            }
        }
        assertTrue(sent > 300, "requests sent: " + sent);
        assertTrue(failures.isEmpty(), String.join("\n", failures));
        assertFalse(owner.get("/lists").body().isEmpty());
    }
}
