package io.paperlog.papers;

import java.util.Arrays;
import java.util.List;

/** A paper's author list: stored as names in order, {@code "; "}-separated; shown whole or shortened. */
public final class Authors {

    /** How a list that names only its first authors ends, as some sources give it. */
    static final String ET_AL = "et al.";

    private Authors() {}

    public static List<String> split(String authors) {
        if (authors == null || authors.isBlank()) {
            return List.of();
        }
        return Arrays.stream(authors.split(";")).map(String::strip).filter(name -> !name.isEmpty()).toList();
    }

    /** Every name: "Ada Lovelace, Alan Turing and Grace Hopper", or "…, Grace Hopper et al." for a cut list. */
    public static String full(List<String> names) {
        List<String> named = names.stream().filter(name -> !name.equals(ET_AL)).toList();
        boolean cut = named.size() < names.size();
        if (named.isEmpty()) {
            return "";
        }
        if (cut) {
            return String.join(", ", named) + " " + ET_AL;
        }
        if (named.size() == 1) {
            return named.get(0);
        }
        return String.join(", ", named.subList(0, named.size() - 1)) + " and " + named.get(named.size() - 1);
    }

    /**
     * A line's worth: up to three names in full; more are "First, Second, … Last" ("First, Second et al." for a
     * list that does not name its last author).
     */
    public static String shortened(List<String> names) {
        List<String> named = names.stream().filter(name -> !name.equals(ET_AL)).toList();
        boolean cut = named.size() < names.size();
        if (named.size() <= 3) {
            return full(names);
        }
        String first = named.get(0) + ", " + named.get(1);
        return cut ? first + " " + ET_AL : first + ", … " + named.get(named.size() - 1);
    }
}
