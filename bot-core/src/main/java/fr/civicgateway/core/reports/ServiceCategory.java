package fr.civicgateway.core.reports;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A kind of problem citizens can report, in Open311 GeoReport v2 terms (a "service"): configured by the operator in
 * {@code config/open311-services.yml}.
 *
 * @param code       the Open311 {@code service_code}: 1–64 characters of {@code [A-Za-z0-9_.-]}, stable once used
 * @param nameFr     the French name shown to citizens
 * @param nameEn     the English name
 * @param keywords   folded words or phrases that suggest this category in a citizen's message ("nid de poule")
 * @param group      the Open311 {@code group} (e.g. "Voirie")
 * @param attributes the Open311 attributes the municipality asks for (service definition); may be empty
 */
public record ServiceCategory(String code, String nameFr, String nameEn, List<String> keywords, String group,
                              List<Attribute> attributes) {

    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

    public ServiceCategory {
        if (code == null || !CODE.matcher(code).matches()) {
            throw new IllegalArgumentException("service code must be 1-64 characters of [A-Za-z0-9_.-]: " + code);
        }
        requireText(nameFr, "name-fr of service " + code);
        requireText(nameEn, "name-en of service " + code);
        requireText(group, "group of service " + code);
        keywords = List.copyOf(keywords);
        attributes = List.copyOf(attributes);
    }

    /** The name in the language of the conversation. */
    public String name(boolean english) {
        return english ? nameEn : nameFr;
    }

    /** Whether the Open311 service definition has attributes ({@code metadata} in the service list). */
    public boolean hasMetadata() {
        return !attributes.isEmpty();
    }

    private static void requireText(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(what + " must not be empty");
        }
    }

    /** The Open311 attribute datatypes. */
    public enum Datatype {
        STRING, NUMBER, DATETIME, TEXT, SINGLEVALUELIST, MULTIVALUELIST;

        public String apiName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * One question of a service definition (Open311 {@code attributes}).
     *
     * @param code        the attribute code
     * @param datatype    its Open311 datatype
     * @param required    whether a request must answer it
     * @param description the question, as shown
     * @param values      the allowed values (key → name) of a list datatype; empty otherwise
     */
    public record Attribute(String code, Datatype datatype, boolean required, String description,
                            List<Value> values) {
        public Attribute {
            Objects.requireNonNull(code, "attribute code");
            Objects.requireNonNull(datatype, () -> "datatype of attribute " + code);
            requireText(description, "description of attribute " + code);
            values = List.copyOf(values);
            boolean list = datatype == Datatype.SINGLEVALUELIST || datatype == Datatype.MULTIVALUELIST;
            if (list && values.isEmpty()) {
                throw new IllegalArgumentException("attribute " + code + " of datatype " + datatype.apiName()
                        + " needs values");
            }
        }
    }

    /** An allowed value of a list attribute. */
    public record Value(String key, String name) {
    }
}
