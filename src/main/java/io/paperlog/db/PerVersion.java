package io.paperlog.db;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Values worked out from the database (a pager's count, a library's tab counts), kept while its data version stays
 * the same: any commit moves it, so a kept value is never older than the data, and paging through a long listing
 * counts it once, not on every page. A value read from one group of tables alone may be kept while that group's
 * number stands instead ({@link Database#tagsVersion}). Beyond {@link #SIZE} values (or the size given), the least
 * recently used go first.
 */
public final class PerVersion<T> {

    static final int SIZE = 512;

    private final LongSupplier dataVersion;
    private final Map<String, T> values;
    private long version = Long.MIN_VALUE;

    public PerVersion(Database db) {
        this(db::dataVersion, SIZE);
    }

    /** Keeping at most {@code size} values, for values too large to keep {@link #SIZE} of. */
    public PerVersion(Database db, int size) {
        this(db::dataVersion, size);
    }

    /**
     * Kept while {@code version} stands instead: one of {@link Database}'s numbers for a group of tables, for a value
     * read from those tables alone, which then outlives writes to others.
     */
    public PerVersion(LongSupplier version) {
        this(version, SIZE);
    }

    private PerVersion(LongSupplier dataVersion, int size) {
        this.dataVersion = dataVersion;
        this.values = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, T> eldest) {
                return size() > size;
            }
        };
    }

    /**
     * The value under {@code key}, worked out by {@code compute} unless kept at the current data version. The key
     * must name everything the value depends on, the person it is for included.
     */
    public T get(String key, Supplier<T> compute) {
        long now = dataVersion.getAsLong();
        synchronized (this) {
            if (now != version) {
                values.clear();
                version = now;
            }
            T kept = values.get(key);
            if (kept != null) {
                return kept;
            }
        }
        T computed = compute.get();
        synchronized (this) {
            if (version == now) {
                values.put(key, computed);
            }
        }
        return computed;
    }
}
