package fr.civicgateway.core.nlu;

import opennlp.tools.doccat.BagOfWordsFeatureGenerator;
import opennlp.tools.doccat.DoccatFactory;
import opennlp.tools.doccat.DoccatModel;
import opennlp.tools.doccat.DocumentCategorizerME;
import opennlp.tools.doccat.DocumentSample;
import opennlp.tools.doccat.FeatureGenerator;
import opennlp.tools.doccat.NGramFeatureGenerator;
import opennlp.tools.util.CollectionObjectStream;
import opennlp.tools.util.TrainingParameters;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Ranks intents for a message whose entity mentions are already replaced by placeholders: an OpenNLP document
 * categorizer over bags of folded words, word bigrams and word prefixes, trained in memory from the corpus (under
 * a second for about two thousand sentences) so that editing the corpus needs no separate model build.
 *
 * <p>The trainer is OpenNLP's naive Bayes: on the held-out split it beat maximum entropy and the perceptron by
 * about five points (short texts, few examples per intent). The system properties {@code nlu.algorithm} and
 * {@code nlu.iterations} override it for experiments.
 *
 * <p>Thread-safe: the trained {@link DoccatModel} is immutable and shared; {@link DocumentCategorizerME} keeps
 * per-call state and has no thread-safe variant in OpenNLP 2.5, so each thread gets its own over the shared model.
 *
 * <pre>{@code
 * IntentClassifier c = IntentClassifier.train(IntentCorpus.load().all());
 * c.rank("comment a vote {deputy} sur le budget").getFirst();   // REPRESENTATIVE_VOTES, 0.9...
 * }</pre>
 *
 * @see IntentCorpus
 */
public final class IntentClassifier {

    /** Numbers left in a message (years, amounts) carry no intent by their value: one feature for all. */
    static final String NUMBER = "{number}";
    private static final int PREFIX = 5;
    /**
     * Naive Bayes multiplies one likelihood per feature, so its probabilities are extreme (a message about the
     * swimming pool's opening hours scored 1.00 for find_representative). Dividing the log-probabilities by 2
     * keeps the ranking and softens the confidence: on the held-out split the mean top confidence becomes 0.92
     * when right and 0.53 when wrong (0.96 and 0.71 raw), and made-up out-of-domain messages mostly drop below
     * 0.75, which gives the dialogue a usable threshold. (Held-out log-loss alone prefers no softening, but the
     * held-out part is drawn from the same corpus as the training part, unlike real traffic.)
     */
    static final double TEMPERATURE = 2.0;

    private final ThreadLocal<DocumentCategorizerME> categorizer;
    /** The naive Bayes model's terms computed once (null for another algorithm): the per-message path. */
    private final NaiveBayesScores scores;

    /** Every intent trained, in the model's order. */
    private final List<Intent> intents;

    private IntentClassifier(DoccatModel model) {
        this.categorizer = ThreadLocal.withInitial(() -> new DocumentCategorizerME(model));
        this.scores = NaiveBayesScores.of(model);
        DocumentCategorizerME me = new DocumentCategorizerME(model);
        List<Intent> all = new ArrayList<>(me.getNumberOfCategories());
        for (int k = 0; k < me.getNumberOfCategories(); k++) {
            all.add(Intent.named(me.getCategory(k)));
        }
        this.intents = List.copyOf(all);
    }

    /** The intents this classifier ranks: those of its training examples. */
    public List<Intent> intents() {
        return intents;
    }

    /**
     * Trains on the given examples: the ranking lists every intent that has one, and only those. The
     * {@link Intent#OUT_OF_SCOPE} intent must be among them (a message without words is ranked out of scope).
     *
     * @throws IllegalArgumentException when no example is of {@link Intent#OUT_OF_SCOPE}
     */
    public static IntentClassifier train(List<IntentExample> examples) {
        List<DocumentSample> samples = new ArrayList<>(examples.size());
        boolean outOfScope = false;
        for (IntentExample e : examples) {
            outOfScope |= e.intent() == Intent.OUT_OF_SCOPE;
            samples.add(new DocumentSample(e.intent().apiName(), features(e.text())));
        }
        if (!outOfScope) {
            throw new IllegalArgumentException("no training example for intent " + Intent.OUT_OF_SCOPE);
        }
        TrainingParameters params = TrainingParameters.defaultParams();
        params.put(TrainingParameters.CUTOFF_PARAM, 1);
        params.put(TrainingParameters.ITERATIONS_PARAM, Integer.getInteger("nlu.iterations", 200));
        params.put(TrainingParameters.ALGORITHM_PARAM, System.getProperty("nlu.algorithm", "NAIVEBAYES"));
        try {
            DoccatFactory factory = new DoccatFactory(new FeatureGenerator[]{
                    new BagOfWordsFeatureGenerator(), new NGramFeatureGenerator(2, 2)});
            return new IntentClassifier(DocumentCategorizerME.train("fr", new CollectionObjectStream<>(samples),
                    params, factory));
        } catch (IOException e) {
            // the stream is in memory: an I/O error here is a bug, not an environment problem
            throw new UncheckedIOException("training the intent classifier failed", e);
        }
    }

    /** Every intent with its probability, best first, for a text with placeholders. */
    public List<IntentScore> rank(String textWithPlaceholders) {
        return rank(features(textWithPlaceholders));
    }

    List<IntentScore> rank(String[] features) {
        if (features.length == 0) {
            // nothing but punctuation or emoji: nothing the bot can act on
            List<IntentScore> ranking = new ArrayList<>();
            ranking.add(new IntentScore(Intent.OUT_OF_SCOPE, 1.0));
            for (Intent i : intents) {
                if (i != Intent.OUT_OF_SCOPE) {
                    ranking.add(new IntentScore(i, 0.0));
                }
            }
            return ranking;
        }
        if (scores == null) {
            return rankWithOpenNlp(features);
        }
        double[] p = soften(scores.categorize(features));
        List<IntentScore> ranking = new ArrayList<>(p.length);
        for (int k = 0; k < p.length; k++) {
            ranking.add(new IntentScore(Intent.named(scores.outcome(k)), p[k]));
        }
        ranking.sort(Comparator.comparingDouble(IntentScore::confidence).reversed());
        return ranking;
    }

    /** The same ranking through OpenNLP's own categorizer: for other algorithms, and to check the fast path. */
    List<IntentScore> rankWithOpenNlp(String[] features) {
        DocumentCategorizerME me = categorizer.get();
        double[] p = soften(me.categorize(features));
        List<IntentScore> ranking = new ArrayList<>(p.length);
        for (int k = 0; k < p.length; k++) {
            ranking.add(new IntentScore(Intent.named(me.getCategory(k)), p[k]));
        }
        ranking.sort(Comparator.comparingDouble(IntentScore::confidence).reversed());
        return ranking;
    }

    private static double[] soften(double[] p) {
        double[] out = new double[p.length];
        double max = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < p.length; k++) {
            out[k] = Math.log(Math.max(p[k], Double.MIN_NORMAL)) / TEMPERATURE;
            max = Math.max(max, out[k]);
        }
        double sum = 0;
        for (int k = 0; k < p.length; k++) {
            out[k] = Math.exp(out[k] - max);
            sum += out[k];
        }
        for (int k = 0; k < p.length; k++) {
            out[k] /= sum;
        }
        return out;
    }

    /**
     * The words, then word prefixes and a length bucket. The prefixes stand in for the French stemmer OpenNLP
     * lacks ("signaler", "signalement", "signalé" share {@code p:signa}); they go after the words so that the
     * bigram generator pairs real words (the few bigrams across the junction are harmless noise). A custom
     * {@code FeatureGenerator} would be neater but OpenNLP 2.5 only loads those from allow-listed packages.
     */
    static String[] features(String text) {
        List<Token> tokens = FoldingTokenizer.tokenize(text);
        List<String> out = new ArrayList<>(tokens.size() * 2 + 1);
        for (Token t : tokens) {
            out.add(t.isNumber() ? NUMBER : t.folded());
        }
        if (out.isEmpty()) {
            return new String[0];
        }
        for (Token t : tokens) {
            String w = t.folded();
            if (w.length() > PREFIX && !t.isPlaceholder() && !t.isNumber()) {
                out.add("p:" + w.substring(0, PREFIX));
            }
        }
        out.add("len:" + Math.min(tokens.size(), 4));
        return out.toArray(String[]::new);
    }
}
