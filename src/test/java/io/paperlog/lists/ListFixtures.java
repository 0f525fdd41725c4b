package io.paperlog.lists;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.paperlog.testing.Client;
import io.paperlog.testing.TestApp;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Making lists and reading the database the way the list tests need. */
final class ListFixtures {

    private static final Pattern LIST = Pattern.compile("/lists/(\\d+)$");
    private static final Pattern ITEM = Pattern.compile("#item-(\\d+)$");

    private final TestApp app;

    ListFixtures(TestApp app) {
        this.app = app;
    }

    long list(Client owner, String name, String visibility) {
        HttpResponse<String> made = owner.post("/lists", Map.of("name", name, "visibility", visibility,
                "description", "About *" + name + "*"));
        assertEquals(303, made.statusCode(), made.body());
        Matcher m = LIST.matcher(made.headers().firstValue("Location").orElseThrow());
        m.find();
        return Long.parseLong(m.group(1));
    }

    long item(Client editor, long listId, long paperId) {
        HttpResponse<String> added = editor.post("/lists/" + listId + "/items", Map.of("paper", String.valueOf(paperId)));
        assertEquals(303, added.statusCode(), added.body());
        Matcher m = ITEM.matcher(added.headers().firstValue("Location").orElseThrow());
        m.find();
        return Long.parseLong(m.group(1));
    }

    void member(Client owner, long listId, String username, String role) {
        assertEquals(303, owner.post("/lists/" + listId + "/members", Map.of("username", username, "role", role))
                .statusCode());
    }

    int version(long listId) {
        return number("SELECT version FROM reading_list WHERE id = ?", listId);
    }

    String order(long listId) {
        Object order = app.app().database().read()
                .fetchValue("SELECT group_concat(id) FROM (SELECT id FROM list_item WHERE list_id = ? ORDER BY position)", listId);
        return order == null ? "" : order.toString();
    }

    int number(String sql, Object... args) {
        Object value = app.app().database().read().fetchValue(sql, args);
        return value == null ? 0 : ((Number) value).intValue();
    }

    long accountId(String username) {
        return number("SELECT id FROM account WHERE username = ?", username);
    }
}
