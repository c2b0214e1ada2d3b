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
 * before / after today); {@code ---16} (a day of the month alone, "et le 16 ?": this month's, or the one
 * {@link #near} names); {@code day-1} / {@code day+1} ("la veille", "le lendemain": the day before or after the day
 * the conversation is about, read as yesterday / tomorrow when there is none). {@link #on} of an ISO date is the date
 * itself. Values are immutable and thread-safe.
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

    /**
     * The day this expression names in a follow-up about {@code anchor}, the day the conversation was about: a day
     * without its year is the such day nearest to it ("le 15 avril ?" then "et le 16 avril ?" is the 16th of that
     * April, whatever the tense), a day of the month alone is in its month, "la veille" is the day before it. An
     * expression that names its day on its own ("demain", "2026-04-16") is the same as {@link #on}.
     */
    default LocalDate near(LocalDate anchor, LocalDate today) {
        return on(today);
    }

    /** The first day that {@code text} names (a mention's text as the user wrote it), read as the extractor does. */
    static Optional<DateExpression> read(String text) {
        if (text == null) {
            return Optional.empty();
        }
        return DateExtractor.read(text);
    }

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
            if (value.startsWith("---")) {
                return Optional.of(new DayOfMonth(Integer.parseInt(value.substring(3))));
            }
            if (value.startsWith("day+") || value.startsWith("day-")) {
                int days = Integer.parseInt(value.substring(value.charAt(3) == '+' ? 4 : 3));
                return Optional.of(new DaysFromAnchor(days));
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
        public LocalDate near(LocalDate anchor, LocalDate today) {
            return new YearlessDay(day, Tense.NEAREST).on(anchor);
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

    /**
     * A day of the month alone ("et le 16 ?", only as a whole message): in the month of the day the conversation is
     * about, else the such day nearest to today. A day the month lacks (31 in April) is that month's last day.
     */
    record DayOfMonth(int day) implements DateExpression {
        public DayOfMonth {
            if (day < 1 || day > 31) {
                throw new IllegalArgumentException("day of month " + day);
            }
        }

        @Override
        public LocalDate on(LocalDate today) {
            LocalDate best = null;
            for (int m = -1; m <= 1; m++) {
                LocalDate candidate = inMonthOf(today.plusMonths(m));
                if (best == null || Math.abs(ChronoUnit.DAYS.between(today, candidate))
                        < Math.abs(ChronoUnit.DAYS.between(today, best))) {
                    best = candidate;
                }
            }
            return best;
        }

        @Override
        public LocalDate near(LocalDate anchor, LocalDate today) {
            return inMonthOf(anchor);
        }

        private LocalDate inMonthOf(LocalDate d) {
            return d.withDayOfMonth(Math.min(day, d.lengthOfMonth()));
        }

        @Override
        public String value() {
            return "---" + (day < 10 ? "0" : "") + day;
        }
    }

    /** "la veille" (-1), "le lendemain" (+1) of the day the conversation is about; from today when there is none. */
    record DaysFromAnchor(int days) implements DateExpression {
        @Override
        public LocalDate on(LocalDate today) {
            return today.plusDays(days);
        }

        @Override
        public LocalDate near(LocalDate anchor, LocalDate today) {
            return anchor.plusDays(days);
        }

        @Override
        public String value() {
            return days >= 0 ? "day+" + days : "day" + days;
        }
    }
}
