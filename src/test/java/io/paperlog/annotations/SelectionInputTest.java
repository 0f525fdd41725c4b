package io.paperlog.annotations;

import io.paperlog.web.SafeMarkdown;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javalin.http.BadRequestResponse;
import io.paperlog.annotations.Anchoring.Selector;
import io.paperlog.annotations.AnnotationForm.Choice;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SelectionInputTest {

    static AnnotationForm form(String exact, String occurrence, String start, String end) {
        return new AnnotationForm(exact, occurrence, start, end, "", "yellow", "", "private", Map.of(), List.of());
    }

    @Test
    void aSelectionOverTwoThousandCharactersIsRefusedAndNothingElseIsChecked() {
        String text = "word ".repeat(1000);
        Map<String, String> problems = AnnotationForm.problems();
        assertNull(AnnotationRoutes.fromPosition(text, form(text.substring(0, 2001), "", "0", "2001"), problems));
        assertTrue(problems.get("exact").contains("at most 2,000"));
        Map<String, String> fine = AnnotationForm.problems();
        Selector s = AnnotationRoutes.fromPosition(text, form(text.substring(0, 2000), "", "0", "2000"), fine);
        assertTrue(fine.isEmpty());
        assertEquals(2000, s.end());
    }

    @Test
    void positionsAreCheckedAgainstTheText() {
        String text = "The quick brown fox.";
        assertThrows(BadRequestResponse.class, () -> AnnotationRoutes.fromPosition(text, form("x", "", "0", "21"), AnnotationForm.problems()));
        assertThrows(BadRequestResponse.class, () -> AnnotationRoutes.fromPosition(text, form("x", "", "4", "4"), AnnotationForm.problems()));
        assertThrows(BadRequestResponse.class, () -> AnnotationRoutes.fromPosition(text, form("slow", "", "4", "9"), AnnotationForm.problems()));
        assertThrows(BadRequestResponse.class, () -> AnnotationRoutes.fromPosition(text, form("quick", "", "4", ""), AnnotationForm.problems()));
        Selector s = AnnotationRoutes.fromPosition(text, form("quick", "", "4", "9"), AnnotationForm.problems());
        assertEquals(new Selector("quick", "The ", " brown fox.", 4, 9), s);
    }

    @Test
    void aPastedPassageThatRepeatsOffersEachOccurrenceWithContext() {
        String text = "a cat, a dog, a cat again";
        Map<String, String> problems = AnnotationForm.problems();
        List<Choice> choices = new ArrayList<>();
        assertNull(AnnotationRoutes.fromPastedPassage(text, form("a cat", "", "", ""), problems, choices));
        assertEquals(2, choices.size());
        assertEquals(", a dog, ", choices.get(1).before().substring(choices.get(1).before().length() - 9));
        Selector second = AnnotationRoutes.fromPastedPassage(text, form("a cat", "2", "", ""), AnnotationForm.problems(), new ArrayList<>());
        assertEquals(14, second.start());
        assertNull(AnnotationRoutes.fromPastedPassage(text, form("a cat", "3", "", ""), AnnotationForm.problems(), new ArrayList<>()));
    }

    @Test
    void tagsAreTrimmedLowercasedAndDeduplicated() {
        Map<String, String> problems = AnnotationForm.problems();
        assertEquals(List.of("method", "open question"), AnnotationForm.parseTags(" Method, #method,,Open   Question ", problems));
        assertTrue(problems.isEmpty());
        AnnotationForm.parseTags("x".repeat(41), problems);
        assertTrue(problems.containsKey("tags"));
        Map<String, String> many = AnnotationForm.problems();
        AnnotationForm.parseTags("a,b,c,d,e,f,g,h,i,j,k", many);
        assertTrue(many.containsKey("tags"));
    }

    @Test
    void commentsAreRenderedSafely() {
        assertEquals("<p><strong>b</strong> &lt;script&gt;alert(1)&lt;/script&gt;</p>\n",
                SafeMarkdown.toHtml("**b** <script>alert(1)</script>"));
        assertTrue(!SafeMarkdown.toHtml("[x](javascript:alert(1))").contains("javascript:"));
        assertEquals("", SafeMarkdown.toHtml("  "));
    }

    @Test
    void commentsDropDataUrls() {
        String html = SafeMarkdown.toHtml("[page](data:text/html;base64,PHNjcmlwdD4=) ![i](data:image/svg+xml,x) "
                + "[ok](https://example.org/)");
        assertFalse(html.contains("data:"), html);
        assertTrue(html.contains("href=\"https://example.org/\""), html);
    }
}
