package fr.civicgateway.opendata.yaml;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path.Node;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.io.IOException;
import java.io.Reader;
import java.lang.annotation.Annotation;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.hibernate.validator.HibernateValidator;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.PropertyNamingStrategy;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.exc.ValueInstantiationException;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Binds an operator's YAML file to a record with Jackson and checks it with Bean Validation, strictly: an unknown key
 * (a typo would otherwise silently drop a setting), a value of the wrong type, a missing required key or a value a
 * constraint refuses each fail with one {@link Invalid} that names the file and the key, as the operator wrote it
 * ({@code questions[2].max-length}). The caller words the message for its own file kind; {@link Invalid#getMessage()}
 * is a sensible default.
 *
 * <pre>{@code
 * record Services(@NotEmpty List<@Valid Service> services) {}
 * Services s = StrictYaml.kebabCase().read(Path.of("config/open311-services.yml"), Services.class);
 * }</pre>
 *
 * <p>Records bind through their canonical constructor; an {@link IllegalArgumentException} it throws becomes an
 * {@link Problem#INVALID} at the record's own key. Thread-safe: one instance may serve every file.
 */
public final class StrictYaml {

    /** What is wrong with a file. */
    public enum Problem {
        /** Not YAML, or the file cannot be read. */
        UNREADABLE,
        /** The document (or a value that must be one) is not a mapping of keys. */
        NOT_A_MAPPING,
        /** A key the record does not know; {@link Invalid#knownKeys()} lists the ones it does. */
        UNKNOWN_KEY,
        /** A value of the wrong type; {@link Invalid#expected()} says what was expected. */
        WRONG_TYPE,
        /** A required key is absent (or empty). */
        MISSING,
        /** A value refused by a constraint or by the record's constructor; {@link Invalid#detail()} says why. */
        INVALID
    }

    /**
     * A file refused.
     *
     * @see Problem
     */
    public static final class Invalid extends RuntimeException {
        private final String file;
        private final String key;
        private final Problem problem;
        private final String detail;
        private final Object value;
        private final List<String> knownKeys;
        private final String expected;

        Invalid(String file, String key, Problem problem, String detail, Object value, List<String> knownKeys,
                String expected, Throwable cause) {
            super(file + ": " + (key.isEmpty() ? "" : key + ": ") + detail, cause);
            this.file = file;
            this.key = key;
            this.problem = problem;
            this.detail = detail;
            this.value = value;
            this.knownKeys = knownKeys;
            this.expected = expected;
        }

        /** The file's name, as the operator knows it. */
        public String file() {
            return file;
        }

        /** The key as written in the file, with its list positions ({@code questions[0].low}); empty for the root. */
        public String key() {
            return key;
        }

        public Problem problem() {
            return problem;
        }

        /** Why, in words: the constraint's message, the constructor's, or a parser's. */
        public String detail() {
            return detail;
        }

        /** The value refused, when the file gave one, or null. */
        public Object value() {
            return value;
        }

        /** For {@link Problem#UNKNOWN_KEY}: the keys accepted at that place, sorted; otherwise empty. */
        public List<String> knownKeys() {
            return knownKeys;
        }

        /** For {@link Problem#WRONG_TYPE}: what was expected ("a whole number", "a date written YYYY-MM-DD"). */
        public String expected() {
            return expected;
        }
    }

    private static final ValidatorFactory VALIDATORS = Validation.byProvider(HibernateValidator.class).configure()
            .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory();

    private final YAMLMapper mapper;
    private final PropertyNamingStrategies.NamingBase naming;
    private final Validator validator = VALIDATORS.getValidator();

    private StrictYaml(PropertyNamingStrategies.NamingBase naming) {
        this.naming = naming;
        this.mapper = YAMLMapper.builder()
                .propertyNamingStrategy((PropertyNamingStrategy) naming)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .build();
    }

    /** Keys written like the records' components: {@code apiKeyVariable}. */
    public static StrictYaml camelCase() {
        return new StrictYaml((PropertyNamingStrategies.NamingBase) PropertyNamingStrategies.LOWER_CAMEL_CASE);
    }

    /** Keys written in kebab case: the component {@code maxLength} is the key {@code max-length}. */
    public static StrictYaml kebabCase() {
        return new StrictYaml((PropertyNamingStrategies.NamingBase) PropertyNamingStrategies.KEBAB_CASE);
    }

    /** Reads, binds and validates one file; messages name it by its file name. */
    public <T> T read(Path file, Class<T> type) {
        String name = file.getFileName().toString();
        return validate(name, bind(name, readTree(file), type));
    }

    /** Reads the file as a tree, for checks that must come before binding; fails with {@link Problem#UNREADABLE}. */
    public JsonNode readTree(Path file) {
        String name = file.getFileName().toString();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return mapper.readTree(r);
        } catch (IOException | JacksonException e) {
            throw new Invalid(name, "", Problem.UNREADABLE, "not readable YAML: " + e.getMessage(), null, List.of(),
                    null, e);
        }
    }

    /** Parses YAML text as a tree; fails with {@link Problem#UNREADABLE}. */
    public JsonNode readTree(String name, String yaml) {
        try {
            return mapper.readTree(yaml);
        } catch (JacksonException e) {
            throw new Invalid(name, "", Problem.UNREADABLE, "not readable YAML: " + e.getMessage(), null, List.of(),
                    null, e);
        }
    }

    /** Binds a tree to a record, without validating it. */
    public <T> T bind(String name, JsonNode tree, Class<T> type) {
        if (tree == null || tree.isMissingNode() || tree.isNull() || !tree.isObject()) {
            throw new Invalid(name, "", Problem.NOT_A_MAPPING, "the file must be a mapping of keys", null, List.of(),
                    null, null);
        }
        try {
            return mapper.treeToValue(tree, type);
        } catch (JacksonException e) {
            throw translate(name, e);
        }
    }

    /** Checks a bound record's constraints (cascading through {@code @Valid}); the first violation by key is thrown. */
    public <T> T validate(String name, T bound) {
        Set<ConstraintViolation<T>> violations = validator.validate(bound);
        violations.stream()
                .map(v -> new Object[] {key(v.getPropertyPath()), v})
                .min(Comparator.comparing((Object[] a) -> (String) a[0]))
                .ifPresent(a -> {
                    var v = (ConstraintViolation<?>) a[1];
                    Annotation constraint = v.getConstraintDescriptor().getAnnotation();
                    boolean missing = constraint instanceof NotNull || constraint instanceof NotBlank
                            || constraint instanceof NotEmpty;
                    // A constraint's own message (not Bean Validation's default) words the problem for this key.
                    boolean own = !v.getMessageTemplate().startsWith("{jakarta.validation.");
                    throw new Invalid(name, (String) a[0], missing ? Problem.MISSING : Problem.INVALID,
                            missing && !own ? "missing" : v.getMessage(), v.getInvalidValue(), List.of(), null, null);
                });
        return bound;
    }

    private String key(jakarta.validation.Path path) {
        StringBuilder b = new StringBuilder();
        for (Node n : path) {
            if (n.isInIterable() && n.getIndex() != null) {
                b.append('[').append(n.getIndex()).append(']');
            } else if (n.isInIterable() && n.getKey() != null) {
                b.append('.').append(n.getKey());
            }
            String name = n.getName();
            if (name != null && !name.startsWith("<")) {
                if (!b.isEmpty()) {
                    b.append('.');
                }
                b.append(naming.nameForField(null, null, name));
            }
        }
        return b.toString();
    }

    private static String key(List<JacksonException.Reference> path) {
        StringBuilder b = new StringBuilder();
        for (JacksonException.Reference r : path) {
            if (r.getPropertyName() != null) {
                if (!b.isEmpty()) {
                    b.append('.');
                }
                b.append(r.getPropertyName());
            } else if (r.getIndex() >= 0) {
                b.append('[').append(r.getIndex()).append(']');
            }
        }
        return b.toString();
    }

    private static Invalid translate(String name, JacksonException e) {
        String key = key(e.getPath());
        return switch (e) {
            case UnrecognizedPropertyException u -> new Invalid(name, key, Problem.UNKNOWN_KEY, "unknown key",
                    null, u.getKnownPropertyIds() == null ? List.of()
                            : u.getKnownPropertyIds().stream().map(String::valueOf).sorted().toList(), null, e);
            case ValueInstantiationException v when v.getCause() instanceof IllegalArgumentException iae ->
                    new Invalid(name, key, Problem.INVALID, iae.getMessage(), null, List.of(), null, e);
            case InvalidFormatException f -> wrongType(name, key, f.getTargetType(), f.getValue(), e);
            case MismatchedInputException m -> {
                Class<?> target = m.getTargetType();
                if (target != null && isMapping(target) && !key.isEmpty()) {
                    yield new Invalid(name, key, Problem.NOT_A_MAPPING, "must be a mapping of keys", null, List.of(),
                            "a mapping of keys", e);
                }
                yield wrongType(name, key, target, null, e);
            }
            default -> new Invalid(name, key, Problem.UNREADABLE, e.getOriginalMessage(), null, List.of(), null, e);
        };
    }

    private static boolean isMapping(Class<?> type) {
        return type.isRecord() || Map.class.isAssignableFrom(type);
    }

    private static Invalid wrongType(String name, String key, Class<?> target, Object value, JacksonException e) {
        String expected = describe(target);
        return new Invalid(name, key, Problem.WRONG_TYPE,
                "must be " + expected + (value == null ? "" : ", was " + value), value, List.of(), expected, e);
    }

    /** What an operator should write for a value of this type. */
    static String describe(Class<?> type) {
        if (type == null) {
            return "another kind of value";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "a whole number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == LocalDate.class) {
            return "a date written YYYY-MM-DD";
        }
        if (type == String.class) {
            return "a text";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "a list";
        }
        if (isMapping(type)) {
            return "a mapping of keys";
        }
        return Objects.toString(type.getSimpleName());
    }
}
