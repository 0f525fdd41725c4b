package io.paperlog.web;

import java.util.Set;
import org.commonmark.node.CustomNode;
import org.commonmark.node.Node;
import org.commonmark.parser.beta.InlineContentParser;
import org.commonmark.parser.beta.InlineContentParserFactory;
import org.commonmark.parser.beta.InlineParserState;
import org.commonmark.parser.beta.ParsedInline;
import org.commonmark.parser.beta.Position;
import org.commonmark.parser.beta.Scanner;
import org.commonmark.renderer.NodeRenderer;
import org.commonmark.renderer.html.HtmlNodeRendererContext;
import org.commonmark.renderer.html.HtmlWriter;

/**
 * {@code $...$} in Markdown people write, drawn as abstracts draw it: a {@code <span class="math">} holding the TeX,
 * which KaTeX renders in the browser (without JavaScript the TeX shows). The formula is found before emphasis is,
 * so {@code $a_1 + b_1$} stays one formula. Pandoc's rule, as for abstracts: the opening $ is followed by a
 * non-space, the closing one follows a non-space and no digit follows it ("$5 and $6" is not a formula).
 */
final class InlineMath {

    private static final int MAX_LENGTH = 500;

    private InlineMath() {}

    /** A formula's TeX source. */
    static final class Formula extends CustomNode {
        final String tex;

        Formula(String tex) {
            this.tex = tex;
        }
    }

    static final class Factory implements InlineContentParserFactory {
        @Override
        public Set<Character> getTriggerCharacters() {
            return Set.of('$');
        }

        @Override
        public InlineContentParser create() {
            return InlineMath::parse;
        }
    }

    private static ParsedInline parse(InlineParserState state) {
        Scanner scanner = state.scanner();
        scanner.next(); // the opening $
        Position start = scanner.position();
        char first = scanner.peek();
        if (first == Scanner.END || first == '$' || Character.isWhitespace(first)) {
            return ParsedInline.none();
        }
        StringBuilder tex = new StringBuilder();
        while (scanner.hasNext() && tex.length() <= MAX_LENGTH) {
            char c = scanner.peek();
            if (c == '\\') {
                tex.append(c);
                scanner.next();
                if (scanner.hasNext()) {
                    tex.append(scanner.peek());
                    scanner.next();
                }
                continue;
            }
            if (c == '$') {
                boolean closes = !Character.isWhitespace(tex.charAt(tex.length() - 1));
                scanner.next();
                char after = scanner.peek();
                if (closes && !Character.isDigit(after)) {
                    String source = scanner.getSource(start, scanner.position()).getContent();
                    return ParsedInline.of(new Formula(source.substring(0, source.length() - 1)), scanner.position());
                }
                return ParsedInline.none();
            }
            tex.append(c);
            scanner.next();
        }
        return ParsedInline.none();
    }

    static final class Renderer implements NodeRenderer {
        private final HtmlWriter html;

        Renderer(HtmlNodeRendererContext context) {
            this.html = context.getWriter();
        }

        @Override
        public Set<Class<? extends Node>> getNodeTypes() {
            return Set.of(Formula.class);
        }

        @Override
        public void render(Node node) {
            html.raw("<span class=\"math\">");
            html.text(((Formula) node).tex);
            html.raw("</span>");
        }
    }
}
