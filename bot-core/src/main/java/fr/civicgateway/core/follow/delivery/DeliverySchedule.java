package fr.civicgateway.core.follow.delivery;

import fr.civicgateway.core.follow.FollowTarget;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.Objects;

/**
 * When what a subscriber follows may be sent: a deputy's news wait for their digest (every {@code digest}: a day by
 * default, at a local time; 12 h: at that time and 12 h later; 7 days: weekly on a day), everything else leaves at
 * the next pass; nothing leaves during the quiet hours, which end in the
 * morning. All times are local to {@code zone} (Europe/Paris by default), so the digest and the quiet hours follow
 * the clock change. Immutable; every answer depends only on the instant it is given.
 *
 * <pre>{@code
 * var s = new DeliverySchedule(Duration.ofDays(1), LocalTime.of(18, 0), DayOfWeek.MONDAY, zone,
 *         LocalTime.of(21, 0), LocalTime.of(8, 0));
 * Instant due = s.dueAt(new FollowTarget.Deputy("PA720892"), eventTime); // the next 18:00, Paris time
 * }</pre>
 *
 * @param digest     how often a deputy's digest leaves, at least an hour ({@code civic.follow.digest})
 * @param digestTime the local time the digests are counted from (hourly: only its minutes count)
 * @param digestDay  the day digests of a week or more are counted from
 * @param quietFrom  start of the quiet hours (local); equal to {@code quietUntil} for none
 * @param quietUntil end of the quiet hours (local): what waited is sent from then on
 */
public record DeliverySchedule(Duration digest, LocalTime digestTime, DayOfWeek digestDay, ZoneId zone,
                               LocalTime quietFrom, LocalTime quietUntil) {

    /** A Monday: the digests' count starts there (at {@code digestDay}, {@code digestTime}). */
    private static final java.time.LocalDate ORIGIN = java.time.LocalDate.of(2024, 1, 1);

    public DeliverySchedule {
        Objects.requireNonNull(digest, "civic.follow.digest");
        if (digest.compareTo(Duration.ofHours(1)) < 0) {
            throw new IllegalArgumentException("civic.follow.digest must be at least 1h: " + digest);
        }
        Objects.requireNonNull(digestTime, "civic.follow.digest-time");
        Objects.requireNonNull(digestDay, "civic.follow.digest-day");
        Objects.requireNonNull(zone, "civic.follow.zone");
        Objects.requireNonNull(quietFrom, "civic.follow.quiet-hours.from");
        Objects.requireNonNull(quietUntil, "civic.follow.quiet-hours.until");
    }

    /** The shipped defaults in {@code zone} (the application's is Europe/Paris): daily at 18:00, quiet 21:00–08:00. */
    public static DeliverySchedule defaults(ZoneId zone) {
        return new DeliverySchedule(Duration.ofDays(1), LocalTime.of(18, 0), DayOfWeek.MONDAY, zone,
                LocalTime.of(21, 0), LocalTime.of(8, 0));
    }

    /** When news of {@code target} that happened at {@code at} may first be sent. */
    public Instant dueAt(FollowTarget target, Instant at) {
        Instant due = target instanceof FollowTarget.Deputy ? nextDigest(at) : at;
        return notQuiet(due);
    }

    /** Whether {@code at} falls in the quiet hours. */
    public boolean quiet(Instant at) {
        if (quietFrom.equals(quietUntil)) {
            return false;
        }
        LocalTime t = at.atZone(zone).toLocalTime();
        return quietFrom.isBefore(quietUntil)
                ? !t.isBefore(quietFrom) && t.isBefore(quietUntil)
                : !t.isBefore(quietFrom) || t.isBefore(quietUntil);
    }

    /** {@code at}, or the end of the quiet hours it falls in. */
    public Instant notQuiet(Instant at) {
        if (!quiet(at)) {
            return at;
        }
        ZonedDateTime local = at.atZone(zone);
        ZonedDateTime end = local.with(quietUntil);
        if (!end.isAfter(local)) {
            end = local.plusDays(1).with(quietUntil);
        }
        return end.toInstant();
    }

    /**
     * The first digest time at or after {@code at}: counted in local time, every {@code digest} from
     * {@code digestDay} at {@code digestTime} of a fixed week, so that a daily digest stays at its local time across
     * the clock change.
     */
    public Instant nextDigest(Instant at) {
        java.time.LocalDateTime origin = ORIGIN.with(TemporalAdjusters.nextOrSame(digestDay)).atTime(digestTime);
        if (digest.compareTo(Duration.ofDays(1)) <= 0) {
            origin = ORIGIN.atTime(digestTime);
        }
        java.time.LocalDateTime local = at.atZone(zone).toLocalDateTime();
        long periods = Math.floorDiv(Duration.between(origin, local).toSeconds(), digest.toSeconds());
        java.time.LocalDateTime next = origin.plusSeconds(periods * digest.toSeconds());
        while (next.atZone(zone).toInstant().isBefore(at)) {
            next = next.plus(digest);
        }
        return next.atZone(zone).toInstant();
    }

    /** The longest a deputy's news can wait for its digest, quiet hours included (for documentation and leases). */
    public Duration longestWait() {
        return digest;
    }
}
