package io.paperlog.db;

import io.paperlog.StartupException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;
import org.flywaydb.core.api.MigrationState;

/** Brings a database up to the schema in {@code migrations/}, refusing one that is newer or broken. */
final class Migrations {

    static final String LOCATION = "classpath:db/migration";

    private Migrations() {}

    static void migrate(DataSource dataSource) {
        if (SchemaTemplate.isCurrent(dataSource)) {
            return;
        }
        Flyway flyway = configure(dataSource);
        try {
            MigrationInfoService info = flyway.info();
            refuseNewerOrFailed(info);
            if (info.pending().length > 0) {
                flyway.migrate();
            }
        } catch (FlywayException e) {
            throw new StartupException("cannot migrate the database: " + firstLine(e.getMessage()), e);
        }
    }

    private static Flyway configure(DataSource dataSource) {
        return Flyway.configure()
                .dataSource(dataSource)
                .locations(LOCATION)
                .placeholderReplacement(false)
                .cleanDisabled(true)
                .validateMigrationNaming(true)
                // refuseNewerOrFailed has just compared what is applied with what is known
                .validateOnMigrate(false)
                .load();
    }

    private static void refuseNewerOrFailed(MigrationInfoService info) {
        String refusal = refusal(info);
        if (refusal != null) {
            throw new StartupException(refusal);
        }
    }

    /**
     * Why this program may not open the database behind {@code dataSource} (a schema newer than it knows, a
     * migration it does not know, one that failed), or null when it may. Reads only.
     */
    static String unknownTo(DataSource dataSource) {
        try {
            return refusal(configure(dataSource).info());
        } catch (FlywayException e) {
            return "cannot read its schema history: " + firstLine(e.getMessage());
        }
    }

    private static String refusal(MigrationInfoService info) {
        for (MigrationInfo migration : info.applied()) {
            MigrationState state = migration.getState();
            if (state == MigrationState.FUTURE_SUCCESS || state == MigrationState.FUTURE_FAILED) {
                return "the database schema (version " + migration.getVersion()
                        + ") is newer than this Paperlog understands; upgrade Paperlog to open it";
            }
            if (state == MigrationState.MISSING_SUCCESS || state == MigrationState.MISSING_FAILED) {
                return "migration " + migration.getVersion()
                        + " was applied to this database but is unknown to this Paperlog; refusing to start";
            }
            if (state.isFailed()) {
                return "migration " + migration.getVersion()
                        + " failed earlier on this database; restore a backup before starting";
            }
        }
        return null;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unknown error";
        }
        String trimmed = message.strip();
        int newline = trimmed.indexOf('\n');
        return newline < 0 ? trimmed : trimmed.substring(0, newline).strip();
    }
}
