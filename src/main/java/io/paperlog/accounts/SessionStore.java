package io.paperlog.accounts;

import static io.paperlog.db.schema.Tables.ACCOUNT;
import static io.paperlog.db.schema.Tables.SESSION;

import io.paperlog.db.Database;
import io.paperlog.db.Timestamps;
import io.paperlog.web.CurrentUser;
import io.paperlog.web.Tokens;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jooq.DSLContext;

/**
 * Server-side sessions. The cookie holds a 256-bit random token; the database only its SHA-256. A session ends
 * after 30 idle days or 90 days in all, whichever comes first.
 */
public final class SessionStore {

    public static final Duration IDLE_LIMIT = Duration.ofDays(30);
    public static final Duration ABSOLUTE_LIMIT = Duration.ofDays(90);
    /** Sliding expiry is kept to this resolution, so that reading pages does not write on every request. */
    static final Duration TOUCH_EVERY = Duration.ofMinutes(10);

    /** A live session: who it belongs to and its CSRF token. */
    public record ActiveSession(String tokenHash, CurrentUser user, String csrfToken, Instant lastSeen) {}

    /** A session as stored, whether live or not, and the accounts version it was read at. */
    private record Known(ActiveSession session, Instant created, long version) {}

    /** Beyond this many sessions kept in memory, the memory starts over (each is read again when next used). */
    static final int KEPT_SESSIONS = 10_000;

    private final Database db;
    private final Clock clock;
    /**
     * The sessions seen lately, by token hash: read from the database again once any account or session has changed
     * since (see {@link Database#accountsVersion()}), so a logout, a revoked session or a deactivated account is
     * refused at the next request, as when every request read the database.
     */
    private final Map<String, Known> known = new ConcurrentHashMap<>();

    public SessionStore(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** Starts a session and returns the token for the cookie; only its hash is stored. */
    public String create(long accountId) {
        String token = Tokens.newToken();
        String at = Timestamps.now(clock);
        db.write(dsl -> dsl.insertInto(SESSION)
                .set(SESSION.TOKEN_HASH, Tokens.sha256(token))
                .set(SESSION.ACCOUNT_ID, accountId)
                .set(SESSION.CSRF_TOKEN, Tokens.newToken())
                .set(SESSION.CREATED_AT, at)
                .set(SESSION.LAST_SEEN_AT, at)
                .execute());
        return token;
    }

    /** The live session for a cookie's token, if the token is known, unexpired and its account active. */
    public Optional<ActiveSession> find(String token) {
        if (!Tokens.looksLikeToken(token)) {
            return Optional.empty();
        }
        String hash = Tokens.sha256(token);
        long version = db.accountsVersion();
        Known session = known.get(hash);
        if (session == null || session.version() != version) {
            session = read(hash, version);
            if (session == null) {
                known.remove(hash);
                return Optional.empty();
            }
            if (known.size() >= KEPT_SESSIONS) {
                known.clear();
            }
            known.put(hash, session);
        }
        Instant now = clock.instant();
        return isLive(session.created(), session.session().lastSeen(), now)
                ? Optional.of(session.session()) : Optional.empty();
    }

    /** The stored session with this token hash, if its account is active, read at {@code version}. */
    private Known read(String hash, long version) {
        return db.read()
                .select(SESSION.TOKEN_HASH, SESSION.CSRF_TOKEN, SESSION.CREATED_AT, SESSION.LAST_SEEN_AT,
                        ACCOUNT.ID, ACCOUNT.USERNAME, ACCOUNT.DISPLAY_NAME, ACCOUNT.IS_ADMIN)
                .from(SESSION).join(ACCOUNT).on(ACCOUNT.ID.eq(SESSION.ACCOUNT_ID))
                .where(SESSION.TOKEN_HASH.eq(hash)).and(ACCOUNT.IS_ACTIVE.eq(1))
                .fetchOptional(r -> new Known(new ActiveSession(r.get(SESSION.TOKEN_HASH),
                        new CurrentUser(r.get(ACCOUNT.ID), r.get(ACCOUNT.USERNAME), r.get(ACCOUNT.DISPLAY_NAME),
                                r.get(ACCOUNT.IS_ADMIN) == 1),
                        r.get(SESSION.CSRF_TOKEN), Timestamps.parse(r.get(SESSION.LAST_SEEN_AT))),
                        Timestamps.parse(r.get(SESSION.CREATED_AT)), version))
                .orElse(null);
    }

    static boolean isLive(Instant created, Instant lastSeen, Instant now) {
        return now.isBefore(lastSeen.plus(IDLE_LIMIT)) && now.isBefore(created.plus(ABSOLUTE_LIMIT));
    }

    /** Slides the idle expiry forward, at most once per {@link #TOUCH_EVERY}. */
    public void touch(ActiveSession session) {
        Instant now = clock.instant();
        if (session.lastSeen().plus(TOUCH_EVERY).isAfter(now)) {
            return;
        }
        db.write(dsl -> dsl.update(SESSION).set(SESSION.LAST_SEEN_AT, Timestamps.format(now))
                .where(SESSION.TOKEN_HASH.eq(session.tokenHash())).execute());
    }

    public void delete(String tokenHash) {
        db.write(dsl -> dsl.deleteFrom(SESSION).where(SESSION.TOKEN_HASH.eq(tokenHash)).execute());
    }

    /** Ends every session of the account but the one given; returns how many ended. */
    public int deleteOthers(long accountId, String keepTokenHash) {
        return db.write(dsl -> dsl.deleteFrom(SESSION)
                .where(SESSION.ACCOUNT_ID.eq(accountId).and(SESSION.TOKEN_HASH.ne(keepTokenHash))).execute());
    }

    static int deleteAll(DSLContext dsl, long accountId) {
        return dsl.deleteFrom(SESSION).where(SESSION.ACCOUNT_ID.eq(accountId)).execute();
    }

    public int countFor(long accountId) {
        return db.read().fetchCount(SESSION, SESSION.ACCOUNT_ID.eq(accountId));
    }

    /** Removes sessions past either limit; returns how many. */
    public int purgeExpired() {
        Instant now = clock.instant();
        String idleCutoff = Timestamps.format(now.minus(IDLE_LIMIT));
        String absoluteCutoff = Timestamps.format(now.minus(ABSOLUTE_LIMIT));
        return db.write(dsl -> dsl.deleteFrom(SESSION)
                .where(SESSION.LAST_SEEN_AT.le(idleCutoff).or(SESSION.CREATED_AT.le(absoluteCutoff)))
                .execute());
    }
}
