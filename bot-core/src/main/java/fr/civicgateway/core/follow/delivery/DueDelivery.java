package fr.civicgateway.core.follow.delivery;

import fr.civicgateway.core.follow.FollowTarget;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One piece of news owed to one subscriber, as claimed from the delivery queue. A scrutin is named by its number
 * only: its title, result and the deputy's position are read from the current data when the digest is written.
 *
 * @param id              the delivery's id in the queue (marked sent with it)
 * @param conversationKey the subscriber ({@code telegram:<pseudonym>}, {@code web:<id>})
 * @param target          what the subscriber follows that this news is about
 * @param kind            what happened
 * @param ref             the scrutin's number for {@link Kind#SCRUTIN}; else an id of the source (may be null)
 * @param title           the news' title as the source gives it (a question's subject, a step's label, an item's
 *                        headline); null for a scrutin
 * @param url             the source link; null for a scrutin (its page is known)
 * @param date            the date the source gives; null for a scrutin
 * @param result          a step's result as the source gives it, or null
 * @param dueAt           when the queue made it due (its news was found); the schedule may hold it longer
 */
public record DueDelivery(long id, String conversationKey, FollowTarget target, Kind kind,
                          String ref, String title, String url, LocalDate date, String result, Instant dueAt) {

    /** What happened. */
    public enum Kind { SCRUTIN, QUESTION, SPEECH, BILL_STEP, NEWS_ITEM, REPORT_STATUS }

    public DueDelivery {
        Objects.requireNonNull(conversationKey, "conversationKey");
        Objects.requireNonNull(dueAt, "dueAt");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(kind, "kind");
        if (kind == Kind.SCRUTIN && (ref == null || !ref.matches("\\d{1,9}"))) {
            throw new IllegalArgumentException("a scrutin delivery needs the scrutin's number as ref: " + ref);
        }
    }

    /** A new scrutin for a subscriber of {@code target}. */
    public static DueDelivery scrutin(long id, String conversationKey, FollowTarget target, int number, Instant dueAt) {
        return new DueDelivery(id, conversationKey, target, Kind.SCRUTIN, Integer.toString(number), null,
                null, null, null, dueAt);
    }

    /** The channel part of the conversation key. */
    public String channel() {
        int colon = conversationKey.indexOf(':');
        return colon < 0 ? "" : conversationKey.substring(0, colon);
    }
}
