package io.paperlog.accounts;

import static io.paperlog.db.schema.Tables.ACCOUNT;
import static io.paperlog.db.schema.Tables.API_TOKEN;

import io.paperlog.db.Database;
import io.paperlog.db.Timestamps;
import io.paperlog.web.CurrentUser;
import io.paperlog.web.Tokens;
import io.paperlog.web.UserError;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Personal API tokens: {@code pl_} and 256 random bits, shown once; the database keeps only the SHA-256. A token
 * answers only while it is unexpired and its account active; revoking deletes it, so it is refused at once.
 */
public final class TokenStore {

    static final String PREFIX = "pl_";
    public static final int MAX_PER_ACCOUNT = 50;
    /** Last-used times are kept to this resolution, so that a script's requests do not each write. */
    static final Duration TOUCH_EVERY = Duration.ofMinutes(1);
    /** Expired tokens stay listed (as expired) this long, then go. */
    static final Duration KEEP_EXPIRED = Duration.ofDays(30);

    private final Database db;
    private final Clock clock;

    public TokenStore(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** A token just made: the secret, to be shown once. */
    public record Created(long id, String token, String expiresAt) {}

    public Created create(long accountId, TokenForm form) {
        String token = PREFIX + Tokens.newToken();
        Instant now = clock.instant();
        String expires = Timestamps.format(now.plus(form.validFor()));
        long id = db.write(dsl -> {
            if (dsl.fetchCount(API_TOKEN, API_TOKEN.ACCOUNT_ID.eq(accountId)) >= MAX_PER_ACCOUNT) {
                throw UserError.invalid("name", "You have " + MAX_PER_ACCOUNT + " tokens; revoke one you no longer "
                        + "use first.");
            }
            return dsl.insertInto(API_TOKEN)
                    .set(API_TOKEN.ACCOUNT_ID, accountId)
                    .set(API_TOKEN.NAME, form.name())
                    .set(API_TOKEN.TOKEN_HASH, Tokens.sha256(token))
                    .set(API_TOKEN.SCOPE, form.scope().slug())
                    .set(API_TOKEN.CREATED_AT, Timestamps.format(now))
                    .set(API_TOKEN.EXPIRES_AT, expires)
                    .returningResult(API_TOKEN.ID).fetchOne(API_TOKEN.ID);
        });
        return new Created(id, token, expires);
    }

    /** The person's tokens, newest first. */
    public List<ApiToken> list(long accountId) {
        String now = Timestamps.now(clock);
        return db.read().selectFrom(API_TOKEN).where(API_TOKEN.ACCOUNT_ID.eq(accountId))
                .orderBy(API_TOKEN.CREATED_AT.desc(), API_TOKEN.ID.desc())
                .fetch(r -> new ApiToken(r.getId(), r.getName(), r.getScope(), r.getCreatedAt(), r.getExpiresAt(),
                        r.getLastUsedAt(), r.getExpiresAt().compareTo(now) <= 0));
    }

    /** Deletes one of the person's tokens; false when they have no such token. */
    public boolean revoke(long accountId, long tokenId) {
        return db.write(dsl -> dsl.deleteFrom(API_TOKEN)
                .where(API_TOKEN.ID.eq(tokenId), API_TOKEN.ACCOUNT_ID.eq(accountId)).execute() > 0);
    }

    /** Who a bearer token speaks for, if it is one of ours, unexpired, and its account is active. */
    public Optional<ApiToken.Caller> find(String token) {
        if (token == null || !token.startsWith(PREFIX) || !Tokens.looksLikeToken(token.substring(PREFIX.length()))) {
            return Optional.empty();
        }
        String now = Timestamps.now(clock);
        return db.read()
                .select(API_TOKEN.ID, API_TOKEN.SCOPE, API_TOKEN.LAST_USED_AT, ACCOUNT.ID, ACCOUNT.USERNAME,
                        ACCOUNT.DISPLAY_NAME, ACCOUNT.IS_ADMIN)
                .from(API_TOKEN).join(ACCOUNT).on(ACCOUNT.ID.eq(API_TOKEN.ACCOUNT_ID))
                .where(API_TOKEN.TOKEN_HASH.eq(Tokens.sha256(token)), API_TOKEN.EXPIRES_AT.gt(now),
                        ACCOUNT.IS_ACTIVE.eq(1))
                .fetchOptional(r -> new ApiToken.Caller(
                        new CurrentUser(r.get(ACCOUNT.ID), r.get(ACCOUNT.USERNAME), r.get(ACCOUNT.DISPLAY_NAME),
                                r.get(ACCOUNT.IS_ADMIN) == 1),
                        r.get(API_TOKEN.ID), ApiToken.Scope.of(r.get(API_TOKEN.SCOPE)).orElseThrow(),
                        r.get(API_TOKEN.LAST_USED_AT) == null ? null : Timestamps.parse(r.get(API_TOKEN.LAST_USED_AT))));
    }

    /** Records that the token was used now, at most once per {@link #TOUCH_EVERY}. */
    public void touch(ApiToken.Caller caller) {
        Instant now = clock.instant();
        if (caller.lastUsed() != null && caller.lastUsed().plus(TOUCH_EVERY).isAfter(now)) {
            return;
        }
        db.write(dsl -> dsl.update(API_TOKEN).set(API_TOKEN.LAST_USED_AT, Timestamps.format(now))
                .where(API_TOKEN.ID.eq(caller.tokenId())).execute());
    }

    /** Removes tokens that expired more than {@link #KEEP_EXPIRED} ago; returns how many. */
    public int purgeExpired() {
        String cutoff = Timestamps.format(clock.instant().minus(KEEP_EXPIRED));
        return db.write(dsl -> dsl.deleteFrom(API_TOKEN).where(API_TOKEN.EXPIRES_AT.le(cutoff)).execute());
    }
}
