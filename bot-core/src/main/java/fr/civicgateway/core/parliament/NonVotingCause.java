package fr.civicgateway.core.parliament;

/** Why a deputy listed among {@code nonVotants} did not vote ({@code causePositionVote}). */
public enum NonVotingCause {
    NONE(""),
    /** {@code PAN}: President of the Assemblée. */
    PRESIDENT_OF_ASSEMBLY("PAN"),
    /** {@code PSE}: président de séance, chairing the sitting. */
    SESSION_CHAIR("PSE"),
    /** {@code MG}: member of the government. */
    GOVERNMENT_MEMBER("MG"),
    /** Any other cause code. */
    OTHER("?");

    private final String code;

    NonVotingCause(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    /** The causes that mean the deputy could not vote by function: such scrutins leave the participation count. */
    public boolean excusedByFunction() {
        return this == PRESIDENT_OF_ASSEMBLY || this == SESSION_CHAIR || this == GOVERNMENT_MEMBER;
    }

    public static NonVotingCause fromCode(String code) {
        if (code == null || code.isEmpty()) {
            return NONE;
        }
        for (NonVotingCause c : values()) {
            if (c.code.equals(code)) {
                return c;
            }
        }
        return OTHER;
    }
}
