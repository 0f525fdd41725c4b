package io.paperlog.related;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Term vectors of every paper, built at once from their titles and abstracts, with postings that compare one paper
 * with all others in time proportional to the papers sharing a term with it; and, for the smoothing of
 * {@link Method}, each paper's nearest neighbours. Immutable: another set of papers makes another index.
 */
public final class RelatedIndex {

    /** What a paper is compared by. */
    public record Doc(long id, String title, String abstractText) {}

    /** A paper like another, how much, and the words they share, strongest first. */
    public record Match(long id, double score, List<String> sharedTerms) {}

    /** A suggestion for a person: the paper, its score, the liked paper it is most like and the words they share. */
    public record Suggestion(long id, double score, Long because, List<String> sharedTerms) {}

    private static final int REASON_TERMS = 4;
    /** The feedback vector keeps its strongest terms only: the rest weigh little and cost the most to compare. */
    private static final int FEEDBACK_TERMS = 100;

    private final Method method;
    private final long[] ids;
    private final Map<Long, Integer> positions = new HashMap<>();
    private final List<String> surfaces = new ArrayList<>();
    private final Set<Integer> wholeWords = new HashSet<>();
    private final Vector[] text;
    private final Map<Integer, List<Posting>> textPostings = new HashMap<>();
    private final Vector[] neighbourhoods;
    private final Map<Integer, List<Posting>> neighbourPostings = new HashMap<>();

    /** A sparse unit vector: term (or paper) numbers in increasing order and their weights. */
    private record Vector(int[] keys, double[] weights) {
        static final Vector EMPTY = new Vector(new int[0], new double[0]);

        double weight(int key) {
            int at = Arrays.binarySearch(keys, key);
            return at < 0 ? 0 : weights[at];
        }
    }

    private record Posting(int doc, double weight) {}

    private RelatedIndex(Method method, List<Doc> docs) {
        this.method = method;
        this.ids = docs.stream().mapToLong(Doc::id).toArray();
        for (int i = 0; i < ids.length; i++) {
            positions.put(ids[i], i);
        }
        Analyzer analyzer = method.analyzer();
        Map<String, Integer> vocabulary = new HashMap<>();
        List<Map<String, Integer>> surfaceCounts = new ArrayList<>();
        List<Map<Integer, Double>> counts = new ArrayList<>();
        for (Doc doc : docs) {
            Map<Integer, Double> tf = new HashMap<>();
            add(tf, analyzer.terms(doc.title()), method.titleWeight(), vocabulary, surfaceCounts);
            add(tf, analyzer.terms(doc.abstractText()), 1, vocabulary, surfaceCounts);
            counts.add(tf);
        }
        surfaceCounts.forEach(forms -> surfaces.add(mostFrequent(forms)));
        this.text = weigh(counts);
        for (int d = 0; d < text.length; d++) {
            index(text[d], d, textPostings);
        }
        this.neighbourhoods = new Vector[ids.length];
        if (method.neighbours() > 0) {
            for (int d = 0; d < ids.length; d++) {
                neighbourhoods[d] = neighbourhood(d, lexical(d));
                index(neighbourhoods[d], d, neighbourPostings);
            }
        }
    }

    public static RelatedIndex build(Method method, List<Doc> docs) {
        return new RelatedIndex(method, docs);
    }

    public int size() {
        return ids.length;
    }

    /**
     * The {@code limit} papers most like paper {@code id} (never itself, never one of {@code excluded}), best
     * first; nothing for a paper the index does not hold.
     */
    public List<Match> similarTo(long id, int limit, Set<Long> excluded) {
        Integer doc = positions.get(id);
        if (doc == null) {
            return List.of();
        }
        double[] scores = similarities(doc);
        List<Match> matches = new ArrayList<>();
        for (int d : best(scores, limit, index -> index == doc || excluded.contains(ids[index]))) {
            matches.add(new Match(ids[d], scores[d], shared(doc, d)));
        }
        return matches;
    }

    /**
     * Papers for someone who liked some papers and not others: each paper's score is the sum, over the weighted
     * papers, of weight × its similarity to that paper, so a negative weight pushes papers like that one down. The
     * weighted papers themselves and {@code excluded} are never suggested.
     */
    public List<Suggestion> recommend(Map<Long, Double> weights, int limit, Set<Long> excluded) {
        double[] total = new double[ids.length];
        int[] because = new int[ids.length];
        double[] strongest = new double[ids.length];
        Arrays.fill(because, -1);
        Set<Integer> seeds = new HashSet<>();
        weights.forEach((id, weight) -> {
            Integer seed = positions.get(id);
            if (seed == null || weight == 0) {
                return;
            }
            seeds.add(seed);
            double[] scores = similarities(seed);
            for (int d = 0; d < ids.length; d++) {
                double contribution = weight * scores[d];
                total[d] += contribution;
                if (contribution > strongest[d]) {
                    strongest[d] = contribution;
                    because[d] = seed;
                }
            }
        });
        List<Suggestion> suggestions = new ArrayList<>();
        for (int d : best(total, limit, index -> seeds.contains(index) || excluded.contains(ids[index]))) {
            suggestions.add(because[d] < 0 ? new Suggestion(ids[d], total[d], null, List.of())
                    : new Suggestion(ids[d], total[d], ids[because[d]], shared(because[d], d)));
        }
        return suggestions;
    }

    /** How alike every paper is to paper {@code doc}: the lexical score, mixed with the neighbourhoods' likeness. */
    private double[] similarities(int doc) {
        double[] scores = lexical(doc);
        if (method.neighbours() > 0) {
            double[] near = dot(neighbourhoods[doc], neighbourPostings);
            for (int d = 0; d < scores.length; d++) {
                scores[d] = (1 - method.smoothing()) * scores[d] + method.smoothing() * near[d];
            }
        }
        return scores;
    }

    /** Cosine of the term vectors, after one round of feedback when the method asks for it. */
    private double[] lexical(int doc) {
        double[] scores = dot(text[doc], textPostings);
        if (method.feedbackDocs() > 0) {
            scores = dot(withFeedback(doc, scores), textPostings);
        }
        return scores;
    }

    /** The paper's vector moved towards the score-weighted mean of its nearest papers, back to unit length. */
    private Vector withFeedback(int doc, double[] scores) {
        List<Integer> nearest = best(scores, method.feedbackDocs(), index -> index == doc);
        double mass = nearest.stream().mapToDouble(d -> scores[d]).sum();
        if (mass <= 0) {
            return text[doc];
        }
        Map<Integer, Double> sum = new HashMap<>();
        addTo(sum, text[doc], 1);
        for (int d : nearest) {
            addTo(sum, text[d], method.feedbackWeight() * scores[d] / mass);
        }
        if (sum.size() > FEEDBACK_TERMS) {
            List<Integer> weakest = new ArrayList<>(sum.keySet());
            weakest.sort(Comparator.<Integer>comparingDouble(sum::get).thenComparing(Comparator.reverseOrder()));
            weakest.subList(0, sum.size() - FEEDBACK_TERMS).forEach(sum::remove);
        }
        return unit(sum);
    }

    /** The paper itself and its nearest papers, weighted by how near they are: what smoothing compares. */
    private Vector neighbourhood(int doc, double[] scores) {
        Map<Integer, Double> near = new HashMap<>();
        near.put(doc, 1.0);
        for (int d : best(scores, method.neighbours(), index -> index == doc)) {
            near.put(d, scores[d]);
        }
        return unit(near);
    }

    private interface Skip {
        boolean test(int index);
    }

    /** The positions of the {@code limit} highest positive scores, highest first, ties by id. */
    private List<Integer> best(double[] scores, int limit, Skip skip) {
        List<Integer> order = new ArrayList<>();
        for (int d = 0; d < scores.length; d++) {
            if (scores[d] > 0 && !skip.test(d)) {
                order.add(d);
            }
        }
        order.sort(Comparator.<Integer>comparingDouble(d -> -scores[d]).thenComparingLong(d -> ids[d]));
        return order.subList(0, Math.min(limit, order.size()));
    }

    /**
     * The words two papers share, by how much each adds to their likeness; a word already inside a stronger shared
     * phrase ("language" beside "language models") is left out.
     */
    private List<String> shared(int a, int b) {
        Vector va = text[a];
        Vector vb = text[b];
        List<Integer> common = new ArrayList<>();
        Map<Integer, Double> products = new HashMap<>();
        for (int i = 0; i < va.keys().length; i++) {
            double other = vb.weight(va.keys()[i]);
            if (other > 0) {
                common.add(va.keys()[i]);
                products.put(va.keys()[i], va.weights()[i] * other);
            }
        }
        common.sort(Comparator.<Integer>comparingDouble(t -> -products.get(t)).thenComparing(surfaces::get));
        List<String> chosen = new ArrayList<>();
        Set<String> words = new HashSet<>();
        for (int term : common) {
            if (!wholeWords.contains(term)) {
                continue;
            }
            String surface = surfaces.get(term);
            List<String> parts = List.of(surface.split("[ -]"));
            if (!words.containsAll(parts)) {
                chosen.removeIf(earlier -> parts.containsAll(List.of(earlier.split("[ -]"))));
                chosen.add(surface);
                words.addAll(parts);
            }
            if (chosen.size() == REASON_TERMS) {
                break;
            }
        }
        return chosen;
    }

    /** The way of writing a term that the papers use most; of equally frequent ones, the first alphabetically. */
    private static String mostFrequent(Map<String, Integer> counts) {
        String best = null;
        for (Map.Entry<String, Integer> entry : counts.entrySet()) {
            if (best == null || entry.getValue() > counts.get(best)
                    || entry.getValue().equals(counts.get(best)) && entry.getKey().compareTo(best) < 0) {
                best = entry.getKey();
            }
        }
        return best;
    }

    private void add(Map<Integer, Double> tf, List<Analyzer.Term> terms, double weight,
                            Map<String, Integer> vocabulary, List<Map<String, Integer>> surfaceCounts) {
        for (Analyzer.Term term : terms) {
            int id = vocabulary.computeIfAbsent(term.term(), t -> vocabulary.size());
            if (id == surfaceCounts.size()) {
                surfaceCounts.add(new HashMap<>());
            }
            surfaceCounts.get(id).merge(term.surface(), 1, Integer::sum);
            if (!term.part()) {
                wholeWords.add(id);
            }
            tf.merge(id, weight, Double::sum);
        }
    }

    /** TF-IDF unit vectors: (1 + ln tf) or tf, times the smoothed idf ln((1 + n) / (1 + df)) + 1. */
    private Vector[] weigh(List<Map<Integer, Double>> counts) {
        Map<Integer, Integer> df = new HashMap<>();
        counts.forEach(tf -> tf.keySet().forEach(term -> df.merge(term, 1, Integer::sum)));
        int n = counts.size();
        Vector[] vectors = new Vector[n];
        for (int d = 0; d < n; d++) {
            Map<Integer, Double> weights = new HashMap<>();
            counts.get(d).forEach((term, tf) -> weights.put(term,
                    (method.sublinearTf() ? 1 + Math.log(tf) : tf) * (Math.log((1.0 + n) / (1.0 + df.get(term))) + 1)));
            vectors[d] = unit(weights);
        }
        return vectors;
    }

    private static void index(Vector vector, int doc, Map<Integer, List<Posting>> postings) {
        for (int i = 0; i < vector.keys().length; i++) {
            postings.computeIfAbsent(vector.keys()[i], k -> new ArrayList<>()).add(new Posting(doc, vector.weights()[i]));
        }
    }

    private double[] dot(Vector query, Map<Integer, List<Posting>> postings) {
        double[] scores = new double[ids.length];
        for (int i = 0; i < query.keys().length; i++) {
            List<Posting> list = postings.get(query.keys()[i]);
            if (list != null) {
                double weight = query.weights()[i];
                for (Posting posting : list) {
                    scores[posting.doc()] += weight * posting.weight();
                }
            }
        }
        return scores;
    }

    private static void addTo(Map<Integer, Double> sum, Vector vector, double share) {
        for (int i = 0; i < vector.keys().length; i++) {
            sum.merge(vector.keys()[i], share * vector.weights()[i], Double::sum);
        }
    }

    private static Vector unit(Map<Integer, Double> weights) {
        double norm = Math.sqrt(weights.values().stream().mapToDouble(w -> w * w).sum());
        if (norm == 0) {
            return Vector.EMPTY;
        }
        int[] keys = weights.keySet().stream().mapToInt(Integer::intValue).sorted().toArray();
        double[] values = new double[keys.length];
        for (int i = 0; i < keys.length; i++) {
            values[i] = weights.get(keys[i]) / norm;
        }
        return new Vector(keys, values);
    }
}
