package io.paperlog.io;

import io.paperlog.papers.AbstractMarkup;
import io.paperlog.papers.Identifiers;
import java.text.Normalizer;
import java.util.Locale;

/** How a paper is known across instances: its arXiv id, else its DOI, else its title with case, TeX and punctuation gone. */
final class PaperKeys {

    private PaperKeys() {}

    static String key(String arxivId, String doi, String title) {
        if (arxivId != null) {
            return "arxiv:" + arxivId;
        }
        if (doi != null) {
            return "doi:" + doi.toLowerCase(Locale.ROOT);
        }
        return "title:" + normalisedTitle(title);
    }

    /** "BERT: Pre-training of Deep {Bidirectional} Transformers" and "bert pre training of deep bidirectional transformers" match. */
    static String normalisedTitle(String title) {
        String plain = AbstractMarkup.toPlainText(title == null ? "" : title).replace("{", "").replace("}", "");
        String folded = Normalizer.normalize(plain, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "");
        return folded.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    }

    /** An arXiv id as Paperlog keeps it ({@code 2005.14165}), from however a file writes it; null if it names none. */
    static String arxivId(String raw) {
        return Identifiers.arxiv(raw).orElse(null);
    }

    /** A DOI as Paperlog keeps it ({@code 10.18653/v1/N19-1423}); null if it names none. */
    static String doi(String raw) {
        return Identifiers.doi(raw).orElse(null);
    }
}
