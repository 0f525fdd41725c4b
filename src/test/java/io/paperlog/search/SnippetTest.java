package io.paperlog.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paperlog.db.Database;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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

    @Test
    void aCutNextToAnEscapeShorterThanItsSourceIsSafe() {
        // "\\%" is two characters of source and one of text: cutting inside it once answered a 500
        String text = "We apply prefix-tuning to BART for summarization. We find that by learning only 0.1\\% of the"
                + " parameters, prefix-tuning obtains comparable performance.";
        for (int max = 1; max <= text.length() + 10; max++) {
            Snippet s = Snippet.of(text, List.of("summ"), max);
            assertFalse(s.text().contains("\\%"), "the escape is shown as its character: " + s.text());
        }
        assertTrue(Snippet.of(text, List.of("summ"), 200).text().contains("0.1%"));
    }

    @Test
    void everySeededAbstractAndTitleGivesASnippetAtEveryLength(@TempDir Path folder) {
        List<String> texts;
        try (Database db = Database.open(folder.resolve("s.db"), 1)) {
            texts = db.read().fetch("SELECT title, abstract FROM paper")
                    .stream().flatMap(r -> java.util.stream.Stream.of(r.get(0, String.class), r.get(1, String.class))).toList();
        }
        assertEquals(200, texts.size());
        for (String text : texts) {
            for (List<String> words : List.of(List.of("summ"), List.of("attention", "model"), List.<String>of())) {
                for (int max : new int[] {1, 7, 40, 80, 160, 240, 1000}) {
                    Snippet s = Snippet.of(text, words, max);
                    assertFalse(s.text().isEmpty() && !text.isEmpty());
                }
            }
        }
    }
}
