package io.paperlog.web;

import io.javalin.http.Context;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * How the person asking wants pages drawn: the time zone times are shown in, and whether single-key shortcuts are
 * on. The session filter sets them from the account; a zone the account leaves open is the browser's, which app.js
 * reports in the {@value #ZONE_COOKIE} cookie; without either, UTC.
 */
public record Preferences(ZoneId zone, boolean zoneChosen, boolean shortcuts) {

    public static final String ZONE_COOKIE = "tz";
    private static final String ATTRIBUTE = "paperlog.preferences";
    private static final int MAX_ZONE = 64;

    /** The account's choices: {@code storedZone} null when it follows the browser. */
    public static void set(Context ctx, String storedZone, boolean shortcuts) {
        Optional<ZoneId> chosen = zone(storedZone);
        ctx.attribute(ATTRIBUTE, new Preferences(chosen.orElseGet(() -> browserZone(ctx)), chosen.isPresent(),
                shortcuts));
    }

    public static Preferences of(Context ctx) {
        Preferences set = ctx == null ? null : ctx.attribute(ATTRIBUTE);
        return set != null ? set : new Preferences(ctx == null ? ZoneOffset.UTC : browserZone(ctx), false, true);
    }

    /** The zone the browser reported, or UTC. */
    public static ZoneId browserZone(Context ctx) {
        return zone(ctx.cookie(ZONE_COOKIE)).orElse(ZoneOffset.UTC);
    }

    /** A region name such as {@code Europe/Berlin} or {@code UTC} as a zone; empty for anything else. */
    public static Optional<ZoneId> zone(String name) {
        if (name == null || name.isBlank() || name.length() > MAX_ZONE) {
            return Optional.empty();
        }
        try {
            return Optional.of(ZoneId.of(name.strip()));
        } catch (DateTimeException notAZone) {
            return Optional.empty();
        }
    }

    /** The zone's name as a person reads it in the settings: "Europe/Berlin", "UTC". */
    public String zoneName() {
        return zone.getId().equals("Z") ? "UTC" : zone.getId();
    }
}
