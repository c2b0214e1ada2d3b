package fr.civicgateway.app.consultations;

import fr.civicgateway.core.consultations.Consultation;
import fr.civicgateway.core.consultations.Localized;
import fr.civicgateway.core.consultations.Question;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads {@code config/consultations/*.yml}: one consultation per file, validated field by field so that a mistake
 * fails the start-up with a message naming the file and the field ({@code bibliotheque.yml: questions[2].kind:
 * unknown kind "rating"; expected single-choice, multiple-choice, scale or free-text}).
 *
 * <pre>{@code
 * id: bibliotheque-horaires
 * title: { fr: Horaires de la médiathèque, en: Library opening hours }
 * description: { fr: ..., en: ... }
 * opens: 2026-11-01        # first day answers are accepted
 * closes: 2027-01-31       # last day answers are accepted (included)
 * allow-changes: true      # an answer may be changed until the closing
 * questions:
 *   - { id: frequence, kind: single-choice, text: {fr: ..., en: ...}, options: [ {id: semaine, label: {fr: ..., en: ...}}, ... ] }
 *   - { id: creneaux, kind: multiple-choice, ... }
 *   - { id: satisfaction, kind: scale, text: ..., low: {fr: ...}, high: {fr: ...} }
 *   - { id: idee, kind: free-text, text: ..., max-length: 500, required: false }
 * }</pre>
 */
final class YamlConsultationLoader {

    private static final Set<String> TOP_FIELDS = Set.of("id", "title", "description", "opens", "closes", "allow-changes", "questions");
    private static final Set<String> QUESTION_FIELDS = Set.of("id", "kind", "text", "options", "low", "high", "max-length", "required");

    private YamlConsultationLoader() {
    }

    /** Every consultation of the directory, sorted by opening then id; none when the directory does not exist. */
    static List<Consultation> load(Path directory, ZoneId zone) {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        List<Path> files;
        try (Stream<Path> s = Files.list(directory)) {
            files = s.filter(p -> p.getFileName().toString().matches("(?i).+\\.ya?ml")).sorted().toList();
        } catch (IOException e) {
            throw new ConsultationDefinitionException("cannot list the consultations directory " + directory + ": " + e.getMessage(), e);
        }
        List<Consultation> out = new ArrayList<>();
        Map<String, String> fileById = new HashMap<>();
        for (Path file : files) {
            Consultation c = read(file, zone);
            String other = fileById.put(c.id(), file.getFileName().toString());
            if (other != null) {
                throw new ConsultationDefinitionException(file.getFileName() + ": id: \"" + c.id() + "\" is already the id of " + other);
            }
            out.add(c);
        }
        out.sort(Comparator.comparing(Consultation::opensAt).thenComparing(Consultation::id));
        return List.copyOf(out);
    }

    static Consultation read(Path file, ZoneId zone) {
        String name = file.getFileName().toString();
        Object root;
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            root = new Yaml(new SafeConstructor(new LoaderOptions())).load(r);
        } catch (IOException | YAMLException e) {
            throw new ConsultationDefinitionException(name + ": not readable YAML: " + e.getMessage(), e);
        }
        return new Fields(name, "", root).consultation(zone);
    }

    /** A YAML map being read, with the path of its fields for error messages. */
    private record Fields(String file, String path, Object node) {

        private ConsultationDefinitionException error(String field, String message) {
            return new ConsultationDefinitionException(file + ": " + path + field + ": " + message);
        }

        @SuppressWarnings("unchecked")
        private Map<String, Object> map(String field) {
            if (!(node instanceof Map<?, ?>)) {
                throw new ConsultationDefinitionException(file + ": " + (path.isEmpty() ? "the file" : path.substring(0, path.length() - 1))
                        + " must be a map of fields" + (field.isEmpty() ? "" : " (" + field + ")"));
            }
            return (Map<String, Object>) node;
        }

        private void onlyFields(Set<String> allowed) {
            for (Object k : map("").keySet()) {
                if (!allowed.contains(String.valueOf(k))) {
                    throw error(String.valueOf(k), "unknown field; expected one of " + allowed.stream().sorted().toList());
                }
            }
        }

        private Object required(String field) {
            Object v = map(field).get(field);
            if (v == null) {
                throw error(field, "missing");
            }
            return v;
        }

        private String string(String field) {
            Object v = required(field);
            if (!(v instanceof String s) || s.isBlank()) {
                throw error(field, "must be a non-empty text, was " + v);
            }
            return s.strip();
        }

        private boolean bool(String field, boolean dflt) {
            Object v = map(field).get(field);
            if (v == null) {
                return dflt;
            }
            if (!(v instanceof Boolean b)) {
                throw error(field, "must be true or false, was " + v);
            }
            return b;
        }

        private LocalDate date(String field) {
            Object v = required(field);
            if (v instanceof Date d) {
                return d.toInstant().atZone(ZoneOffset.UTC).toLocalDate(); // YAML reads 2026-11-01 as midnight UTC
            }
            try {
                return LocalDate.parse(String.valueOf(v));
            } catch (DateTimeParseException e) {
                throw error(field, "must be a date written YYYY-MM-DD, was " + v);
            }
        }

        private Localized localized(String field) {
            Object v = required(field);
            if (v instanceof String s && !s.isBlank()) {
                return Localized.of(s.strip(), null);
            }
            if (!(v instanceof Map<?, ?> m)) {
                throw error(field, "must be a text or {fr: ..., en: ...}, was " + v);
            }
            for (Object k : m.keySet()) {
                if (!"fr".equals(k) && !"en".equals(k)) {
                    throw error(field + "." + k, "unknown language; expected fr or en");
                }
            }
            if (!(m.get("fr") instanceof String fr) || fr.isBlank()) {
                throw error(field + ".fr", "missing: the French text is required");
            }
            Object en = m.get("en");
            if (en != null && !(en instanceof String)) {
                throw error(field + ".en", "must be a text, was " + en);
            }
            return Localized.of(fr.strip(), en == null ? null : ((String) en).strip());
        }

        private List<Fields> list(String field) {
            Object v = required(field);
            if (!(v instanceof List<?> l) || l.isEmpty()) {
                throw error(field, "must be a non-empty list");
            }
            List<Fields> out = new ArrayList<>();
            for (int i = 0; i < l.size(); i++) {
                out.add(new Fields(file, path + field + "[" + i + "].", l.get(i)));
            }
            return out;
        }

        /** Runs a record constructor and turns its IllegalArgumentException into a message naming the field. */
        private <T> T build(String field, java.util.function.Supplier<T> constructor) {
            try {
                return constructor.get();
            } catch (IllegalArgumentException e) {
                throw error(field, e.getMessage());
            }
        }

        Consultation consultation(ZoneId zone) {
            map("");
            onlyFields(TOP_FIELDS);
            String id = string("id");
            Localized title = localized("title");
            Localized description = localized("description");
            LocalDate opens = date("opens");
            LocalDate closes = date("closes");
            if (closes.isBefore(opens)) {
                throw error("closes", closes + " is before opens " + opens);
            }
            boolean allowChanges = bool("allow-changes", false);
            List<Question> questions = new ArrayList<>();
            Set<String> ids = new java.util.HashSet<>();
            for (Fields q : list("questions")) {
                Question question = q.question();
                if (!ids.add(question.id())) {
                    throw q.error("id", "\"" + question.id() + "\" is already the id of another question");
                }
                questions.add(question);
            }
            return build("id", () -> new Consultation(id, title, description, opens.atStartOfDay(zone).toInstant(),
                    closes.plusDays(1).atStartOfDay(zone).toInstant(), closes, allowChanges, questions));
        }

        Question question() {
            map("");
            onlyFields(QUESTION_FIELDS);
            String id = checkedId(string("id"));
            String kind = string("kind");
            Localized text = localized("text");
            boolean required = bool("required", true);
            return switch (kind) {
                case "single-choice" -> build("options", () -> new Question.SingleChoice(id, text, options(), required));
                case "multiple-choice" -> build("options", () -> new Question.MultipleChoice(id, text, options(), required));
                case "scale" -> new Question.Scale(id, text, localized("low"), localized("high"), required);
                case "free-text" -> {
                    Object max = required("max-length");
                    if (!(max instanceof Integer n)) {
                        throw error("max-length", "must be a whole number, was " + max);
                    }
                    yield build("max-length", () -> new Question.FreeText(id, text, n, required));
                }
                default -> throw error("kind", "unknown kind \"" + kind + "\"; expected single-choice, multiple-choice, scale or free-text");
            };
        }

        private String checkedId(String id) {
            if (!Question.ID.matcher(id).matches()) {
                throw error("id", "must be 1-64 characters of [a-z0-9_-] starting with a letter or digit, was \"" + id + "\"");
            }
            return id;
        }

        private List<Question.Option> options() {
            List<Question.Option> out = new ArrayList<>();
            for (Fields o : list("options")) {
                o.map("");
                o.onlyFields(Set.of("id", "label"));
                String id = o.string("id");
                Localized label = o.localized("label");
                out.add(o.build("id", () -> new Question.Option(id, label)));
            }
            return out;
        }
    }
}
