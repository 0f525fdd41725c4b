package io.paperlog.related;

/**
 * How papers are compared. {@link #BASELINE} is plain TF-IDF cosine over the title and abstract as one text (the
 * textbook form: every word as written, raw counts, smoothed idf, unit vectors). {@link #CHOSEN} is what Paperlog
 * shows:
 * <ul>
 * <li>stemmed words without stop words, and pairs of neighbouring words ("language model");</li>
 * <li>the title's words count {@code titleWeight} times; counts are dampened (1 + ln tf);</li>
 * <li>one round of pseudo-relevance feedback: the paper's vector moves towards its {@code feedbackDocs} nearest
 * papers (by {@code feedbackWeight} of their mean), and is compared again, so that a paper's topic counts more
 * than its own choice of words;</li>
 * <li>neighbourhood smoothing: two papers whose {@code neighbours} nearest papers are much the same are alike
 * even where they share few words; the final score mixes the two by {@code smoothing}.</li>
 * </ul>
 * The values are round ones from the middle of the ranges that worked; none is fitted to one paper.
 */
public record Method(boolean plainWords, boolean bigrams, double titleWeight, boolean sublinearTf,
                     int feedbackDocs, double feedbackWeight, int neighbours, double smoothing) {

    public static final Method BASELINE = new Method(true, false, 1, false, 0, 0, 0, 0);

    public static final Method CHOSEN = new Method(false, true, 3, true, 3, 1, 20, 0.5);

    Analyzer analyzer() {
        return plainWords ? Analyzer.plain() : Analyzer.stemmed(bigrams);
    }
}
