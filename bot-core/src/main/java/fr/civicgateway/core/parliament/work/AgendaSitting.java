package fr.civicgateway.core.parliament.work;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Objects;

/**
 * A séance publique of the Assemblée as the agenda publishes it (scheduled ones included).
 *
 * @param uid    the réunion's uid ({@code RUANR5L17S2026IDS30299})
 * @param start  its start, local time in Paris
 * @param state  the agenda's {@code cycleDeVie.etat} ("Confirmé", "Eventuel")
 * @param items  its agenda, in order
 */
public record AgendaSitting(String uid, LocalDateTime start, String state, List<AgendaItem> items) {

    public AgendaSitting {
        Objects.requireNonNull(uid, "uid");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(state, "state");
        items = List.copyOf(items);
    }
}
