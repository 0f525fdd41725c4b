package io.paperlog.annotations;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.paperlog.annotations.Anchoring.Selector;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Shared annotations are numbered in the order they were made; a person's private ones are lettered. */
class AnnotationNumbersTest {

    static Annotation annotation(long id, long author, String visibility) {
        return new Annotation(id, author, "u" + author, "U" + author, 1, "Title", new Selector("x", "", "", 0, 1), "",
                "yellow", visibility, List.of(), null, "2026-01-01T00:00:0" + id + "Z", "2026-01-01T00:00:00Z");
    }

    @Test
    void sharedOnesCountUpAndPrivateOnesAreLetteredEachInOrderOfMaking() {
        Map<Long, String> numbers = AnnotationSection.numbers(List.of(annotation(1, 7, "team"),
                annotation(2, 7, "private"), annotation(3, 8, "team"), annotation(4, 7, "private")));
        assertEquals(Map.of(1L, "1", 2L, "a", 3L, "2", 4L, "b"), numbers);
    }

    @Test
    void lettersGoOnAsSpreadsheetColumnsDo() {
        assertEquals("a", AnnotationSection.letters(1));
        assertEquals("z", AnnotationSection.letters(26));
        assertEquals("aa", AnnotationSection.letters(27));
        assertEquals("az", AnnotationSection.letters(52));
        assertEquals("ba", AnnotationSection.letters(53));
        assertEquals("zz", AnnotationSection.letters(702));
        assertEquals("aaa", AnnotationSection.letters(703));
    }
}
