package fr.civicgateway.core.parliament;

/**
 * How one political group voted on one scrutin.
 *
 * @param groupUid          organe uid (may be a uid the data does not describe, e.g. {@code PO0})
 * @param members           {@code nombreMembresGroupe}
 * @param majorityPosition  {@code positionMajoritaire}; {@link Position#NON_VOTING} when the source says "nonVotant"
 * @param counts            the group's {@code decompteVoix}
 */
public record GroupVote(String groupUid, int members, Position majorityPosition, VoteCounts counts) {
}
