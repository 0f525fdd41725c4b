package io.paperlog.accounts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paperlog.App;
import io.paperlog.Config;
import io.paperlog.testing.Client;
import io.paperlog.testing.MutableClock;
import io.paperlog.testing.TestApp;
import io.paperlog.web.Tokens;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AccountsHttpTest {

    @TempDir
    Path folder;

    MutableClock clock;
    TestApp app;

    @BeforeEach
    void start() {
        clock = MutableClock.startingNow();
        app = TestApp.start(folder, clock);
    }

    @AfterEach
    void stop() {
        app.close();
    }

    private static String location(HttpResponse<String> response) {
        return response.headers().firstValue("Location").orElseThrow();
    }

    private static String path(HttpResponse<String> response) {
        URI uri = URI.create(location(response));
        return uri.getRawQuery() == null ? uri.getPath() : uri.getPath() + "?" + uri.getRawQuery();
    }

    private Map<String, String> login(String username, String password) {
        return Map.of("username", username, "password", password);
    }

    // --- first account -------------------------------------------------------------------------------------

    @Test
    void emptyInstanceSendsEveryPageToTheFirstAccountForm() {
        for (String page : List.of("/", "/papers/1", "/login", "/admin", "/nope")) {
            HttpResponse<String> response = app.get(page);
            assertEquals(303, response.statusCode(), page);
            assertEquals("/setup", path(response), page);
        }
        HttpResponse<String> setup = app.get("/setup");
        assertEquals(200, setup.statusCode());
        assertTrue(setup.body().contains("Create the first account"));
        assertEquals("ok", app.get("/healthz").body());
    }

    @Test
    void firstAccountIsAnAdminAndTheFormThenCloses() throws Exception {
        Client admin = app.admin();
        assertTrue(admin.get("/admin").body().contains("Admin"));
        assertEquals(1, count("SELECT count(*) FROM account WHERE is_admin = 1 AND username = 'admin'"));

        Client latecomer = app.visitor();
        assertEquals(303, latecomer.get("/setup").statusCode(), "the form is gone once an account exists");
        HttpResponse<String> second = latecomer.post("/setup", Map.of("username", "mallory", "display_name", "M",
                "password", TestApp.PASSWORD, "confirm", TestApp.PASSWORD));
        assertEquals(303, second.statusCode());
        assertEquals("/login", path(second));
        assertEquals(1, count("SELECT count(*) FROM account"));
    }

    @Test
    void invalidFirstAccountFormIsRerenderedWithWhatWasTyped() {
        Client visitor = app.visitor();
        HttpResponse<String> response = visitor.post("/setup", Map.of("username", "Ada Lovelace", "display_name", "Ada",
                "password", "1234567890", "confirm", "1234567890"));
        assertEquals(422, response.statusCode());
        assertTrue(response.body().contains("Usernames are 3 to 32 characters"));
        assertTrue(response.body().contains("most common"));
        assertTrue(response.body().contains("value=\"Ada\""), "the display name is kept");
        assertFalse(response.body().contains("value=\"1234567890\""), "passwords are never echoed");
    }

    // --- sessions and cookies ------------------------------------------------------------------------------

    @Test
    void sessionCookieIsHttpOnlyLaxAndSiteWide() {
        app.admin();
        Client visitor = app.visitor();
        HttpResponse<String> response = visitor.post("/login", login("admin", TestApp.PASSWORD));
        assertEquals(303, response.statusCode());
        String cookie = response.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("paperlog_session=")).findFirst().orElseThrow();
        assertTrue(cookie.contains("HttpOnly"), cookie);
        assertTrue(cookie.contains("SameSite=Lax"), cookie);
        assertTrue(cookie.contains("Path=/"), cookie);
        assertFalse(cookie.contains("Secure"), "plain HTTP on a laptop: " + cookie);
        String token = cookie.substring("paperlog_session=".length(), cookie.indexOf(';'));
        assertEquals(43, token.length(), "256 bits, base64url");
    }

    @Test
    void secureCookiesAndHstsWhenConfigured() {
        try (App secure = App.start(new Config("127.0.0.1", 0, folder.resolve("secure.db"), true, null))) {
            HttpResponse<String> response = TestApp.send(java.net.http.HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + secure.port() + "/setup")).build());
            assertTrue(response.headers().firstValue("Strict-Transport-Security").orElseThrow().contains("max-age="));
            String csrfCookie = response.headers().allValues("Set-Cookie").stream()
                    .filter(c -> c.startsWith("paperlog_csrf=")).findFirst().orElseThrow();
            assertTrue(csrfCookie.contains("Secure"), csrfCookie);
        }
        assertTrue(app.get("/setup").headers().firstValue("Strict-Transport-Security").isEmpty());
    }

    @Test
    void loginIssuesANewTokenAndLogoutKillsTheOldCookie() {
        app.admin();
        Client first = app.visitor();
        first.post("/login", login("admin", TestApp.PASSWORD));
        String token1 = first.cookie("paperlog_session").orElseThrow();
        first.post("/login", login("admin", TestApp.PASSWORD));
        String token2 = first.cookie("paperlog_session").orElseThrow();
        assertNotEquals(token1, token2, "a new token at every login");

        Client replay = app.visitor();
        replay.setSessionCookie(token1);
        assertEquals(303, replay.get("/").statusCode(), "the replaced session is gone");

        assertEquals(303, first.post("/logout", Map.of()).statusCode());
        Client stolen = app.visitor();
        stolen.setSessionCookie(token2);
        HttpResponse<String> afterLogout = stolen.get("/papers/1");
        assertEquals(303, afterLogout.statusCode());
        assertTrue(path(afterLogout).startsWith("/login"));
    }

    @Test
    void databaseHoldsNeitherPlainPasswordsNorPlainTokens() throws Exception {
        Client admin = app.admin();
        String token = admin.cookie("paperlog_session").orElseThrow();
        app.app().database().close();
        byte[] everything = concat(app.databaseFile(), Path.of(app.databaseFile() + "-wal"));
        String raw = new String(everything, StandardCharsets.ISO_8859_1);
        assertFalse(raw.contains(TestApp.PASSWORD));
        assertFalse(raw.contains(token));
        assertTrue(raw.contains(Tokens.sha256(token)), "the session is kept by its hash");
        assertTrue(raw.contains("$argon2id$v=19$m=19456,t=2,p=1$"));
    }

    @Test
    void visitorIsSentToLoginAndBackToWhereTheyWereGoing() {
        app.admin();
        Client visitor = app.visitor();
        HttpResponse<String> guarded = visitor.get("/papers/7?x=1");
        assertEquals(303, guarded.statusCode());
        assertEquals("/login?next=%2Fpapers%2F7%3Fx%3D1", path(guarded));

        HttpResponse<String> loggedIn = visitor.post("/login", Map.of("username", "ADMIN", "password", TestApp.PASSWORD,
                "next", "/papers/7?x=1"));
        assertEquals(303, loggedIn.statusCode());
        assertEquals("/papers/7?x=1", path(loggedIn));
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://evil.example/", "//evil.example/", "/\\evil.example", "javascript:alert(1)"})
    void loginNeverRedirectsOffSite(String next) {
        app.admin();
        HttpResponse<String> response = app.visitor().post("/login", Map.of("username", "admin",
                "password", TestApp.PASSWORD, "next", next));
        assertEquals(303, response.statusCode());
        assertEquals("/", path(response));
    }

    @Test
    void wrongPasswordAndUnknownUserGetTheSameAnswer() {
        app.admin();
        HttpResponse<String> wrong = app.visitor().post("/login", login("admin", "not the password at all"));
        HttpResponse<String> unknown = app.visitor().post("/login", login("nobody", "not the password at all"));
        assertEquals(401, wrong.statusCode());
        assertEquals(401, unknown.statusCode());
        assertTrue(wrong.body().contains("That username and password don&#39;t match."));
        assertTrue(unknown.body().contains("That username and password don&#39;t match."));
    }

    // --- throttling --------------------------------------------------------------------------------------------

    @Test
    void fiveFailuresForAUsernameAnswer429WithRetryAfterUntilTheWindowPasses() {
        app.admin();
        Client attacker = app.visitor();
        for (int i = 0; i < 5; i++) {
            assertEquals(401, attacker.post("/login", login("admin", "guess number " + i)).statusCode());
        }
        HttpResponse<String> throttled = attacker.post("/login", login("admin", TestApp.PASSWORD));
        assertEquals(429, throttled.statusCode(), "even the right password waits");
        long retryAfter = Long.parseLong(throttled.headers().firstValue("Retry-After").orElseThrow());
        assertTrue(retryAfter > 0 && retryAfter <= 900, "Retry-After " + retryAfter);
        assertTrue(throttled.body().contains("Too many failed attempts"));
        assertTrue(throttled.body().contains("Please wait 15 minutes and try again."), throttled.body());

        clock.advance(Duration.ofMinutes(15).plusSeconds(1));
        assertEquals(303, attacker.post("/login", login("admin", TestApp.PASSWORD)).statusCode(), "the window passed");
    }

    @Test
    void twentyFailuresFromOneAddressThrottleEveryUsername() {
        app.admin();
        Client attacker = app.visitor();
        for (int i = 0; i < 20; i++) {
            attacker.post("/login", login("user" + i, "wrong password " + i));
        }
        assertEquals(429, attacker.post("/login", login("admin", TestApp.PASSWORD)).statusCode());
    }

    // --- invites, sign-up, resets ------------------------------------------------------------------------------

    @Test
    void inviteWorksOnceThenIsDead() {
        Client admin = app.admin();
        String invite = inviteLink(admin);
        Client bob = app.visitor();
        assertEquals(200, bob.get(invite).statusCode());
        assertEquals(303, bob.post(invite, newAccount("bob")).statusCode());
        assertTrue(bob.get("/").body().contains("Bob"));

        Client eve = app.visitor();
        HttpResponse<String> spent = eve.get(invite);
        assertEquals(410, spent.statusCode(), "a used invite is gone, and says so");
        assertTrue(spent.body().contains("This invite link has already been used"), spent.body());
        assertFalse(spent.body().contains("Page not found"), spent.body());
        assertEquals(410, eve.post(invite, newAccount("eve")).statusCode());
        assertEquals(404, eve.get("/invite/" + "A".repeat(43)).statusCode(), "a link that never was an invite");
    }

    @Test
    void inviteExpiresAfterSevenDays() {
        String invite = inviteLink(app.admin());
        clock.advance(Duration.ofDays(7).plusSeconds(1));
        HttpResponse<String> expired = app.visitor().get(invite);
        assertEquals(410, expired.statusCode());
        assertTrue(expired.body().contains("This invite link has expired"), expired.body());
    }

    @Test
    void revokedInviteIsDead() throws Exception {
        Client admin = app.admin();
        String invite = inviteLink(admin);
        long id = count("SELECT max(id) FROM invite");
        assertEquals(303, admin.post("/admin/invites/" + id + "/revoke", Map.of()).statusCode());
        HttpResponse<String> revoked = app.visitor().post(invite, newAccount("carol"));
        assertEquals(410, revoked.statusCode());
        assertTrue(revoked.body().contains("withdrawn by an admin"), revoked.body());
        assertEquals(1, count("SELECT count(*) FROM account"));
    }

    @Test
    void usernamesAreUniqueIgnoringCase() {
        Client admin = app.admin();
        HttpResponse<String> taken = app.visitor().post(inviteLink(admin), newAccount("ADMIN"));
        assertEquals(422, taken.statusCode());
        assertTrue(taken.body().contains("That username is taken."));
    }

    @Test
    void openSignupIsOffUntilAnAdminTurnsItOn() throws Exception {
        Client admin = app.admin();
        assertEquals(404, app.visitor().get("/signup").statusCode());
        assertEquals(404, app.visitor().post("/signup", newAccount("dave")).statusCode());

        assertEquals(303, admin.post("/admin/settings", Map.of("open_signup", "on")).statusCode());
        Client dave = app.visitor();
        assertEquals(200, dave.get("/signup").statusCode());
        assertEquals(303, dave.post("/signup", newAccount("dave")).statusCode());
        assertEquals(1, count("SELECT count(*) FROM account WHERE username = 'dave' AND is_admin = 0"));
    }

    @Test
    void resetLinkSetsANewPasswordOnceAndSignsOutEverywhere() throws Exception {
        Client admin = app.admin();
        Client bob = app.member("bob");
        long bobId = count("SELECT id FROM account WHERE username = 'bob'");
        HttpResponse<String> issued = admin.post("/admin/accounts/" + bobId + "/reset", Map.of());
        assertEquals(201, issued.statusCode());
        Matcher link = Pattern.compile("value=\"http://[^\"]+(/reset/[A-Za-z0-9_-]{43})\"").matcher(issued.body());
        assertTrue(link.find());

        Client anyone = app.visitor();
        assertEquals(422, anyone.post(link.group(1), Map.of("password", "short", "confirm", "short")).statusCode());
        assertEquals(303, anyone.post(link.group(1), Map.of("password", "a brand new passphrase",
                "confirm", "a brand new passphrase")).statusCode());
        assertEquals(303, bob.get("/").statusCode(), "bob's old session ended");
        assertEquals(303, app.visitor().post("/login", login("bob", "a brand new passphrase")).statusCode());
        assertEquals(410, app.visitor().get(link.group(1)).statusCode(), "the link works once");
    }

    @Test
    void aWrongPasswordFromABrowserAlreadySignedInIsStillA401() {
        Client admin = app.admin();
        HttpResponse<String> wrong = admin.post("/login", login("admin", "not the password at all"));
        assertEquals(401, wrong.statusCode());
        assertTrue(wrong.body().contains("That username and password don&#39;t match."), wrong.body());
        assertEquals(303, admin.get("/login").statusCode(), "an ordinary visit to /login still moves on");
    }

    @Test
    void aResetLinkSentTwiceAtOnceWorksOnceAndTheOthersAreToldItWasUsed() throws Exception {
        Client admin = app.admin();
        app.member("carl");
        long carlId = count("SELECT id FROM account WHERE username = 'carl'");
        Matcher link = Pattern.compile("value=\"http://[^\"]+(/reset/[A-Za-z0-9_-]{43})\"")
                .matcher(admin.post("/admin/accounts/" + carlId + "/reset", Map.of()).body());
        assertTrue(link.find());
        List<Client> browsers = List.of(app.visitor(), app.visitor(), app.visitor(), app.visitor());
        List<Map<String, String>> forms = browsers.stream().map(b -> Map.of("_csrf", b.csrfToken(),
                "password", "a brand new passphrase", "confirm", "a brand new passphrase")).toList();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(browsers.size());
        java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
        List<java.util.concurrent.Future<Integer>> answers = new java.util.ArrayList<>();
        for (int i = 0; i < browsers.size(); i++) {
            Client browser = browsers.get(i);
            Map<String, String> form = forms.get(i);
            answers.add(pool.submit(() -> {
                go.await();
                return browser.post(link.group(1), form).statusCode();
            }));
        }
        go.countDown();
        List<Integer> statuses = new java.util.ArrayList<>();
        for (java.util.concurrent.Future<Integer> answer : answers) {
            statuses.add(answer.get());
        }
        pool.shutdown();
        assertEquals(1, statuses.stream().filter(s -> s == 303).count(), statuses.toString());
        assertEquals(browsers.size() - 1, statuses.stream().filter(s -> s == 410).count(), statuses.toString());
    }

    @Test
    void theLoginPageLeadsToWhatToDoAboutAForgottenPassword() {
        app.admin();
        Client visitor = app.visitor();
        assertTrue(visitor.get("/login").body().contains("href=\"/login/forgot\""));
        HttpResponse<String> help = visitor.get("/login/forgot");
        assertEquals(200, help.statusCode(), "no login needed to read it");
        assertTrue(help.body().contains("Reset link"), help.body());
        assertTrue(help.body().contains("within 24 hours"), help.body());
    }

    // --- my account ----------------------------------------------------------------------------------------------

    @Test
    void aDisplayNameThatHidesOrReordersTextIsRefusedAndTheOldOneKept() throws Exception {
        app.admin();
        Client eve = app.member("eve", "Eve");
        for (String name : List.of("Eve\u202Eadmin", "\u200B", "\u200B\u200B\u200B")) {
            HttpResponse<String> refused = eve.post("/account/profile", Map.of("display_name", name));
            assertEquals(422, refused.statusCode(), name);
            assertTrue(refused.body().contains("id=\"display_name-error\""), "said beside the field");
        }
        assertEquals(1, count("SELECT count(*) FROM account WHERE username = 'eve' AND display_name = 'Eve'"));
    }


    @Test
    void changingPasswordNeedsTheCurrentOneAndEndsOtherSessions() {
        app.admin();
        Client bobHere = app.member("bob");
        Client bobThere = app.visitor();
        bobThere.post("/login", login("bob", TestApp.PASSWORD));
        assertEquals(200, bobThere.get("/").statusCode());

        HttpResponse<String> wrongCurrent = bobHere.post("/account/password", Map.of("current", "not my password",
                "password", "another good passphrase", "confirm", "another good passphrase"));
        assertEquals(422, wrongCurrent.statusCode());
        assertTrue(wrongCurrent.body().contains("Your current password is not right."));

        assertEquals(303, bobHere.post("/account/password", Map.of("current", TestApp.PASSWORD,
                "password", "another good passphrase", "confirm", "another good passphrase")).statusCode());
        assertEquals(200, bobHere.get("/").statusCode(), "this session goes on");
        assertEquals(303, bobThere.get("/").statusCode(), "the other one ended");
        assertEquals(401, app.visitor().post("/login", login("bob", TestApp.PASSWORD)).statusCode());
    }

    @Test
    void signOutOfAllOtherSessions() {
        app.admin();
        Client laptop = app.member("bob");
        Client phone = app.visitor();
        phone.post("/login", login("bob", TestApp.PASSWORD));
        assertTrue(laptop.get("/account").body().contains("1 other place"));
        assertEquals(303, laptop.post("/account/sessions/end-others", Map.of()).statusCode());
        assertEquals(303, phone.get("/").statusCode());
        assertEquals(200, laptop.get("/").statusCode());
    }

    @Test
    void olderPasswordHashIsUpgradedAtTheNextLogin() throws Exception {
        app.admin();
        String old = Passwords.hashWith(new Argon2id(4096, 1, 1, 32), TestApp.PASSWORD, new java.security.SecureRandom());
        app.app().database().write(dsl -> dsl.execute("UPDATE account SET password_hash = ? WHERE username = 'admin'", old));
        assertEquals(303, app.visitor().post("/login", login("admin", TestApp.PASSWORD)).statusCode());
        String now = app.app().database().read().fetchValue("SELECT password_hash FROM account WHERE username = 'admin'")
                .toString();
        assertTrue(now.startsWith("$argon2id$v=19$m=19456,t=2,p=1$"), now);
    }

    // --- admin -------------------------------------------------------------------------------------------------

    @Test
    void deactivatedAccountIsSignedOutAtOnceAndCannotLogIn() throws Exception {
        Client admin = app.admin();
        Client bob = app.member("bob");
        long bobId = count("SELECT id FROM account WHERE username = 'bob'");
        assertEquals(303, admin.post("/admin/accounts/" + bobId + "/deactivate", Map.of()).statusCode());
        assertEquals(303, bob.get("/").statusCode());
        HttpResponse<String> again = app.visitor().post("/login", login("bob", TestApp.PASSWORD));
        assertEquals(401, again.statusCode());
        assertTrue(again.body().contains("deactivated"));

        assertEquals(303, admin.post("/admin/accounts/" + bobId + "/reactivate", Map.of()).statusCode());
        assertEquals(303, app.visitor().post("/login", login("bob", TestApp.PASSWORD)).statusCode());
    }

    @Test
    void lastActiveAdminCannotBeDeactivatedOrDemoted() throws Exception {
        Client admin = app.admin();
        long adminId = count("SELECT id FROM account WHERE username = 'admin'");
        HttpResponse<String> demote = admin.post("/admin/accounts/" + adminId + "/demote", Map.of());
        assertEquals(409, demote.statusCode());
        assertTrue(demote.body().contains("last active admin"));
        assertEquals(409, admin.post("/admin/accounts/" + adminId + "/deactivate", Map.of()).statusCode());
        assertEquals(1, count("SELECT count(*) FROM account WHERE is_admin = 1 AND is_active = 1"));

        app.member("bob");
        long bobId = count("SELECT id FROM account WHERE username = 'bob'");
        assertEquals(303, admin.post("/admin/accounts/" + bobId + "/promote", Map.of()).statusCode());
        assertEquals(303, admin.post("/admin/accounts/" + adminId + "/demote", Map.of()).statusCode());
    }

    @Test
    void membersCannotUseTheAdminPages() throws Exception {
        app.admin();
        Client bob = app.member("bob");
        assertEquals(403, bob.get("/admin").statusCode());
        assertEquals(403, bob.post("/admin/invites", Map.of()).statusCode());
        assertEquals(403, bob.post("/admin/settings", Map.of("open_signup", "on")).statusCode());
        long bobId = count("SELECT id FROM account WHERE username = 'bob'");
        assertEquals(403, bob.post("/admin/accounts/" + bobId + "/promote", Map.of()).statusCode());
        assertEquals(0, count("SELECT count(*) FROM account WHERE username = 'bob' AND is_admin = 1"));
        assertEquals(0, count("SELECT count(*) FROM invite WHERE created_by = " + bobId));
    }

    // --- helpers ---------------------------------------------------------------------------------------------------

    private static Map<String, String> newAccount(String username) {
        return Map.of("username", username, "display_name", username.substring(0, 1).toUpperCase() + username.substring(1),
                "password", TestApp.PASSWORD, "confirm", TestApp.PASSWORD);
    }

    private static String inviteLink(Client admin) {
        HttpResponse<String> response = admin.post("/admin/invites", Map.of());
        assertEquals(201, response.statusCode());
        Matcher link = Pattern.compile("value=\"http://[^\"]+(/invite/[A-Za-z0-9_-]{43})\"").matcher(response.body());
        assertTrue(link.find(), "the new link is shown once");
        return link.group(1);
    }

    private long count(String sql) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + app.databaseFile());
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static byte[] concat(Path... files) throws Exception {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (Path f : files) {
            if (Files.exists(f)) {
                out.write(Files.readAllBytes(f));
            }
        }
        return out.toByteArray();
    }
}
