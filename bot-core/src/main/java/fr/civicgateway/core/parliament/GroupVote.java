package fr.civicgateway.core.parliament;

import java.util.Optional;

/**
 * How one political group voted on one scrutin.
 *
 * <p>Answers state the group's position from its members' nominal votes ({@link #majority()}), never the published
 * {@code positionMajoritaire}: 3,404 blocks of legislature 17 where nobody voted publish "pour", and about 1,500 more
 * publish a position most of the group did not take.
 *
 * @param groupUid          organe uid; a uid the data may not describe ({@code PO0} when the Assemblée left a block
 *                          unnamed and the voters' mandates could not name it, {@code PO847173})
 * @param members           {@code nombreMembresGroupe}
 * @param majorityPosition  {@code positionMajoritaire} as published; {@link Position#NON_VOTING} when the source says
 *                          "nonVotant". Not used for answers, see {@link #majority()}
 * @param counts            the group's {@code decompteVoix}, which equals the count of its nominal votes
 */
public record GroupVote(String groupUid, int members, Position majorityPosition, VoteCounts counts) {

    /**
     * The position — for, against or abstention — that strictly more of the group's members took than either other;
     * empty when none of them took part ({@link #noneTookPart()}) or when two positions tie.
     */
    public Optional<Position> majority() {
        int f = counts.forVotes();
        int a = counts.against();
        int x = counts.abstentions();
        if (f > a && f > x) {
            return Optional.of(Position.FOR);
        }
        if (a > f && a > x) {
            return Optional.of(Position.AGAINST);
        }
        if (x > f && x > a) {
            return Optional.of(Position.ABSTENTION);
        }
        return Optional.empty();
    }

    /** No member voted for, against or abstained. */
    public boolean noneTookPart() {
        return counts.forVotes() == 0 && counts.against() == 0 && counts.abstentions() == 0;
    }
}
