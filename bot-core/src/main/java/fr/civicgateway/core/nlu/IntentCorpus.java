package fr.civicgateway.core.nlu;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The intent training corpus shipped in {@code nlu/intents.fr.tsv} and {@code nlu/intents.en.tsv}: one example a
 * line, {@code intent<TAB>sentence}; blank lines and lines starting with {@code #} are ignored.
 *
 * <p>The evaluation split is deterministic: within each intent and language, every fifth example (the 5th, 10th,
 * ...) in file order is held out. Training on {@link #training()} and measuring on {@link #heldOut()} therefore
 * gives the same figures on every machine; production trains on {@link #all()}.
 *
 * <p>Immutable and thread-safe. {@link #load()} throws {@link IllegalStateException} for a missing resource, an
 * unknown intent name or a malformed line, naming the file and the line, so a broken corpus fails at start-up.
 */
public final class IntentCorpus {

    static final int HOLD_OUT_EVERY = 5;
    private static final Map<Language, String> RESOURCES = Map.of(
            Language.FR, "/nlu/intents.fr.tsv",
            Language.EN, "/nlu/intents.en.tsv");

    private final List<IntentExample> all;
    private final List<IntentExample> training;
    private final List<IntentExample> heldOut;

    private IntentCorpus(List<IntentExample> all) {
        this.all = List.copyOf(all);
        List<IntentExample> train = new ArrayList<>();
        List<IntentExample> held = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (IntentExample e : all) {
            int n = seen.merge(e.intent() + "/" + e.language(), 1, Integer::sum);
            (n % HOLD_OUT_EVERY == 0 ? held : train).add(e);
        }
        this.training = List.copyOf(train);
        this.heldOut = List.copyOf(held);
    }

    /** Reads both language files from the classpath. */
    public static IntentCorpus load() {
        List<IntentExample> examples = new ArrayList<>();
        for (Language language : Language.values()) {
            examples.addAll(read(RESOURCES.get(language), language));
        }
        return new IntentCorpus(examples);
    }

    static IntentCorpus of(List<IntentExample> examples) {
        return new IntentCorpus(examples);
    }

    public List<IntentExample> all() {
        return all;
    }

    public List<IntentExample> training() {
        return training;
    }

    public List<IntentExample> heldOut() {
        return heldOut;
    }

    /** How many examples each intent has in each language, for the benchmark report. */
    public Map<Intent, Map<Language, Integer>> counts() {
        Map<Intent, Map<Language, Integer>> counts = new EnumMap<>(Intent.class);
        for (IntentExample e : all) {
            counts.computeIfAbsent(e.intent(), i -> new EnumMap<>(Language.class)).merge(e.language(), 1, Integer::sum);
        }
        return counts;
    }

    private static List<IntentExample> read(String resource, Language language) {
        InputStream in = IntentCorpus.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("intent corpus not found on the classpath: " + resource);
        }
        List<IntentExample> examples = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                int tab = line.indexOf('\t');
                if (tab < 0) {
                    throw new IllegalStateException(resource + ":" + number + ": expected intent<TAB>sentence: " + line);
                }
                String name = line.substring(0, tab).trim();
                String where = resource + ":" + number;
                Intent intent = Intent.fromApiName(name).orElseThrow(() -> new IllegalStateException(
                        where + ": unknown intent '" + name + "'"));
                examples.add(new IntentExample(intent, language, line.substring(tab + 1).trim()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read intent corpus " + resource, e);
        }
        return examples;
    }
}
