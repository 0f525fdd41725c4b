package io.paperlog.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paperlog.search.SearchQuery.Rated;
import io.paperlog.search.SearchQuery.Scope;
import io.paperlog.search.SearchQuery.Status;
import io.paperlog.search.SearchQuery.Years;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SearchQueryTest {

    private static String fts(String typed) {
        return SearchQuery.parse(typed).matchExpression();
    }

    @Test
    void wordsMustAllMatchAndTheLastIsAPrefixWhileTyping() {
        assertEquals("(\"attention\") AND (\"is\") AND ((\"all\" OR \"all\"*))", fts("attention is all"));
        assertEquals("(\"attention\") AND ((\"is\" OR \"is\"*))", fts("attention is"));
        assertEquals("(\"attention\") AND (\"is\")", fts("attention is "));
    }

    @Test
    void phrasesExclusionsAndOr() {
        assertEquals("(\"in-context learning\")", fts("\"in-context learning\""));
        assertEquals("(\"bert\" OR \"GPT\") AND (\"probing\") NOT \"vision\" NOT \"image models\"",
                fts("bert or GPT probing -vision -\"image models\""));
        assertEquals("(\"lora\") NOT \"quantized\"", fts("lora not quantized"));
        assertEquals("(\"a\") AND ((\"bc\" OR \"bc\"*))", fts("a and bc"));
    }

    @Test
    void filtersAreReadAndLeftOutOfTheWords() {
        SearchQuery q = SearchQuery.parse("status:read rated:>=4 year:2020..2022 author:vaswani in:notes #rlhf attention");
        assertEquals(Set.of(Status.READ), q.statuses());
        assertEquals(new Rated(">=", 8), q.rated());
        assertEquals(new Years(2020, 2022), q.years());
        assertEquals(List.of(new SearchQuery.Term("vaswani", false)), q.authors());
        assertEquals(Set.of(Scope.NOTES), q.scopes());
        assertEquals(List.of("rlhf"), q.tags());
        assertEquals("((\"attention\" OR \"attention\"*))", q.matchExpression());
        assertEquals("{authors} : \"vaswani\"*", SearchQuery.authorExpression(q.authors().get(0)));
        assertEquals(new Years(2021, 2021), SearchQuery.parse("year:2021").years());
        assertEquals(new Years(2019, null), SearchQuery.parse("year:2019..").years());
        assertEquals(new Years(null, 2019), SearchQuery.parse("year:<2020").years());
        assertEquals(new Rated("=", 7), SearchQuery.parse("rated:3.5").rated());
        assertEquals("{authors} : \"Lukasz Kaiser\"",
                SearchQuery.authorExpression(SearchQuery.parse("author:\"Łukasz Kaiser\"").authors().get(0)));
    }

    @Test
    void aFilterThatMakesNoSenseIsSaidAndLeftOut() {
        SearchQuery q = SearchQuery.parse("status:maybe rated:lots year:soon in:everything llama");
        assertTrue(q.statuses().isEmpty());
        assertNull(q.rated());
        assertNull(q.years());
        assertEquals(4, q.ignored().size());
        assertEquals("((\"llama\" OR \"llama\"*))", q.matchExpression());
        assertEquals("((\"foo:bar\" OR \"foo:bar\"*))", fts("foo:bar"), "an unknown key is just text");
    }

    @Test
    void aLastWordOfOneLetterIsNotAPrefix() {
        // every word starting with "a" would be read
        assertEquals("(\"a\")", fts("a"));
        assertEquals("(\"model\") AND (\"b)\")", fts("model b)"));
        assertEquals("(\"model\") AND ((\"be\" OR \"be\"*))", fts("model be"));
    }

    @Test
    void ftsSyntaxIsAlwaysQuotedText() {
        assertEquals("(\"NEAR(a\") AND ((\"bc)\" OR \"bc)\"*))", fts("NEAR(a bc)"));
        assertEquals("(\"title\") AND ((\"xy\" OR \"xy\"*))", fts("title : xy"));
        assertEquals("(\"a*\") AND ((\"^bc\" OR \"^bc\"*))", fts("a* ^bc"));
        assertEquals("(\"x' OR 1=1; DROP TABLE paper; --\")", fts("\"x' OR 1=1; DROP TABLE paper; --\""));
        assertEquals("(\"unbalanced phrase\")", fts("\"unbalanced phrase"));
    }

    @Test
    void nothingToLookForIsNoExpression() {
        for (String typed : new String[] {"", "   ", "or", "-", "not", "and", "\"", "\"\"", "*", "🙂🙂", "-🙂", "#", ":", "OR OR"}) {
            assertNull(fts(typed), typed);
        }
        assertTrue(SearchQuery.parse("or").isEmpty());
        assertEquals("\"x\"", SearchQuery.parse("-x").excludedExpression());
        assertFalse(SearchQuery.parse("-x").hasWords());
    }

    @Test
    void accentsAndLettersWithoutDecompositionFoldAsInTheIndex() {
        assertEquals("((\"Lukasz\" OR \"Lukasz\"*))", fts("Łukasz"));
        assertEquals(List.of("lukasz", "rocktaschel", "strasse"), Folding.words("Łukasz, Rocktäschel; Straße"));
    }

    @Test
    void controlCharactersAndHalfCharactersAreSpaces() {
        assertEquals("(\"a\") AND ((\"bc\" OR \"bc\"*))", fts("a\u0000bc"));
        assertEquals("(\"a\") AND ((\"bc\" OR \"bc\"*))", fts("a\uD800bc"));
        assertEquals("(\"x y\")", fts("\"x\u0000y\""));
    }

    @Test
    void veryLongInputIsCutAndKeepsAFewTerms() {
        SearchQuery q = SearchQuery.parse("word ".repeat(3000));
        assertTrue(q.text().length() <= SearchQuery.MAX_CHARS);
        assertEquals(SearchQuery.MAX_TERMS, q.groups().size());
        String halfEmoji = "a".repeat(SearchQuery.MAX_CHARS - 1) + "🙂";
        assertFalse(Character.isHighSurrogate(SearchQuery.parse(halfEmoji).text().charAt(SearchQuery.parse(halfEmoji).text().length() - 1)));
    }
}
