package io.paperlog.related;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * The hand-made topic labels of the seeded papers ({@code related/topics.tsv}) and the graded relevance they give:
 * 2 for the same primary topic, 1 for any other shared label, 0 otherwise.
 */
record TopicLabels(Map<Long, String> primary, Map<Long, Set<String>> all) {

    static TopicLabels load() {
        try (InputStream in = TopicLabels.class.getResourceAsStream("/related/topics.tsv")) {
            Map<Long, String> primary = new HashMap<>();
            Map<Long, Set<String>> all = new HashMap<>();
            List<String> lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
            for (String line : lines) {
                if (line.startsWith("#") || line.startsWith("rank\t") || line.isBlank()) {
                    continue;
                }
                String[] cells = line.split("\t", -1);
                long rank = Long.parseLong(cells[0]);
                primary.put(rank, cells[1]);
                Set<String> labels = new LinkedHashSet<>();
                labels.add(cells[1]);
                for (String secondary : cells[2].split(",")) {
                    if (!secondary.isBlank()) {
                        labels.add(secondary.strip());
                    }
                }
                all.put(rank, labels);
            }
            return new TopicLabels(primary, all);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    int relevance(long query, long candidate) {
        if (primary.get(query).equals(primary.get(candidate))) {
            return 2;
        }
        return all.get(query).stream().anyMatch(all.get(candidate)::contains) ? 1 : 0;
    }

    /** nDCG@k of one ranked list for the query paper, against the best ordering of all other papers. */
    double ndcg(long query, List<Long> ranked, int k) {
        double dcg = 0;
        for (int i = 0; i < Math.min(k, ranked.size()); i++) {
            dcg += gain(relevance(query, ranked.get(i)), i);
        }
        List<Integer> ideal = primary.keySet().stream().filter(p -> p != query)
                .map(p -> relevance(query, p)).sorted((a, b) -> b - a).toList();
        double best = 0;
        for (int i = 0; i < Math.min(k, ideal.size()); i++) {
            best += gain(ideal.get(i), i);
        }
        return best == 0 ? 0 : dcg / best;
    }

    private static double gain(int relevance, int position) {
        return relevance / (Math.log(position + 2) / Math.log(2));
    }

    /** Mean nDCG@k over every labelled paper as the query, with the index's related lists. */
    double meanNdcg(RelatedIndex index, int k) {
        return meanNdcg((query, limit) -> index.similarTo(query, limit, Set.of()), k);
    }

    /** Mean nDCG@k over every labelled paper as the query, with the related lists {@code related} gives. */
    double meanNdcg(BiFunction<Long, Integer, List<RelatedIndex.Match>> related, int k) {
        return primary.keySet().stream()
                .mapToDouble(q -> ndcg(q, related.apply(q, k).stream().map(RelatedIndex.Match::id).toList(), k))
                .average().orElse(0);
    }
}
