package fr.civicgateway.core.representative;

import fr.civicgateway.core.parliament.Deputy;
import fr.civicgateway.core.parliament.ParliamentData;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Every deputy's {@link Participation} in one version of the data, computed at once by {@link
 * ParticipationCalculator} (so the figures are the calculator's, to the unit). A participation depends only on the
 * data: the app builds this with each version, at load and before a refresh swaps the version in, so that no question
 * pays for the pass over every scrutin. Immutable and thread-safe.
 *
 * <pre>{@code
 * Participations all = Participations.of(data);
 * all.of(deputy).tookPart();
 * }</pre>
 */
public final class Participations {

    /** The deputy as the data knows it, and their participation; null for a deputy without a start of mandate. */
    private record Entry(Deputy deputy, Participation participation) {
    }

    private final ParliamentData data;
    private final long version;
    private final Map<String, Entry> byUid;

    private Participations(ParliamentData data, long version, Map<String, Entry> byUid) {
        this.data = data;
        this.version = version;
        this.byUid = byUid;
    }

    /** Computes the participation of each deputy of {@code data} whose start of mandate is known. */
    public static Participations of(ParliamentData data) {
        Objects.requireNonNull(data, "data");
        long version = data.version();
        Map<String, Entry> byUid = new HashMap<>(data.deputies().size() * 2);
        for (Deputy d : data.deputies()) {
            byUid.put(d.uid(), new Entry(d, d.mandateStart() == null ? null : ParticipationCalculator.compute(data, d)));
        }
        return new Participations(data, version, Map.copyOf(byUid));
    }

    /**
     * Participations computed once per version of {@code data}, at the first question a version gets, for when no
     * one builds them with the data (tests, a single version loaded once). The app builds them with each version
     * instead.
     */
    public static ParticipationSource perVersion(ParliamentData data) {
        Objects.requireNonNull(data, "data");
        AtomicReference<Participations> computed = new AtomicReference<>();
        return d -> {
            long version = data.version();
            Participations p = computed.get();
            if (p == null || p.version != version) {
                p = of(data);
                computed.set(p);
            }
            return p.of(d);
        };
    }

    /**
     * The deputy's participation, exactly as {@link ParticipationCalculator#compute} gives it.
     *
     * @throws IllegalArgumentException when the deputy's start of mandate is unknown: no period, no rate
     */
    public Participation of(Deputy d) {
        Entry e = byUid.get(d.uid());
        if (e == null || !e.deputy().equals(d)) {
            // Not this version's deputy (a caller's own record): computed as it is, never another one's figures.
            return ParticipationCalculator.compute(data, d);
        }
        if (e.participation() == null) {
            throw new IllegalArgumentException("no start of mandate for " + d.uid());
        }
        return e.participation();
    }

    /** How many deputies have a participation here. */
    public int size() {
        return (int) byUid.values().stream().filter(e -> e.participation() != null).count();
    }
}
