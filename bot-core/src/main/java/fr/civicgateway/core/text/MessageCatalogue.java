package fr.civicgateway.core.text;

import com.ibm.icu.text.MessageFormat;
import com.ibm.icu.text.MessagePattern;
import com.ibm.icu.text.PluralRules;
import com.ibm.icu.util.ULocale;
import fr.civicgateway.core.nlu.Language;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Every sentence the bot says, one whole sentence per key, in every language it speaks, with named arguments and
 * plurals and gender by ICU's {@link MessageFormat} ({@code {count, plural, one {# vote} other {# votes}}}, French
 * counting 0 and 1 as singular).
 *
 * <p>A key is {@code <bundle>.<name>}, e.g. {@code greet.hello}. A bundle is two classpath resources,
 * {@code messages/<bundle>.fr.properties} and {@code messages/<bundle>.en.properties} (UTF-8): one per handler and
 * flow (its {@code messageBundle()}, by default its intent's or its own name) and the shared ones of
 * {@link #SHARED}. Both files of a bundle must have the same keys, and each key the same argument names.
 *
 * <p>An operator rewords any sentence without rebuilding: a file {@code <bundle>.<language>.properties} in the
 * overrides directory replaces the keys it lists. An override of an unknown key, with other argument names or a
 * pattern that does not parse fails the start-up, naming the file and the key ({@link InvalidMessagesException}).
 *
 * <p>Thread-safe and immutable once built: every pattern is parsed once, at load, into a small tree of text,
 * arguments, selects and plurals; formatting is a map look-up and a walk of that tree (see {@code Message}).
 */
public final class MessageCatalogue {

    /**
     * The bundles every catalogue has, whoever is registered: sentences said by several handlers and flows (the vote
     * handlers share {@code votes}, the handlers about a deputy {@code deputies}). A channel
     * adds its own bundle (its commands, its menu) when the application loads the catalogue.
     */
    public static final List<String> SHARED = List.of("common", "dialogue", "capabilities", "votes", "deputies");

    private static final String RESOURCES = "messages/";
    private static final Pattern FILE_NAME = Pattern.compile("([a-z0-9_]+)\\.([a-z]{2})\\.properties");
    private static final char NARROW_NO_BREAK_SPACE = '\u202F';

    private static volatile MessageCatalogue shipped;

    /** key → one compiled message per language (indexed by {@link Language#ordinal()}). */
    private final Map<String, Message[]> messages;
    /** The bundles loaded so far; only the on-demand catalogue of {@link #shipped()} adds to it. */
    private final Set<String> bundles;
    private final boolean onDemand;

    private MessageCatalogue(Map<String, Message[]> messages, Set<String> bundles, boolean onDemand) {
        this.messages = messages;
        this.bundles = bundles;
        this.onDemand = onDemand;
    }

    /**
     * The shipped catalogue of the given bundles and the {@link #SHARED} ones, without overrides.
     *
     * @throws InvalidMessagesException when a bundle is missing, or its two languages disagree
     */
    public static MessageCatalogue of(Collection<String> bundles) {
        return load(bundles, null);
    }

    /**
     * The shipped catalogue of the given bundles and the {@link #SHARED} ones, with the operator's overrides from
     * {@code overrides} (a directory of {@code <bundle>.<language>.properties}; ignored when null or absent).
     *
     * @throws InvalidMessagesException naming every file and key in error
     */
    public static MessageCatalogue load(Collection<String> bundles, Path overrides) {
        Set<String> all = new LinkedHashSet<>(SHARED);
        all.addAll(bundles);
        Map<String, Message[]> messages = new HashMap<>();
        List<String> errors = new ArrayList<>();
        for (String bundle : all) {
            messages.putAll(shippedBundle(bundle, errors));
        }
        if (overrides != null && Files.isDirectory(overrides)) {
            applyOverrides(overrides, all, messages, errors);
        }
        if (!errors.isEmpty()) {
            throw new InvalidMessagesException(errors);
        }
        return new MessageCatalogue(Map.copyOf(messages), Set.copyOf(all), false);
    }

    /**
     * Every shipped bundle, each loaded the first time one of its keys is asked for, without overrides: for tests and
     * tools that build a {@code Turn} by hand. The application uses {@link #load}, which checks everything at start.
     */
    public static MessageCatalogue shipped() {
        MessageCatalogue c = shipped;
        if (c == null) {
            synchronized (MessageCatalogue.class) {
                c = shipped;
                if (c == null) {
                    c = new MessageCatalogue(new ConcurrentHashMap<>(), ConcurrentHashMap.newKeySet(), true);
                    shipped = c;
                }
            }
        }
        return c;
    }

    /**
     * The sentence {@code key} in {@code language}, with its arguments given as name, value pairs:
     * {@code format(Language.FR, "votes.latest", "deputy", name, "count", 3)}. Numbers are grouped as
     * {@code Formats.count} writes them ("1 234", "1,234").
     *
     * @throws IllegalArgumentException for an unknown key, or arguments other than the message's own
     */
    public String format(Language language, String key, Object... namedArgs) {
        Message m = message(key)[language.ordinal()];
        if ((namedArgs.length & 1) != 0) {
            throw new IllegalArgumentException("message " + key + ": arguments go by name, value pairs");
        }
        Map<String, Object> args = namedArgs.length == 0 ? Map.of() : new HashMap<>(namedArgs.length);
        for (int i = 0; i < namedArgs.length; i += 2) {
            if (!(namedArgs[i] instanceof String name) || !m.arguments.contains(name)) {
                throw new IllegalArgumentException("message " + key + " has no argument " + namedArgs[i]
                        + " (its arguments: " + m.arguments + ")");
            }
            args.put(name, namedArgs[i + 1]);
        }
        if (args.size() != m.arguments.size()) {
            throw new IllegalArgumentException("message " + key + " needs the arguments " + m.arguments + ", was given "
                    + args.keySet());
        }
        String s = m.format(args);
        // ICU (formatting an argument type the tree does not) groups French thousands with a narrow no-break space;
        // the answers always used a plain one.
        return language == Language.FR && m.nodes == null ? s.replace(NARROW_NO_BREAK_SPACE, ' ') : s;
    }

    /** Every key of this catalogue, sorted (for an on-demand catalogue: of the bundles loaded so far). */
    public Set<String> keys() {
        return Collections.unmodifiableSet(new TreeSet<>(messages.keySet()));
    }

    /** The bundles of this catalogue. */
    public Set<String> bundles() {
        return Collections.unmodifiableSet(new TreeSet<>(bundles));
    }

    /** The argument names of {@code key}, the same in every language. */
    public Set<String> argumentNames(String key) {
        return message(key)[0].arguments;
    }

    /** The pattern of {@code key} in {@code language}, as shipped or overridden. */
    public String pattern(Language language, String key) {
        return message(key)[language.ordinal()].pattern;
    }

    /** Where the pattern of {@code key} in {@code language} comes from (a resource or an override file). */
    public String origin(Language language, String key) {
        return message(key)[language.ordinal()].origin;
    }

    private Message[] message(String key) {
        Message[] m = messages.get(key);
        if (m == null && onDemand) {
            int dot = key.indexOf('.');
            if (dot > 0) {
                String bundle = key.substring(0, dot);
                List<String> errors = new ArrayList<>();
                Map<String, Message[]> loaded = shippedBundle(bundle, errors);
                if (!errors.isEmpty()) {
                    throw new InvalidMessagesException(errors);
                }
                messages.putAll(loaded);
                bundles.add(bundle);
                m = messages.get(key);
            }
        }
        if (m == null) {
            throw new IllegalArgumentException("no message " + key + " in the catalogue of bundles " + bundles());
        }
        return m;
    }

    private static Map<String, Message[]> shippedBundle(String bundle, List<String> errors) {
        Map<Language, Map<String, Message>> byLanguage = new EnumMap<>(Language.class);
        List<String> missing = new ArrayList<>();
        for (Language l : Language.values()) {
            String resource = RESOURCES + bundle + "." + l.code() + ".properties";
            try (InputStream in = MessageCatalogue.class.getClassLoader().getResourceAsStream(resource)) {
                if (in == null) {
                    missing.add(resource);
                    continue;
                }
                byLanguage.put(l, parse(resource, bundle, l, read(new InputStreamReader(in, StandardCharsets.UTF_8)),
                        errors));
            } catch (IOException e) {
                errors.add(resource + ": unreadable (" + e.getMessage() + ")");
            }
        }
        if (missing.size() == Language.values().length) {
            // A handler or flow that says nothing of its own (a test's echo handler) needs no files.
            return Map.of();
        }
        for (String resource : missing) {
            errors.add(resource + ": missing (bundle " + bundle + " must exist in every language)");
        }
        if (!missing.isEmpty()) {
            return Map.of();
        }
        Map<String, Message[]> out = new HashMap<>();
        Set<String> keys = new TreeSet<>();
        byLanguage.values().forEach(m -> keys.addAll(m.keySet()));
        for (String key : keys) {
            Message[] all = new Message[Language.values().length];
            for (Language l : Language.values()) {
                all[l.ordinal()] = byLanguage.get(l).get(key);
                if (all[l.ordinal()] == null) {
                    errors.add(RESOURCES + bundle + "." + l.code() + ".properties: key " + key + " is missing");
                }
            }
            if (Stream.of(all).anyMatch(m -> m == null)) {
                continue;
            }
            for (Message m : all) {
                if (!m.arguments.equals(all[0].arguments)) {
                    errors.add(m.origin + ": key " + key + " has the arguments " + m.arguments + " but "
                            + all[0].origin + " has " + all[0].arguments);
                }
            }
            out.put(key, all);
        }
        return out;
    }

    private static void applyOverrides(Path dir, Set<String> bundles, Map<String, Message[]> messages,
                                       List<String> errors) {
        List<Path> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.filter(p -> p.getFileName().toString().endsWith(".properties")).sorted().toList();
        } catch (IOException e) {
            errors.add(dir + ": cannot list the message overrides (" + e.getMessage() + ")");
            return;
        }
        for (Path file : files) {
            Matcher name = FILE_NAME.matcher(file.getFileName().toString());
            if (!name.matches()) {
                errors.add(file + ": not a message file name (<bundle>.<language>.properties, e.g. greet.fr.properties)");
                continue;
            }
            String bundle = name.group(1);
            Language language = Language.fromCode(name.group(2)).filter(l -> l.code().equals(name.group(2))).orElse(null);
            if (language == null) {
                errors.add(file + ": unknown language " + name.group(2) + " (the bot speaks fr and en)");
                continue;
            }
            if (!bundles.contains(bundle)) {
                errors.add(file + ": unknown bundle " + bundle + " (known: " + new TreeSet<>(bundles) + ")");
                continue;
            }
            Properties p;
            try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                p = read(r);
            } catch (IOException | IllegalArgumentException e) {
                errors.add(file + ": unreadable (" + e.getMessage() + ")");
                continue;
            }
            for (Map.Entry<String, Message> e : parse(file.toString(), bundle, language, p, errors).entrySet()) {
                Message[] shippedOnes = messages.get(e.getKey());
                if (shippedOnes == null) {
                    errors.add(file + ": unknown key " + e.getKey() + " (no such sentence in bundle " + bundle + ")");
                    continue;
                }
                Set<String> expected = shippedOnes[language.ordinal()].arguments;
                if (!e.getValue().arguments.equals(expected)) {
                    errors.add(file + ": key " + e.getKey() + " must use the arguments " + expected + ", not "
                            + e.getValue().arguments);
                    continue;
                }
                Message[] replaced = shippedOnes.clone();
                replaced[language.ordinal()] = e.getValue();
                messages.put(e.getKey(), replaced);
            }
        }
    }

    private static Properties read(Reader r) throws IOException {
        Properties p = new Properties();
        p.load(r);
        return p;
    }

    private static Map<String, Message> parse(String origin, String bundle, Language language, Properties p,
                                              List<String> errors) {
        Map<String, Message> out = new HashMap<>();
        ULocale locale = new ULocale(language.code());
        for (String key : new TreeSet<>(p.stringPropertyNames())) {
            if (!key.startsWith(bundle + ".") || key.length() == bundle.length() + 1) {
                errors.add(origin + ": key " + key + " must start with the bundle's name: " + bundle + ".<name>");
                continue;
            }
            String pattern = p.getProperty(key);
            try {
                out.put(key, new Message(pattern, origin, locale));
            } catch (IllegalArgumentException e) {
                errors.add(origin + ": key " + key + " does not parse: " + e.getMessage());
            }
        }
        return out;
    }

    /**
     * One compiled pattern. ICU parses it once ({@link MessagePattern}); plain text, arguments, {@code select} and
     * {@code plural} (exact {@code =N} cases and the language's plural rules) are then formatted from an immutable tree,
     * without locks and without ICU's per-call formatter set-up. Any other argument type ({@code number}, {@code date},
     * {@code selectordinal}...) is formatted by ICU's own {@link MessageFormat}, under a lock (it is not thread-safe).
     */
    private static final class Message {
        final String pattern;
        final String origin;
        final Set<String> arguments;
        private final char grouping;
        /** The compiled tree, or null when ICU's MessageFormat formats this pattern. */
        private final Node[] nodes;
        private final MessageFormat icu;

        Message(String pattern, String origin, ULocale locale) {
            this.pattern = pattern;
            this.origin = origin;
            MessageFormat checked = new MessageFormat(pattern, locale); // throws a clear error for a bad pattern
            this.arguments = argumentNames(pattern);
            this.grouping = locale.getLanguage().equals("en") ? ',' : ' ';
            Node[] compiled;
            try {
                MessagePattern mp = new MessagePattern(pattern);
                List<Node> out = new ArrayList<>();
                compile(mp, 0, out, PluralRules.forLocale(locale));
                compiled = out.toArray(Node[]::new);
            } catch (UnsupportedOperationException e) {
                compiled = null;
            }
            this.nodes = compiled;
            this.icu = compiled == null ? checked : null;
        }

        /** Every argument's name, nested ones (inside a plural or a select) included. */
        private static Set<String> argumentNames(String pattern) {
            MessagePattern mp = new MessagePattern(pattern);
            Set<String> names = new TreeSet<>();
            for (int i = 0; i < mp.countParts(); i++) {
                MessagePattern.Part part = mp.getPart(i);
                if (part.getType() == MessagePattern.Part.Type.ARG_NUMBER) {
                    throw new IllegalArgumentException("arguments are named, not numbered: " + mp.getSubstring(part));
                }
                if (part.getType() == MessagePattern.Part.Type.ARG_NAME) {
                    names.add(mp.getSubstring(part));
                }
            }
            return Collections.unmodifiableSet(names);
        }

        String format(Map<String, Object> args) {
            if (nodes == null) {
                synchronized (this) {
                    return icu.format(args);
                }
            }
            StringBuilder out = new StringBuilder(pattern.length() + 64);
            append(nodes, args, null, out);
            return out.toString();
        }

        private void append(Node[] message, Map<String, Object> args, Number hash, StringBuilder out) {
            for (Node n : message) {
                switch (n) {
                    case Literal l -> out.append(l.text());
                    case Argument a -> appendValue(args.get(a.name()), out);
                    case Hash h -> appendValue(hash, out);
                    case Select sel -> {
                        Node[] branch = sel.branches().get(String.valueOf(args.get(sel.name())));
                        append(branch != null ? branch : sel.other(), args, hash, out);
                    }
                    case Plural pl -> {
                        Object v = args.get(pl.name());
                        if (!(v instanceof Number number)) {
                            throw new IllegalArgumentException("argument " + pl.name() + " must be a number, was " + v);
                        }
                        double d = number.doubleValue();
                        Node[] branch = null;
                        for (int k = 0; k < pl.exact().length && branch == null; k++) {
                            if (pl.exact()[k] == d) {
                                branch = pl.exactBranches()[k];
                            }
                        }
                        if (branch == null) {
                            branch = pl.keywords().get(pl.rules().select(d));
                        }
                        append(branch != null ? branch : pl.other(), args, number, out);
                    }
                }
            }
        }

        /** A whole number grouped by thousands as {@code Formats.count} writes it; anything else as it is. */
        private void appendValue(Object v, StringBuilder out) {
            if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
                String digits = v.toString();
                int sign = digits.charAt(0) == '-' ? 1 : 0;
                int first = sign + (digits.length() - sign - 1) % 3 + 1;
                out.append(digits, 0, first);
                for (int i = first; i < digits.length(); i += 3) {
                    out.append(grouping).append(digits, i, i + 3);
                }
            } else {
                out.append(v);
            }
        }

        /** Compiles the message starting at part {@code start} (a MSG_START) into {@code out}; returns its MSG_LIMIT. */
        private static int compile(MessagePattern mp, int start, List<Node> out, PluralRules rules) {
            String pattern = mp.getPatternString();
            StringBuilder text = new StringBuilder();
            int prev = mp.getPart(start).getLimit();
            for (int i = start + 1; ; i++) {
                MessagePattern.Part part = mp.getPart(i);
                MessagePattern.Part.Type type = part.getType();
                text.append(pattern, prev, part.getIndex());
                if (type == MessagePattern.Part.Type.MSG_LIMIT) {
                    flush(text, out);
                    return i;
                }
                prev = part.getLimit();
                switch (type) {
                    case SKIP_SYNTAX, INSERT_CHAR -> {
                        // A quoting apostrophe is skipped; INSERT_CHAR only serves to re-quote a pattern (as ICU's
                        // own MessageFormat, formatting ignores it).
                    }
                    case REPLACE_NUMBER -> {
                        flush(text, out);
                        out.add(new Hash());
                    }
                    case ARG_START -> {
                        flush(text, out);
                        int limit = mp.getLimitPartIndex(i);
                        String name = mp.getSubstring(mp.getPart(i + 1));
                        out.add(switch (part.getArgType()) {
                            case NONE -> new Argument(name);
                            case SELECT -> select(mp, i + 2, limit, name, rules);
                            case PLURAL -> plural(mp, i + 2, limit, name, rules);
                            default -> throw new UnsupportedOperationException(part.getArgType().toString());
                        });
                        i = limit;
                        prev = mp.getPart(limit).getLimit();
                    }
                    default -> throw new UnsupportedOperationException(type.toString());
                }
            }
        }

        private static Select select(MessagePattern mp, int i, int limit, String name, PluralRules rules) {
            Map<String, Node[]> branches = new HashMap<>();
            Node[] other = new Node[0];
            while (i < limit) {
                String selector = mp.getSubstring(mp.getPart(i));
                List<Node> branch = new ArrayList<>();
                i = compile(mp, i + 1, branch, rules) + 1;
                if (selector.equals("other")) {
                    other = branch.toArray(Node[]::new);
                } else {
                    branches.put(selector, branch.toArray(Node[]::new));
                }
            }
            return new Select(name, Map.copyOf(branches), other);
        }

        private static Plural plural(MessagePattern mp, int i, int limit, String name, PluralRules rules) {
            if (mp.getPart(i).getType().hasNumericValue()) {
                throw new UnsupportedOperationException("plural offset");
            }
            List<Double> exact = new ArrayList<>();
            List<Node[]> exactBranches = new ArrayList<>();
            Map<String, Node[]> keywords = new HashMap<>();
            Node[] other = new Node[0];
            while (i < limit) {
                MessagePattern.Part selector = mp.getPart(i++);
                Double value = null;
                if (mp.getPart(i).getType().hasNumericValue()) {
                    value = mp.getNumericValue(mp.getPart(i++));
                }
                List<Node> branch = new ArrayList<>();
                i = compile(mp, i, branch, rules) + 1;
                Node[] nodes = branch.toArray(Node[]::new);
                String keyword = mp.getSubstring(selector);
                if (value != null) {
                    exact.add(value);
                    exactBranches.add(nodes);
                } else if (keyword.equals("other")) {
                    other = nodes;
                } else {
                    keywords.put(keyword, nodes);
                }
            }
            return new Plural(name, exact.stream().mapToDouble(Double::doubleValue).toArray(),
                    exactBranches.toArray(Node[][]::new), Map.copyOf(keywords), other, rules);
        }

        private static void flush(StringBuilder text, List<Node> out) {
            if (!text.isEmpty()) {
                out.add(new Literal(text.toString()));
                text.setLength(0);
            }
        }
    }

    private sealed interface Node permits Literal, Argument, Hash, Select, Plural {
    }

    private record Literal(String text) implements Node {
    }

    private record Argument(String name) implements Node {
    }

    /** {@code #} in a plural: its number. */
    private record Hash() implements Node {
    }

    private record Select(String name, Map<String, Node[]> branches, Node[] other) implements Node {
    }

    private record Plural(String name, double[] exact, Node[][] exactBranches, Map<String, Node[]> keywords,
                          Node[] other, PluralRules rules) implements Node {
    }

    /** The catalogue's files are wrong: every error names the file and the key. */
    public static final class InvalidMessagesException extends RuntimeException {
        private final List<String> errors;

        InvalidMessagesException(List<String> errors) {
            super("invalid messages:\n  " + String.join("\n  ", errors));
            this.errors = List.copyOf(errors);
        }

        public List<String> errors() {
            return errors;
        }
    }
}
