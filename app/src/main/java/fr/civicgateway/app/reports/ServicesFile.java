package fr.civicgateway.app.reports;

import fr.civicgateway.core.reports.ReportCategories;
import fr.civicgateway.core.reports.ServiceCategory;
import fr.civicgateway.opendata.yaml.StrictYaml;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads {@code open311-services.yml} into the report categories, bound by {@link StrictYaml} (Jackson and Bean
 * Validation; an unknown key is refused). Every problem fails the start-up with an {@link IllegalStateException}
 * naming the file and the entry ("services[3] (graffiti): name-en must not be empty").
 */
public final class ServicesFile {

    private static final StrictYaml YAML = StrictYaml.kebabCase();

    /** The file as written. */
    record Document(@NotEmpty(message = "expected a non-empty list under \"services\"")
                    List<@NotNull(message = "expected code, name-fr, name-en, group, keywords") @Valid Service> services) {
    }

    /** One category as written; the core's {@link ServiceCategory} checks its values. */
    record Service(String code, String nameFr, String nameEn, List<String> keywords, String group,
                   List<@NotNull @Valid Attribute> attributes) {
    }

    record Attribute(String code, String datatype, Boolean required, String description,
                     List<@NotNull @Valid Value> values) {
    }

    record Value(@NotNull(message = "each value needs a key and a name") String key,
                 @NotNull(message = "each value needs a key and a name") String name) {
    }

    private ServicesFile() {
    }

    public static ReportCategories load(Path file) {
        if (!Files.isReadable(file)) {
            throw new IllegalStateException("report categories: cannot read " + file.toAbsolutePath()
                    + " (civic.reports.services-file)");
        }
        String name = file.getFileName().toString();
        try {
            return categories(YAML.read(file, Document.class), name);
        } catch (StrictYaml.Invalid e) {
            throw new IllegalStateException(message(e), e);
        }
    }

    /** Reads the categories from YAML text; {@code source} names it in messages. */
    static ReportCategories parse(String yaml, String source) {
        Document d;
        try {
            d = YAML.validate(source, YAML.bind(source, YAML.readTree(source, yaml), Document.class));
        } catch (StrictYaml.Invalid e) {
            throw new IllegalStateException(message(e), e);
        }
        return categories(d, source);
    }

    private static String message(StrictYaml.Invalid e) {
        return switch (e.problem()) {
            case NOT_A_MAPPING -> e.key().isEmpty() ? e.file() + ": expected a non-empty list under \"services\""
                    : e.file() + ": " + e.key() + ": expected code, name-fr, name-en, group, keywords";
            case UNKNOWN_KEY -> e.file() + ": " + e.key() + ": unknown key; known keys: "
                    + String.join(", ", e.knownKeys());
            case MISSING -> e.file() + ": " + (e.key().equals("services") ? "" : e.key() + ": ") + e.detail();
            default -> e.getMessage();
        };
    }

    private static ReportCategories categories(Document d, String source) {
        List<ServiceCategory> out = new ArrayList<>();
        for (int i = 0; i < d.services().size(); i++) {
            Service s = d.services().get(i);
            String where = source + ": services[" + i + "] (" + s.code() + ")";
            try {
                out.add(new ServiceCategory(s.code(), s.nameFr(), s.nameEn(),
                        s.keywords() == null ? List.of() : s.keywords(), s.group(), attributes(s.attributes())));
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException(where + ": " + e.getMessage(), e);
            }
        }
        try {
            return ReportCategories.of(out);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(source + ": " + e.getMessage(), e);
        }
    }

    private static List<ServiceCategory.Attribute> attributes(List<Attribute> written) {
        if (written == null) {
            return List.of();
        }
        List<ServiceCategory.Attribute> out = new ArrayList<>();
        for (Attribute a : written) {
            ServiceCategory.Datatype type;
            try {
                type = ServiceCategory.Datatype.valueOf(a.datatype() == null ? "" : a.datatype().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("attribute " + a.code() + ": unknown datatype " + a.datatype()
                        + " (string, number, datetime, text, singlevaluelist, multivaluelist)");
            }
            List<ServiceCategory.Value> values = a.values() == null ? List.of()
                    : a.values().stream().map(v -> new ServiceCategory.Value(v.key(), v.name())).toList();
            out.add(new ServiceCategory.Attribute(a.code(), type, Boolean.TRUE.equals(a.required()), a.description(),
                    values));
        }
        return out;
    }
}
