package fr.civicgateway.app.telegram;

import fr.civicgateway.connectors.charts.ChartRenderer;
import fr.civicgateway.connectors.telegram.ChartPngs;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The charts Telegram sends as photos are the records API's own ({@code /api/v1/.../charts/*.png}): drawn by the
 * same {@link ChartRenderer}, from the data version that answers, without an HTTP round trip. Harmless without
 * Telegram: nothing asks for a PNG.
 */
@Configuration(proxyBeanMethods = false)
class TelegramChartsConfiguration {

    @Bean
    ChartPngs telegramChartPngs(ChartRenderer charts) {
        return charts::png;
    }
}
