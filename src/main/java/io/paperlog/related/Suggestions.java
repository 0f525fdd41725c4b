package io.paperlog.related;

import io.paperlog.papers.Paper;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What one person should read next: papers like those they read and rated highly (weighted by the rating), less
 * like those they rated low, abandoned or said they are not interested in; never one they have read, are reading,
 * abandoned or turned down. Without a liked paper yet, or when too few papers are alike, the most cited papers fill
 * the list.
 */
final class Suggestions {

    static final int SHOWN = 10;
    /** How much "not interested" pushes papers like that one down, as a rating's weight. */
    static final double NOT_INTERESTED = -0.6;

    /** The list, the papers turned down (to undo), and how many liked papers it follows (0: the most cited). */
    record ForPerson(List<RelatedPaper> papers, List<RelatedPaper> turnedDown, int likedPapers) {}

    private final RelatedPapers related;
    private final RelatedStore store;

    Suggestions(RelatedPapers related, RelatedStore store) {
        this.related = related;
        this.store = store;
    }

    ForPerson forPerson(long userId) {
        Set<Long> turnedDown = store.notInterested(userId);
        Set<Long> excluded = new HashSet<>(turnedDown);
        Set<Long> wanted = new HashSet<>();
        Map<Long, Double> weights = new HashMap<>();
        for (RelatedStore.Reading reading : store.reading(userId)) {
            switch (reading.status()) {
                case "read", "reading", "abandoned" -> excluded.add(reading.paperId());
                case "want" -> wanted.add(reading.paperId());
                default -> { }
            }
            Double weight = weight(reading);
            if (weight != null) {
                weights.put(reading.paperId(), weight);
            }
        }
        turnedDown.forEach(id -> weights.merge(id, NOT_INTERESTED, Double::sum));
        int liked = (int) weights.values().stream().filter(w -> w > 0).count();
        List<RelatedIndex.Suggestion> found = new ArrayList<>(
                liked == 0 ? List.of() : related.recommend(weights, SHOWN, excluded));
        if (found.size() < SHOWN) {
            Set<Long> taken = new HashSet<>(excluded);
            taken.addAll(weights.keySet());
            found.forEach(s -> taken.add(s.id()));
            store.mostCited(SHOWN - found.size(), taken)
                    .forEach(id -> found.add(new RelatedIndex.Suggestion(id, 0, null, List.of())));
        }
        Set<Long> ids = new HashSet<>(turnedDown);
        found.forEach(s -> {
            ids.add(s.id());
            if (s.because() != null) {
                ids.add(s.because());
            }
        });
        Map<Long, Paper> papers = store.papers(ids).stream().collect(Collectors.toMap(Paper::id, Function.identity()));
        List<RelatedPaper> shown = found.stream().filter(s -> papers.containsKey(s.id()))
                .map(s -> RelatedPaper.of(papers.get(s.id()), s.sharedTerms(),
                        s.because() == null ? null : papers.get(s.because()), wanted.contains(s.id())))
                .toList();
        List<RelatedPaper> down = turnedDown.stream().filter(papers::containsKey).sorted()
                .map(id -> RelatedPaper.of(papers.get(id), List.of(), null, false)).toList();
        return new ForPerson(shown, down, liked);
    }

    /**
     * A paper's say in the suggestions: by its rating, 5 stars +1 down to half a star −0.8 (2.5 stars: none);
     * unrated, +0.2 when read, −0.3 when abandoned.
     */
    static Double weight(RelatedStore.Reading reading) {
        if (reading.halves() != null) {
            return (reading.halves() - 5) / 5.0;
        }
        return switch (reading.status()) {
            case "read" -> 0.2;
            case "abandoned" -> -0.3;
            default -> null;
        };
    }
}
