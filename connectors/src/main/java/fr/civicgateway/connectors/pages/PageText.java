package fr.civicgateway.connectors.pages;

import fr.civicgateway.core.answer.Formats;
import fr.civicgateway.core.nlu.Language;
import fr.civicgateway.core.text.MessageCatalogue;
import java.time.LocalDate;

/**
 * The catalogue's sentences in the page's language, for the builders and the templates ({@code ${t.msg('pages.x')}}):
 * every word of a page comes from the {@code pages} bundle (or the chat's shared ones), none is written in a template.
 */
public final class PageText {

    private final MessageCatalogue messages;
    private final Language language;

    PageText(MessageCatalogue messages, Language language) {
        this.messages = messages;
        this.language = language;
    }

    /** The sentence {@code key} with its name, value pairs. */
    public String msg(String key, Object... namedArgs) {
        return messages.format(language, key, namedArgs);
    }

    /** "fr" or "en", for {@code <html lang>}. */
    public String lang() {
        return language.code();
    }

    public Language language() {
        return language;
    }

    public String date(LocalDate day) {
        return day == null ? "" : Formats.date(language, day);
    }

    public String count(long n) {
        return Formats.count(language, n);
    }

    public String percent(long part, long whole) {
        return Formats.percent(language, part, whole);
    }
}
