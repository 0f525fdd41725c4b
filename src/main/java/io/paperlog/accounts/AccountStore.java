package io.paperlog.accounts;

import static io.paperlog.db.schema.Tables.ACCOUNT;
import static io.paperlog.db.schema.Tables.SESSION;
import static io.paperlog.db.schema.Tables.SETTING;

import io.paperlog.db.Database;
import io.paperlog.db.Timestamps;
import io.paperlog.web.UserError;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jooq.DSLContext;
import org.jooq.Record;

/** Accounts and the instance's settings. */
public final class AccountStore {

    static final String OPEN_SIGNUP = "open_signup";
    static final int KEPT_CHOICES = 10_000;

    private final Database db;
    private final Clock clock;
    private volatile boolean someAccountExists;
    /** Each account's choices as last read, good while no account has changed since (the session filter's every request). */
    private final Map<Long, KnownChoices> knownChoices = new ConcurrentHashMap<>();

    private record KnownChoices(Choices choices, long version) {}

    public AccountStore(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
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
    public Optional<Account> createFirst(String username, String displayName, String passwordHash) {
        Optional<Account> created = db.write(dsl -> dsl.fetchExists(ACCOUNT)
                ? Optional.<Account>empty()
                : Optional.of(insert(dsl, new NewAccount(username, displayName, passwordHash, true), clock)));
        created.ifPresent(a -> someAccountExists = true);
        return created;
    }

    public Account create(String username, String displayName, String passwordHash) {
        return db.write(dsl -> insert(dsl, new NewAccount(username, displayName, passwordHash, false), clock));
    }

    /** What a new account is made of; the password only as its hash. */
    record NewAccount(String username, String displayName, String passwordHash, boolean admin) {}

    /** Inside a caller's transaction: refuses a username that is taken, ignoring case. */
    static Account insert(DSLContext dsl, NewAccount account, Clock clock) {
        if (dsl.fetchExists(ACCOUNT, ACCOUNT.USERNAME.equalIgnoreCase(account.username()))) {
            throw UserError.invalid("username", "That username is taken.");
        }
        String at = Timestamps.now(clock);
        String displayName = account.displayName().strip();
        long id = dsl.insertInto(ACCOUNT)
                .set(ACCOUNT.USERNAME, account.username())
                .set(ACCOUNT.DISPLAY_NAME, displayName)
                .set(ACCOUNT.PASSWORD_HASH, account.passwordHash())
                .set(ACCOUNT.IS_ADMIN, account.admin() ? 1 : 0)
                .set(ACCOUNT.IS_ACTIVE, 1)
                .set(ACCOUNT.CREATED_AT, at)
                .set(ACCOUNT.PASSWORD_CHANGED_AT, at)
                .returningResult(ACCOUNT.ID)
                .fetchOne(ACCOUNT.ID);
        return new Account(id, account.username(), displayName, account.passwordHash(), account.admin(), true, at);
    }

    /** Replaces the password hash; the caller decides which sessions survive. */
    public void setPasswordHash(long accountId, String passwordHash) {
        db.write(dsl -> updatePasswordHash(dsl, accountId, passwordHash, clock));
    }

    static int updatePasswordHash(DSLContext dsl, long accountId, String passwordHash, Clock clock) {
        return dsl.update(ACCOUNT)
                .set(ACCOUNT.PASSWORD_HASH, passwordHash)
                .set(ACCOUNT.PASSWORD_CHANGED_AT, Timestamps.now(clock))
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
            Account account = existing(dsl, accountId);
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
            Account account = existing(dsl, accountId);
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

    /** The account's time zone (null: the browser's) and whether its shortcuts are on. */
    public record Choices(String timeZone, boolean shortcuts) {
        static final Choices DEFAULT = new Choices(null, true);
    }

    public Choices choices(long accountId) {
        long version = db.accountsVersion();
        KnownChoices kept = knownChoices.get(accountId);
        if (kept != null && kept.version() == version) {
            return kept.choices();
        }
        Choices choices = readChoices(accountId);
        if (knownChoices.size() >= KEPT_CHOICES) {
            knownChoices.clear();
        }
        knownChoices.put(accountId, new KnownChoices(choices, version));
        return choices;
    }

    private Choices readChoices(long accountId) {
        return db.read().select(ACCOUNT.TIME_ZONE, ACCOUNT.SHORTCUTS).from(ACCOUNT).where(ACCOUNT.ID.eq(accountId))
                .fetchOptional(r -> new Choices(r.value1(), r.value2() == 1)).orElse(Choices.DEFAULT);
    }

    public void setChoices(long accountId, Choices choices) {
        db.write(dsl -> dsl.update(ACCOUNT).set(ACCOUNT.TIME_ZONE, choices.timeZone())
                .set(ACCOUNT.SHORTCUTS, choices.shortcuts() ? 1 : 0)
                .where(ACCOUNT.ID.eq(accountId)).execute());
    }

    /** The account, read inside the writer's transaction; 404 when there is none. */
    private static Account existing(DSLContext dsl, long accountId) {
        return dsl.selectFrom(ACCOUNT).where(ACCOUNT.ID.eq(accountId)).fetchOptional(AccountStore::toAccount)
                .orElseThrow(() -> UserError.notFound("There is no such account."));
    }

    private static void refuseIfLastActiveAdmin(DSLContext dsl, long accountId) {
        boolean anotherAdmin = dsl.fetchExists(ACCOUNT, ACCOUNT.IS_ADMIN.eq(1).and(ACCOUNT.IS_ACTIVE.eq(1))
                .and(ACCOUNT.ID.ne(accountId)));
        if (!anotherAdmin) {
            throw UserError.conflict("This is the last active admin: make someone else an admin first.");
        }
    }

    static Account toAccount(Record r) {
        return new Account(r.get(ACCOUNT.ID), r.get(ACCOUNT.USERNAME), r.get(ACCOUNT.DISPLAY_NAME),
                r.get(ACCOUNT.PASSWORD_HASH), r.get(ACCOUNT.IS_ADMIN) == 1, r.get(ACCOUNT.IS_ACTIVE) == 1,
                r.get(ACCOUNT.CREATED_AT));
    }
}
