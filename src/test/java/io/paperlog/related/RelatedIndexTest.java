package io.paperlog.related;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RelatedIndexTest {

    static final List<RelatedIndex.Doc> DOCS = List.of(
            new RelatedIndex.Doc(1, "Self-supervised speech representations",
                    "We learn speech representations from raw audio with self-supervised training and masked prediction."),
            new RelatedIndex.Doc(2, "Masked prediction of hidden units for speech",
                    "Self-supervised speech representation learning predicts masked hidden units of audio."),
            new RelatedIndex.Doc(3, "Dense passage retrieval",
                    "Retrieval of passages with dense vectors for open-domain question answering."),
            new RelatedIndex.Doc(4, "Retrieval-augmented generation",
                    "A generator reads retrieved passages: dense retrieval for knowledge-intensive question answering."),
            new RelatedIndex.Doc(5, "Speech synthesis with diffusion",
                    "A diffusion model turns noise into speech audio waveforms."),
            new RelatedIndex.Doc(6, "Chain-of-thought prompting",
                    "Prompting large language models with a chain of thought improves reasoning on arithmetic."));

    @Test
    void wordsAreFoldedStemmedAndPairedWithoutStopWords() {
        List<String> terms = Analyzer.stemmed(true).terms("The Łukasz models are modelling Fine-tuning").stream()
                .map(Analyzer.Term::term).toList();
        assertTrue(terms.contains("lukasz"), terms.toString());
        assertTrue(terms.contains("model"), terms.toString());
        assertTrue(terms.contains("finetun"), "a hyphenated word is also one word: " + terms);
        assertTrue(terms.contains("lukasz model"), "neighbouring words make a pair: " + terms);
        assertFalse(terms.contains("the"), terms.toString());
        assertFalse(terms.stream().anyMatch(t -> t.startsWith("the ") || t.endsWith(" the")), terms.toString());
    }

    @Test
    void punctuationAndStopWordsBreakPairs() {
        List<String> terms = Analyzer.stemmed(true).terms("speech, audio of models").stream()
                .map(Analyzer.Term::term).toList();
        assertFalse(terms.contains("speech audio"), terms.toString());
        assertFalse(terms.contains("audio model"), terms.toString());
    }

    @Test
    void thePlainBaselineKeepsEveryWordAsWritten() {
        List<String> terms = Analyzer.plain().terms("The models, modelling").stream().map(Analyzer.Term::term).toList();
        assertEquals(List.of("the", "models", "modelling"), terms);
    }

    @Test
    void aPaperIsMostLikeThePapersOnItsTopicAndNeverItself() {
        RelatedIndex index = RelatedIndex.build(Method.CHOSEN, DOCS);
        List<RelatedIndex.Match> speech = index.similarTo(1, 2, Set.of());
        assertEquals(List.of(2L, 5L), speech.stream().map(RelatedIndex.Match::id).toList());
        assertTrue(speech.get(0).sharedTerms().stream().anyMatch(t -> t.contains("speech")), speech.toString());
        assertEquals(3L, index.similarTo(4, 1, Set.of()).get(0).id());
        assertTrue(index.similarTo(1, 10, Set.of()).stream().noneMatch(m -> m.id() == 1));
    }

    @Test
    void excludedAndUnknownPapersAreLeftOut() {
        RelatedIndex index = RelatedIndex.build(Method.CHOSEN, DOCS);
        assertTrue(index.similarTo(1, 10, Set.of(2L)).stream().noneMatch(m -> m.id() == 2));
        assertEquals(List.of(), index.similarTo(99, 5, Set.of()));
    }

    @Test
    void theReasonNamesAPhraseOnceNotAlsoItsWords() {
        RelatedIndex index = RelatedIndex.build(Method.CHOSEN, DOCS);
        List<String> reason = index.similarTo(3, 1, Set.of()).get(0).sharedTerms();
        assertTrue(reason.size() <= 4 && !reason.isEmpty(), reason.toString());
        for (String term : reason) {
            for (String other : reason) {
                assertTrue(term.equals(other) || !List.of(other.split("[ -]")).containsAll(List.of(term.split("[ -]"))),
                        term + " is already said by " + other + " in " + reason);
            }
        }
    }

    @Test
    void suggestionsFollowLikedPapersAndMoveAwayFromDislikedOnes() {
        RelatedIndex index = RelatedIndex.build(Method.CHOSEN, DOCS);
        List<RelatedIndex.Suggestion> liked = index.recommend(Map.of(1L, 1.0), 3, Set.of());
        assertEquals(2L, liked.get(0).id());
        assertEquals(1L, liked.get(0).because());
        assertTrue(liked.stream().noneMatch(s -> s.id() == 1), "a liked paper is not suggested again");

        List<RelatedIndex.Suggestion> withoutFive = index.recommend(Map.of(1L, 1.0, 5L, -0.6), 3, Set.of());
        assertTrue(withoutFive.stream().noneMatch(s -> s.id() == 5));
        assertTrue(index.recommend(Map.of(1L, 1.0), 5, Set.of(2L)).stream().noneMatch(s -> s.id() == 2));
    }

    @Test
    void theSameInputGivesTheSameLists() {
        RelatedIndex a = RelatedIndex.build(Method.CHOSEN, DOCS);
        RelatedIndex b = RelatedIndex.build(Method.CHOSEN, DOCS);
        for (RelatedIndex.Doc doc : DOCS) {
            assertEquals(a.similarTo(doc.id(), 5, Set.of()), b.similarTo(doc.id(), 5, Set.of()));
        }
    }
}
