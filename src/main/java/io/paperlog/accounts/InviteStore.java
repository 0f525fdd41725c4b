package io.paperlog.accounts;

import static io.paperlog.db.schema.Tables.ACCOUNT;
import static io.paperlog.db.schema.Tables.INVITE;


import io.paperlog.db.Database;
import io.paperlog.db.Timestamps;
import io.paperlog.db.schema.tables.records.InviteRecord;
import io.paperlog.web.Tokens;
import io.paperlog.web.UserError;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.Record;

/** Single-use invite links that expire after seven days and can be revoked. Only the token's hash is stored. */
public final class InviteStore {

    public static final Duration LIFETIME = Duration.ofDays(7);

    /** A new invite; {@code token} exists only here and in the link shown once to the admin. */
    public record Created(long id, String token, String expiresAt) {}

    /** An invite as the admin page lists it. */
    public record InviteRow(long id, String createdBy, String createdAt, String expiresAt, String state, String usedBy) {}

    private final Database db;
    private final Clock clock;

    public InviteStore(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    public Created create(long createdBy) {
        String token = Tokens.newToken();
        String expires = Timestamps.format(clock.instant().plus(LIFETIME));
        long id = db.write(dsl -> dsl.insertInto(INVITE)
                .set(INVITE.TOKEN_HASH, Tokens.sha256(token))
                .set(INVITE.CREATED_BY, createdBy)
                .set(INVITE.CREATED_AT, Timestamps.now(clock))
                .set(INVITE.EXPIRES_AT, expires)
                .returningResult(INVITE.ID).fetchOne(INVITE.ID));
        return new Created(id, token, expires);
    }

    public List<InviteRow> list() {
        io.paperlog.db.schema.tables.Account creator = ACCOUNT.as("creator");
        io.paperlog.db.schema.tables.Account user = ACCOUNT.as("used_by_account");
        String nowText = Timestamps.now(clock);
        return db.read()
                .select(INVITE.ID, creator.USERNAME, INVITE.CREATED_AT, INVITE.EXPIRES_AT, INVITE.USED_AT,
                        INVITE.REVOKED_AT, user.USERNAME)
                .from(INVITE)
                .join(creator).on(creator.ID.eq(INVITE.CREATED_BY))
                .leftJoin(user).on(user.ID.eq(INVITE.USED_BY))
                .orderBy(INVITE.CREATED_AT.desc(), INVITE.ID.desc())
                .limit(100)
                .fetch(r -> new InviteRow(r.get(INVITE.ID), r.get(creator.USERNAME), r.get(INVITE.CREATED_AT),
                        r.get(INVITE.EXPIRES_AT), state(r, nowText), r.get(user.USERNAME)));
    }

    private static String state(Record r, String now) {
        if (r.get(INVITE.USED_AT) != null) {
            return "used";
        }
        if (r.get(INVITE.REVOKED_AT) != null) {
            return "revoked";
        }
        return r.get(INVITE.EXPIRES_AT).compareTo(now) <= 0 ? "expired" : "open";
    }

    /** Revokes an open invite; false if it was already used, revoked or unknown. */
    public boolean revoke(long id) {
        return db.write(dsl -> dsl.update(INVITE).set(INVITE.REVOKED_AT, Timestamps.now(clock))
                .where(INVITE.ID.eq(id).and(INVITE.USED_AT.isNull()).and(INVITE.REVOKED_AT.isNull()))
                .execute()) == 1;
    }

    /** A 404 unless the invite behind {@code token} can still be used. */
    public void requireUsable(String token) {
        usableId(db.read(), token);
    }

    /** Creates the account and spends the invite in one transaction; 404 if the invite was spent meanwhile. */
    public Account accept(String token, String username, String displayName, String passwordHash) {
        return db.write(dsl -> {
            long inviteId = usableId(dsl, token);
            Account account = AccountStore.insert(dsl,
                    new AccountStore.NewAccount(username, displayName, passwordHash, false), clock);
            dsl.update(INVITE).set(INVITE.USED_AT, Timestamps.now(clock)).set(INVITE.USED_BY, account.id())
                    .where(INVITE.ID.eq(inviteId)).execute();
            return account;
        });
    }

    /** The invite's id; a 404 for a link that never was an invite, a 410 that says why for a spent one. */
    private long usableId(DSLContext dsl, String token) {
        InviteRecord invite = !Tokens.looksLikeToken(token) ? null
                : dsl.selectFrom(INVITE).where(INVITE.TOKEN_HASH.eq(Tokens.sha256(token))).fetchOne();
        if (invite == null) {
            throw UserError.notFound("There is no invite at this address. Check that the whole link was copied,"
                    + " or ask an admin of this Paperlog for a new one.");
        }
        if (invite.getUsedAt() != null) {
            throw UserError.gone("This invite link has already been used to join. If that was you, log in;"
                    + " if not, ask an admin of this Paperlog for a new invite.");
        }
        if (invite.getRevokedAt() != null) {
            throw UserError.gone("This invite link was withdrawn by an admin. Ask them for a new one.");
        }
        if (invite.getExpiresAt().compareTo(Timestamps.now(clock)) <= 0) {
            throw UserError.gone("This invite link has expired: invites are valid for "
                    + LIFETIME.toDays() + " days. Ask an admin of this Paperlog for a new one.");
        }
        return invite.getId();
    }
}
