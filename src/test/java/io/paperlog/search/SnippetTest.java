package io.paperlog.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class SnippetTest {

    @Test
    void marksTheMatchingWordsFoldedAndKeepsFormulasWhole() {
        Snippet s = Snippet.of("Łukasz reduces $O(L^2)$ attention to <b>linear</b> attentions", List.of("lukasz", "attention"), 200);
        assertEquals("<mark>Łukasz</mark> reduces <span class=\"math\">O(L^2)</span> <mark>attention</mark> to "
                + "&lt;b&gt;linear&lt;/b&gt; <mark>attentions</mark>", s.html());
        assertEquals("Łukasz reduces $O(L^2)$ attention to <b>linear</b> attentions", s.text());
    }

    @Test
    void aLongTextIsCutAroundTheFirstMatchAtWordsNeverInsideAFormula() {
        String text = "word ".repeat(100) + "$x_{long formula}$ needle " + "tail ".repeat(100);
        Snippet s = Snippet.of(text, List.of("needle"), 60);
        assertTrue(s.html().startsWith("…") && s.html().endsWith("…"), s.html());
        assertTrue(s.html().contains("<mark>needle</mark>"));
        assertFalse(s.html().contains("$"), "a formula is shown whole or not at all: " + s.html());
        assertEquals(s.html().indexOf("<span"), s.html().lastIndexOf("<span"));
    }

    @Test
    void markdownIsReadAsItsWords() {
        assertEquals("Locality-sensitive hashing replaces attention: a quote code",
                Snippet.markdownWords("**Locality-sensitive hashing** replaces attention:\n> a quote\n- `code`"));
    }
}
