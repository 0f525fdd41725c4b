package io.paperlog.papers;

import java.text.NumberFormat;
import java.util.Locale;

/** Numbers as people read them: 34,015. */
final class Numbers {

    private Numbers() {}

    static String grouped(long value) {
        return NumberFormat.getIntegerInstance(Locale.US).format(value);
    }
}
