package io.paperlog.accounts;

import static io.paperlog.db.schema.Tables.ACCOUNT;
import static io.paperlog.db.schema.Tables.PASSWORD_RESET;

import io.paperlog.db.Database;
import io.paperlog.db.Timestamps;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.jooq.DSLContext;

/** One-time password-reset links an admin issues. Using one sets the password and ends every session. */
public final class ResetStore {

    public static final Duration LIFETIME = Duration.ofHours(24);

    private final Database db;

    public ResetStore(Database db) {
        this.db = db;
    }

    /** Issues a link for the account, replacing any earlier unused one; returns the token. */
    public String create(long accountId, long createdBy, Instant now) {
        String token = Tokens.newToken();
        db.write(dsl -> {
            dsl.update(PASSWORD_RESET).set(PASSWORD_RESET.USED_AT, Timestamps.format(now))
                    .where(PASSWORD_RESET.ACCOUNT_ID.eq(accountId).and(PASSWORD_RESET.USED_AT.isNull())).execute();
            return dsl.insertInto(PASSWORD_RESET)
                    .set(PASSWORD_RESET.TOKEN_HASH, Tokens.sha256(token))
                    .set(PASSWORD_RESET.ACCOUNT_ID, accountId)
                    .set(PASSWORD_RESET.CREATED_BY, createdBy)
                    .set(PASSWORD_RESET.CREATED_AT, Timestamps.format(now))
                    .set(PASSWORD_RESET.EXPIRES_AT, Timestamps.format(now.plus(LIFETIME)))
                    .execute();
        });
        return token;
    }

    /** The username the link resets, if it is still usable. */
    public Optional<String> usernameFor(String token, Instant now) {
        return usable(db.read(), token, now).map(id -> db.read().select(ACCOUNT.USERNAME).from(ACCOUNT)
                .where(ACCOUNT.ID.eq(id)).fetchOne(ACCOUNT.USERNAME));
    }

    /** Sets the new password, spends the link and ends all the account's sessions, in one transaction. */
    public long use(String token, String passwordHash, Instant now) {
        return db.write(dsl -> {
            long accountId = usable(dsl, token, now)
                    .orElseThrow(() -> new AccountProblem("This reset link is no longer valid."));
            AccountStore.updatePasswordHash(dsl, accountId, passwordHash, now);
            SessionStore.deleteAll(dsl, accountId);
            dsl.update(PASSWORD_RESET).set(PASSWORD_RESET.USED_AT, Timestamps.format(now))
                    .where(PASSWORD_RESET.TOKEN_HASH.eq(Tokens.sha256(token))).execute();
            return accountId;
        });
    }

    private static Optional<Long> usable(DSLContext dsl, String token, Instant now) {
        if (!Tokens.looksLikeToken(token)) {
            return Optional.empty();
        }
        return dsl.select(PASSWORD_RESET.ACCOUNT_ID).from(PASSWORD_RESET).join(ACCOUNT)
                .on(ACCOUNT.ID.eq(PASSWORD_RESET.ACCOUNT_ID))
                .where(PASSWORD_RESET.TOKEN_HASH.eq(Tokens.sha256(token)))
                .and(PASSWORD_RESET.USED_AT.isNull())
                .and(PASSWORD_RESET.EXPIRES_AT.gt(Timestamps.format(now)))
                .and(ACCOUNT.IS_ACTIVE.eq(1))
                .fetchOptional(PASSWORD_RESET.ACCOUNT_ID);
    }
}
