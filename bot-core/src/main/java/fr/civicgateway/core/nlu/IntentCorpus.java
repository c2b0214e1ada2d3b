package fr.civicgateway.core.nlu;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.stream.Stream;

/**
 * The intent training corpus: for each intent, the classpath resources {@code nlu/intents/<intent>.fr.tsv} and
 * {@code nlu/intents/<intent>.en.tsv}, one example sentence a line; blank lines and lines starting with {@code #}
 * are ignored. Each intent's examples live beside its handler (bot-core's resources for the shipped ones, any jar's
 * or test's resources for another), and the gateway trains on the corpora of the intents it has handlers for
 * ({@link #load(Collection)}).
 *
 * <p>The evaluation split is deterministic: within each intent and language, every fifth example (the 5th, 10th,
 * ...) in file order is held out. Training on {@link #training()} and measuring on {@link #heldOut()} therefore
 * gives the same figures on every machine; production trains on {@link #all()}. A corpus therefore only grows at its
 * end: a line inserted, removed or moved above others would shift which sentences are held out.
 *
 * <p>Immutable and thread-safe. Loading throws {@link IllegalStateException} for an intent without any example (no
 * file in either language, or only comments), naming the resources looked for, so a broken corpus fails at start-up.
 */
public final class IntentCorpus {

    static final int HOLD_OUT_EVERY = 5;
    /** Where the corpora are, on the classpath: {@code <directory><intent>.<language>.tsv}. */
    public static final String DIRECTORY = "nlu/intents/";

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

    /**
     * The corpora of these intents, in both languages, read with the class loader of this class (the thread's
     * context class loader when it has them instead, as under a container).
     *
     * @throws IllegalStateException when an intent has no example in either language
     */
    public static IntentCorpus load(Collection<Intent> intents) {
        List<IntentExample> examples = new ArrayList<>();
        for (Intent intent : new TreeSet<>(intents.stream().map(Intent::name).toList())
                .stream().map(Intent::named).toList()) {
            List<IntentExample> ofIntent = new ArrayList<>();
            for (Language language : Language.values()) {
                ofIntent.addAll(read(resource(intent, language), intent, language));
            }
            if (ofIntent.isEmpty()) {
                throw new IllegalStateException("no training example for intent " + intent.name() + ": add "
                        + resource(intent, Language.FR) + " (and " + resource(intent, Language.EN)
                        + ") to the classpath, beside its handler");
            }
            examples.addAll(ofIntent);
        }
        return new IntentCorpus(examples);
    }

    /** Every corpus shipped in bot-core itself (the intents of the core's handlers): for tests and tools. */
    public static IntentCorpus load() {
        return load(shippedIntents());
    }

    /** The intents with a corpus file in bot-core's own resources. */
    public static Set<Intent> shippedIntents() {
        // bot-core's own directory, not the first on the class path (a test's or another jar's may come first).
        URL self = IntentCorpus.class.getResource("IntentCorpus.class");
        String own = IntentCorpus.class.getName().replace('.', '/') + ".class";
        if (self == null || !self.toString().endsWith(own)) {
            throw new IllegalStateException("cannot locate bot-core's classes: " + self);
        }
        try {
            // In a jar (bot-core's, a shaded one, or nested in the app's Spring Boot jar): its entries.
            if (self.openConnection() instanceof JarURLConnection jar) {
                Set<String> names = new TreeSet<>();
                jar.getJarFile().stream().map(JarEntry::getName)
                        .filter(n -> n.startsWith(DIRECTORY) && n.endsWith(".tsv") && n.indexOf('/', DIRECTORY.length()) < 0)
                        .forEach(n -> names.add(n.substring(DIRECTORY.length(), n.indexOf('.', DIRECTORY.length()))));
                return named(names);
            }
            String dir = self.toString().substring(0, self.toString().length() - own.length()) + DIRECTORY;
            return intentsIn(Path.of(new URI(dir)));
        } catch (URISyntaxException | IOException | RuntimeException e) {
            throw new IllegalStateException("cannot list bot-core's intent corpora (" + DIRECTORY + ") from " + self, e);
        }
    }

    private static Set<Intent> named(Set<String> names) {
        Map<String, Intent> out = new LinkedHashMap<>();
        names.forEach(n -> out.put(n, Intent.named(n)));
        return Set.copyOf(out.values());
    }

    private static Set<Intent> intentsIn(Path directory) throws IOException {
        Set<String> names = new TreeSet<>();
        try (Stream<Path> files = Files.list(directory)) {
            files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".tsv"))
                    .forEach(n -> names.add(n.substring(0, n.indexOf('.'))));
        }
        return named(names);
    }

    static String resource(Intent intent, Language language) {
        return DIRECTORY + intent.name() + "." + language.name().toLowerCase(java.util.Locale.ROOT) + ".tsv";
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
        Map<Intent, Map<Language, Integer>> counts = new java.util.TreeMap<>(java.util.Comparator.comparing(Intent::name));
        for (IntentExample e : all) {
            counts.computeIfAbsent(e.intent(), i -> new java.util.EnumMap<>(Language.class)).merge(e.language(), 1, Integer::sum);
        }
        return counts;
    }

    private static InputStream open(String resource) {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        InputStream in = context == null ? null : context.getResourceAsStream(resource);
        return in != null ? in : IntentCorpus.class.getClassLoader().getResourceAsStream(resource);
    }

    private static List<IntentExample> read(String resource, Intent intent, Language language) {
        InputStream in = open(resource);
        if (in == null) {
            return List.of();
        }
        List<IntentExample> examples = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                examples.add(new IntentExample(intent, language, line.trim()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read intent corpus " + resource, e);
        }
        return examples;
    }
}
