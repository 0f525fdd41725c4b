package io.paperlog.papers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class IdentifiersTest {

    @ParameterizedTest
    @CsvSource({
        "2005.14165, 2005.14165",
        "2005.14165v3, 2005.14165",
        "arXiv:2005.14165v2, 2005.14165",
        "ARXIV: 1706.03762, 1706.03762",
        "https://arxiv.org/abs/2005.14165, 2005.14165",
        "http://arxiv.org/pdf/2005.14165v1.pdf, 2005.14165",
        "https://www.arxiv.org/abs/2005.14165v1?context=cs, 2005.14165",
        "arxiv.org/abs/1204.1234, 1204.1234",
        "hep-th/9901001v2, hep-th/9901001",
        "https://arxiv.org/abs/math.GT/0309136, math.GT/0309136",
    })
    void arxivIdsAreNormalised(String raw, String id) {
        assertEquals(Optional.of(id), Identifiers.arxiv(raw));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "2005", "2005.141", "20051.14165", "10.1145/3560815", "https://example.org/abs/2005.14165",
        "2005.14165v", "arXiv:", "<script>", "2005.14165 2005.14166"})
    void anythingElseIsNoArxivId(String raw) {
        assertEquals(Optional.empty(), Identifiers.arxiv(raw));
    }

    @ParameterizedTest
    @CsvSource({
        "10.1145/3560815, 10.1145/3560815",
        "doi:10.18653/v1/N19-1423, 10.18653/v1/N19-1423",
        "https://doi.org/10.18653/v1/2020.acl-main.740, 10.18653/v1/2020.acl-main.740",
        "http://dx.doi.org/10.1038%2Fs41586-023-06291-2, 10.1038/s41586-023-06291-2",
        "'10.1145/3560815.', 10.1145/3560815",
    })
    void doisAreNormalised(String raw, String doi) {
        assertEquals(Optional.of(doi), Identifiers.doi(raw));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "10.1/x", "11.1145/3560815", "2005.14165", "10.1145/", "10.1145/ spaced", "doi:"})
    void anythingElseIsNoDoi(String raw) {
        assertEquals(Optional.empty(), Identifiers.doi(raw));
    }

    @Test
    void bibtexNamesReadInReadingOrder() {
        assertEquals(List.of("Jörg Müller", "Ann Smith", "Grace Hopper", "et al."),
                BibTex.names("Müller, Jörg and Ann Smith and  Hopper,Grace and others"));
    }

    @Test
    void bibtexValuesEscapeTexSpecialsOutsideMath() {
        assertEquals("R\\&D at 50\\% with $O(n_1)$ and a\\_b", BibTex.escape("R&D at 50% with $O(n_1)$ and a_b"));
        assertEquals("already 5\\% escaped", BibTex.escape("already 5\\% escaped"));
        assertEquals("an \\{unbalanced brace", BibTex.escape("an {unbalanced brace"));
        assertEquals("a lone \\$ sign", BibTex.escape("a lone $ sign"));
    }

    @Test
    void unreadableBibtexSaysWhy() {
        assertThrows(BibTex.Unreadable.class, () -> BibTex.read("@article{x, title = {" + "{".repeat(40)));
        assertThrows(BibTex.Unreadable.class, () -> BibTex.read("no entry at all"));
        assertThrows(BibTex.Unreadable.class, () -> BibTex.read("@article{a, title = {A}} @article{b, title = {B}}"));
    }
}
