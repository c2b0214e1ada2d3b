package fr.civicgateway.core.nlu;

/** Entity types of the public API (API.md §2) and the form of their value. */
public enum EntityType {
    /** The Assemblée's acteur uid, {@code PA720892}. */
    DEPUTY("deputy"),
    /** The scrutin number, {@code 3876}. */
    SCRUTIN("scrutin"),
    /** Five digits, {@code 75011}. */
    POSTCODE("postcode"),
    /** INSEE commune code, {@code 74010}. */
    COMMUNE("commune"),
    /** Département code, {@code 33}, {@code 2A}, {@code 971}. */
    DEPARTEMENT("departement"),
    /** Département code, dash, number: {@code 33-4}. */
    CIRCONSCRIPTION("circonscription"),
    /** Organe uid of a political group, {@code PO845413}. */
    GROUP("group"),
    /** The words that describe a vote's subject. */
    TOPIC("topic"),
    /** The tracking number of a problem report, {@code 42} ("signalement 42", "report #42"). */
    REPORT("report"),
    /**
     * A day, {@code 2026-04-15}: "aujourd'hui", "demain", "mardi dernier", "le 15 avril", "15/04/2026", "last
     * Tuesday", "April 15". Days named relative to today are placed in time against the turn's day in the town's
     * zone, outside any cache ({@link Understanding#withDatesOn}); a day without its year is the nearest such day.
     * Until then the value is a {@link DateExpression#value()}.
     */
    DATE("date"),
    /** A dossier législatif's uid, {@code DLR5L17N51670}, as written in a message. */
    DOSSIER("dossier");

    private final String apiName;

    EntityType(String apiName) {
        this.apiName = apiName;
    }

    public String apiName() {
        return apiName;
    }
}
