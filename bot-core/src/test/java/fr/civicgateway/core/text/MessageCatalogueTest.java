package fr.civicgateway.core.text;

import com.ibm.icu.text.MessagePattern;
import fr.civicgateway.core.nlu.Language;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The shipped catalogue is whole: every key in every language with the same arguments, every key used by the code,
 * every pattern formats, plurals agree with each language's rules; and an operator's override rewords a sentence or
 * stops the start-up with an error naming the file and the key.
 */
class MessageCatalogueTest {

    private static final Path RESOURCES = Path.of("src/main/resources/messages");
    /** The sources that say the sentences: the core, the channels, the assembly. */
    private static final List<Path> SOURCES = List.of(Path.of("src/main/java"), Path.of("../connectors/src/main/java"),
            Path.of("../app/src/main/java"));
    private static final Pattern BUNDLE_FILE = Pattern.compile("([a-z0-9_]+)\\.(fr|en)\\.properties");
    private static final Pattern EXACT = Pattern.compile("=\\d");
    private static final Pattern LITERAL = Pattern.compile("\"([a-z0-9_]+\\.[a-z0-9_.]*)\"");

    /** Every bundle shipped, from the file names. */
    static Set<String> shippedBundles() {
        try (Stream<Path> files = Files.list(RESOURCES)) {
            Set<String> out = new TreeSet<>();
            files.map(p -> BUNDLE_FILE.matcher(p.getFileName().toString())).filter(Matcher::matches)
                    .forEach(m -> out.add(m.group(1)));
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final MessageCatalogue ALL = MessageCatalogue.of(shippedBundles());

    @Test
    void everyBundleHasBothLanguagesWithTheSameKeysAndArguments() {
        for (String bundle : shippedBundles()) {
            for (Language l : Language.values()) {
                assertThat(RESOURCES.resolve(bundle + "." + l.code() + ".properties")).as(bundle).exists();
            }
        }
        // MessageCatalogue.of refuses a key missing in one language or with other arguments; say so explicitly.
        for (String key : ALL.keys()) {
            for (Language l : Language.values()) {
                assertThat(argumentNames(ALL.pattern(l, key))).as(key + " in " + l).isEqualTo(ALL.argumentNames(key));
            }
        }
        assertThat(ALL.bundles()).containsAll(MessageCatalogue.SHARED);
    }

    @Test
    void aKeyMissingInOneLanguageOrWithOtherArgumentsIsRefused(@TempDir Path dir) throws IOException {
        // The checks that guard the shipped files, run on a bad bundle given as an override of a good one.
        Files.writeString(dir.resolve("greet.en.properties"), "greet.hello=Hello {name}!\n");
        assertThatThrownBy(() -> MessageCatalogue.load(List.of("greet"), dir))
                .isInstanceOf(MessageCatalogue.InvalidMessagesException.class)
                .hasMessageContaining("greet.en.properties").hasMessageContaining("greet.hello")
                .hasMessageContaining("[capabilities]").hasMessageContaining("[name]");
    }

    @Test
    void everyKeyIsUsedByTheCode() throws IOException {
        Set<String> literals = new TreeSet<>();
        for (Path root : SOURCES) {
            if (!Files.isDirectory(root)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(root)) {
                for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                    Matcher m = LITERAL.matcher(Files.readString(f, StandardCharsets.UTF_8));
                    while (m.find()) {
                        literals.add(m.group(1));
                    }
                }
            }
        }
        List<String> unused = new ArrayList<>();
        for (String key : ALL.keys()) {
            // A key is used when the code names it, or names its prefix ending in "_" or "." to which it adds a
            // closed set of suffixes ("reports.status_" + status).
            boolean used = literals.contains(key) || literals.stream()
                    .anyMatch(l -> (l.endsWith("_") || l.endsWith(".")) && key.startsWith(l));
            if (!used) {
                unused.add(key);
            }
        }
        assertThat(unused).as("keys no source names").isEmpty();
    }

    @Test
    void everyPatternFormatsWithSampleArgumentsInEveryLanguage() {
        for (String key : ALL.keys()) {
            for (Language l : Language.values()) {
                Map<String, Object> sample = sampleArguments(ALL.pattern(l, key), 2);
                String s = ALL.format(l, key, pairs(sample));
                assertThat(s).as(key + " in " + l + ": a quote swallowed an argument or a brace").doesNotContain("{", "}");
                assertThat(s).as(key + " in " + l).isNotBlank();
            }
        }
    }

    @Test
    void pluralsFollowEachLanguage() {
        int plurals = 0;
        for (String key : ALL.keys()) {
            for (String arg : pluralArguments(ALL.pattern(Language.FR, key))) {
                plurals++;
                String fr0 = formatWith(Language.FR, key, arg, 0);
                String fr1 = formatWith(Language.FR, key, arg, 1);
                String fr2 = formatWith(Language.FR, key, arg, 2);
                String en0 = formatWith(Language.EN, key, arg, 0);
                String en1 = formatWith(Language.EN, key, arg, 1);
                String en2 = formatWith(Language.EN, key, arg, 2);
                // French: 0 and 1 are singular; English: only 1 is. (Digits replaced to compare the words.)
                // An exact case ("=0 {aucun}", "=1 {une seule}") may set 0 or 1 apart: then only 1 against 2 is checked.
                if (!EXACT.matcher(ALL.pattern(Language.FR, key)).find()) {
                    assertThat(digitless(fr0)).as(key + " fr, 0 like 1").isEqualTo(digitless(fr1));
                }
                assertThat(digitless(fr2)).as(key + " fr, 2 unlike 1").isNotEqualTo(digitless(fr1));
                if (!EXACT.matcher(ALL.pattern(Language.EN, key)).find()) {
                    assertThat(digitless(en0)).as(key + " en, 0 like 2").isEqualTo(digitless(en2));
                }
                assertThat(digitless(en1)).as(key + " en, 1 unlike 2").isNotEqualTo(digitless(en2));
            }
        }
        assertThat(plurals).as("the catalogue's plurals were checked").isPositive();
    }

    @Test
    void numbersAreGroupedAsTheAnswersAlwaysWroteThem(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("greet.fr.properties"),
                "greet.hello={capabilities, plural, one {# vote} other {# votes}}\n");
        Files.writeString(dir.resolve("greet.en.properties"),
                "greet.hello={capabilities, plural, one {# vote} other {# votes}}\n");
        MessageCatalogue c = MessageCatalogue.load(List.of("greet"), dir);
        assertThat(c.format(Language.FR, "greet.hello", "capabilities", 1234)).isEqualTo("1 234 votes");
        assertThat(c.format(Language.EN, "greet.hello", "capabilities", 1234)).isEqualTo("1,234 votes");
        assertThat(c.format(Language.FR, "greet.hello", "capabilities", 0)).isEqualTo("0 vote");
        assertThat(c.format(Language.EN, "greet.hello", "capabilities", 0)).isEqualTo("0 votes");
    }

    @Test
    void aTownHallRewordsTheGreetingWithoutRebuilding(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("greet.fr.properties"),
                "# Mairie d'Annecy\ngreet.hello=Bienvenue sur l'assistant de la mairie d'Annecy ! {capabilities}\n");
        MessageCatalogue c = MessageCatalogue.load(List.of("greet"), dir);

        assertThat(c.format(Language.FR, "greet.hello", "capabilities", "…"))
                .isEqualTo("Bienvenue sur l'assistant de la mairie d'Annecy ! …");
        assertThat(c.format(Language.EN, "greet.hello", "capabilities", "…")).as("English kept").isEqualTo("Hello! …");
        assertThat(c.origin(Language.FR, "greet.hello")).isEqualTo(dir.resolve("greet.fr.properties").toString());
    }

    @Test
    void anOverrideOfAnUnknownKeyStopsTheStartNamingFileAndKey(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("greet.fr.properties"), "greet.helo=Bonjour !\n");
        assertThatThrownBy(() -> MessageCatalogue.load(List.of("greet"), dir))
                .isInstanceOf(MessageCatalogue.InvalidMessagesException.class)
                .hasMessageContaining(dir.resolve("greet.fr.properties").toString())
                .hasMessageContaining("unknown key greet.helo");
    }

    @Test
    void anOverrideWithOtherArgumentsStopsTheStartNamingFileAndKey(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("greet.fr.properties"), "greet.hello=Bonjour {town} !\n");
        assertThatThrownBy(() -> MessageCatalogue.load(List.of("greet"), dir))
                .isInstanceOf(MessageCatalogue.InvalidMessagesException.class)
                .hasMessageContaining(dir.resolve("greet.fr.properties").toString())
                .hasMessageContaining("greet.hello must use the arguments [capabilities], not [town]");
    }

    @Test
    void anOverrideOfAnUnknownBundleOrLanguageOrABrokenPatternStopsTheStart(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("greeting.fr.properties"), "greeting.hello=Bonjour\n");
        Files.writeString(dir.resolve("greet.de.properties"), "greet.hello=Hallo {capabilities}\n");
        Files.writeString(dir.resolve("dialogue.fr.properties"), "dialogue.error=Désolé {\n");
        assertThatThrownBy(() -> MessageCatalogue.load(List.of("greet"), dir))
                .isInstanceOf(MessageCatalogue.InvalidMessagesException.class)
                .hasMessageContaining("greeting.fr.properties: unknown bundle greeting")
                .hasMessageContaining("greet.de.properties: unknown language de")
                .hasMessageContaining("dialogue.fr.properties: key dialogue.error does not parse");
    }

    @Test
    void noOverridesDirectoryIsNoOverride(@TempDir Path dir) {
        MessageCatalogue c = MessageCatalogue.load(List.of("greet"), dir.resolve("absent"));
        assertThat(c.format(Language.FR, "greet.hello", "capabilities", "x")).isEqualTo("Bonjour ! x");
    }

    @Test
    void aMessageIsGivenExactlyItsArguments() {
        assertThatThrownBy(() -> ALL.format(Language.FR, "greet.hello"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("[capabilities]");
        assertThatThrownBy(() -> ALL.format(Language.FR, "greet.hello", "capabilities", "x", "town", "y"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no argument town");
        assertThatThrownBy(() -> ALL.format(Language.FR, "greet.nope"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no message greet.nope");
    }

    @Test
    void theShippedCatalogueLoadsBundlesOnDemand() {
        assertThat(MessageCatalogue.shipped().format(Language.EN, "dialogue.flow_cancelled"))
                .isEqualTo("Cancelled: nothing was sent. What else can I do for you?");
    }

    // --- helpers: arguments read from the pattern itself, as an operator's pattern would be

    private static String formatWith(Language l, String key, String pluralArg, int n) {
        Map<String, Object> sample = sampleArguments(ALL.pattern(l, key), 2);
        sample.put(pluralArg, n);
        return ALL.format(l, key, pairs(sample));
    }

    private static String digitless(String s) {
        return s.replaceAll("[0-9]+", "N");
    }

    private static Object[] pairs(Map<String, Object> args) {
        List<Object> out = new ArrayList<>();
        args.forEach((k, v) -> {
            out.add(k);
            out.add(v);
        });
        return out.toArray();
    }

    private static Set<String> argumentNames(String pattern) {
        return new TreeSet<>(sampleArguments(pattern, 2).keySet());
    }

    /** Every argument with a value that formats: a number for plurals, "other" for selects, a word otherwise. */
    static Map<String, Object> sampleArguments(String pattern, int count) {
        MessagePattern mp = new MessagePattern(pattern);
        Map<String, Object> out = new LinkedHashMap<>();
        Map<String, MessagePattern.ArgType> types = new HashMap<>();
        for (int i = 0; i < mp.countParts(); i++) {
            MessagePattern.Part p = mp.getPart(i);
            if (p.getType() == MessagePattern.Part.Type.ARG_START) {
                MessagePattern.Part name = mp.getPart(i + 1);
                types.merge(mp.getSubstring(name), p.getArgType(), (a, b) -> a == MessagePattern.ArgType.NONE ? b : a);
            }
        }
        types.forEach((name, type) -> out.put(name, switch (type) {
            case PLURAL, SELECTORDINAL, CHOICE -> count;
            case SELECT -> "other";
            default -> "‹" + name + "›";
        }));
        return out;
    }

    private static Set<String> pluralArguments(String pattern) {
        MessagePattern mp = new MessagePattern(pattern);
        Set<String> out = new TreeSet<>();
        for (int i = 0; i < mp.countParts(); i++) {
            MessagePattern.Part p = mp.getPart(i);
            if (p.getType() == MessagePattern.Part.Type.ARG_START && p.getArgType() == MessagePattern.ArgType.PLURAL) {
                out.add(mp.getSubstring(mp.getPart(i + 1)));
            }
        }
        return out;
    }
}
