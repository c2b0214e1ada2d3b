package fr.civicgateway.core.parliament.work;

import java.util.Objects;
import java.util.OptionalDouble;

/**
 * A deputy's recorded presence at the committee meetings that publish their attendance (API.md §5, "Committee
 * presence"). This is not presence in the chamber, which the Assemblée does not record.
 *
 * <p>The period is {@code provenance.from()} to {@code provenance.dataDate()}: the committee meetings counted.
 */
public record CommitteePresence(int present, int absent, int excused, Provenance provenance) {

    public CommitteePresence {
        Objects.requireNonNull(provenance, "provenance");
        if (present < 0 || absent < 0 || excused < 0) {
            throw new IllegalArgumentException("negative count");
        }
    }

    /** Every entry of the deputy in the meetings' rolls. */
    public int entries() {
        return present + absent + excused;
    }

    /** Présent ÷ all entries; empty when the deputy has no entry. */
    public OptionalDouble rate() {
        return entries() == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) present / entries());
    }
}
