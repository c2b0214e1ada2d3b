package fr.civicgateway.opendata.assemblee;

import fr.civicgateway.core.parliament.NonVotingCause;
import fr.civicgateway.core.parliament.Position;

/**
 * One deputy's vote on one scrutin packed in a byte, so that a whole legislature's votes fit in one array
 * (about 2.4 million bytes for 3,876 scrutins × 629 deputies).
 * <pre>
 * bits 0-2  position: 0 not listed, 1 for, 2 against, 3 abstention, 4 non-voting
 * bit  3    cast by proxy (parDelegation)
 * bits 4-6  NonVotingCause ordinal
 * </pre>
 * 0 is "not listed", so a freshly allocated array means nobody voted.
 */
final class VoteCode {

    static final byte NOT_LISTED = 0;

    private static final Position[] POSITIONS = {
        Position.ABSENT, Position.FOR, Position.AGAINST, Position.ABSTENTION, Position.NON_VOTING
    };
    private static final NonVotingCause[] CAUSES = NonVotingCause.values();
    private static final int PROXY = 0b1000;

    private VoteCode() {
    }

    static byte encode(Position position, boolean byProxy, NonVotingCause cause) {
        int p = switch (position) {
            case ABSENT -> 0;
            case FOR -> 1;
            case AGAINST -> 2;
            case ABSTENTION -> 3;
            case NON_VOTING -> 4;
        };
        return (byte) (p | (byProxy ? PROXY : 0) | (cause.ordinal() << 4));
    }

    static Position position(byte code) {
        return POSITIONS[code & 0b111];
    }

    static boolean byProxy(byte code) {
        return (code & PROXY) != 0;
    }

    static NonVotingCause cause(byte code) {
        return CAUSES[(code >> 4) & 0b111];
    }
}
