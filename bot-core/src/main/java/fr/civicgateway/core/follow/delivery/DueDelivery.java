package fr.civicgateway.core.follow.delivery;

import fr.civicgateway.core.follow.FollowTarget;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

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
 * @param concerns        every followed thing the news concerns ({@code target} among them): a scrutin concerns the
 *                        deputies who voted and the matching topics. A follower reached through the deputy who then
 *                        unfollows only the deputy still follows the topic, and is still owed the news
 *                        ({@link #through})
 */
public record DueDelivery(long id, String conversationKey, FollowTarget target, Kind kind,
                          String ref, String title, String url, LocalDate date, String result, Instant dueAt,
                          List<FollowTarget> concerns) {

    /** What happened. */
    public enum Kind { SCRUTIN, QUESTION, SPEECH, BILL_STEP, NEWS_ITEM, REPORT_STATUS }

    public DueDelivery {
        Objects.requireNonNull(conversationKey, "conversationKey");
        Objects.requireNonNull(dueAt, "dueAt");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(kind, "kind");
        concerns = concerns == null || concerns.isEmpty() ? List.of(target) : List.copyOf(concerns);
        if (kind == Kind.SCRUTIN && (ref == null || !ref.matches("\\d{1,9}"))) {
            throw new IllegalArgumentException("a scrutin delivery needs the scrutin's number as ref: " + ref);
        }
    }

    /** News that concerns {@code target} only. */
    public DueDelivery(long id, String conversationKey, FollowTarget target, Kind kind, String ref, String title,
                       String url, LocalDate date, String result, Instant dueAt) {
        this(id, conversationKey, target, kind, ref, title, url, date, result, dueAt, List.of(target));
    }

    /**
     * The target this news is owed through for a subscriber who follows {@code followed}: its own target while it is
     * followed, else the first other thing it concerns that is, else empty (owed to nobody any more).
     */
    public Optional<DueDelivery> through(Set<FollowTarget> followed) {
        if (followed.contains(target)) {
            return Optional.of(this);
        }
        return concerns.stream().filter(followed::contains).findFirst()
                .map(t -> new DueDelivery(id, conversationKey, t, kind, ref, title, url, date, result, dueAt, concerns));
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
