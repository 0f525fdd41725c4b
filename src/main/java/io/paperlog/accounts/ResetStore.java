package io.paperlog.accounts;

import static io.paperlog.db.schema.Tables.ACCOUNT;
import static io.paperlog.db.schema.Tables.PASSWORD_RESET;

import io.paperlog.db.Database;
import io.paperlog.db.Timestamps;
import io.paperlog.web.Tokens;
import io.paperlog.web.UserError;
import java.time.Clock;
import java.time.Duration;
import org.jooq.DSLContext;
import org.jooq.Record4;

/** One-time password-reset links an admin issues. Using one sets the password and ends every session. */
public final class ResetStore {

    public static final Duration LIFETIME = Duration.ofHours(24);

    private final Database db;
    private final Clock clock;

    public ResetStore(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** Issues a link for the account, replacing any earlier unused one; returns the token. */
    public String create(long accountId, long createdBy) {
        String token = Tokens.newToken();
        String now = Timestamps.now(clock);
        db.write(dsl -> {
            dsl.update(PASSWORD_RESET).set(PASSWORD_RESET.USED_AT, now)
                    .where(PASSWORD_RESET.ACCOUNT_ID.eq(accountId).and(PASSWORD_RESET.USED_AT.isNull())).execute();
            return dsl.insertInto(PASSWORD_RESET)
                    .set(PASSWORD_RESET.TOKEN_HASH, Tokens.sha256(token))
                    .set(PASSWORD_RESET.ACCOUNT_ID, accountId)
                    .set(PASSWORD_RESET.CREATED_BY, createdBy)
                    .set(PASSWORD_RESET.CREATED_AT, now)
                    .set(PASSWORD_RESET.EXPIRES_AT, Timestamps.format(clock.instant().plus(LIFETIME)))
                    .execute();
        });
        return token;
    }

    /** A 404 unless the link behind {@code token} can still be used. */
    public void requireUsable(String token) {
        usableAccount(db.read(), token);
    }

    /** The username the link resets; 404 when the link is not (or no longer) usable. */
    public String usernameFor(String token) {
        long accountId = usableAccount(db.read(), token);
        return db.read().select(ACCOUNT.USERNAME).from(ACCOUNT).where(ACCOUNT.ID.eq(accountId))
                .fetchOne(ACCOUNT.USERNAME);
    }

    /**
     * Sets the new password, spends the link and ends all the account's sessions, in one transaction; 404 when the
     * link was spent in the meantime (by the same link sent twice at once, say).
     */
    public long use(String token, String passwordHash) {
        return db.write(dsl -> {
            long accountId = usableAccount(dsl, token);
            AccountStore.updatePasswordHash(dsl, accountId, passwordHash, clock);
            SessionStore.deleteAll(dsl, accountId);
            dsl.update(PASSWORD_RESET).set(PASSWORD_RESET.USED_AT, Timestamps.now(clock))
                    .where(PASSWORD_RESET.TOKEN_HASH.eq(Tokens.sha256(token))).execute();
            return accountId;
        });
    }

    /** The account the link resets; a 404 for a link that never was one, a 410 that says why for a spent one. */
    private long usableAccount(DSLContext dsl, String token) {
        Record4<Long, String, String, Integer> reset = !Tokens.looksLikeToken(token) ? null : dsl
                .select(PASSWORD_RESET.ACCOUNT_ID, PASSWORD_RESET.USED_AT, PASSWORD_RESET.EXPIRES_AT, ACCOUNT.IS_ACTIVE)
                .from(PASSWORD_RESET).join(ACCOUNT).on(ACCOUNT.ID.eq(PASSWORD_RESET.ACCOUNT_ID))
                .where(PASSWORD_RESET.TOKEN_HASH.eq(Tokens.sha256(token)))
                .fetchOne();
        if (reset == null || reset.value4() != 1) {
            throw UserError.notFound("There is no password reset at this address. Check that the whole link was"
                    + " copied, or ask an admin of this Paperlog for a new one.");
        }
        if (reset.value2() != null) {
            throw UserError.gone("This reset link has already been used. If you chose your new password with it,"
                    + " log in with that; if not, ask an admin of this Paperlog for a new link.");
        }
        if (reset.value3().compareTo(Timestamps.now(clock)) <= 0) {
            throw UserError.gone("This reset link has expired: reset links are valid for " + LIFETIME.toHours()
                    + " hours. Ask an admin of this Paperlog for a new one.");
        }
        return reset.value1();
    }
}
