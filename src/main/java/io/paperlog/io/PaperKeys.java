package io.paperlog.io;

import io.paperlog.papers.AbstractMarkup;
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

    /** An arXiv id as Paperlog keeps it: {@code 2005.14165}, without "arXiv:", a version or an address around it. */
    static String arxivId(String raw) {
        if (raw == null) {
            return null;
        }
        String id = raw.strip().replaceFirst("(?i)^arxiv:", "")
                .replaceFirst("(?i)^https?://(www\\.)?arxiv\\.org/(abs|pdf)/", "")
                .replaceFirst("(?i)\\.pdf$", "").replaceFirst("v\\d+$", "");
        return id.matches("\\d{4}\\.\\d{4,5}|[a-z-]+(\\.[A-Z]{2})?/\\d{7}") ? id : null;
    }

    /** A DOI without its resolver address: {@code 10.18653/v1/N19-1423}. */
    static String doi(String raw) {
        if (raw == null) {
            return null;
        }
        String doi = raw.strip().replaceFirst("(?i)^https?://(dx\\.)?doi\\.org/", "").replaceFirst("(?i)^doi:", "");
        return doi.matches("10\\.\\S{2,296}") ? doi : null;
    }
}
