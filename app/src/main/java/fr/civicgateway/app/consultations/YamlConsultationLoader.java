package fr.civicgateway.app.consultations;

import fr.civicgateway.core.consultations.Consultation;
import fr.civicgateway.core.consultations.Localized;
import fr.civicgateway.core.consultations.Question;
import com.fasterxml.jackson.annotation.JsonCreator;
import fr.civicgateway.opendata.yaml.StrictYaml;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Reads {@code config/consultations/*.yml}: one consultation per file, bound by {@link StrictYaml} (Jackson and Bean
 * Validation) to the records below, then checked for what depends on a question's kind, so that a mistake
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

    private static final StrictYaml YAML = StrictYaml.kebabCase();

    /** A text in French and optionally English: {@code Votre note} or {@code {fr: Votre note, en: Your rating}}. */
    record Text(@NotBlank(message = "missing: the French text is required") String fr, String en) {

        @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
        Text {
        }

        @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
        static Text of(String fr) {
            return new Text(fr, null);
        }

        Localized localized() {
            return Localized.of(fr.strip(), en == null ? null : en.strip());
        }
    }

    /** The file as written. */
    record ConsultationFile(@NotBlank String id, @NotNull @Valid Text title, @NotNull @Valid Text description,
                            @NotNull LocalDate opens, @NotNull LocalDate closes, Boolean allowChanges,
                            @NotEmpty(message = "must be a non-empty list") List<@NotNull @Valid QuestionEntry> questions) {
    }

    /** One question as written; which keys it needs depends on its kind. */
    record QuestionEntry(@NotBlank String id, @NotBlank String kind, @NotNull @Valid Text text,
                         List<@NotNull @Valid OptionEntry> options, @Valid Text low, @Valid Text high,
                         Integer maxLength, Boolean required) {
    }

    record OptionEntry(@NotBlank String id, @NotNull @Valid Text label) {
    }

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
        ConsultationFile f;
        try {
            f = YAML.read(file, ConsultationFile.class);
        } catch (StrictYaml.Invalid e) {
            throw new ConsultationDefinitionException(message(e), e);
        }
        return new Checked(name, "").consultation(f, zone);
    }

    /** {@code bad.yml: questions[0].low: missing}. */
    private static String message(StrictYaml.Invalid e) {
        String where = e.file() + ": " + (e.key().isEmpty() ? "" : e.key() + ": ");
        return switch (e.problem()) {
            case UNKNOWN_KEY -> where + "unknown field; expected one of " + e.knownKeys();
            case NOT_A_MAPPING -> e.key().isEmpty() ? e.file() + ": the file must be a map of fields"
                    : where + "must be a map of fields";
            default -> e.getMessage();
        };
    }

    /** The checks that depend on more than one key, with the path of the entry for error messages. */
    private record Checked(String file, String path) {

        private ConsultationDefinitionException error(String field, String message) {
            return new ConsultationDefinitionException(file + ": " + path + field + ": " + message);
        }

        /** Runs a record constructor and turns its IllegalArgumentException into a message naming the field. */
        private <T> T build(String field, Supplier<T> constructor) {
            try {
                return constructor.get();
            } catch (IllegalArgumentException e) {
                throw error(field, e.getMessage());
            }
        }

        private static <T> T present(T value, Supplier<ConsultationDefinitionException> missing) {
            if (value == null) {
                throw missing.get();
            }
            return value;
        }

        Consultation consultation(ConsultationFile f, ZoneId zone) {
            if (f.closes().isBefore(f.opens())) {
                throw error("closes", f.closes() + " is before opens " + f.opens());
            }
            String id = f.id().strip();
            boolean allowChanges = Boolean.TRUE.equals(f.allowChanges());
            List<Question> questions = new ArrayList<>();
            Set<String> ids = new HashSet<>();
            for (int i = 0; i < f.questions().size(); i++) {
                Checked q = new Checked(file, "questions[" + i + "].");
                Question question = q.question(f.questions().get(i));
                if (!ids.add(question.id())) {
                    throw q.error("id", "\"" + question.id() + "\" is already the id of another question");
                }
                questions.add(question);
            }
            return build("id", () -> new Consultation(id, f.title().localized(), f.description().localized(),
                    f.opens().atStartOfDay(zone).toInstant(), f.closes().plusDays(1).atStartOfDay(zone).toInstant(),
                    f.closes(), allowChanges, questions));
        }

        Question question(QuestionEntry q) {
            String id = checkedId(q.id().strip());
            String kind = q.kind().strip();
            Localized text = q.text().localized();
            boolean required = q.required() == null || q.required();
            return switch (kind) {
                case "single-choice" -> build("options", () -> new Question.SingleChoice(id, text, options(q), required));
                case "multiple-choice" -> build("options", () -> new Question.MultipleChoice(id, text, options(q), required));
                case "scale" -> new Question.Scale(id, text,
                        present(q.low(), () -> error("low", "missing")).localized(),
                        present(q.high(), () -> error("high", "missing")).localized(), required);
                case "free-text" -> {
                    int n = present(q.maxLength(), () -> error("max-length", "missing"));
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

        private List<Question.Option> options(QuestionEntry q) {
            List<OptionEntry> written = q.options();
            if (written == null || written.isEmpty()) {
                throw error("options", "must be a non-empty list");
            }
            List<Question.Option> out = new ArrayList<>();
            for (int i = 0; i < written.size(); i++) {
                OptionEntry o = written.get(i);
                Checked at = new Checked(file, path + "options[" + i + "].");
                out.add(at.build("id", () -> new Question.Option(o.id().strip(), o.label().localized())));
            }
            return out;
        }
    }
}
