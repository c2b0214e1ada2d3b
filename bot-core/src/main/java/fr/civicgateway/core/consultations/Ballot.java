package fr.civicgateway.core.consultations;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One citizen's answers to one consultation, as submitted: question id → response, in the questions' order.
 * A skipped optional question has no entry. Holds no identity: the store keys it by a pseudonym.
 */
public record Ballot(String consultationId, Map<String, Response> responses) {

    public Ballot {
        Objects.requireNonNull(consultationId, "consultationId");
        responses = Collections.unmodifiableMap(new LinkedHashMap<>(responses));
    }
}
