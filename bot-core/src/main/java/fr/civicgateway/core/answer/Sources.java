package fr.civicgateway.core.answer;

import fr.civicgateway.core.nlu.Language;
import java.time.LocalDate;

/**
 * The last line of every factual answer: where the fact comes from and the date of the data (API.md §3).
 */
public final class Sources {

    private Sources() {
    }

    /** "Source : Assemblée nationale, https://… (données au 17 novembre 2025)." */
    public static String line(Language lang, String url, LocalDate dataDate) {
        return lang == Language.EN
                ? "Source: Assemblée nationale, " + url + " (data as of " + Formats.date(lang, dataDate) + ")."
                : "Source : Assemblée nationale, " + url + " (données au " + Formats.date(lang, dataDate) + ").";
    }
}
