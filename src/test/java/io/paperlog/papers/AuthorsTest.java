package io.paperlog.papers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class AuthorsTest {

    @Test
    void splitsOnSemicolonsAndKeepsTheOrder() {
        assertEquals(List.of("Tom B. Brown", "Benjamin Mann", "Nick Ryder"),
                Authors.split("Tom B. Brown; Benjamin Mann;  Nick Ryder ;"));
        assertEquals(List.of(), Authors.split(""));
        assertEquals(List.of(), Authors.split(null));
    }

    @Test
    void upToThreeNamesAreShownWhole() {
        assertEquals("OpenAI", Authors.shortened(List.of("OpenAI")));
        assertEquals("Ada Lovelace and Alan Turing", Authors.shortened(List.of("Ada Lovelace", "Alan Turing")));
        assertEquals("A, B and C", Authors.shortened(List.of("A", "B", "C")));
    }

    @Test
    void longerListsKeepTheFirstTwoAndTheLast() {
        assertEquals("A, B, … E", Authors.shortened(List.of("A", "B", "C", "D", "E")));
        assertEquals("A, B, C, D and E", Authors.full(List.of("A", "B", "C", "D", "E")));
    }

    @Test
    void aListCutShortWithEtAlSaysSoInsteadOfNamingALastAuthor() {
        List<String> cut = List.of("Abhimanyu Dubey", "Abhinav Jauhri", "Abhinav Pandey", "Naman Goyal", "et al.");
        assertEquals("Abhimanyu Dubey, Abhinav Jauhri et al.", Authors.shortened(cut));
        assertEquals("Abhimanyu Dubey, Abhinav Jauhri, Abhinav Pandey, Naman Goyal et al.", Authors.full(cut));
    }
}
