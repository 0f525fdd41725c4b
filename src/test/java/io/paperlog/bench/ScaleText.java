package io.paperlog.bench;

import java.util.Random;

/**
 * Made-up but searchable text for {@link ScaleGenerator}: titles, abstracts, authors and notes drawn from an NLP
 * vocabulary. Common words are drawn often (a Zipf-like curve) and each paper has a topic whose words it uses more,
 * so that a search for a phrase or a topic word finds a few hundred papers, not all of them or none. Everything is
 * a function of a seed, so a paper's abstract can be made again (for annotations) without keeping it in memory.
 */
final class ScaleText {

    static final String[] GENERAL = ("model models language learning neural training data task tasks performance "
            + "results method approach show propose paper large new state art existing based using results work "
            + "evaluation benchmark benchmarks dataset datasets text representations representation baseline baselines "
            + "improve improves improvement significant experiments experimental demonstrate analysis study framework "
            + "accuracy efficient efficiency scale scaling parameters layer layers architecture objective loss fine "
            + "tuning pretrained pretraining downstream zero shot few generalization robust robustness evaluate "
            + "human annotation annotated corpus corpora multilingual english languages low resource domain domains "
            + "transfer semantic syntactic structure structured prediction inference generation generate generated "
            + "output input sequence sequences token tokens vocabulary embedding embeddings vector space similarity "
            + "metric metrics quality outperforms competitive simple effective strong weak limited open source code "
            + "release released available public systems system problem problems challenge challenging information")
            .split(" ");

    /** Topics: each paper draws a share of its words from one of these. */
    static final String[][] TOPICS = {
            "attention transformer self head heads positional encoder decoder".split(" "),
            "retrieval retriever passage passages dense sparse index augmented".split(" "),
            "translation bilingual parallel source target alignment bleu nmt".split(" "),
            "summarization summary summaries abstractive extractive rouge faithfulness".split(" "),
            "question answering reading comprehension squad open answer questions".split(" "),
            "reinforcement reward feedback preference rlhf policy alignment ppo".split(" "),
            "dialogue conversational chatbot response turns persona agent agents".split(" "),
            "speech acoustic audio asr recognition spoken phoneme waveform".split(" "),
            "vision image images visual captioning multimodal grounding pixels".split(" "),
            "sentiment opinion emotion review reviews polarity aspect stance".split(" "),
            "parsing parser dependency constituency treebank grammar trees tree".split(" "),
            "entity entities named recognition linking relation extraction knowledge".split(" "),
            "reasoning chain thought arithmetic logical symbolic step prompting".split(" "),
            "bias fairness gender social stereotypes toxicity harmful debiasing".split(" "),
            "compression distillation pruning quantization student teacher sparse tiny".split(" "),
            "code program programs synthesis execution repository completion compiler".split(" "),
            "graph graphs node nodes edges message passing gnn".split(" "),
            "contrastive siamese negatives positives clustering unsupervised sentence similarity".split(" "),
            "hallucination factual factuality calibration uncertainty confidence truthful verification".split(" "),
            "tokenization subword byte characters morphology segmentation bpe unigram".split(" ")};

    static final String[] GIVEN = ("Ada Alan Grace Lukasz Noam Ashish Yoshua Geoffrey Fei Chris Percy Diyi Emily "
            + "Yejin Dan Kyunghyun Barbara Tomas Jacob Kristina Colin Sebastian Mirella Hinrich Regina Tal Yoav "
            + "Omer Luke Mike Jason Sasha Timnit Margaret Anna Iryna Ivan Wei Jing Hao Ming Yang Xin Akiko Sara")
            .split(" ");
    static final String[] FAMILY = ("Lovelace Turing Hopper Kaiser Shazeer Vaswani Bengio Hinton Li Manning Liang "
            + "Yang Bender Choi Jurafsky Cho Plank Mikolov Devlin Toutanova Raffel Ruder Lapata Schutze Barzilay "
            + "Linzen Goldberg Levy Zettlemoyer Lewis Weston Rush Gebru Mitchell Korhonen Gurevych Titov Zhang "
            + "Wang Chen Liu Huang Aizawa Hooker Muller Garcia Nakamura Ivanova").split(" ");
    static final String[] VENUES = {"ACL", "EMNLP", "NAACL", "TACL", "NeurIPS", "ICLR", "ICML", "COLING", "EACL"};

    private static final double[] CUMULATIVE = cumulative(GENERAL.length);

    private ScaleText() {
    }

    static int topic(long paperSeed) {
        return (int) Math.floorMod(paperSeed * 2654435761L, TOPICS.length);
    }

    static String title(long seed) {
        Random random = new Random(seed * 31 + 7);
        String[] topic = TOPICS[topic(seed)];
        StringBuilder title = new StringBuilder(capitalised(topic[random.nextInt(topic.length)]));
        int words = 4 + random.nextInt(7);
        for (int i = 1; i < words; i++) {
            title.append(' ').append(random.nextInt(3) == 0 ? topic[random.nextInt(topic.length)] : general(random));
        }
        if (random.nextInt(4) == 0) {
            title.insert(0, capitalised(topic[random.nextInt(topic.length)]) + "Net: ");
        }
        return title.toString();
    }

    /** An abstract of 90 to 180 words in sentences, a share of them the paper's topic's words. */
    static String abstractOf(long seed) {
        Random random = new Random(seed * 131 + 3);
        String[] topic = TOPICS[topic(seed)];
        int words = 90 + random.nextInt(91);
        StringBuilder text = new StringBuilder(words * 8);
        int sentence = 0;
        for (int i = 0; i < words; i++) {
            String word = random.nextInt(4) == 0 ? topic[random.nextInt(topic.length)] : general(random);
            if (sentence == 0) {
                text.append(capitalised(word));
            } else {
                text.append(' ').append(word);
            }
            sentence++;
            if (sentence > 8 && random.nextInt(6) == 0 || i == words - 1) {
                text.append(random.nextInt(12) == 0 ? " with $O(n^2)$ cost." : ".");
                if (i < words - 1) {
                    text.append(' ');
                }
                sentence = 0;
            }
        }
        return text.toString();
    }

    static String authors(Random random) {
        int count = 1 + random.nextInt(6);
        StringBuilder authors = new StringBuilder();
        for (int i = 0; i < count; i++) {
            if (i > 0) {
                authors.append("; ");
            }
            authors.append(GIVEN[random.nextInt(GIVEN.length)]).append(' ').append(FAMILY[random.nextInt(FAMILY.length)]);
        }
        return authors.toString();
    }

    /** A Markdown note: a heading, a few bullets with emphasis, sometimes math and a link. */
    static String note(Random random, long paperSeed) {
        String[] topic = TOPICS[topic(paperSeed)];
        StringBuilder note = new StringBuilder("## Summary\n\n");
        int bullets = 1 + random.nextInt(5);
        for (int i = 0; i < bullets; i++) {
            note.append("- ").append(capitalised(general(random))).append(" *").append(topic[random.nextInt(topic.length)])
                    .append("* ").append(general(random)).append(' ').append(general(random)).append('\n');
        }
        if (random.nextInt(3) == 0) {
            note.append("\n**Key idea**: the ").append(topic[random.nextInt(topic.length)])
                    .append(" cost grows as $O(n \\log n)$ instead of $O(n^2)$.\n");
        }
        if (random.nextInt(5) == 0) {
            note.append("\nSee [the code](https://example.org/code/").append(random.nextInt(1000)).append(").\n");
        }
        return note.toString();
    }

    static String comment(Random random) {
        return switch (random.nextInt(4)) {
            case 0 -> "Is this " + general(random) + " or " + general(random) + "?";
            case 1 -> "Key claim: **" + general(random) + " " + general(random) + "**.";
            case 2 -> "Compare with the " + general(random) + " baseline.";
            default -> "Nice " + general(random) + ".";
        };
    }

    static String general(Random random) {
        double u = random.nextDouble() * CUMULATIVE[CUMULATIVE.length - 1];
        int low = 0;
        int high = CUMULATIVE.length - 1;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (CUMULATIVE[mid] < u) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return GENERAL[low];
    }

    private static double[] cumulative(int n) {
        double[] sums = new double[n];
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += 1.0 / Math.pow(i + 1, 0.8);
            sums[i] = sum;
        }
        return sums;
    }

    private static String capitalised(String word) {
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }
}
