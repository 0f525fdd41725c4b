package io.paperlog.related;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paperlog.db.Database;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The quality of the related lists, measured: nDCG@5 against the hand-made topic labels of the 100 seeded papers
 * (src/test/resources/related/topics.tsv), for plain TF-IDF and for the method Paperlog uses.
 */
class RelatedQualityTest {

    @TempDir
    Path folder;

    @Test
    void theChosenMethodBeatsPlainTfIdfOnTheTopicLabels() {
        List<RelatedIndex.Doc> docs;
        double keyTerms;
        TopicLabels labels = TopicLabels.load();
        try (Database db = Database.open(folder.resolve("q.db"), 1)) {
            RelatedStore store = new RelatedStore(db, Clock.systemUTC());
            docs = store.docs();
            RelatedPapers large = new RelatedPapers(store, Method.CHOSEN, 0);
            keyTerms = labels.meanNdcg((query, limit) -> large.similarTo(query, limit), 5);
        }
        assertEquals(100, labels.primary().size());
        assertEquals(100, docs.size());

        double baseline = labels.meanNdcg(RelatedIndex.build(Method.BASELINE, docs), 5);
        double chosen = labels.meanNdcg(RelatedIndex.build(Method.CHOSEN, docs), 5);
        System.out.printf(Locale.ROOT, "related papers, nDCG@5 over the 100 seeded papers: plain TF-IDF %.3f, chosen %.3f,"
                + " key terms asked of the search index (above %,d papers) %.3f%n", baseline, chosen,
                RelatedPapers.BUILD_AT_MOST, keyTerms);

        assertTrue(chosen > baseline, "chosen " + chosen + " should beat plain TF-IDF " + baseline);
        assertTrue(chosen >= 0.65, "chosen nDCG@5 " + chosen + " should be at least 0.65");
        assertTrue(keyTerms >= baseline, "key terms " + keyTerms + " should do no worse than plain TF-IDF " + baseline);
    }
}
