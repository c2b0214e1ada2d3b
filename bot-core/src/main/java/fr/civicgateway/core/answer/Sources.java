package fr.civicgateway.core.answer;

import fr.civicgateway.core.nlu.Language;
import fr.civicgateway.core.text.MessageCatalogue;
import java.time.LocalDate;

/**
 * The last line of every factual answer: where the fact comes from and the date of the data (API.md §3).
 */
public final class Sources {

    private Sources() {
    }

    /**
     * "Source : Assemblée nationale, https://… (données au 17 novembre 2025).", from the catalogue (key
     * {@code common.source}), so that an operator's rewording applies: {@code Sources.line(t.messages(), t.language(), …)}.
     */
    public static String line(MessageCatalogue messages, Language lang, String url, LocalDate dataDate) {
        return messages.format(lang, "common.source", "url", url, "date", Formats.date(lang, dataDate));
    }
}
