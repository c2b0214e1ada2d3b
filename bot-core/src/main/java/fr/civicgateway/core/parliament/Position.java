package fr.civicgateway.core.parliament;

/** A deputy's position on one scrutin, or a group's majority position. */
public enum Position {
    FOR,
    AGAINST,
    ABSTENTION,
    /** Listed among {@code nonVotants} (see {@link NonVotingCause}). */
    NON_VOTING,
    /** Not listed at all in the scrutin: did not take part. */
    ABSENT
}
