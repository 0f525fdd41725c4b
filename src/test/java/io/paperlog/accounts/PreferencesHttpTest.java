package io.paperlog.accounts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paperlog.testing.Client;
import io.paperlog.testing.MutableClock;
import io.paperlog.testing.TestApp;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Times in the viewer's time zone (chosen in the account, else the browser's as app.js reports it, else UTC), and
 * single-key shortcuts that a person can turn off. Each person's choice is theirs alone.
 */
class PreferencesHttpTest {

    @TempDir
    static Path folder;

    static TestApp app;
    static Client alice;
    static Client bob;

    @BeforeAll
    static void start() {
        app = TestApp.start(folder, new MutableClock(Instant.parse("2026-11-26T06:20:00Z")));
        alice = app.member("alice");
        bob = app.member("bob");
        assertEquals(303, alice.post("/papers/3/note", Map.of("body", "A note.", "base_revision", "0")).statusCode());
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    /** A page as the browser asks for it, with the time zone app.js reported in its cookie. */
    static String withBrowserZone(Client who, String path, String zone) {
        String session = who.cookie(SessionCookie.SESSION).orElseThrow();
        return TestApp.send(HttpRequest.newBuilder(app.uri(path))
                .header("Cookie", SessionCookie.SESSION + "=" + session + "; tz=" + zone).GET().build()).body();
    }

    @Test
    void timesFollowTheBrowsersZoneUntilTheAccountChoosesOne() {
        assertTrue(alice.get("/papers/3").body().contains("Saved 26 Nov 2026, 06:20 UTC"), "without a zone: UTC");
        assertTrue(withBrowserZone(alice, "/papers/3", "Asia/Tokyo").contains("Saved 26 Nov 2026, 15:20 JST"));
        assertTrue(withBrowserZone(alice, "/papers/3", "Not/AZone").contains("06:20 UTC"), "a bad cookie is no zone");

        HttpResponse<String> chosen = alice.post("/account/preferences",
                Map.of("time_zone", "America/New_York", "shortcuts", "on"));
        assertEquals(303, chosen.statusCode());
        assertTrue(withBrowserZone(alice, "/papers/3", "Asia/Tokyo").contains("Saved 26 Nov 2026, 01:20 EST"),
                "the account's choice wins over the browser's");
        assertTrue(alice.get("/account").body().contains("<option value=\"America/New_York\" selected=\"selected\">"));
        assertTrue(withBrowserZone(bob, "/annotations", "Asia/Tokyo").contains("Annotations"), "bob is unaffected");

        assertEquals(303, alice.post("/account/preferences", Map.of("time_zone", "", "shortcuts", "on")).statusCode());
        assertTrue(alice.get("/papers/3").body().contains("06:20 UTC"), "back to following the browser");
    }

    @Test
    void anUnknownZoneIsRefusedWithTheFormShownAgainAndNothingChanges() {
        HttpResponse<String> r = alice.post("/account/preferences", Map.of("time_zone", "Mars/Olympus_Mons"));
        assertEquals(422, r.statusCode());
        assertTrue(r.body().contains("Choose a time zone from the list"), r.body());
        assertFalse(r.body().contains("data-shortcuts=\"off\""), "nothing was saved");
        assertEquals(400, alice.post("/account/preferences", Map.of("time_zone", "", "shortcuts", "maybe")).statusCode());
        assertEquals(401, app.visitor().post("/account/preferences", Map.of("time_zone", "UTC")).statusCode());
    }

    @Test
    void shortcutsCanBeTurnedOffAndOnAgainForOnePersonOnly() {
        assertFalse(bob.get("/papers/4").body().contains("data-shortcuts=\"off\""), "on at first");
        assertEquals(303, bob.post("/account/preferences", Map.of("time_zone", "")).statusCode());
        String off = bob.get("/papers/4").body();
        assertTrue(off.contains("<body data-shortcuts=\"off\">"), "app.js reads this and leaves keys alone");
        assertTrue(bob.get("/help").body().contains("You have turned them off"));
        assertFalse(alice.get("/papers/4").body().contains("data-shortcuts=\"off\""), "alice keeps hers");
        assertEquals(303, bob.post("/account/preferences", Map.of("time_zone", "", "shortcuts", "on")).statusCode());
        assertFalse(bob.get("/papers/4").body().contains("data-shortcuts=\"off\""));
    }
}
