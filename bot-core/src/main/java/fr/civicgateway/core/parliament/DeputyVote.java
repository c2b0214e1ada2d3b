package fr.civicgateway.core.parliament;

/**
 * One deputy's recorded vote on one scrutin.
 *
 * @param position  {@link Position#ABSENT} when the deputy is not listed in the scrutin
 * @param byProxy   cast {@code parDelegation}
 * @param cause     the {@code causePositionVote} of a non-voting deputy, else {@link NonVotingCause#NONE}
 * @param groupUid  the group under which the vote is listed in the ventilation, null when absent
 */
public record DeputyVote(Position position, boolean byProxy, NonVotingCause cause, String groupUid) {

    public static final DeputyVote NOT_LISTED = new DeputyVote(Position.ABSENT, false, NonVotingCause.NONE, null);

    /** Took part in the sense of the participation methodology: for, against or abstention (proxy included). */
    public boolean tookPart() {
        return position == Position.FOR || position == Position.AGAINST || position == Position.ABSTENTION;
    }
}
