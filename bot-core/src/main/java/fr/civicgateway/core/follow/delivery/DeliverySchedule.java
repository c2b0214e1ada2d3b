package fr.civicgateway.core.follow.delivery;

import fr.civicgateway.core.follow.FollowTarget;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.Objects;

/**
 * When what a subscriber follows may be sent: a deputy's news wait for their digest (hourly, daily or weekly, at a
 * local time), everything else leaves at the next pass; nothing leaves during the quiet hours, which end in the
 * morning. All times are local to {@code zone} (Europe/Paris by default), so the digest and the quiet hours follow
 * the clock change. Immutable; every answer depends only on the instant it is given.
 *
 * <pre>{@code
 * var s = new DeliverySchedule(Digest.DAILY, LocalTime.of(18, 0), DayOfWeek.MONDAY, zone,
 *         LocalTime.of(21, 0), LocalTime.of(8, 0));
 * Instant due = s.dueAt(new FollowTarget.Deputy("PA720892"), eventTime); // the next 18:00, Paris time
 * }</pre>
 *
 * @param digest     how often a deputy's digest leaves
 * @param digestTime the local time of the digest (for {@code HOURLY}, only its minutes count)
 * @param digestDay  the day of a weekly digest
 * @param quietFrom  start of the quiet hours (local); equal to {@code quietUntil} for none
 * @param quietUntil end of the quiet hours (local): what waited is sent from then on
 */
public record DeliverySchedule(Digest digest, LocalTime digestTime, DayOfWeek digestDay, ZoneId zone,
                               LocalTime quietFrom, LocalTime quietUntil) {

    /** How often a deputy's digest leaves. */
    public enum Digest { HOURLY, DAILY, WEEKLY }

    public DeliverySchedule {
        Objects.requireNonNull(digest, "civic.follow.digest must be hourly, daily or weekly");
        Objects.requireNonNull(digestTime, "civic.follow.digest-time");
        Objects.requireNonNull(digestDay, "civic.follow.digest-day");
        Objects.requireNonNull(zone, "civic.follow.zone");
        Objects.requireNonNull(quietFrom, "civic.follow.quiet-hours.from");
        Objects.requireNonNull(quietUntil, "civic.follow.quiet-hours.until");
    }

    /** The shipped defaults in {@code zone} (the application's is Europe/Paris): daily at 18:00, quiet 21:00–08:00. */
    public static DeliverySchedule defaults(ZoneId zone) {
        return new DeliverySchedule(Digest.DAILY, LocalTime.of(18, 0), DayOfWeek.MONDAY, zone,
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

    /** The first digest time at or after {@code at}. */
    public Instant nextDigest(Instant at) {
        ZonedDateTime local = at.atZone(zone);
        ZonedDateTime next = switch (digest) {
            case HOURLY -> {
                ZonedDateTime h = local.truncatedTo(ChronoUnit.HOURS).withMinute(digestTime.getMinute());
                yield h.isBefore(local) ? h.plusHours(1) : h;
            }
            case DAILY -> {
                ZonedDateTime d = local.with(digestTime);
                yield d.isBefore(local) ? local.plusDays(1).with(digestTime) : d;
            }
            case WEEKLY -> {
                ZonedDateTime w = local.with(TemporalAdjusters.nextOrSame(digestDay)).with(digestTime);
                yield w.isBefore(local) ? local.plusWeeks(1).with(TemporalAdjusters.nextOrSame(digestDay)).with(digestTime) : w;
            }
        };
        return next.toInstant();
    }

    /** The longest a deputy's news can wait for its digest, quiet hours included (for documentation and leases). */
    public Duration longestWait() {
        return switch (digest) {
            case HOURLY -> Duration.ofHours(1);
            case DAILY -> Duration.ofDays(1);
            case WEEKLY -> Duration.ofDays(7);
        };
    }
}
