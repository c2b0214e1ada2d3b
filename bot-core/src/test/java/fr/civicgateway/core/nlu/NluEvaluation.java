package fr.civicgateway.core.nlu;

import java.util.List;
import java.util.Map;

/**
 * Held-out evaluation of the intent classifier: trains on {@link IntentCorpus#training()}, classifies
 * {@link IntentCorpus#heldOut()} and prints per-intent accuracy as a Markdown table (for BENCHMARKS.md).
 * Run its {@code main} from the IDE, or after {@code mvn test-compile} with the test class path.
 */
public final class NluEvaluation {

    /** Correct and total held-out examples of one intent, per language. */
    record Score(int correctFr, int totalFr, int correctEn, int totalEn) {
        int correct() {
            return correctFr + correctEn;
        }

        int total() {
            return totalFr + totalEn;
        }
    }

    record Report(Map<Intent, Score> perIntent, List<String> errors) {
        double accuracy() {
            int c = perIntent.values().stream().mapToInt(Score::correct).sum();
            int t = perIntent.values().stream().mapToInt(Score::total).sum();
            return (double) c / t;
        }
    }

    private NluEvaluation() {
    }

    static Report evaluate(IntentCorpus corpus) {
        IntentClassifier classifier = IntentClassifier.train(corpus.training());
        Map<Intent, int[]> counts = new java.util.TreeMap<>(java.util.Comparator.comparing(Intent::name));
        List<String> errors = new java.util.ArrayList<>();
        for (IntentExample e : corpus.heldOut()) {
            Intent got = classifier.rank(e.text()).getFirst().intent();
            int[] c = counts.computeIfAbsent(e.intent(), i -> new int[4]);
            int offset = e.language() == Language.FR ? 0 : 2;
            c[offset + 1]++;
            if (got == e.intent()) {
                c[offset]++;
            } else {
                errors.add(e.language().code() + " " + e.intent().apiName() + " -> " + got.apiName() + ": " + e.text());
            }
        }
        Map<Intent, Score> scores = new java.util.TreeMap<>(java.util.Comparator.comparing(Intent::name));
        counts.forEach((i, c) -> scores.put(i, new Score(c[0], c[1], c[2], c[3])));
        return new Report(scores, errors);
    }

    static String markdown(Report report, IntentCorpus corpus) {
        StringBuilder sb = new StringBuilder();
        sb.append("| intent | examples fr / en | held out | correct | accuracy fr | accuracy en | accuracy |\n");
        sb.append("|---|---:|---:|---:|---:|---:|---:|\n");
        Map<Intent, Map<Language, Integer>> sizes = corpus.counts();
        for (Map.Entry<Intent, Score> e : report.perIntent().entrySet()) {
            Score s = e.getValue();
            Map<Language, Integer> n = sizes.get(e.getKey());
            sb.append(String.format(java.util.Locale.ROOT, "| %s | %d / %d | %d | %d | %s | %s | %s |%n",
                    e.getKey().apiName(), n.getOrDefault(Language.FR, 0), n.getOrDefault(Language.EN, 0),
                    s.total(), s.correct(), pct(s.correctFr(), s.totalFr()), pct(s.correctEn(), s.totalEn()),
                    pct(s.correct(), s.total())));
        }
        int c = report.perIntent().values().stream().mapToInt(Score::correct).sum();
        int t = report.perIntent().values().stream().mapToInt(Score::total).sum();
        sb.append(String.format(java.util.Locale.ROOT, "| **all** | %d | %d | %d | | | **%s** |%n",
                corpus.all().size(), t, c, pct(c, t)));
        return sb.toString();
    }

    private static String pct(int correct, int total) {
        return total == 0 ? "–" : String.format(java.util.Locale.ROOT, "%.1f %%", 100.0 * correct / total);
    }

    public static void main(String[] args) {
        IntentCorpus corpus = IntentCorpus.load();
        Report report = evaluate(corpus);
        System.out.print(markdown(report, corpus));
        if (args.length > 0 && args[0].equals("--errors")) {
            report.errors().forEach(System.out::println);
        }
    }
}
