package fr.civicgateway.connectors.records;

import fr.civicgateway.connectors.web.ApiException;
import java.util.List;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;

/** The two representations of the records API: JSON (the default) and CSV. */
enum Format {
    JSON, CSV;

    static final MediaType TEXT_CSV = new MediaType("text", "csv");

    /**
     * {@code ?format=csv|json} first, else the {@code Accept} header: CSV when it names {@code text/csv} before any JSON
     * type. An endpoint without a CSV form refuses {@code format=csv} with a 400 and an {@code Accept} that takes
     * nothing but CSV with a 406.
     */
    static Format of(String format, String accept, boolean csvAvailable) {
        if (format != null) {
            Format f = switch (format.toLowerCase(Locale.ROOT)) {
                case "json" -> JSON;
                case "csv" -> CSV;
                default -> throw Params.invalid("\"format\" must be \"json\" or \"csv\".");
            };
            if (f == CSV && !csvAvailable) {
                throw Params.invalid("This endpoint answers JSON only: \"format\" must be \"json\" here.");
            }
            return f;
        }
        if (accept == null || accept.isBlank()) {
            return JSON;
        }
        List<MediaType> types;
        try {
            types = MediaType.parseMediaTypes(accept);
        } catch (InvalidMediaTypeException e) {
            return JSON;
        }
        // The most wanted first; among equals, the order the client wrote (a stable sort).
        types = new java.util.ArrayList<>(types);
        types.sort(java.util.Comparator.comparingDouble(MediaType::getQualityValue).reversed());
        for (MediaType t : types) {
            if (t.getQualityValue() == 0) {
                continue;
            }
            if (TEXT_CSV.includes(t) && !t.isWildcardType() && !t.isWildcardSubtype()) {
                if (csvAvailable) {
                    return CSV;
                }
                continue;
            }
            if (t.isCompatibleWith(MediaType.APPLICATION_JSON)) {
                return JSON;
            }
        }
        if (!csvAvailable && types.stream().allMatch(t -> TEXT_CSV.equalsTypeAndSubtype(t) || t.getQualityValue() == 0)) {
            throw new ApiException(HttpStatus.NOT_ACCEPTABLE, "not_acceptable", "This endpoint answers application/json only.");
        }
        return JSON;
    }
}
