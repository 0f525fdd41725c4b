package io.paperlog.tracking;

import io.paperlog.web.Html;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * One person's reading figures, computed from their library (the papers they marked), the size of the catalogue,
 * and their status history, as of {@code today}.
 */
public record Stats(List<Count> finishedPerMonth, int finishedInYear, List<Count> ratingDistribution,
                    List<Count> statusBreakdown, String averageRating, int ratedCount, int streakDays,
                    int readCount, int total, String chartSvg) {

    /** A labelled figure; {@code share} is its bar length in percent of the largest figure of its group. */
    public record Count(String label, String key, int count, int share) {}

    public static Stats compute(List<TrackingStore.LibraryRow> rows, int catalogueSize,
                                List<TrackingStore.StatusEvent> events, LocalDate today) {
        // finished per month, last 12 months including this one
        YearMonth thisMonth = YearMonth.from(today);
        Map<YearMonth, Integer> perMonth = new LinkedHashMap<>();
        for (int i = 11; i >= 0; i--) {
            perMonth.put(thisMonth.minusMonths(i), 0);
        }
        int[] halves = new int[11];
        Map<Status, Integer> byStatus = new LinkedHashMap<>();
        for (Status s : Status.values()) {
            byStatus.put(s, 0);
        }
        int ratingSum = 0;
        int rated = 0;
        for (TrackingStore.LibraryRow row : rows) {
            Mark m = row.mark();
            byStatus.merge(m.status(), 1, Integer::sum);
            if (m.status() == Status.READ && m.finishedOn() != null) {
                YearMonth month = YearMonth.from(LocalDate.parse(m.finishedOn()));
                perMonth.computeIfPresent(month, (k, v) -> v + 1);
            }
            if (m.halves() != null) {
                halves[m.halves()]++;
                ratingSum += m.halves();
                rated++;
            }
        }
        List<Count> months = new ArrayList<>();
        int finishedInYear = 0;
        for (Map.Entry<YearMonth, Integer> e : perMonth.entrySet()) {
            finishedInYear += e.getValue();
            YearMonth ym = e.getKey();
            months.add(new Count(ym.getMonth().getDisplayName(TextStyle.SHORT, Locale.ENGLISH) + " " + ym.getYear(),
                    ym.toString(), e.getValue(), 0));
        }
        months = withShares(months);
        List<Count> ratings = new ArrayList<>();
        for (int h = 1; h <= 10; h++) {
            ratings.add(new Count(Stars.label(h), Stars.format(h), halves[h], 0));
        }
        int marked = rows.size() - byStatus.get(Status.NONE);
        byStatus.put(Status.NONE, catalogueSize - marked);
        List<Count> statuses = new ArrayList<>();
        for (Map.Entry<Status, Integer> e : byStatus.entrySet()) {
            statuses.add(new Count(e.getKey().getLabel(), e.getKey().getSlug(), e.getValue(), 0));
        }
        String average = rated == 0 ? "—" : String.format(Locale.ROOT, "%.1f", ratingSum / 2.0 / rated);
        return new Stats(months, finishedInYear, withShares(ratings), withShares(statuses), average, rated,
                streak(events, today), byStatus.get(Status.READ), catalogueSize, chart(months));
    }

    /**
     * Days in a row, ending today (or yesterday, when nothing has happened yet today), on which the person
     * changed the status of at least one paper.
     */
    static int streak(List<TrackingStore.StatusEvent> events, LocalDate today) {
        Set<LocalDate> days = new HashSet<>();
        for (TrackingStore.StatusEvent e : events) {
            days.add(LocalDate.parse(e.at().substring(0, 10)));
        }
        LocalDate day = days.contains(today) ? today : today.minusDays(1);
        int streak = 0;
        while (days.contains(day)) {
            streak++;
            day = day.minusDays(1);
        }
        return streak;
    }

    private static List<Count> withShares(List<Count> counts) {
        int max = counts.stream().mapToInt(Count::count).max().orElse(0);
        return counts.stream()
                .map(c -> new Count(c.label(), c.key(), c.count(), max == 0 ? 0 : Math.round(100f * c.count() / max)))
                .toList();
    }

    /**
     * A bar chart of papers finished per month, drawn for wide screens; the same numbers are in a table beside it,
     * which screen readers read and phones show as bars. A month without papers has no bar and no figure.
     */
    static String chart(List<Count> months) {
        int width = 720;
        int height = 240;
        int top = 24;
        int bottom = 36;
        int plot = height - top - bottom;
        int max = Math.max(1, months.stream().mapToInt(Count::count).max().orElse(0));
        double slot = (double) width / months.size();
        double bar = slot * 0.62;
        StringBuilder svg = new StringBuilder(4096);
        svg.append("<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ").append(width)
                .append(' ').append(height).append("\" role=\"img\" aria-labelledby=\"chart-title\">")
                .append("<title id=\"chart-title\">Papers finished per month, last 12 months</title>");
        svg.append("<line class=\"chart__axis\" x1=\"0\" x2=\"").append(width).append("\" y1=\"")
                .append(top + plot).append("\" y2=\"").append(top + plot).append("\"/>");
        for (int i = 0; i < months.size(); i++) {
            Count m = months.get(i);
            double h = m.count() == 0 ? 0 : Math.max(2, (double) plot * m.count() / max);
            double x = i * slot + (slot - bar) / 2;
            double y = top + plot - h;
            svg.append("<g class=\"chart__month\" data-month=\"").append(m.key()).append("\">");
            svg.append(String.format(Locale.ROOT,
                    "<rect class=\"chart__bar\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" rx=\"3\"/>",
                    x, y, bar, h));
            if (m.count() > 0) {
                svg.append(String.format(Locale.ROOT,
                        "<text class=\"chart__value\" x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">%d</text>",
                        x + bar / 2, y - 6, m.count()));
            }
            String[] label = m.label().split(" ");
            svg.append(String.format(Locale.ROOT,
                    "<text class=\"chart__label\" x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">", x + bar / 2,
                    top + plot + 18));
            Html.escapeInto(svg, label[0]);
            svg.append("</text>");
            if (i == 0 || label[0].equals("Jan")) {
                svg.append(String.format(Locale.ROOT,
                        "<text class=\"chart__year\" x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>",
                        x + bar / 2, top + plot + 32, label[1]));
            }
            svg.append("</g>");
        }
        svg.append("</svg>");
        return svg.toString();
    }
}
