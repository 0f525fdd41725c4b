package io.paperlog.related;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tartarus.snowball.ext.englishStemmer;

/**
 * Turns a title or an abstract into terms: words folded to lower case without accents, stemmed (Snowball's English
 * stemmer), without stop words; hyphenated compounds also as one word ("fine-tuning" also gives "finetun"); and,
 * when asked, the pairs of neighbouring words that no stop word or punctuation separates ("language model"). Each
 * term keeps the words it came from, so that a reason can be shown as the reader wrote it. The plain analysis of
 * the baseline keeps every word of two or more letters as it is.
 */
final class Analyzer {

    /**
     * A term and the text it was read from (lower case, as written: "language models"); {@code part} when it is
     * only a piece of a hyphenated word (the "fine" of "fine-tuning"), which does not read well as a reason.
     */
    record Term(String term, String surface, boolean part) {}

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+(?:[-'][\\p{L}\\p{N}]+)*");
    private static final Pattern PLAIN_WORD = Pattern.compile("[\\p{L}\\p{N}_]{2,}");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern BREAK = Pattern.compile("[.,;:!?()\\[\\]\"]");

    // English function words, and the words of abstract boilerplate that say nothing about a paper's subject
    static final Set<String> STOP_WORDS = Set.of(
            "a", "about", "above", "after", "again", "against", "all", "also", "although", "am", "among", "an", "and",
            "any", "are", "as", "at", "be", "because", "been", "before", "being", "below", "between", "both", "but",
            "by", "can", "cannot", "could", "did", "do", "does", "doing", "down", "during", "each", "either", "etc",
            "even", "ever", "every", "few", "for", "from", "further", "had", "has", "have", "having", "he", "her",
            "here", "hers", "him", "his", "how", "however", "i", "if", "in", "into", "is", "it", "its", "itself",
            "just", "less", "like", "may", "me", "might", "more", "most", "much", "must", "my", "neither", "no",
            "nor", "not", "now", "of", "off", "often", "on", "once", "one", "only", "or", "other", "others", "our",
            "ours", "out", "over", "own", "per", "same", "she", "should", "since", "so", "some", "such", "than",
            "that", "the", "their", "them", "then", "there", "these", "they", "this", "those", "through", "thus",
            "to", "too", "two", "under", "until", "up", "upon", "us", "very", "via", "was", "we", "were", "what",
            "when", "where", "whether", "which", "while", "who", "whom", "why", "will", "with", "within", "without",
            "would", "yet", "you", "your", "e.g", "i.e", "et", "al",
            "paper", "propose", "proposed", "present", "presents", "introduce", "introduces", "show", "shows",
            "shown", "demonstrate", "demonstrates", "find", "finds", "found", "achieve", "achieves", "achieved",
            "approach", "approaches", "method", "methods", "result", "results", "work", "works", "new", "novel",
            "use", "used", "uses", "using", "based", "well", "significantly", "significant", "state", "art",
            "first", "many", "several", "various", "different", "including", "respectively", "furthermore",
            "moreover", "recent", "recently", "able", "make", "makes", "made", "way", "ways", "existing",
            "available", "code", "github", "com", "https", "http", "www");

    private final boolean plain;
    private final boolean bigrams;

    private Analyzer(boolean plain, boolean bigrams) {
        this.plain = plain;
        this.bigrams = bigrams;
    }

    /** Every word of two or more letters, lower-cased, as it stands: what plain TF-IDF reads. */
    static Analyzer plain() {
        return new Analyzer(true, false);
    }

    /** Folded, stemmed words without stop words, with or without word pairs. */
    static Analyzer stemmed(boolean bigrams) {
        return new Analyzer(false, bigrams);
    }

    List<Term> terms(String text) {
        String folded = fold(text == null ? "" : text);
        List<Term> terms = new ArrayList<>();
        if (plain) {
            Matcher m = PLAIN_WORD.matcher(folded);
            while (m.find()) {
                terms.add(new Term(m.group(), m.group(), false));
            }
            return terms;
        }
        englishStemmer stemmer = new englishStemmer();
        Matcher m = WORD.matcher(folded);
        Term previous = null;
        int previousEnd = 0;
        while (m.find()) {
            String word = m.group();
            boolean separated = previous == null || BREAK.matcher(folded.substring(previousEnd, m.start())).find();
            Term term = term(stemmer, word);
            if (term == null) {
                previous = null;
            } else {
                if (word.indexOf('-') > 0) {
                    for (String part : word.split("-")) {
                        Term piece = term(stemmer, part);
                        if (piece != null) {
                            terms.add(new Term(piece.term(), piece.surface(), true));
                        }
                    }
                }
                terms.add(term);
                if (bigrams && !separated && previous != null) {
                    terms.add(new Term(previous.term() + " " + term.term(),
                            previous.surface() + " " + term.surface(), false));
                }
                previous = term;
            }
            previousEnd = m.end();
        }
        return terms;
    }

    /** The term of one word, or null for a stop word, a number or a single letter. */
    private static Term term(englishStemmer stemmer, String word) {
        String bare = word.replaceAll("'s$", "").replace("'", "");
        if (bare.length() < 2 || STOP_WORDS.contains(bare) || bare.chars().allMatch(Character::isDigit)) {
            return null;
        }
        String joined = bare.replace("-", "");
        stemmer.setCurrent(joined);
        stemmer.stem();
        return new Term(stemmer.getCurrent(), word.replaceAll("'s$", ""), false);
    }

    /** Lower case without accents: "Łukasz" and "Lukasz" are one word. */
    static String fold(String text) {
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFKD);
        return MARKS.matcher(decomposed).replaceAll("").replace('ł', 'l').replace('Ł', 'L')
                .replace('ø', 'o').replace('Ø', 'O').toLowerCase(Locale.ROOT);
    }
}
