package fr.civicgateway.core.representative;

import java.time.LocalDate;

/**
 * A deputy's participation in public votes, by the methodology of API.md §4.
 *
 * @param counted            ordinary and solemn scrutins held while in office, less those the deputy could not vote in
 * @param tookPart           of those, how many the deputy voted for, against or abstained in (by proxy included)
 * @param byProxy            of {@code tookPart}, how many by proxy
 * @param excusedByFunction  scrutins left out because the deputy chaired the sitting, presided the Assemblée or was
 *                           in the government ({@code causePositionVote} PSE, PAN, MG)
 * @param solemnCounted      the solemn scrutins among {@code counted}
 * @param solemnTookPart     the solemn scrutins among {@code tookPart}
 * @param firstScrutinDate   the date of the first counted scrutin, null when none
 * @param lastScrutinDate    the date of the last counted scrutin, null when none
 */
public record Participation(int counted, int tookPart, int byProxy, int excusedByFunction, int solemnCounted,
                            int solemnTookPart, LocalDate firstScrutinDate, LocalDate lastScrutinDate) {
}
