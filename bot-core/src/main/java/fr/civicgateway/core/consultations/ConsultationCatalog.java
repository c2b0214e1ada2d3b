package fr.civicgateway.core.consultations;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The consultations the operator defined (read once at start-up from the configuration).
 *
 * <p>Implementations are immutable and thread-safe; they throw nothing after construction (a bad definition fails
 * at start-up, naming the file and the field).
 *
 * <pre>{@code
 * catalog.open(clock.instant()).forEach(c -> System.out.println(c.title().fr()));
 * }</pre>
 */
public interface ConsultationCatalog {

    /** Every consultation, open or not, in a stable order (by opening date, then id). */
    List<Consultation> all();

    default Optional<Consultation> find(String id) {
        return all().stream().filter(c -> c.id().equals(id)).findFirst();
    }

    /** The consultations open at {@code now}, in {@link #all()}'s order. */
    default List<Consultation> open(Instant now) {
        return all().stream().filter(c -> c.isOpen(now)).toList();
    }

    static ConsultationCatalog of(List<Consultation> consultations) {
        List<Consultation> copy = List.copyOf(consultations);
        return () -> copy;
    }
}
