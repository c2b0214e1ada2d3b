package fr.civicgateway.core.nlu;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Held-out evaluation of the intent classifier: trains on {@link IntentCorpus#training()}, classifies
 * {@link IntentCorpus#heldOut()} and prints per-intent accuracy as a Markdown table (for BENCHMARKS.md), with the
 * sentences held out on 2026-12-07 ({@link #EARLIER}) apart from those added since, so that a growing held-out part
 * cannot hide a loss on the sentences measured before. Run its {@code main} from the IDE, or after
 * {@code mvn test-compile} with the test class path.
 */
public final class NluEvaluation {

    /**
     * The held-out sentences of the run of 2026-12-07 (intent, language, sentence, tab-separated): they stay held out
     * for good (IntentClassifierTest), and are scored apart.
     */
    static final String EARLIER = "nlu/held-out-2026-12-07.tsv";

    /**
     * Correct and total held-out examples of one intent, per language, and among them those held out on 2026-12-07
     * ({@link #EARLIER}); the others were added since.
     */
    record Score(int correctFr, int totalFr, int correctEn, int totalEn, int correctEarlier, int totalEarlier) {
        int correct() {
            return correctFr + correctEn;
        }

        int total() {
            return totalFr + totalEn;
        }

        int correctAdded() {
            return correct() - correctEarlier;
        }

        int totalAdded() {
            return total() - totalEarlier;
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
        Set<IntentExample> earlier = earlierHeldOut();
        IntentClassifier classifier = IntentClassifier.train(corpus.training());
        Map<Intent, int[]> counts = new java.util.TreeMap<>(java.util.Comparator.comparing(Intent::name));
        List<String> errors = new java.util.ArrayList<>();
        for (IntentExample e : corpus.heldOut()) {
            Intent got = classifier.rank(e.text()).getFirst().intent();
            int[] c = counts.computeIfAbsent(e.intent(), i -> new int[6]);
            int offset = e.language() == Language.FR ? 0 : 2;
            boolean before = earlier.contains(e);
            c[offset + 1]++;
            if (before) {
                c[5]++;
            }
            if (got.equals(e.intent())) {
                c[offset]++;
                if (before) {
                    c[4]++;
                }
            } else {
                errors.add(e.language().code() + " " + e.intent().apiName() + " -> " + got.apiName()
                        + (before ? "" : " (added)") + ": " + e.text());
            }
        }
        Map<Intent, Score> scores = new java.util.TreeMap<>(java.util.Comparator.comparing(Intent::name));
        counts.forEach((i, c) -> scores.put(i, new Score(c[0], c[1], c[2], c[3], c[4], c[5])));
        return new Report(scores, errors);
    }

    /** The sentences held out on 2026-12-07 ({@link #EARLIER}), as examples. */
    static Set<IntentExample> earlierHeldOut() {
        Set<IntentExample> out = new java.util.LinkedHashSet<>();
        try (java.io.InputStream in = NluEvaluation.class.getClassLoader().getResourceAsStream(EARLIER)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + EARLIER);
            }
            for (String line : new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t", 3);
                Language language = Language.fromCode(f[1]).orElseThrow(
                        () -> new IllegalStateException("bad language in " + EARLIER + ": " + line));
                out.add(new IntentExample(Intent.named(f[0]), language, f[2]));
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out;
    }

    static String markdown(Report report, IntentCorpus corpus) {
        StringBuilder sb = new StringBuilder();
        sb.append("| intent | examples fr / en | held out | correct | accuracy fr | accuracy en | accuracy "
                + "| held out on 2026-12-07 | added since |\n");
        sb.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        Map<Intent, Map<Language, Integer>> sizes = corpus.counts();
        for (Map.Entry<Intent, Score> e : report.perIntent().entrySet()) {
            Score s = e.getValue();
            Map<Language, Integer> n = sizes.get(e.getKey());
            sb.append(String.format(java.util.Locale.ROOT, "| %s | %d / %d | %d | %d | %s | %s | %s | %s | %s |%n",
                    e.getKey().apiName(), n.getOrDefault(Language.FR, 0), n.getOrDefault(Language.EN, 0),
                    s.total(), s.correct(), pct(s.correctFr(), s.totalFr()), pct(s.correctEn(), s.totalEn()),
                    pct(s.correct(), s.total()), part(s.correctEarlier(), s.totalEarlier()),
                    part(s.correctAdded(), s.totalAdded())));
        }
        int c = report.perIntent().values().stream().mapToInt(Score::correct).sum();
        int t = report.perIntent().values().stream().mapToInt(Score::total).sum();
        int ce = report.perIntent().values().stream().mapToInt(Score::correctEarlier).sum();
        int te = report.perIntent().values().stream().mapToInt(Score::totalEarlier).sum();
        sb.append(String.format(java.util.Locale.ROOT, "| **all** | %d | %d | %d | | | **%s** | %s | %s |%n",
                corpus.all().size(), t, c, pct(c, t), part(ce, te), part(c - ce, t - te)));
        return sb.toString();
    }

    private static String pct(int correct, int total) {
        return total == 0 ? "–" : String.format(java.util.Locale.ROOT, "%.1f %%", 100.0 * correct / total);
    }

    /** "19 / 20 (95.0 %)", or a dash when there is none. */
    private static String part(int correct, int total) {
        return total == 0 ? "–" : correct + " / " + total + " (" + pct(correct, total) + ")";
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
