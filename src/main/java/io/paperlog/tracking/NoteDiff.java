package io.paperlog.tracking;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.Patch;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What two versions of a note differ in, word by word (white space kept as it was), for the conflict view: the
 * saved version read with what only it has struck through and what only the person's text has underlined.
 */
final class NoteDiff {

    /** A run of text: in both versions, only in the saved one (removed), or only in the person's (added). */
    public record Part(String kind, String text) {

        public boolean same() {
            return kind.equals("same");
        }

        public boolean removed() {
            return kind.equals("removed");
        }

        public boolean added() {
            return kind.equals("added");
        }
    }

    private static final Pattern TOKEN = Pattern.compile("\\s+|[^\\s]+");

    private NoteDiff() {}

    static List<Part> of(String saved, String mine) {
        List<String> before = tokens(saved);
        List<String> after = tokens(mine);
        Patch<String> patch = DiffUtils.diff(before, after);
        List<Part> parts = new ArrayList<>();
        int at = 0;
        for (AbstractDelta<String> delta : patch.getDeltas()) {
            int from = delta.getSource().getPosition();
            add(parts, "same", before.subList(at, from));
            add(parts, "removed", delta.getSource().getLines());
            add(parts, "added", delta.getTarget().getLines());
            at = from + delta.getSource().size();
        }
        add(parts, "same", before.subList(at, before.size()));
        return parts;
    }

    private static List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>();
        Matcher m = TOKEN.matcher(text);
        while (m.find()) {
            tokens.add(m.group());
        }
        return tokens;
    }

    /** Appends the words as one part, joined to the previous part when it is of the same kind. */
    private static void add(List<Part> parts, String kind, List<String> words) {
        if (words.isEmpty()) {
            return;
        }
        String text = String.join("", words);
        if (!parts.isEmpty() && parts.get(parts.size() - 1).kind().equals(kind)) {
            Part last = parts.remove(parts.size() - 1);
            text = last.text() + text;
        }
        parts.add(new Part(kind, text));
    }
}
