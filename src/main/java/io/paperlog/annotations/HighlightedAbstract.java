package io.paperlog.annotations;

import io.paperlog.papers.AbstractMarkup;
import io.paperlog.papers.AbstractMarkup.Formula;
import io.paperlog.papers.AbstractMarkup.Link;
import io.paperlog.papers.AbstractMarkup.Styled;
import io.paperlog.papers.AbstractMarkup.Text;
import io.paperlog.papers.AbstractMarkup.Token;
import io.paperlog.web.Html;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * An abstract rendered like {@link AbstractMarkup#toHtml} with each placed annotation drawn as {@code <mark>}s.
 *
 * <p>The source is cut into units: one per visible character where the rendering maps one-to-one onto the
 * source, and one indivisible unit for a formula or an escape. A mark covers every unit it touches, so a mark that
 * starts inside a formula covers the whole formula. Consecutive units of one token under the same marks form a
 * segment, drawn as {@code <span class="src" data-s data-e [data-m]>}: source range, and when the text maps
 * linearly, the source offset of its first visible character, which is what the browser needs to turn a selection
 * back into source offsets. Overlapping marks nest, outermost first, inside links and emphasis; a footnote-style
 * link after the end of each annotation points at its comment, and the first piece carries {@code id="mark-N"}
 * for the way back.
 */
public final class HighlightedAbstract {

    /** An annotation placed on the current text; {@code number} is the label its footnote and list item share. */
    public record Highlight(long id, String number, int start, int end, String colour) {}

    /** One piece of the source: its range, its visible text and, if one-to-one, where that text starts. */
    private record Unit(int start, int end, int linearAt, String visible) {}

    private static final Comparator<Highlight> NESTING = Comparator.comparingInt(Highlight::start)
            .thenComparing(Comparator.comparingInt(Highlight::end).reversed())
            .thenComparingLong(Highlight::id);

    private HighlightedAbstract() {}

    public static String render(String source, List<Highlight> marks) {
        List<Highlight> ordered = marks.stream().filter(m -> m.start() < m.end()).sorted(NESTING).toList();
        StringBuilder html = new StringBuilder(source.length() * 2 + 64 * marks.size());
        Set<Long> opened = new HashSet<>();
        for (Token token : AbstractMarkup.tokenize(source)) {
            List<Unit> units = units(source, token);
            List<Highlight> pendingRefs = new ArrayList<>();
            boolean inLink = token instanceof Link;
            openToken(html, token);
            int i = 0;
            while (i < units.size()) {
                List<Highlight> active = active(ordered, units.get(i));
                int j = i + 1;
                while (j < units.size() && active(ordered, units.get(j)).equals(active)) {
                    j++;
                }
                List<Unit> segment = units.subList(i, j);
                for (Highlight mark : active) {
                    html.append("<mark class=\"hl hl--").append(Html.escape(mark.colour()))
                            .append("\" data-annotation=\"").append(mark.id()).append('"');
                    if (opened.add(mark.id())) {
                        html.append(" id=\"mark-").append(mark.id()).append('"');
                    }
                    html.append('>');
                }
                appendSegment(html, token, segment);
                for (int k = active.size() - 1; k >= 0; k--) {
                    html.append("</mark>");
                }
                int segmentEnd = segment.get(segment.size() - 1).end();
                for (Highlight mark : active) {
                    if (mark.end() <= segmentEnd) {
                        if (inLink) {
                            pendingRefs.add(mark);
                        } else {
                            appendRef(html, mark);
                        }
                    }
                }
                i = j;
            }
            closeToken(html, token);
            for (Highlight mark : pendingRefs) {
                appendRef(html, mark);
            }
        }
        return html.toString();
    }

    /**
     * Where {@code passage} occurs in the abstract as a reader sees it (formulas as their TeX, escapes as the
     * character they stand for), as source ranges {@code [start, end)} in order of appearance.
     */
    public static List<int[]> findRendered(String source, String passage) {
        List<int[]> found = new ArrayList<>();
        if (passage.isEmpty()) {
            return found;
        }
        List<Unit> all = new ArrayList<>();
        for (Token token : AbstractMarkup.tokenize(source)) {
            all.addAll(units(source, token));
        }
        StringBuilder visible = new StringBuilder();
        List<Integer> unitOfChar = new ArrayList<>();
        for (int u = 0; u < all.size(); u++) {
            visible.append(all.get(u).visible());
            for (int k = 0; k < all.get(u).visible().length(); k++) {
                unitOfChar.add(u);
            }
        }
        String text = visible.toString();
        for (int at = text.indexOf(passage); at >= 0; at = text.indexOf(passage, at + 1)) {
            int start = all.get(unitOfChar.get(at)).start();
            int end = all.get(unitOfChar.get(at + passage.length() - 1)).end();
            if (found.isEmpty() || found.get(found.size() - 1)[0] != start) {
                found.add(new int[] {start, end});
            }
        }
        return found;
    }

    private static List<Highlight> active(List<Highlight> ordered, Unit unit) {
        List<Highlight> active = new ArrayList<>();
        for (Highlight mark : ordered) {
            if (mark.start() < unit.end() && mark.end() > unit.start()) {
                active.add(mark);
            }
        }
        return active;
    }

    private static void appendRef(StringBuilder html, Highlight mark) {
        html.append("<sup class=\"hl-ref\"><a href=\"#annotation-").append(mark.id())
                .append("\" id=\"mark-ref-").append(mark.id()).append("\" aria-label=\"Annotation ")
                .append(mark.number()).append("\">").append(mark.number()).append("</a></sup>");
    }

    private static void openToken(StringBuilder html, Token token) {
        if (token instanceof Styled styled) {
            html.append(styled.bold() ? "<strong>" : "<em>");
        } else if (token instanceof Link link) {
            html.append("<a href=\"");
            Html.escapeInto(html, link.url());
            html.append("\" rel=\"nofollow noopener noreferrer\">");
        }
    }

    private static void closeToken(StringBuilder html, Token token) {
        if (token instanceof Styled styled) {
            html.append(styled.bold() ? "</strong>" : "</em>");
        } else if (token instanceof Link) {
            html.append("</a>");
        }
    }

    private static void appendSegment(StringBuilder html, Token token, List<Unit> segment) {
        Unit first = segment.get(0);
        Unit last = segment.get(segment.size() - 1);
        StringBuilder visible = new StringBuilder();
        boolean linear = true;
        int expected = first.linearAt();
        for (Unit unit : segment) {
            visible.append(unit.visible());
            if (unit.linearAt() < 0 || unit.linearAt() != expected) {
                linear = false;
            }
            expected = unit.linearAt() + unit.visible().length();
        }
        html.append(token instanceof Formula ? "<span class=\"math src\"" : "<span class=\"src\"")
                .append(" data-s=\"").append(first.start()).append("\" data-e=\"").append(last.end()).append('"');
        if (linear) {
            html.append(" data-m=\"").append(first.linearAt()).append('"');
        }
        html.append('>');
        Html.escapeInto(html, visible);
        html.append("</span>");
    }

    /** The units of one token, covering exactly its source range. */
    private static List<Unit> units(String source, Token token) {
        List<Unit> units = new ArrayList<>();
        if (token instanceof Text text && text.text().length() == text.end() - text.start()) {
            linearUnits(units, source, text.start(), text.end(), text.start(), text.end());
        } else if (token instanceof Styled styled) {
            int bodyStart = source.indexOf('{', styled.start()) + 1;
            if (source.substring(bodyStart, styled.end() - 1).equals(styled.text())) {
                linearUnits(units, source, bodyStart, styled.end() - 1, styled.start(), styled.end());
            } else {
                units.add(new Unit(styled.start(), styled.end(), -1, styled.text()));
            }
        } else if (token instanceof Link link) {
            int bodyStart = source.startsWith("\\url{", link.start()) ? link.start() + 5 : link.start();
            int bodyEnd = bodyStart + link.url().length();
            linearUnits(units, source, bodyStart, bodyEnd, link.start(), link.end());
        } else {
            units.add(new Unit(token.start(), token.end(), -1, token.plain()));
        }
        return units;
    }

    /**
     * One unit per visible character of {@code [from, to)} (a surrogate pair stays whole); the first unit also
     * covers the syntax in {@code [tokenStart, from)} and the last the syntax in {@code [to, tokenEnd)}.
     */
    private static void linearUnits(List<Unit> units, String source, int from, int to, int tokenStart, int tokenEnd) {
        int i = from;
        while (i < to) {
            int next = Character.isHighSurrogate(source.charAt(i)) && i + 1 < to
                    && Character.isLowSurrogate(source.charAt(i + 1)) ? i + 2 : i + 1;
            int start = i == from ? tokenStart : i;
            int end = next == to ? tokenEnd : next;
            units.add(new Unit(start, end, i, source.substring(i, next)));
            i = next;
        }
    }
}
