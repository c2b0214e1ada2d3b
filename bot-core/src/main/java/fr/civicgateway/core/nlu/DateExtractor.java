package fr.civicgateway.core.nlu;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Finds the days a message names, in French and English: "aujourd'hui", "demain", "hier", "après-demain",
 * "mardi dernier", "mardi prochain", "le 15 avril", "mardi 15 avril 2026", "15/04/2026", "15/04", "2026-04-15",
 * "today", "tomorrow", "last Tuesday", "on 15 April", "April 15th, 2026", "the 1st of May".
 *
 * <p>A number alone is never a day: it needs a month's name beside it or the separators of a written date, so a
 * scrutin number, a postcode or a report number ("scrutin 3876", "75011", "signalement 15") stays what it was.
 * Numeric dates are read day first (the French order), unless the second number cannot be a month
 * ("04/15/2026" is 15 April). A weekday alone ("mardi") is not taken: without "dernier" or "prochain" it does not
 * say which one. Stateless and thread-safe.
 */
final class DateExtractor {

    /** A day found: tokens [from, to) and the unresolved value of {@link DateExpression#value()}. */
    record Found(int from, int to, DateExpression expression) {
    }

    private static final Map<String, Integer> MONTHS = Map.ofEntries(
            Map.entry("janvier", 1), Map.entry("janv", 1), Map.entry("january", 1), Map.entry("jan", 1),
            Map.entry("fevrier", 2), Map.entry("fevr", 2), Map.entry("fev", 2), Map.entry("february", 2),
            Map.entry("feb", 2),
            Map.entry("mars", 3), Map.entry("march", 3),
            Map.entry("avril", 4), Map.entry("avr", 4), Map.entry("april", 4), Map.entry("apr", 4),
            Map.entry("mai", 5), Map.entry("may", 5),
            Map.entry("juin", 6), Map.entry("june", 6), Map.entry("jun", 6),
            Map.entry("juillet", 7), Map.entry("juil", 7), Map.entry("july", 7), Map.entry("jul", 7),
            Map.entry("aout", 8), Map.entry("august", 8), Map.entry("aug", 8),
            Map.entry("septembre", 9), Map.entry("september", 9), Map.entry("sep", 9),
            Map.entry("octobre", 10), Map.entry("october", 10), Map.entry("oct", 10),
            Map.entry("novembre", 11), Map.entry("november", 11), Map.entry("nov", 11),
            Map.entry("decembre", 12), Map.entry("december", 12), Map.entry("dec", 12));

    private static final Map<String, DayOfWeek> WEEKDAYS = Map.ofEntries(
            Map.entry("lundi", DayOfWeek.MONDAY), Map.entry("mardi", DayOfWeek.TUESDAY),
            Map.entry("mercredi", DayOfWeek.WEDNESDAY), Map.entry("jeudi", DayOfWeek.THURSDAY),
            Map.entry("vendredi", DayOfWeek.FRIDAY), Map.entry("samedi", DayOfWeek.SATURDAY),
            Map.entry("dimanche", DayOfWeek.SUNDAY), Map.entry("monday", DayOfWeek.MONDAY),
            Map.entry("tuesday", DayOfWeek.TUESDAY), Map.entry("wednesday", DayOfWeek.WEDNESDAY),
            Map.entry("thursday", DayOfWeek.THURSDAY), Map.entry("friday", DayOfWeek.FRIDAY),
            Map.entry("saturday", DayOfWeek.SATURDAY), Map.entry("sunday", DayOfWeek.SUNDAY));

    /** Word sequences naming a day relative to today, longest first where one starts another. */
    private static final List<Map.Entry<List<String>, Integer>> RELATIVE = List.of(
            Map.entry(List.of("day", "after", "tomorrow"), 2), Map.entry(List.of("day", "before", "yesterday"), -2),
            Map.entry(List.of("apres", "demain"), 2), Map.entry(List.of("avant", "hier"), -2),
            Map.entry(List.of("aujourd", "hui"), 0), Map.entry(List.of("aujourdhui"), 0),
            Map.entry(List.of("today"), 0), Map.entry(List.of("tonight"), 0), Map.entry(List.of("ce", "soir"), 0),
            Map.entry(List.of("ce", "matin"), 0), Map.entry(List.of("cet", "apres", "midi"), 0),
            Map.entry(List.of("this", "morning"), 0), Map.entry(List.of("this", "afternoon"), 0),
            Map.entry(List.of("this", "evening"), 0),
            Map.entry(List.of("demain"), 1), Map.entry(List.of("tomorrow"), 1),
            Map.entry(List.of("hier"), -1), Map.entry(List.of("yesterday"), -1), Map.entry(List.of("last", "night"), -1));

    /** Word sequences naming a day relative to the day the conversation is about ("la veille"), longest first. */
    private static final List<Map.Entry<List<String>, Integer>> ANCHORED = List.of(
            Map.entry(List.of("the", "day", "before"), -1), Map.entry(List.of("the", "previous", "day"), -1),
            Map.entry(List.of("the", "day", "after"), 1), Map.entry(List.of("the", "next", "day"), 1),
            Map.entry(List.of("the", "following", "day"), 1),
            Map.entry(List.of("veille"), -1), Map.entry(List.of("lendemain"), 1));

    /** The words a message may hold around a day number alone and still be only that day: "et le 16 ?". */
    private static final Set<String> BARE_DAY_WORDS = Set.of("et", "and", "le", "the", "on", "pour", "for", "du");

    private static final Set<String> PAST = Set.of("dernier", "passe");

    /**
     * Words that put a message in the past or the future (folded: accents and case dropped), which places a day
     * written without its year: "qu'y avait-il le 15 avril ?" asked in December means the April gone by.
     */
    private static final Set<String> PAST_TENSE = Set.of("avait", "etait", "etaient", "avaient", "eu", "ete", "fut",
            "debattu", "debattus", "was", "were", "did", "had", "happened", "debated", "discussed");
    private static final Set<String> COMING_TENSE = Set.of("sera", "seront", "aura", "auront", "va", "vont", "prevu",
            "prevue", "prevus", "prevues", "will", "planned", "scheduled", "upcoming", "going");
    private static final Set<String> COMING = Set.of("prochain");
    private static final Set<String> ORDINAL_SUFFIXES = Set.of("er", "re", "st", "nd", "rd", "th", "e");

    private DateExtractor() {
    }

    static List<Found> find(String text, List<Token> tokens) {
        List<Found> found = findUntensed(text, tokens);
        if (found.isEmpty()) {
            Found bare = bareDay(tokens);
            return bare == null ? found : List.of(bare);
        }
        if (found.stream().noneMatch(f -> f.expression() instanceof DateExpression.YearlessDay)) {
            return found;
        }
        DateExpression.Tense tense = tense(tokens);
        List<Found> out = new ArrayList<>(found.size());
        for (Found f : found) {
            out.add(f.expression() instanceof DateExpression.YearlessDay y
                    ? new Found(f.from(), f.to(), new DateExpression.YearlessDay(y.day(), tense)) : f);
        }
        return out;
    }

    /**
     * The day a mention's text names; a day number alone ("14", the mention of "et le 14 ?") is a day of the month
     * here, where the extractor already took it for one.
     */
    static Optional<DateExpression> read(String text) {
        List<Token> tokens = FoldingTokenizer.tokenize(text);
        List<Found> found = find(text, tokens);
        if (!found.isEmpty()) {
            return Optional.of(found.getFirst().expression());
        }
        int day = tokens.size() == 1 ? dayNumber(tokens.getFirst()) : 0;
        return day > 0 ? Optional.of(new DateExpression.DayOfMonth(day)) : Optional.empty();
    }

    /** The message's tense when its words say one and only one; else {@code NEAREST}. */
    private static DateExpression.Tense tense(List<Token> tokens) {
        boolean past = false;
        boolean coming = false;
        for (Token t : tokens) {
            past |= PAST_TENSE.contains(t.folded());
            coming |= COMING_TENSE.contains(t.folded());
        }
        return past == coming ? DateExpression.Tense.NEAREST
                : past ? DateExpression.Tense.PAST : DateExpression.Tense.COMING;
    }

    /**
     * A day number alone is a day only when it is the whole message ("et le 16 ?", "and the 16th?"): a follow-up
     * of a dated answer. Anywhere else it stays a number (a scrutin, a département).
     */
    private static Found bareDay(List<Token> tokens) {
        Found found = null;
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (BARE_DAY_WORDS.contains(t.folded())) {
                continue;
            }
            int day = dayNumber(t);
            if (day == 0 || found != null || i == 0) {
                return null;
            }
            found = new Found(i, i + 1, new DateExpression.DayOfMonth(day));
        }
        return found;
    }

    private static List<Found> findUntensed(String text, List<Token> tokens) {
        List<Found> out = new ArrayList<>();
        int n = tokens.size();
        int i = 0;
        while (i < n) {
            Found f = at(text, tokens, i);
            if (f != null) {
                out.add(f);
                i = f.to();
            } else {
                i++;
            }
        }
        return out;
    }

    private static Found at(String text, List<Token> tokens, int i) {
        int n = tokens.size();
        String w = tokens.get(i).folded();
        for (Map.Entry<List<String>, Integer> r : RELATIVE) {
            List<String> words = r.getKey();
            if (i + words.size() <= n && matches(tokens, i, words)) {
                return new Found(i, i + words.size(), new DateExpression.DaysFromToday(r.getValue()));
            }
        }
        for (Map.Entry<List<String>, Integer> r : ANCHORED) {
            List<String> words = r.getKey();
            // "the day before yesterday" is a day from today (RELATIVE, matched from "day")
            if (i + words.size() <= n && matches(tokens, i, words) && (i + words.size() == n
                    || !Set.of("yesterday", "tomorrow").contains(tokens.get(i + words.size()).folded()))) {
                return new Found(i, i + words.size(), new DateExpression.DaysFromAnchor(r.getValue()));
            }
        }
        DayOfWeek weekday = WEEKDAYS.get(w);
        if (weekday != null) {
            // "mardi 15 avril": the weekday belongs to the date that follows
            if (i + 1 < n) {
                Found after = numbered(text, tokens, i + 1);
                if (after != null) {
                    return new Found(i, after.to(), after.expression());
                }
            }
            if (i + 1 < n && (PAST.contains(tokens.get(i + 1).folded())
                    || tokens.get(i + 1).folded().equals("derniere"))) {
                return new Found(i, i + 2, new DateExpression.NearestWeekday(weekday, false));
            }
            if (i + 1 < n && COMING.contains(tokens.get(i + 1).folded())) {
                return new Found(i, i + 2, new DateExpression.NearestWeekday(weekday, true));
            }
        }
        if ((w.equals("last") || w.equals("next")) && i + 1 < n) {
            DayOfWeek d = WEEKDAYS.get(tokens.get(i + 1).folded());
            if (d != null) {
                return new Found(i, i + 2, new DateExpression.NearestWeekday(d, w.equals("next")));
            }
        }
        return numbered(text, tokens, i);
    }

    /** A date that starts with a number or a month's name at token {@code i}. */
    private static Found numbered(String text, List<Token> tokens, int i) {
        int n = tokens.size();
        Token t = tokens.get(i);
        if (t.isNumber()) {
            Found written = written(text, tokens, i);
            if (written != null) {
                return written;
            }
        }
        int day = dayNumber(t);
        if (day > 0) {
            // 15 avril, 15th of April, 1er mars 2025
            int j = i + 1;
            if (j < n && tokens.get(j).folded().equals("of")) {
                j++;
            }
            Integer month = j < n ? MONTHS.get(tokens.get(j).folded()) : null;
            if (month != null) {
                return withYear(tokens, i, j + 1, month, day);
            }
        }
        Integer month = MONTHS.get(t.folded());
        if (month != null && i + 1 < n) {
            // April 15, April 15th, April 15, 2026
            int d = dayNumber(tokens.get(i + 1));
            if (d > 0) {
                return withYear(tokens, i, i + 2, month, d);
            }
        }
        return null;
    }

    /** 2026-04-15, 15/04/2026, 15.04.2026, 15-04-2026, 04/15/2026, 15/04. */
    private static Found written(String text, List<Token> tokens, int i) {
        int n = tokens.size();
        if (i + 1 >= n || !tokens.get(i + 1).isNumber()) {
            return null;
        }
        char sep = joint(text, tokens, i);
        if (sep != '/' && sep != '-' && sep != '.') {
            return null;
        }
        Token a = tokens.get(i);
        Token b = tokens.get(i + 1);
        boolean third = i + 2 < n && tokens.get(i + 2).isNumber() && joint(text, tokens, i + 1) == sep;
        if (third && a.folded().length() == 4 && sep == '-') {
            Found iso = day(i, i + 3, number(a), number(b), number(tokens.get(i + 2)));
            if (iso != null) {
                return iso;
            }
        }
        if (a.folded().length() > 2 || b.folded().length() > 2) {
            return null;
        }
        int first = number(a);
        int second = number(b);
        int day = second > 12 && first <= 12 ? second : first;
        int month = second > 12 && first <= 12 ? first : second;
        if (third) {
            Token c = tokens.get(i + 2);
            int year = c.folded().length() == 4 ? number(c) : c.folded().length() == 2 ? 2000 + number(c) : -1;
            return year < 0 ? null : day(i, i + 3, year, month, day);
        }
        // "15/04" alone: only with a slash, "33-4" is a constituency and "2.5" a number
        return sep == '/' ? yearless(i, i + 2, month, day) : null;
    }

    private static Found withYear(List<Token> tokens, int from, int to, int month, int day) {
        if (to < tokens.size() && tokens.get(to).isNumber() && tokens.get(to).folded().length() == 4) {
            int year = number(tokens.get(to));
            if (year >= 1900 && year <= 2100) {
                Found f = day(from, to + 1, year, month, day);
                if (f != null) {
                    return f;
                }
            }
        }
        return yearless(from, to, month, day);
    }

    private static Found day(int from, int to, int year, int month, int day) {
        try {
            return new Found(from, to, new DateExpression.Day(LocalDate.of(year, month, day)));
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static Found yearless(int from, int to, int month, int day) {
        try {
            return new Found(from, to, new DateExpression.YearlessDay(MonthDay.of(month, day)));
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** The day of a month a token writes (15, 1er, 1st, 21st), else 0. */
    private static int dayNumber(Token t) {
        String w = t.folded();
        int k = 0;
        while (k < w.length() && k < 3 && Character.isDigit(w.charAt(k))) {
            k++;
        }
        if (k == 0 || k > 2 || (k < w.length() && !ORDINAL_SUFFIXES.contains(w.substring(k)))) {
            return 0;
        }
        int d = Integer.parseInt(w.substring(0, k));
        return d >= 1 && d <= 31 ? d : 0;
    }

    private static boolean matches(List<Token> tokens, int i, List<String> words) {
        for (int k = 0; k < words.size(); k++) {
            if (!tokens.get(i + k).folded().equals(words.get(k))) {
                return false;
            }
        }
        return true;
    }

    /** The one character between tokens {@code i} and {@code i + 1}, or 0 when they are not joined by one. */
    private static char joint(String text, List<Token> tokens, int i) {
        int end = tokens.get(i).end();
        return tokens.get(i + 1).start() == end + 1 ? text.charAt(end) : 0;
    }

    private static int number(Token t) {
        String w = t.folded();
        return w.length() > 6 ? -1 : Integer.parseInt(w);
    }
}
