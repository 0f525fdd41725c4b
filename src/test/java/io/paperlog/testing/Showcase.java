package io.paperlog.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An instance filled the way a small reading group fills one, through the real pages: an admin (Ada) and two
 * teammates (Bea, Cyril) with statuses, ratings, notes, highlights and comments (some shared, with a reply), a team
 * list with a note, a session and a discussion, and a public link. {@link #pages} names every page there is to
 * look at, signed in as Ada; {@link #publicPages} those anyone may open. The browser tests that look at every
 * page (screenshots, accessibility) share it, so a new page is added here once.
 */
public final class Showcase {

    /** A page to look at: a short name for files and messages, and its path. */
    public record Page(String name, String path) {}

    private final List<Page> pages = new ArrayList<>();
    private final List<Page> publicPages = new ArrayList<>();

    private Showcase() {}

    public static Showcase fill(TestApp app) {
        Showcase showcase = new Showcase();
        showcase.build(app);
        return showcase;
    }

    public List<Page> pages() {
        return List.copyOf(pages);
    }

    public List<Page> publicPages() {
        return List.copyOf(publicPages);
    }

    private void build(TestApp app) {
        Client ada = app.admin();
        Client bea = app.member("bea", "Bea Teammate");
        Client cy = app.member("cyril", "Cyril Reader");
        String usedInvite = app.lastInvitePath();

        seeOther(ada.post("/papers/36/status", Map.of("status", "read")));
        seeOther(ada.post("/papers/36/rating", Map.of("rating", "4.5")));
        seeOther(ada.post("/papers/36/note", Map.of("body", "**Locality-sensitive hashing** replaces full attention:"
                + " $O(L \\log L)$ instead of $O(L^2)$.\n\n> Reversible layers store activations once.\n\n"
                + "Try `reformer-pytorch` next.", "base_revision", "0")));
        seeOther(ada.post("/papers/36/note", Map.of("body", "**Locality-sensitive hashing** replaces full attention:"
                + " $O(L \\log L)$ instead of $O(L^2)$.\n\n> Reversible layers store activations once.\n\n"
                + "Try `reformer-pytorch` next. Compare with Longformer.", "base_revision", "1")));
        for (String[] mark : new String[][] {{"1", "read", "5"}, {"2", "reading", null}, {"3", "want", null},
                {"5", "read", "3.5"}, {"7", "abandoned", "1.5"}, {"12", "read", "4"}, {"18", "want", null}}) {
            seeOther(ada.post("/papers/" + mark[0] + "/status", Map.of("status", mark[1])));
            if (mark[2] != null) {
                seeOther(ada.post("/papers/" + mark[0] + "/rating", Map.of("rating", mark[2])));
            }
        }
        seeOther(bea.post("/papers/36/status", Map.of("status", "reading")));
        seeOther(bea.post("/papers/1/status", Map.of("status", "read")));
        seeOther(bea.post("/papers/1/rating", Map.of("rating", "4")));
        seeOther(cy.post("/papers/36/status", Map.of("status", "want")));
        seeOther(ada.post("/next/19/not-interested", Map.of()));

        long highlight = annotate(app, ada, 36, "locality-sensitive hashing", Map.of("colour", "green"));
        long shared = annotate(app, ada, 36, "reversible residual layers", Map.of("colour", "blue",
                "body", "Memory is $O(1)$ in the number of layers, as in *RevNets*.", "visibility", "team"));
        annotate(app, bea, 36, "Transformer", Map.of("colour", "pink", "body", "Compare with Longformer.",
                "visibility", "team"));
        seeOther(bea.post("/annotations/" + shared + "/replies", Map.of("body", "The memory figures in section 5 "
                + "show it.")));
        annotate(app, ada, 1, "175 billion parameters", Map.of("colour", "yellow", "body", "GPT-$3$ scale."));
        // a quote that starts and ends inside formulas, which its quote shows whole
        annotate(app, ada, 36, "^2$) to O($L", Map.of("colour", "pink", "body", "From $O(L^2)$ to $O(L \\log L)$."));

        String list = ada.post("/lists", Map.of("name", "Thursday reading group", "visibility", "team",
                "description", "Efficient attention, one paper a week. *Bring questions.*"))
                .headers().firstValue("Location").orElseThrow();
        for (String paper : List.of("36", "1", "12", "2")) {
            seeOther(ada.post(list + "/items", Map.of("paper", paper)));
        }
        String item = list + "/items/" + app.app().database().read().fetchValue("SELECT min(id) FROM list_item");
        seeOther(ada.post(item + "/note", Map.of("note", "Start with **section 3**.")));
        seeOther(ada.post(item + "/session", Map.of("date", "2026-12-03", "presenter", "bea")));
        seeOther(bea.post(item + "/comments", Map.of("body", "The *LSH* part lost me: why $n_{rounds} = 8$?")));
        seeOther(ada.post(list + "/public", Map.of("public", "on")));
        String token = app.app().database().read()
                .fetchValue("SELECT public_token FROM reading_list WHERE public_token IS NOT NULL").toString();

        String added = ada.post("/papers", Map.of("title", "Attention Is All You Need", "authors", "Ashish Vaswani\n"
                + "Noam Shazeer\nNiki Parmar\nJakob Uszkoreit\nLlion Jones\nAidan N. Gomez\nŁukasz Kaiser\nIllia Polosukhin",
                "year", "2017", "venue", "NeurIPS 2017", "arxiv", "arXiv:1706.03762v7", "abstract", "The dominant sequence"
                + " transduction models are based on complex recurrent or convolutional neural networks. We propose the"
                + " Transformer, based solely on attention mechanisms.")).headers().firstValue("Location").orElseThrow();

        ada.apiToken("Zotero sync", "write", "90");
        seeOther(ada.post("/papers/36/tags", Map.of("tags", "efficient-attention, long-context, to-present")));
        seeOther(ada.post("/papers/1/tags", Map.of("tags", "few-shot, scaling, to-present")));
        seeOther(ada.post("/papers/12/tags", Map.of("tags", "scaling, rlhf")));
        seeOther(ada.post("/papers/2/tags", Map.of("tags", "efficient-attention")));
        String view = ada.post("/views", Map.of("target", "catalogue", "name", "To present, unread by the team",
                "query", "tag=to-present&unread_by_team=1")).headers().firstValue("Location").orElseThrow();
        ada.apiToken("Laptop script (read only)", "read", "30");

        pages.addAll(List.of(
                new Page("catalogue", "/"),
                new Page("catalogue-read", "/?status=read"),
                new Page("paper", "/papers/36"),
                new Page("paper-gpt3", "/papers/1"),
                new Page("paper-unmarked", "/papers/60"),
                new Page("paper-math-title", "/papers/85"),
                new Page("paper-new", "/papers/new"),
                new Page("search", "/search?q=attention"),
                new Page("account-import", "/account/import"),
                new Page("paper-added", added),
                new Page("paper-new", "/papers/new"),
                new Page("paper-edit", added + "/edit"),
                new Page("note-revision", "/papers/36/note/revisions/1"),
                new Page("library", "/library"),
                new Page("next", "/next"),
                new Page("stats", "/stats"),
                new Page("annotations", "/annotations"),
                new Page("annotation", "/annotations/" + highlight),
                new Page("annotation-shared", "/annotations/" + shared),
                new Page("lists", "/lists"),
                new Page("list-new", "/lists/new"),
                new Page("list", list),
                new Page("list-coverage", list + "/coverage"),
                new Page("list-settings", list + "/settings"),
                new Page("list-item", item),
                new Page("activity", "/activity"),
                new Page("notifications", "/notifications"),
                new Page("account", "/account"),
                new Page("account-tokens", "/account/tokens"),
                new Page("account-import", "/account/import"),
                new Page("admin", "/admin"),
                new Page("help", "/help"),
                new Page("search", "/search?q=attention+complexity"),
                new Page("search-note", "/search?q=hashing"),
                new Page("search-empty", "/search"),
                new Page("tags", "/tags"),
                new Page("tag", "/tags/scaling"),
                new Page("catalogue-tagged", "/?tag=efficient-attention&tag=scaling&tags_mode=any"),
                new Page("views", "/views"),
                new Page("view", view),
                new Page("not-found", "/papers/99999")));
        publicPages.addAll(List.of(
                new Page("login", "/login"),
                new Page("forgot-password", "/login/forgot"),
                new Page("invite-used", usedInvite),
                new Page("shared-list", "/shared/" + token)));
    }

    /** Highlights (and with a body, comments on) the first occurrence of {@code phrase} in the paper's abstract. */
    private static long annotate(TestApp app, Client who, long paper, String phrase, Map<String, String> extra) {
        String text = app.app().database().read().fetchValue("SELECT abstract FROM paper WHERE id = " + paper).toString();
        int at = text.indexOf(phrase);
        assertTrue(at >= 0, phrase + " is in the abstract of paper " + paper);
        Map<String, String> form = new HashMap<>(extra);
        form.put("start", String.valueOf(at));
        form.put("end", String.valueOf(at + phrase.length()));
        form.put("exact", phrase);
        HttpResponse<String> created = who.post("/papers/" + paper + "/annotations", form);
        seeOther(created);
        String location = created.headers().firstValue("Location").orElseThrow();
        return Long.parseLong(location.substring(location.indexOf("#annotation-") + "#annotation-".length()));
    }

    /** Each setup post answers 303: a refused one fails here, not later as a look at the wrong page. */
    private static void seeOther(HttpResponse<String> response) {
        assertEquals(303, response.statusCode(), response.request().method() + " " + response.request().uri().getPath()
                + " answered:\n" + response.body());
    }
}
