package fr.civicgateway.core.representative;

import fr.civicgateway.core.parliament.Deputy;

/**
 * Where {@link AttendanceHandler} reads a deputy's participation: the {@link Participations} of the version of the
 * data that answers now (the app's is swapped with the data; {@link Participations#perVersion} otherwise).
 */
@FunctionalInterface
public interface ParticipationSource {

    /**
     * @throws IllegalArgumentException when the deputy's start of mandate is unknown
     */
    Participation of(Deputy deputy);
}
