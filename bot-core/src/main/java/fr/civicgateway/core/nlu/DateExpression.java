package fr.civicgateway.core.nlu;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A day as a message names it, before it is placed in time: "le 15 avril 2026" is a day already, but "demain",
 * "mardi dernier" and "le 15 avril" (no year) depend on the day they are read on. The extractor, whose results are
 * cached, keeps the expression; {@link Understanding#withDatesOn} turns it into an ISO date against the turn's day,
 * so that a cached "demain" never outlives its midnight.
 *
 * <p>The unresolved {@link #value()} of a {@code date} mention is one of: an ISO date {@code 2026-04-15}; an ISO
 * month-day {@code --04-15} (no year: the nearest such day, past or coming), {@code --04-15/past} (the message speaks
 * of the past: "qu'y avait-il le 15 avril ?", the latest such day up to today) or {@code --04-15/coming} (of the
 * future: the next such day from today); {@code today}, {@code today+1},
 * {@code today-1} (days from today); {@code last-tuesday} / {@code next-tuesday} (the nearest such weekday strictly
 * before / after today). {@link #on} of an ISO date is the date itself. Values are immutable and thread-safe.
 *
 * <pre>{@code
 * DateExpression.parse("today+1").orElseThrow().on(LocalDate.of(2026, 12, 31)); // 2027-01-01
 * DateExpression.parse("--04-15").orElseThrow().on(LocalDate.of(2026, 12, 7));  // 2026-04-15 (nearer than 2027)
 * }</pre>
 */
public sealed interface DateExpression {

    /** The day this expression names when read on {@code today}. */
    LocalDate on(LocalDate today);

    /** Its form as a {@code date} mention's unresolved value (see the class comment). */
    String value();

    /** The expression of a mention's value; empty for anything else (never throws). */
    static Optional<DateExpression> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        try {
            if (value.equals("today")) {
                return Optional.of(new DaysFromToday(0));
            }
            if (value.startsWith("today+") || value.startsWith("today-")) {
                int days = Integer.parseInt(value.substring(value.charAt(5) == '+' ? 6 : 5));
                return Optional.of(new DaysFromToday(days));
            }
            if (value.startsWith("last-") || value.startsWith("next-")) {
                DayOfWeek day = DayOfWeek.valueOf(value.substring(5).toUpperCase(Locale.ROOT));
                return Optional.of(new NearestWeekday(day, value.startsWith("next-")));
            }
            if (value.startsWith("--")) {
                int slash = value.indexOf('/');
                Tense tense = slash < 0 ? Tense.NEAREST : Tense.valueOf(value.substring(slash + 1).toUpperCase(Locale.ROOT));
                return Optional.of(new YearlessDay(MonthDay.parse(slash < 0 ? value : value.substring(0, slash)), tense));
            }
            return Optional.of(new Day(LocalDate.parse(value)));
        } catch (DateTimeException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** A day with its year. */
    record Day(LocalDate date) implements DateExpression {
        public Day {
            Objects.requireNonNull(date, "date");
        }

        @Override
        public LocalDate on(LocalDate today) {
            return date;
        }

        @Override
        public String value() {
            return date.toString();
        }
    }

    /** How a message places a day without its year: its verbs' tense, when they say one. */
    enum Tense {
        /** No tense said: the nearest such day, past or coming. */
        NEAREST,
        /** "avait", "était", "a eu", "was", "did": the latest such day on or before today. */
        PAST,
        /** "sera", "aura", "will": the first such day on or after today. */
        COMING
    }

    /**
     * A day without its year ("le 15 avril", "April 15"), placed by the message's {@link Tense}: the nearest such day
     * to today (on a tie, the past one), or the latest one up to today, or the next one from today. A 29 February is
     * looked for in leap years only.
     */
    record YearlessDay(MonthDay day, Tense tense) implements DateExpression {
        public YearlessDay {
            Objects.requireNonNull(day, "day");
            Objects.requireNonNull(tense, "tense");
        }

        public YearlessDay(MonthDay day) {
            this(day, Tense.NEAREST);
        }

        @Override
        public LocalDate on(LocalDate today) {
            LocalDate best = null;
            long bestDistance = Long.MAX_VALUE;
            for (int year = today.getYear() - 4; year <= today.getYear() + 4; year++) {
                if (!day.isValidYear(year)) {
                    continue;
                }
                LocalDate candidate = day.atYear(year);
                if ((tense == Tense.PAST && candidate.isAfter(today)) || (tense == Tense.COMING && candidate.isBefore(today))) {
                    continue;
                }
                long distance = Math.abs(ChronoUnit.DAYS.between(today, candidate));
                if (distance < bestDistance) {
                    best = candidate;
                    bestDistance = distance;
                }
            }
            return best;
        }

        @Override
        public String value() {
            return tense == Tense.NEAREST ? day.toString() : day + "/" + tense.name().toLowerCase(Locale.ROOT);
        }
    }

    /** "aujourd'hui" (0), "demain" (1), "hier" (-1), "après-demain" (2), "avant-hier" (-2). */
    record DaysFromToday(int days) implements DateExpression {
        @Override
        public LocalDate on(LocalDate today) {
            return today.plusDays(days);
        }

        @Override
        public String value() {
            return days == 0 ? "today" : days > 0 ? "today+" + days : "today" + days;
        }
    }

    /** "mardi dernier" / "last Tuesday" (strictly before today), "mardi prochain" / "next Tuesday" (strictly after). */
    record NearestWeekday(DayOfWeek day, boolean next) implements DateExpression {
        public NearestWeekday {
            Objects.requireNonNull(day, "day");
        }

        @Override
        public LocalDate on(LocalDate today) {
            return today.with(next ? TemporalAdjusters.next(day) : TemporalAdjusters.previous(day));
        }

        @Override
        public String value() {
            return (next ? "next-" : "last-") + day.name().toLowerCase(Locale.ROOT);
        }
    }
}
