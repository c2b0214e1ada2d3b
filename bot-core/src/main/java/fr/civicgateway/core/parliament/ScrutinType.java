package fr.civicgateway.core.parliament;

/** The kind of public vote, from {@code typeVote.codeTypeVote}. */
public enum ScrutinType {
    /** {@code SPO}: scrutin public ordinaire. */
    ORDINARY("SPO"),
    /** {@code SPS}: scrutin public solennel. */
    SOLEMN("SPS"),
    /** {@code MOC}: motion de censure, which records only the votes for. */
    CENSURE_MOTION("MOC"),
    /** Any other code the Assemblée may add. */
    OTHER("");

    private final String code;

    ScrutinType(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static ScrutinType fromCode(String code) {
        for (ScrutinType t : values()) {
            if (t != OTHER && t.code.equals(code)) {
                return t;
            }
        }
        return OTHER;
    }
}
