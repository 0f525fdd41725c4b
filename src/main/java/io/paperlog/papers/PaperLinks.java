package io.paperlog.papers;

/**
 * Where a paper can be read: its arXiv abstract page and PDF, its DOI, and the web address it was added with;
 * each null when the paper has none.
 */
public record PaperLinks(String arxivAbstract, String arxivPdf, String doi, String web) {

    static PaperLinks of(Paper paper) {
        String arxiv = paper.arxivId();
        return new PaperLinks(arxiv == null ? null : "https://arxiv.org/abs/" + arxiv,
                arxiv == null ? null : "https://arxiv.org/pdf/" + arxiv,
                paper.doi() == null ? null : "https://doi.org/" + paper.doi(),
                paper.url());
    }

    public boolean any() {
        return arxivAbstract != null || doi != null || web != null;
    }
}
