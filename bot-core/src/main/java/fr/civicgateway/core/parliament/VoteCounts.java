package fr.civicgateway.core.parliament;

/**
 * The synthesis of a scrutin ({@code syntheseVote}) or a group's count ({@code decompteVoix}).
 * {@code voters}, {@code expressed} and {@code required} are 0 where the source does not give them (groups).
 */
public record VoteCounts(int voters, int expressed, int required, int forVotes, int against, int abstentions,
                         int nonVoting) {
}
