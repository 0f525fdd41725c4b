package io.paperlog.tags;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A catalogue row's tagging controls, built as a string: every value placed in them is escaped. */
class RowTagsTest {

    private static final String TITLE = "<img src=x onerror=alert(1)> \"Quoted\" & 'single'";
    private static final String BACK = "/?tag=a&sort=title\"><script>";

    @Test
    void aRowWithoutTagsHasTheCheckboxAndTheAddFormOnly() {
        String html = RowTags.of(Map.of()).html(7, "Attention", "token", "/");
        assertTrue(html.startsWith("<div class=\"row-tags\">") && html.endsWith("</details></div>"));
        assertTrue(html.contains("name=\"paper\" value=\"7\" form=\"tag-selection\" aria-label=\"Select Attention\""));
        assertFalse(html.contains("tag-chips"), "no list of tags when there is none");
        assertTrue(html.contains("action=\"/papers/7/tags\"><input type=\"hidden\" name=\"_csrf\" value=\"token\">"
                + "<input type=\"hidden\" name=\"back\" value=\"/#paper-7\">"));
    }

    @Test
    void tagsAreListedEachWithItsRemoveFormAndEveryValueIsEscaped() {
        RowTags tags = RowTags.of(Map.of(7L, List.of("été", "rlhf"), 8L, List.of("other")));
        String html = tags.html(7, TITLE, "t\"k", BACK);
        assertEquals(2, count(html, "<li class=\"tag-chip\">"));
        assertFalse(html.contains("other"), "only this paper's tags");
        assertTrue(html.contains("href=\"/tags/%C3%A9t%C3%A9\">#été</a>"));
        assertTrue(html.contains("action=\"/papers/7/tags/remove\""));
        assertTrue(html.contains("<input type=\"hidden\" name=\"tag\" value=\"rlhf\">"));
        assertTrue(html.contains("aria-label=\"Remove tag rlhf from &lt;img src=x onerror=alert(1)&gt; "
                + "&quot;Quoted&quot; &amp; &#39;single&#39;\""));
        assertTrue(html.contains("value=\"/?tag=a&amp;sort=title&quot;&gt;&lt;script&gt;#paper-7\""));
        assertTrue(html.contains("value=\"t&quot;k\""));
        assertFalse(html.contains("<img") || html.contains("<script") || html.contains("\"Quoted\""));
    }

    private static int count(String text, String part) {
        return text.split(java.util.regex.Pattern.quote(part), -1).length - 1;
    }
}
