package fr.civicgateway.connectors.telegram;

import java.util.Locale;
import java.util.Optional;

/**
 * The PNG of a chart the core names ({@code Reply.Chart}), for Telegram's {@code sendPhoto}. The application
 * implements it over the gateway's chart rendering; without an implementation, {@link #NONE} makes none, and
 * Telegram gets the chart's caption as a text instead.
 *
 * <p>Called by the outbound queue when a chart's turn to leave comes (after a restart too: only the chart's path is
 * stored), from any of its threads; implementations are thread-safe. Errors: an implementation returns empty when
 * the chart cannot be made (an unknown deputy, a rendering failure) rather than throwing; a runtime exception is
 * treated the same way.
 *
 * <p>Example: {@code pngs.png("/api/v1/deputies/PA1234/charts/participation", Locale.FRENCH)}.
 */
public interface ChartPngs {

    /** Makes no chart: every chart is sent as its caption. */
    ChartPngs NONE = (chartPath, locale) -> Optional.empty();

    /**
     * @param chartPath the chart's path under the records API, without extension
     *                  ({@code /api/v1/scrutins/3876/charts/groups})
     * @param locale    the language of its labels
     * @return the PNG's bytes, or empty when the chart cannot be made
     */
    Optional<byte[]> png(String chartPath, Locale locale);
}
