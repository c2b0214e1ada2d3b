package fr.civicgateway.core.answer;

import fr.civicgateway.core.nlu.Language;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * How figures and dates are written in answers (API.md §3): {@code 28,1 %} in French, {@code 28.1%} in English,
 * "17 novembre 2025" / "17 November 2025", thousands grouped as a reader of each language expects.
 */
public final class Formats {

    private static final DateTimeFormatter FR_DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.FRENCH);
    private static final DateTimeFormatter EN_DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter FR_MONTH = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.FRENCH);
    private static final DateTimeFormatter EN_MONTH = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter FR_SHORT = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final DateTimeFormatter EN_SHORT = DateTimeFormatter.ofPattern("yyyy-MM-dd");

    private Formats() {
    }

    /** One decimal, French comma and space before the sign, or English point and no space. */
    public static String percent(Language lang, long part, long whole) {
        if (whole <= 0) {
            throw new IllegalArgumentException("a percentage needs a positive whole, was " + whole);
        }
        // Written by hand: String.format was a visible share of an answer's cost.
        long tenths = Math.round(1000.0 * part / whole);
        String number = (tenths / 10) + (lang == Language.EN ? "." : ",") + (tenths % 10);
        return lang == Language.EN ? number + "%" : number + " %";
    }

    /** 1234 → "1 234" (fr) or "1,234" (en). */
    public static String count(Language lang, long n) {
        String digits = Long.toString(n);
        int sign = n < 0 ? 1 : 0;
        int first = sign + (digits.length() - sign - 1) % 3 + 1;
        char separator = lang == Language.EN ? ',' : ' ';
        StringBuilder out = new StringBuilder(digits.length() + 8).append(digits, 0, first);
        for (int i = first; i < digits.length(); i += 3) {
            out.append(separator).append(digits, i, i + 3);
        }
        return out.toString();
    }

    public static String date(Language lang, LocalDate d) {
        if (lang == Language.EN) {
            return EN_DATE.format(d);
        }
        // "1er juillet" is how a French reader writes the first day of a month.
        String s = FR_DATE.format(d);
        return d.getDayOfMonth() == 1 ? "1er" + s.substring(1) : s;
    }

    /** "mars 2025" / "March 2025": a month of a monthly series. */
    public static String month(Language lang, java.time.YearMonth m) {
        return lang == Language.EN ? EN_MONTH.format(m) : FR_MONTH.format(m);
    }

    /** An index between 0 and 1 with two decimals: "0,97" (fr) or "0.97" (en). */
    public static String index(Language lang, double v) {
        if (!(v >= 0 && v <= 1)) {
            throw new IllegalArgumentException("an index lies between 0 and 1, was " + v);
        }
        long hundredths = Math.round(v * 100);
        String tail = hundredths % 100 < 10 ? "0" + hundredths % 100 : Long.toString(hundredths % 100);
        return (hundredths / 100) + (lang == Language.EN ? "." : ",") + tail;
    }

    /** A compact date for lists: 17/11/2025 or 2025-11-17. */
    public static String shortDate(Language lang, LocalDate d) {
        return lang == Language.EN ? EN_SHORT.format(d) : FR_SHORT.format(d);
    }

    /** 1 → "1re" / "1st", 2 → "2e" / "2nd", 11 → "11e" / "11th". */
    public static String ordinal(Language lang, int n) {
        if (lang == Language.EN) {
            int mod100 = n % 100;
            String suffix = (mod100 >= 11 && mod100 <= 13) ? "th" : switch (n % 10) {
                case 1 -> "st";
                case 2 -> "nd";
                case 3 -> "rd";
                default -> "th";
            };
            return n + suffix;
        }
        return n == 1 ? "1re" : n + "e";
    }

    /** Singular or plural noun by count: {@code plural(lang, 2, "scrutin", "scrutins", ...)}. */
    public static String plural(Language lang, long n, String frOne, String frMany, String enOne, String enMany) {
        boolean one = lang == Language.EN ? n == 1 : n < 2;
        return lang == Language.EN ? (one ? enOne : enMany) : (one ? frOne : frMany);
    }
}
