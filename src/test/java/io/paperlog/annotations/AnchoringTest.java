package io.paperlog.annotations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paperlog.annotations.Anchoring.Anchor;
import io.paperlog.annotations.Anchoring.Method;
import io.paperlog.annotations.Anchoring.Selector;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AnchoringTest {

    static final String TEXT = "We propose the Transformer, a model architecture based solely on attention "
            + "mechanisms, dispensing with recurrence and convolutions entirely. Experiments show these models "
            + "to be superior in quality while being more parallelizable.";

    static Selector on(String text, String phrase) {
        int at = text.indexOf(phrase);
        return Anchoring.describe(text, at, at + phrase.length());
    }

    static String at(String text, Anchor anchor) {
        return text.substring(anchor.start(), anchor.end());
    }

    @Test
    void describeKeepsUpToThirtyTwoCharactersOfContextEachSide() {
        Selector s = on(TEXT, "attention mechanisms");
        assertEquals("attention mechanisms", s.exact());
        assertEquals(32, s.prefix().length());
        assertTrue(TEXT.contains(s.prefix() + s.exact() + s.suffix()));
        assertEquals(32, s.suffix().length());
        Selector atStart = Anchoring.describe(TEXT, 0, 2);
        assertEquals("", atStart.prefix());
        Selector atEnd = Anchoring.describe(TEXT, TEXT.length() - 1, TEXT.length());
        assertEquals("", atEnd.suffix());
        assertEquals(TEXT.length() - 1 - 32, TEXT.length() - 1 - atEnd.prefix().length());
    }

    @Test
    void describeRefusesRangesOutsideTheText() {
        assertThrows(IllegalArgumentException.class, () -> Anchoring.describe(TEXT, -1, 3));
        assertThrows(IllegalArgumentException.class, () -> Anchoring.describe(TEXT, 3, 3));
        assertThrows(IllegalArgumentException.class, () -> Anchoring.describe(TEXT, 5, 2));
        assertThrows(IllegalArgumentException.class, () -> Anchoring.describe(TEXT, 0, TEXT.length() + 1));
    }

    @Test
    void unchangedTextAnchorsAtTheStoredPosition() {
        Selector s = on(TEXT, "dispensing with recurrence");
        Anchor a = Anchoring.anchor(TEXT, s).orElseThrow();
        assertEquals(new Anchor(s.start(), s.end(), Method.POSITION), a);
    }

    @Test
    void movedTextIsFoundByTheQuote() {
        Selector s = on(TEXT, "dispensing with recurrence");
        String edited = "In this paper, we say more. " + TEXT;
        Anchor a = Anchoring.anchor(edited, s).orElseThrow();
        assertEquals(Method.QUOTE, a.method());
        assertEquals(s.start() + 28, a.start());
        assertEquals("dispensing with recurrence", at(edited, a));
    }

    @Test
    void positionOutsideAShortenedTextFallsBackToTheQuote() {
        Selector s = on(TEXT, "more parallelizable");
        String edited = TEXT.substring(60);
        Anchor a = Anchoring.anchor(edited, s).orElseThrow();
        assertEquals(Method.QUOTE, a.method());
        assertEquals("more parallelizable", at(edited, a));
    }

    @Test
    void editedQuoteIsFoundApproximately() {
        Selector s = on(TEXT, "dispensing with recurrence and convolutions entirely");
        String edited = TEXT.replace("dispensing with recurrence and convolutions entirely",
                "dispensing with recurrence and convolution entirely");
        Anchor a = Anchoring.anchor(edited, s).orElseThrow();
        assertEquals(Method.FUZZY, a.method());
        assertEquals("dispensing with recurrence and convolution entirely", at(edited, a));
    }

    @Test
    void approximateMatchSurvivesAMoveAndATypoFix() {
        String original = "Results are strong. We obtain state-of-teh-art results on GLUE.";
        Selector s = on(original, "state-of-teh-art results");
        String edited = "A new first sentence was added here. Results are strong. We obtain state-of-the-art results on GLUE.";
        Anchor a = Anchoring.anchor(edited, s).orElseThrow();
        assertEquals(Method.FUZZY, a.method());
        assertEquals("state-of-the-art results", at(edited, a));
    }

    @Test
    void quoteThatIsGoneIsAnOrphan() {
        Selector s = on(TEXT, "dispensing with recurrence and convolutions entirely");
        String rewritten = "An entirely different abstract about protein folding and nothing else whatsoever.";
        assertEquals(Optional.empty(), Anchoring.anchor(rewritten, s));
        assertEquals(Optional.empty(), Anchoring.anchor("", s));
    }

    @Test
    void tooManyEditsIsAnOrphanRatherThanAWrongPlace() {
        Selector s = on(TEXT, "attention mechanisms");
        String edited = TEXT.replace("attention mechanisms", "gated recurrences");
        assertEquals(Optional.empty(), Anchoring.anchor(edited, s));
    }

    @Test
    void shortQuotesAreNeverMatchedApproximately() {
        Selector s = on(TEXT, "We");
        assertEquals(Optional.empty(), Anchoring.anchor("Us propose", s));
        assertEquals(0, Anchoring.maxErrors(3));
        assertEquals(Anchoring.MAX_ERRORS, Anchoring.maxErrors(2000));
    }

    @Test
    void repeatedPhraseKeepsTheOccurrenceThatWasAnnotated() {
        String text = "the model is small. We train the model on books. Then the model is tested.";
        int second = text.indexOf("the model", text.indexOf("the model") + 1);
        Selector s = Anchoring.describe(text, second, second + "the model".length());
        assertEquals(second, Anchoring.anchor(text, s).orElseThrow().start());

        String shifted = "Intro. " + text;
        Anchor a = Anchoring.anchor(shifted, s).orElseThrow();
        assertEquals(Method.QUOTE, a.method());
        assertEquals(second + 7, a.start(), "the nearest occurrence, not the first");
    }

    @Test
    void repeatedPhraseFollowsItsContextWhenALongInsertionMovesIt() {
        String text = "We train the model on books. Later, after much more careful work, we evaluate the model on news.";
        int second = text.lastIndexOf("the model");
        Selector s = Anchoring.describe(text, second, second + 9);
        // a long insertion before the second occurrence puts the first one nearer the old position
        String edited = text.replace("Later,", "x".repeat(200) + " Later,");
        assertTrue(Math.abs(edited.indexOf("the model") - second) < Math.abs(edited.lastIndexOf("the model") - second));
        Anchor a = Anchoring.anchor(edited, s).orElseThrow();
        assertEquals(edited.lastIndexOf("the model"), a.start(), "prefix and suffix still match the second");
    }

    @Test
    void identicalContextsAreSettledByDistance() {
        String text = "abc the model xyz abc the model xyz";
        Selector s = new Selector("the model", "abc ", " xyz", 30, 39);
        assertEquals(22, Anchoring.anchor(text, s).orElseThrow().start());
        Selector early = new Selector("the model", "abc ", " xyz", 2, 11);
        assertEquals(4, Anchoring.anchor(text, early).orElseThrow().start());
    }

    @Test
    void overlappingAnnotationsAnchorIndependently() {
        Selector wide = on(TEXT, "based solely on attention mechanisms");
        Selector inner = on(TEXT, "attention");
        Selector crossing = on(TEXT, "mechanisms, dispensing");
        String edited = "New opening. " + TEXT;
        for (Selector s : List.of(wide, inner, crossing)) {
            Anchor a = Anchoring.anchor(edited, s).orElseThrow();
            assertEquals(s.exact(), at(edited, a));
            assertEquals(s.start() + 13, a.start());
        }
    }

    @Test
    void occurrencesCountsOverlappingRepeats() {
        assertEquals(List.of(0, 1, 2), Anchoring.occurrences("aaaa", "aa"));
        assertEquals(List.of(), Anchoring.occurrences("abc", "z"));
        assertEquals(List.of(), Anchoring.occurrences("abc", ""));
    }

    @Test
    void emptyQuoteIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new Selector("", "", "", 0, 0));
    }
}
