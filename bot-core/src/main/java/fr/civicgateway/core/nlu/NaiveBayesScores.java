package fr.civicgateway.core.nlu;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import opennlp.tools.doccat.DoccatModel;
import opennlp.tools.doccat.FeatureGenerator;
import opennlp.tools.ml.model.AbstractModel;
import opennlp.tools.ml.model.Context;
import opennlp.tools.ml.naivebayes.NaiveBayesModel;

/**
 * OpenNLP's naive Bayes document categorizer with its log-likelihood terms computed once, at training, instead of at
 * every message. {@code NaiveBayesModel.eval} takes a {@code StrictMath.log} and two boxed map updates for every
 * (feature, intent) pair, so its cost grows with the number of intents (it doubled with issue 8's thirteen new ones);
 * here a message costs one table row added per feature. The result is the same to the last bit: the same terms, added
 * in the same order, then normalised as OpenNLP's {@code LogProbabilities} does — including its quirk of adding, for a
 * feature, only the terms of the intents up to the last one the feature was seen with
 * ({@code IntentClassifierTest} checks the equality over the whole corpus).
 *
 * <p>Immutable and thread-safe. Memory: one {@code double} per (feature, intent), about 3 MiB for the shipped corpus.
 */
final class NaiveBayesScores {

    private final FeatureGenerator[] generators;
    /** For each feature the model knows, the term OpenNLP adds to each outcome's log-probability. */
    private final Map<String, double[]> terms;
    private final double[] logPriors;
    private final String[] outcomes;

    private NaiveBayesScores(FeatureGenerator[] generators, Map<String, double[]> terms, double[] logPriors,
                             String[] outcomes) {
        this.generators = generators;
        this.terms = terms;
        this.logPriors = logPriors;
        this.outcomes = outcomes;
    }

    /** The precomputed form of a naive Bayes doccat model, or null for a model of another kind. */
    @SuppressWarnings("unchecked")
    static NaiveBayesScores of(DoccatModel model) {
        if (!(model.getMaxentModel() instanceof NaiveBayesModel nb)) {
            return null;
        }
        Object[] data = ((AbstractModel) nb).getDataStructures();
        Context[] params = (Context[]) data[0];
        Map<String, Context> pmap = (Map<String, Context>) data[1];
        String[] outcomes = (String[]) data[2];
        int n = outcomes.length;
        double[] totals = new double[n];
        for (Context c : params) {
            for (int j = 0; j < c.getOutcomes().length; j++) {
                totals[c.getOutcomes()[j]] += c.getParameters()[j];
            }
        }
        // NaiveBayesEvalParameters takes the number of predicates as the vocabulary size.
        double vocabulary = params.length;
        Map<String, double[]> terms = new HashMap<>(pmap.size() * 2);
        for (Map.Entry<String, Context> e : pmap.entrySet()) {
            int[] active = e.getValue().getOutcomes();
            double[] counts = e.getValue().getParameters();
            double[] row = new double[n];
            int ai = 0;
            for (int i = 0; i < n && ai < active.length; i++) {
                double numerator = active[ai] == i ? counts[ai++] : 0;
                row[i] = StrictMath.log(smoothed(numerator, totals[i], vocabulary));
            }
            terms.put(e.getKey(), row);
        }
        double total = 0;
        for (double t : totals) {
            total += t;
        }
        double[] logPriors = new double[n];
        for (int i = 0; i < n; i++) {
            logPriors[i] = StrictMath.log(totals[i] / total);
        }
        return new NaiveBayesScores(model.getFactory().getFeatureGenerators(), terms, logPriors, outcomes);
    }

    /** As NaiveBayesModel's Lidstone smoothing. */
    private static double smoothed(double numerator, double denominator, double vocabulary) {
        final double delta = 0.05;
        return (numerator + delta) / (denominator + delta * vocabulary);
    }

    String outcome(int k) {
        return outcomes[k];
    }

    int size() {
        return outcomes.length;
    }

    /** The probability of each outcome for a document's tokens, as {@code DocumentCategorizerME.categorize} gives it. */
    double[] categorize(String[] tokens) {
        int n = outcomes.length;
        double[] log = new double[n];
        Map<String, Object> none = Collections.emptyMap();
        for (FeatureGenerator g : generators) {
            for (String feature : g.extractFeatures(tokens, none)) {
                double[] row = terms.get(feature);
                if (row != null) {
                    for (int i = 0; i < n; i++) {
                        log[i] += row[i];
                    }
                }
            }
        }
        double highest = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            log[i] += logPriors[i];
            highest = Math.max(highest, log[i]);
        }
        double sum = 0;
        double[] p = new double[n];
        for (int i = 0; i < n; i++) {
            p[i] = StrictMath.exp(log[i] - highest);
            sum += p[i];
        }
        if (sum > Double.MIN_VALUE) {
            for (int i = 0; i < n; i++) {
                p[i] /= sum;
            }
        }
        return p;
    }
}
