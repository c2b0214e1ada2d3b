package fr.civicgateway.core.parliament.work;

import java.util.Locale;

/**
 * What a dossier's step is, from its {@code codeActe} (API.md §5, "A bill's stage"): déposé, renvoyé / examiné en
 * commission, en séance, adopté / rejeté, CMP, Conseil constitutionnel, promulgué, retiré. Their words, in French and
 * English, are in the message catalogue (bundles bill_status, legislative_work, representative_bills), not here.
 */
public enum StepKind {
    DEPOSITED,
    SENT_TO_COMMITTEE,
    COMMITTEE,
    IN_SITTING,
    DECIDED,
    ADOPTED,
    REJECTED,
    ACCELERATED,
    JOINT_COMMITTEE,
    CONSTITUTIONAL_COUNCIL,
    PROMULGATED,
    WITHDRAWN,
    MOTION,
    OTHER;

    /**
     * The kind of a {@code codeActe} and, for decisions, its {@code statutConclusion}'s wording. The chamber prefix
     * ({@code AN1-}, {@code SN2-}, {@code ANLDEF-}) is ignored here; {@link Step#chamber()} keeps it.
     */
    public static StepKind of(String codeActe, String outcome) {
        String c = codeActe.toUpperCase(Locale.ROOT);
        if (c.startsWith("PROM")) {
            return PROMULGATED;
        }
        if (c.startsWith("CC")) {
            return CONSTITUTIONAL_COUNCIL;
        }
        if (c.startsWith("CMP")) {
            return JOINT_COMMITTEE;
        }
        if (c.endsWith("-RTRINI")) {
            return WITHDRAWN;
        }
        if (c.endsWith("-DEPOT") || c.endsWith("-ACIN") || c.endsWith("-AVCE") || c.endsWith("-ETI")) {
            return DEPOSITED;
        }
        if (c.endsWith("-PROCACC")) {
            return ACCELERATED;
        }
        if (c.contains("-MOTION")) {
            return MOTION;
        }
        if (c.contains("-COM-") && c.endsWith("-SAISIE")) {
            return SENT_TO_COMMITTEE;
        }
        if (c.contains("-COM")) {
            return COMMITTEE;
        }
        if (c.endsWith("-DEBATS-DEC")) {
            if (outcome == null) {
                return DECIDED;
            }
            String o = outcome.toLowerCase(Locale.ROOT);
            if (o.contains("rejet")) {
                return REJECTED;
            }
            if (o.startsWith("adopt") || o.startsWith("modifi") || o.contains("comme adopt")
                    || o.contains("définitive")) {
                return ADOPTED;
            }
            return DECIDED;
        }
        if (c.contains("-DEBATS")) {
            return IN_SITTING;
        }
        return OTHER;
    }
}
