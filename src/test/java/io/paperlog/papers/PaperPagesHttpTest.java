package io.paperlog.papers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paperlog.testing.Client;
import io.paperlog.testing.TestApp;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PaperPagesHttpTest {

    private static final Pattern ROW_LINK = Pattern.compile("<h2 class=\"paper-row__title\"><a href=\"/papers/(\\d+)\"");

    @TempDir
    static Path folder;

    static TestApp app;
    static Client reader;

    @BeforeAll
    static void start() {
        app = TestApp.start(folder);
        reader = app.admin();
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void catalogueListsTheFirstFiftyPapersInRankOrder() {
        HttpResponse<String> response = reader.get("/");

        assertEquals(200, response.statusCode());
        assertEquals("text/html;charset=utf-8",
                response.headers().firstValue("Content-Type").orElseThrow().toLowerCase().replace(" ", ""));
        List<Long> ids = linkedIds(response.body());
        assertEquals(50, ids.size(), "a page holds fifty");
        for (int i = 0; i < 50; i++) {
            assertEquals(i + 1, ids.get(i));
        }
        assertTrue(response.body().contains("100 papers"));
        assertTrue(response.body().contains("<strong>34,015</strong> <span class=\"paper-row__citations-word\">citations"), "citations are grouped for reading");
        assertTrue(response.body().contains("Language Models are Few-Shot Learners"));
    }

    @Test
    void catalogueShowsAShortExcerptNotTheWholeAbstract() {
        String body = reader.get("/").body();
        assertTrue(body.contains("Recent work has demonstrated substantial gains"));
        assertFalse(body.contains("We discuss broader societal impacts of this finding"), "the excerpt is short");
    }

    @Test
    void catalogueSortsByCitationsDescending() {
        List<Long> ids = linkedIds(reader.get("/?sort=citations").body());
        assertEquals(50, ids.size());
        assertEquals(1L, ids.get(0));
        String body = reader.get("/?sort=citations").body() + reader.get("/?sort=citations&page=2").body();
        List<Integer> citations = new ArrayList<>();
        Matcher m = Pattern.compile("<strong>([\\d,]+)</strong> <span class=\"paper-row__citations-word\">citations").matcher(body);
        while (m.find()) {
            citations.add(Integer.parseInt(m.group(1).replace(",", "")));
        }
        assertEquals(100, citations.size());
        for (int i = 1; i < citations.size(); i++) {
            assertTrue(citations.get(i - 1) >= citations.get(i), "descending at " + i);
        }
    }

    @Test
    void catalogueSortsByTitleIgnoringCase() {
        String body = reader.get("/?sort=title").body() + reader.get("/?sort=title&page=2").body();
        List<String> titles = new ArrayList<>();
        Matcher m = Pattern.compile("<h2 class=\"paper-row__title\"><a href=\"/papers/\\d+\">(.*?)</a>").matcher(body);
        while (m.find()) {
            titles.add(m.group(1).replaceAll("<[^>]+>", ""));
        }
        assertEquals(100, titles.size());
        for (int i = 1; i < titles.size(); i++) {
            assertTrue(titles.get(i - 1).compareToIgnoreCase(titles.get(i)) <= 0,
                    titles.get(i - 1) + " before " + titles.get(i));
        }
    }

    @Test
    void unknownSortIsABadRequestWithAPage() {
        HttpResponse<String> response = reader.get("/?sort=bogus");
        assertEquals(400, response.statusCode());
        assertTrue(response.body().contains("Papers can be sorted by citations, newest, title, rating."));
        assertTrue(response.body().contains("<main"), "the error page is in the layout");
    }

    @Test
    void paperPageShowsTheFullAbstractAndFacts() {
        HttpResponse<String> response = reader.get("/papers/1");
        assertEquals(200, response.statusCode());
        String body = response.body();
        assertTrue(body.contains("Language Models are Few-Shot Learners"));
        assertTrue(body.contains("#1"));
        assertTrue(body.contains("34,015"));
        assertTrue(body.contains("We discuss broader societal impacts of this finding and of GPT-3 in general."));
        assertFalse(body.contains("rel=\"prev\""), "the first paper has no previous one");
        assertTrue(body.contains("href=\"/papers/2\" rel=\"next\""));
    }

    @Test
    void paperPageLinksToBothNeighbours() {
        String body = reader.get("/papers/50").body();
        assertTrue(body.contains("href=\"/papers/49\" rel=\"prev\""));
        assertTrue(body.contains("href=\"/papers/51\" rel=\"next\""));
        String last = reader.get("/papers/100").body();
        assertTrue(last.contains("href=\"/papers/99\" rel=\"prev\""));
        assertFalse(last.contains("rel=\"next\""));
    }

    /**
     * The page without the source-offset spans the annotations feature cuts the abstract into (see
     * io.paperlog.annotations.HighlightedAbstract), i.e. the rendering as AbstractMarkup makes it.
     */
    static String withoutSourceSpans(String html) {
        return html.replaceAll("<span class=\"math src\"(?: data-[sem]=\"\\d+\")*>", "<span class=\"math\">")
                .replaceAll("<span class=\"src\"(?: data-[sem]=\"\\d+\")*>([^<]*)</span>", "$1");
    }

    @Test
    void abstractMathAndLinksAreRenderedFromTheStoredTeX() {
        String reformer = withoutSourceSpans(reader.get("/papers/36").body());
        assertTrue(reformer.contains("<span class=\"math\">L^2</span>"), "$L^2$ becomes math");
        assertTrue(reformer.contains("<span class=\"math\">L\\log L</span>"));

        String roformer = withoutSourceSpans(reader.get("/papers/60").body());
        assertTrue(roformer.contains(
                "<a href=\"https://huggingface.co/docs/transformers/model_doc/roformer\" rel=\"nofollow noopener noreferrer\">"),
                "the url command becomes a link");

        assertTrue(withoutSourceSpans(reader.get("/papers/48").body()).contains("we present <em>the Pile</em>:"),
                "textit becomes italics");

        String lora = withoutSourceSpans(reader.get("/papers/6").body());
        assertTrue(lora.contains("<a href=\"https://github.com/microsoft/LoRA\" rel=\"nofollow noopener noreferrer\">"),
                "a bare URL is linked without the sentence's full stop");
    }

    @Test
    void titlesWithMathRenderTheirMath() {
        String body = reader.get("/papers/85").body();
        assertTrue(body.contains("GPT-<span class=\"math\">3</span>?"));
        assertTrue(body.contains("<title>What Makes Good In-Context Examples for GPT-3? · Paperlog</title>"));
    }

    @Test
    void unknownPaperIsNotFound() {
        HttpResponse<String> response = reader.get("/papers/999");
        assertEquals(404, response.statusCode());
        assertTrue(response.body().contains("There is no paper 999."));
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "-1", "0", "1.5", "99999999999999999999999", "%20"})
    void malformedPaperIdIsABadRequest(String id) {
        HttpResponse<String> response = reader.get("/papers/" + id);
        assertEquals(400, response.statusCode());
        assertTrue(response.body().contains("Paper ids are positive whole numbers"));
    }

    @Test
    void unknownPathIsANotFoundPageInTheLayout() {
        HttpResponse<String> response = reader.get("/no/such/page");
        assertEquals(404, response.statusCode());
        assertTrue(response.body().contains("Page not found"));
        assertTrue(response.body().contains("Back to the papers"));
    }

    @Test
    void everyPageCarriesTheSecurityHeaders() {
        for (String path : List.of("/", "/papers/1", "/nope")) {
            HttpResponse<String> response = reader.get(path);
            String csp = response.headers().firstValue("Content-Security-Policy").orElseThrow();
            assertTrue(csp.contains("script-src 'self'"));
            assertFalse(csp.contains("unsafe-eval"));
            assertFalse(csp.substring(csp.indexOf("script-src")).split(";")[0].contains("unsafe-inline"));
            assertTrue(csp.contains("object-src 'none'"));
            assertTrue(csp.contains("frame-ancestors 'none'"));
            assertEquals("nosniff", response.headers().firstValue("X-Content-Type-Options").orElseThrow());
            assertEquals("same-origin", response.headers().firstValue("Referrer-Policy").orElseThrow());
        }
    }

    @Test
    void pagesHaveNoInlineScript() {
        for (String path : List.of("/", "/papers/36", "/nope")) {
            String body = reader.get(path).body();
            Matcher scripts = Pattern.compile("<script([^>]*)>").matcher(body);
            while (scripts.find()) {
                assertTrue(scripts.group(1).contains("src="), "every script is a file: " + scripts.group());
            }
            assertFalse(Pattern.compile("\\son[a-z]+=", Pattern.CASE_INSENSITIVE).matcher(body).find());
        }
    }

    @Test
    void staticAssetsAreFingerprintedAndCachedForAYear() {
        String body = reader.get("/").body();
        Matcher css = Pattern.compile("href=\"(/static/css/app\\.css\\?v=[0-9a-f]{12})\"").matcher(body);
        assertTrue(css.find(), "the stylesheet URL carries a content hash");
        HttpResponse<String> asset = reader.get(css.group(1));
        assertEquals(200, asset.statusCode());
        assertTrue(asset.headers().firstValue("Cache-Control").orElseThrow().contains("max-age=31536000"));
        assertTrue(asset.headers().firstValue("Content-Type").orElseThrow().startsWith("text/css"));

        Matcher katex = Pattern.compile("src=\"(/webjars/katex/[^\"]+/katex\\.min\\.js)\"").matcher(body);
        assertTrue(katex.find());
        assertEquals(200, reader.get(katex.group(1)).statusCode());
    }

    @Test
    void pagesAnswerConditionalRequestsWithNotModified() {
        HttpResponse<String> first = reader.get("/papers/3");
        String etag = first.headers().firstValue("ETag").orElseThrow();
        HttpResponse<String> again = reader.send("GET", "/papers/3", java.util.Map.of(), java.util.Map.of("If-None-Match", etag));
        assertEquals(304, again.statusCode());
    }

    private static List<Long> linkedIds(String body) {
        List<Long> ids = new ArrayList<>();
        Matcher m = ROW_LINK.matcher(body);
        while (m.find()) {
            ids.add(Long.parseLong(m.group(1)));
        }
        return ids;
    }
}
