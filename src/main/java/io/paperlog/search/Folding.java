package io.paperlog.search;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The folding of the search index, in Java: the letters that SQLite's unicode61 tokenizer cannot strip of their
 * marks (Ł, ø, ß ...) replaced as the view {@code search_fts_input} of migration V15 replaces them, and, for
 * highlighting, what unicode61 does besides: marks removed, lower case, words split at everything that is not a
 * letter or a number.
 */
final class Folding {

    private static final String[][] LETTERS = {
        {"Ł", "L"}, {"ł", "l"}, {"Ø", "O"}, {"ø", "o"}, {"Đ", "D"}, {"đ", "d"}, {"Ð", "D"}, {"ð", "d"},
        {"Ħ", "H"}, {"ħ", "h"}, {"ı", "i"}, {"Ŧ", "T"}, {"ŧ", "t"}, {"ß", "ss"}, {"Æ", "AE"}, {"æ", "ae"},
        {"Œ", "OE"}, {"œ", "oe"}, {"Þ", "TH"}, {"þ", "th"},
    };

    private Folding() {}

    /** The text with the letters V15 replaces replaced: what FTS5 is given. */
    static String letters(String text) {
        String out = text;
        for (String[] pair : LETTERS) {
            if (out.indexOf(pair[0].charAt(0)) >= 0) {
                out = out.replace(pair[0], pair[1]);
            }
        }
        return out;
    }

    /** One word as the index sees it: folded, without marks, in lower case. */
    static String word(String word) {
        if (ascii(word)) {
            return word.toLowerCase(Locale.ROOT);
        }
        String decomposed = Normalizer.normalize(letters(word), Normalizer.Form.NFD);
        StringBuilder out = new StringBuilder(decomposed.length());
        decomposed.codePoints().filter(cp -> !isMark(cp)).forEach(out::appendCodePoint);
        return out.toString().toLowerCase(Locale.ROOT);
    }

    private static boolean ascii(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    /** The words of a text as the index splits it, folded. */
    static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        int start = -1;
        for (int i = 0; i <= text.length(); ) {
            int cp = i < text.length() ? text.codePointAt(i) : ' ';
            boolean inWord = i < text.length() && isWordChar(cp);
            if (inWord && start < 0) {
                start = i;
            } else if (!inWord && start >= 0) {
                String folded = word(text.substring(start, i));
                if (!folded.isEmpty()) {
                    words.add(folded);
                }
                start = -1;
            }
            i += i < text.length() ? Character.charCount(cp) : 1;
        }
        return words;
    }

    /** Letters, numbers and private-use characters make words, as in unicode61; marks stay with their letter. */
    static boolean isWordChar(int cp) {
        return Character.isLetterOrDigit(cp) || isMark(cp) || switch (Character.getType(cp)) {
            case Character.LETTER_NUMBER, Character.OTHER_NUMBER, Character.PRIVATE_USE -> true;
            default -> false;
        };
    }

    private static boolean isMark(int cp) {
        int type = Character.getType(cp);
        return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                || type == Character.ENCLOSING_MARK;
    }
}
