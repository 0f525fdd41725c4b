package io.paperlog.papers;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jbibtex.BibTeXDatabase;
import org.jbibtex.BibTeXEntry;
import org.jbibtex.BibTeXFormatter;
import org.jbibtex.BibTeXParser;
import org.jbibtex.BibTeXString;
import org.jbibtex.Key;
import org.jbibtex.LaTeXParser;
import org.jbibtex.LaTeXPrinter;
import org.jbibtex.ParseException;
import org.jbibtex.StringValue;
import org.jbibtex.TokenMgrException;
import org.jbibtex.Value;

/**
 * A paper's citation as BibTeX (through jbibtex's formatter), and a pasted BibTeX entry read into the fields a
 * paper is added with (through jbibtex's parser, its TeX accents turned into letters).
 */
public final class BibTex {

    /** What one pasted entry names, each null when the entry does not have it; {@code authors} in order. */
    public record Entry(String title, List<String> authors, String year, String venue, String abstractText,
                        String url, String arxiv, String doi) {}

    /** Why a pasted entry could not be read, in words for the person who pasted it. */
    public static final class Unreadable extends Exception {
        Unreadable(String message) {
            super(message, null, false, false);
        }
    }

    static final int MAX_DEPTH = 16;
    private static final Pattern CONFERENCE = Pattern.compile(
            "(?i).*\\b(proceedings|conference|workshop|symposium|neurips|nips|icml|iclr|acl|emnlp|naacl|eacl|coling"
                    + "|aaai|ijcai|cvpr|iccv|eccv|kdd|sigir|interspeech|icassp|colm)\\b.*");
    private static final Key ARCHIVE_PREFIX = new Key("archivePrefix");
    private static final Key ABSTRACT = new Key("abstract");
    private static final Set<String> STOP_WORDS = Set.of("a", "an", "the", "on", "of", "in", "for", "to", "and",
            "is", "are", "with", "via", "from", "by", "at", "as");

    private BibTex() {}

    /** The citation of {@code paper}, one entry with a key that stays the same as long as the paper does. */
    public static String export(Paper paper) {
        boolean proceedings = paper.venue() != null && CONFERENCE.matcher(paper.venue()).matches();
        BibTeXEntry entry = new BibTeXEntry(proceedings ? BibTeXEntry.TYPE_INPROCEEDINGS : BibTeXEntry.TYPE_ARTICLE,
                new Key(key(paper)));
        put(entry, BibTeXEntry.KEY_TITLE, escape(paper.title()));
        List<String> names = paper.authorList().stream()
                .map(name -> name.equals(Authors.ET_AL) ? "others" : escape(name)).toList();
        put(entry, BibTeXEntry.KEY_AUTHOR, names.isEmpty() ? null : String.join(" and ", names));
        if (paper.venue() != null) {
            put(entry, proceedings ? BibTeXEntry.KEY_BOOKTITLE : BibTeXEntry.KEY_JOURNAL, escape(paper.venue()));
        } else if (paper.arxivId() != null) {
            put(entry, BibTeXEntry.KEY_JOURNAL, "arXiv preprint arXiv:" + paper.arxivId());
        }
        put(entry, BibTeXEntry.KEY_YEAR, paper.year() == null ? null : paper.year().toString());
        if (paper.arxivId() != null) {
            put(entry, BibTeXEntry.KEY_EPRINT, paper.arxivId());
            put(entry, ARCHIVE_PREFIX, "arXiv");
        }
        put(entry, BibTeXEntry.KEY_DOI, paper.doi() == null ? null : escape(paper.doi()));
        String url = paper.url() != null ? paper.url()
                : paper.arxivId() != null ? "https://arxiv.org/abs/" + paper.arxivId() : null;
        put(entry, BibTeXEntry.KEY_URL, url == null ? null : escape(url));
        BibTeXDatabase database = new BibTeXDatabase();
        database.addObject(entry);
        StringWriter out = new StringWriter();
        try {
            BibTeXFormatter formatter = new BibTeXFormatter();
            formatter.setIndent("  ");
            formatter.format(database, out);
        } catch (IOException impossible) {
            throw new IllegalStateException("a StringWriter does not fail", impossible);
        }
        return out.toString();
    }

    /** "brown2020language": the first author's family name, the year and the title's first telling word. */
    static String key(Paper paper) {
        List<String> names = paper.authorList();
        String family = names.isEmpty() ? "paper" : ascii(lastWord(names.get(0)));
        String word = "";
        for (String w : AbstractMarkup.toPlainText(paper.title()).split("[^\\p{L}\\p{N}]+")) {
            String plain = ascii(w);
            if (!plain.isEmpty() && !STOP_WORDS.contains(plain)) {
                word = plain;
                break;
            }
        }
        String key = (family.isEmpty() ? "paper" : family) + (paper.year() == null ? "" : paper.year()) + word;
        return key.length() > 60 ? key.substring(0, 60) : key;
    }

    /** Reads exactly one entry from {@code text}. */
    public static Entry read(String text) throws Unreadable {
        checkBraces(text);
        BibTeXDatabase database;
        try {
            database = lenientParser().parse(new StringReader(text));
        } catch (ParseException | TokenMgrException | IllegalArgumentException | StackOverflowError e) {
            throw new Unreadable("This BibTeX couldn't be read: check that it is one entry like"
                    + " @article{key, title = {...}, author = {...}} with its braces and commas.");
        }
        Map<Key, BibTeXEntry> entries = database.getEntries();
        if (entries.isEmpty()) {
            throw new Unreadable("No entry was found in this BibTeX: it starts with @article{ or @inproceedings{.");
        }
        if (entries.size() > 1) {
            throw new Unreadable("This BibTeX has " + entries.size() + " entries; paste one paper at a time.");
        }
        BibTeXEntry entry = entries.values().iterator().next();
        String eprint = field(entry, BibTeXEntry.KEY_EPRINT);
        String prefix = field(entry, ARCHIVE_PREFIX);
        boolean arxivEprint = eprint != null && (prefix == null || prefix.equalsIgnoreCase("arxiv"));
        String venue = Optional.ofNullable(field(entry, BibTeXEntry.KEY_BOOKTITLE))
                .orElse(field(entry, BibTeXEntry.KEY_JOURNAL));
        if (venue != null && venue.toLowerCase(Locale.ROOT).startsWith("arxiv")) {
            venue = null;
        }
        String author = field(entry, BibTeXEntry.KEY_AUTHOR);
        return new Entry(field(entry, BibTeXEntry.KEY_TITLE), author == null ? List.of() : names(author),
                field(entry, BibTeXEntry.KEY_YEAR), venue, field(entry, ABSTRACT), field(entry, BibTeXEntry.KEY_URL),
                arxivEprint ? eprint : null, field(entry, BibTeXEntry.KEY_DOI));
    }

    /** BibTeX's "Family, Given and Given Family and others" as names in reading order. */
    static List<String> names(String authors) {
        List<String> names = new ArrayList<>();
        for (String part : authors.split("\\s+and\\s+")) {
            String name = part.strip().replaceAll("\\s+", " ");
            if (name.isEmpty()) {
                continue;
            }
            if (name.equals("others")) {
                names.add(Authors.ET_AL);
                continue;
            }
            int comma = name.indexOf(',');
            if (comma > 0) {
                name = (name.substring(comma + 1).strip() + " " + name.substring(0, comma).strip()).strip();
            }
            names.add(name);
        }
        return names;
    }

    private static BibTeXParser lenientParser() throws ParseException {
        return new BibTeXParser() {
            @Override
            public void checkStringResolution(Key key, BibTeXString string) {
                // an undefined @string abbreviation reads as nothing rather than refusing the entry
            }

            @Override
            public void checkCrossReferenceResolution(Key key, BibTeXEntry entry) {
                // a crossref to an entry that was not pasted is ignored
            }
        };
    }

    /** Refuses text whose braces nest too deep for the parsers' recursion, before they see it. */
    private static void checkBraces(String text) throws Unreadable {
        int depth = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '{' && ++depth > MAX_DEPTH) {
                throw new Unreadable("This BibTeX nests braces more than " + MAX_DEPTH + " deep.");
            } else if (c == '}') {
                depth--;
            }
        }
    }

    /** A field's value as plain text: TeX accents as letters, grouping braces gone, math kept as $...$. */
    private static String field(BibTeXEntry entry, Key key) {
        Value value = entry.getField(key);
        if (value == null) {
            return null;
        }
        String raw;
        try {
            raw = value.toUserString();
        } catch (RuntimeException unresolved) {
            return null;
        }
        String plain = raw.contains("$") || raw.indexOf('\\') < 0 ? raw.replaceAll("(?<!\\\\)[{}]", "") : latex(raw);
        plain = plain.replaceAll("\\s+", " ").strip();
        return plain.isEmpty() ? null : plain;
    }

    private static String latex(String raw) {
        try {
            return new LaTeXPrinter().print(new LaTeXParser().parse(raw));
        } catch (ParseException | TokenMgrException | IllegalArgumentException | StackOverflowError e) {
            return raw.replaceAll("(?<!\\\\)[{}]", "");
        }
    }

    private static void put(BibTeXEntry entry, Key key, String value) {
        if (value != null && !value.isBlank()) {
            entry.addField(key, new StringValue(value, StringValue.Style.BRACED));
        }
    }

    /**
     * Stored text made safe inside a braced BibTeX value: TeX's special characters escaped outside math (where
     * the stored text has not escaped them already), and braces escaped unless they balance.
     */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        boolean math = false;
        int depth = 0;
        boolean balanced = true;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '{') {
                depth++;
            } else if (c == '}' && --depth < 0) {
                balanced = false;
            }
        }
        balanced = balanced && depth == 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean escaped = i > 0 && text.charAt(i - 1) == '\\';
            if (c == '$' && !escaped) {
                math = !math;
            }
            if (!escaped && (c == '{' || c == '}') && !balanced) {
                out.append('\\');
            } else if (!escaped && !math && "&%#_".indexOf(c) >= 0) {
                out.append('\\');
            }
            out.append(c);
        }
        if (math) {
            return escape(text.replace("$", "\\$"));
        }
        return out.toString();
    }

    private static String lastWord(String name) {
        String[] words = name.strip().split("\\s+");
        return words[words.length - 1];
    }

    private static String ascii(String word) {
        return Normalizer.normalize(word, Normalizer.Form.NFD).replaceAll("[^A-Za-z0-9]", "").toLowerCase(Locale.ROOT);
    }

    /** The fields an entry gives, by form field name, for the add form to show what was read. */
    static Map<String, String> asFields(Entry entry) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("title", entry.title());
        fields.put("authors", entry.authors().isEmpty() ? null : String.join("\n", entry.authors()));
        fields.put("year", entry.year());
        fields.put("venue", entry.venue());
        fields.put("abstract", entry.abstractText());
        fields.put("url", entry.url());
        fields.put("arxiv", entry.arxiv());
        fields.put("doi", entry.doi());
        return fields;
    }
}
