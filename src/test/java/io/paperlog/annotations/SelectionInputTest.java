package io.paperlog.annotations;

import io.paperlog.web.SafeMarkdown;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paperlog.annotations.Anchoring.Selector;
import io.paperlog.web.Form;
import io.paperlog.web.UserError;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The annotation form's parsers, over forms built from plain values. */
class SelectionInputTest {

    static Form form(String exact, String occurrence, String start, String end) {
        Map<String, String> fields = new HashMap<>(Map.of("exact", exact, "start", start, "end", end));
        if (!occurrence.isEmpty()) {
            fields.put("occurrence", occurrence);
        }
        return Form.of(fields);
    }

    static void assertBadRequest(String text, Form form) {
        UserError e = assertThrows(UserError.class, () -> SelectionForm.read(form, text));
        assertEquals(400, e.status());
    }

    @Test
    void aSelectionOverTwoThousandCharactersIsRefusedAndNothingElseIsChecked() {
        String text = "word ".repeat(1000);
        Form tooLong = form(text.substring(0, 2001), "", "0", "2001");
        assertNull(SelectionForm.read(tooLong, text));
        assertTrue(tooLong.problems().get("exact").contains("at most 2,000"));
        Form fine = form(text.substring(0, 2000), "", "0", "2000");
        Selector s = SelectionForm.read(fine, text);
        assertTrue(fine.problems().isEmpty());
        assertEquals(2000, s.end());
    }

    @Test
    void positionsAreCheckedAgainstTheText() {
        String text = "The quick brown fox.";
        assertBadRequest(text, form("x", "", "0", "21"));
        assertBadRequest(text, form("x", "", "4", "4"));
        assertBadRequest(text, form("slow", "", "4", "9"));
        assertBadRequest(text, form("quick", "", "4", ""));
        assertBadRequest(text, form("quick", "", "%u0034", "9"));
        assertEquals(new Selector("quick", "The ", " brown fox.", 4, 9), SelectionForm.read(form("quick", "", "4", "9"), text));
    }

    @Test
    void aPastedPassageThatRepeatsOffersEachOccurrenceWithContext() {
        String text = "a cat, a dog, a cat again";
        Form unchosen = form("a cat", "", "", "");
        assertNull(SelectionForm.read(unchosen, text));
        assertTrue(unchosen.hasProblem("occurrence"));
        List<AnnotationFields.Choice> choices = SelectionForm.choices(text, "a cat");
        assertEquals(2, choices.size());
        assertEquals(", a dog, ", choices.get(1).before().substring(choices.get(1).before().length() - 9));
        assertEquals(14, SelectionForm.read(form("a cat", "2", "", ""), text).start());
        Form third = form("a cat", "3", "", "");
        assertNull(SelectionForm.read(third, text));
        assertTrue(third.hasProblem("occurrence"));
        assertEquals(List.of(), SelectionForm.choices(text, "a dog"), "one occurrence needs no choice");
    }

    @Test
    void tagsAreTrimmedLowercasedAndDeduplicated() {
        Form tidy = Form.of(Map.of("tags", " Method, #method,,Open   Question "));
        assertEquals(List.of("method", "open question"), AnnotationForm.read(tidy).tags());
        assertTrue(tidy.problems().isEmpty());
        Form longTag = Form.of(Map.of("tags", "x".repeat(41)));
        AnnotationForm.read(longTag);
        assertTrue(longTag.hasProblem("tags"));
        Form many = Form.of(Map.of("tags", "a,b,c,d,e,f,g,h,i,j,k"));
        AnnotationForm.read(many);
        assertTrue(many.hasProblem("tags"));
    }

    @Test
    void anUnknownColourOrVisibilityIsABadRequest() {
        assertEquals(400, assertThrows(UserError.class, () -> AnnotationForm.read(Form.of(Map.of("colour", "red")))).status());
        assertEquals(400, assertThrows(UserError.class,
                () -> AnnotationForm.read(Form.of(Map.of("visibility", "world")))).status());
        assertEquals("yellow", AnnotationForm.read(Form.of(Map.of())).colour());
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
