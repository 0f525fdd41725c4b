package io.paperlog.accounts;

import static io.paperlog.db.schema.Tables.ACCOUNT;
import static io.paperlog.db.schema.Tables.SESSION;
import static io.paperlog.db.schema.Tables.SETTING;

import io.paperlog.db.Database;
import io.paperlog.db.Timestamps;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Record;

/** Accounts and the instance's settings. */
public final class AccountStore {

    static final String OPEN_SIGNUP = "open_signup";

    private final Database db;
    private volatile boolean someAccountExists;

    public AccountStore(Database db) {
        this.db = db;
    }

    /** Whether the instance still waits for its first account. Once false it stays false, so it is cached. */
    public boolean isEmpty() {
        if (someAccountExists) {
            return false;
        }
        someAccountExists = db.read().fetchExists(ACCOUNT);
        return !someAccountExists;
    }

    public Optional<Account> findByUsername(String username) {
        return db.read().selectFrom(ACCOUNT).where(ACCOUNT.USERNAME.equalIgnoreCase(username))
                .fetchOptional(AccountStore::toAccount);
    }

    public Optional<Account> find(long id) {
        return db.read().selectFrom(ACCOUNT).where(ACCOUNT.ID.eq(id)).fetchOptional(AccountStore::toAccount);
    }

    public List<Account> all() {
        return db.read().selectFrom(ACCOUNT).orderBy(ACCOUNT.USERNAME).fetch(AccountStore::toAccount);
    }

    /** Creates the first account, an admin, unless someone got there first. */
    public Optional<Account> createFirst(String username, String displayName, String passwordHash, Instant now) {
        Optional<Account> created = db.write(dsl -> dsl.fetchExists(ACCOUNT)
                ? Optional.<Account>empty()
                : Optional.of(insert(dsl, username, displayName, passwordHash, true, now)));
        created.ifPresent(a -> someAccountExists = true);
        return created;
    }

    public Account create(String username, String displayName, String passwordHash, Instant now) {
        return db.write(dsl -> insert(dsl, username, displayName, passwordHash, false, now));
    }

    /** Inside a caller's transaction: refuses a username that is taken, ignoring case. */
    static Account insert(DSLContext dsl, String username, String displayName, String passwordHash, boolean admin,
                          Instant now) {
        if (dsl.fetchExists(ACCOUNT, ACCOUNT.USERNAME.equalIgnoreCase(username))) {
            throw new AccountProblem("That username is taken.");
        }
        String at = Timestamps.format(now);
        long id = dsl.insertInto(ACCOUNT)
                .set(ACCOUNT.USERNAME, username)
                .set(ACCOUNT.DISPLAY_NAME, displayName.strip())
                .set(ACCOUNT.PASSWORD_HASH, passwordHash)
                .set(ACCOUNT.IS_ADMIN, admin ? 1 : 0)
                .set(ACCOUNT.IS_ACTIVE, 1)
                .set(ACCOUNT.CREATED_AT, at)
                .set(ACCOUNT.PASSWORD_CHANGED_AT, at)
                .returningResult(ACCOUNT.ID)
                .fetchOne(ACCOUNT.ID);
        return new Account(id, username, displayName.strip(), passwordHash, admin, true, at);
    }

    /** Replaces the password hash; the caller decides which sessions survive. */
    public void setPasswordHash(long accountId, String passwordHash, Instant now) {
        db.write(dsl -> updatePasswordHash(dsl, accountId, passwordHash, now));
    }

    static int updatePasswordHash(DSLContext dsl, long accountId, String passwordHash, Instant now) {
        return dsl.update(ACCOUNT)
                .set(ACCOUNT.PASSWORD_HASH, passwordHash)
                .set(ACCOUNT.PASSWORD_CHANGED_AT, Timestamps.format(now))
                .where(ACCOUNT.ID.eq(accountId))
                .execute();
    }

    /** Upgrades a hash made with older parameters, unless the password changed in the meantime. */
    public void upgradeHash(long accountId, String oldHash, String newHash) {
        db.write(dsl -> dsl.update(ACCOUNT).set(ACCOUNT.PASSWORD_HASH, newHash)
                .where(ACCOUNT.ID.eq(accountId).and(ACCOUNT.PASSWORD_HASH.eq(oldHash)))
                .execute());
    }

    public void setDisplayName(long accountId, String displayName) {
        db.write(dsl -> dsl.update(ACCOUNT).set(ACCOUNT.DISPLAY_NAME, displayName.strip())
                .where(ACCOUNT.ID.eq(accountId)).execute());
    }

    /** Deactivating ends the account's sessions at once. The last active admin cannot be deactivated. */
    public void setActive(long accountId, boolean active) {
        db.write(dsl -> {
            Account account = lockedAccount(dsl, accountId);
            if (!active && account.admin() && account.active()) {
                refuseIfLastActiveAdmin(dsl, accountId);
            }
            dsl.update(ACCOUNT).set(ACCOUNT.IS_ACTIVE, active ? 1 : 0).where(ACCOUNT.ID.eq(accountId)).execute();
            if (!active) {
                dsl.deleteFrom(SESSION).where(SESSION.ACCOUNT_ID.eq(accountId)).execute();
            }
            return null;
        });
    }

    /** The last active admin cannot be demoted. */
    public void setAdmin(long accountId, boolean admin) {
        db.write(dsl -> {
            Account account = lockedAccount(dsl, accountId);
            if (!admin && account.admin() && account.active()) {
                refuseIfLastActiveAdmin(dsl, accountId);
            }
            dsl.update(ACCOUNT).set(ACCOUNT.IS_ADMIN, admin ? 1 : 0).where(ACCOUNT.ID.eq(accountId)).execute();
            return null;
        });
    }

    public boolean openSignup() {
        return "true".equals(db.read().select(SETTING.VALUE).from(SETTING).where(SETTING.KEY.eq(OPEN_SIGNUP))
                .fetchOne(SETTING.VALUE));
    }

    public void setOpenSignup(boolean open) {
        db.write(dsl -> dsl.insertInto(SETTING).set(SETTING.KEY, OPEN_SIGNUP).set(SETTING.VALUE, String.valueOf(open))
                .onConflict(SETTING.KEY).doUpdate().set(SETTING.VALUE, String.valueOf(open))
                .execute());
    }

    private static Account lockedAccount(DSLContext dsl, long accountId) {
        return dsl.selectFrom(ACCOUNT).where(ACCOUNT.ID.eq(accountId)).fetchOptional(AccountStore::toAccount)
                .orElseThrow(() -> new AccountProblem("There is no such account."));
    }

    private static void refuseIfLastActiveAdmin(DSLContext dsl, long accountId) {
        boolean anotherAdmin = dsl.fetchExists(ACCOUNT, ACCOUNT.IS_ADMIN.eq(1).and(ACCOUNT.IS_ACTIVE.eq(1))
                .and(ACCOUNT.ID.ne(accountId)));
        if (!anotherAdmin) {
            throw new AccountProblem("This is the last active admin: make someone else an admin first.");
        }
    }

    static Account toAccount(Record r) {
        return new Account(r.get(ACCOUNT.ID), r.get(ACCOUNT.USERNAME), r.get(ACCOUNT.DISPLAY_NAME),
                r.get(ACCOUNT.PASSWORD_HASH), r.get(ACCOUNT.IS_ADMIN) == 1, r.get(ACCOUNT.IS_ACTIVE) == 1,
                r.get(ACCOUNT.CREATED_AT));
    }
}
