package fr.civicgateway.app.configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.civicgateway.app.ConversationProperties;
import fr.civicgateway.app.DataProperties;
import fr.civicgateway.app.LocalProperties;
import fr.civicgateway.app.PublicUrlProperties;
import fr.civicgateway.app.consultations.ConsultationProperties;
import fr.civicgateway.app.opendata.RefreshProperties;
import fr.civicgateway.app.reports.ReportsProperties;
import fr.civicgateway.app.storage.StorageProperties;
import fr.civicgateway.connectors.open311.Open311ForwardProperties;
import fr.civicgateway.connectors.telegram.TelegramProperties;
import fr.civicgateway.connectors.web.WebChatProperties;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

/**
 * Every {@code civic.*} block is a {@code @Validated} record: a value that cannot work stops the start-up, and the
 * operator reads the key, the value and why (Spring Boot's failure analysis), before anything is loaded.
 */
@ExtendWith(OutputCaptureExtension.class)
class ConfigurationValidationTest {

    /** Only the configuration records: no data is loaded, no port opened. */
    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties({ConversationProperties.class, DataProperties.class, LocalProperties.class,
            ConsultationProperties.class, RefreshProperties.class, ReportsProperties.class, StorageProperties.class,
            Open311ForwardProperties.class, TelegramProperties.class, WebChatProperties.class,
            PublicUrlProperties.class})
    static class OnlyTheSettings {
    }

    private static ConfigurableApplicationContext start(String... properties) {
        return new SpringApplicationBuilder(OnlyTheSettings.class).web(WebApplicationType.NONE)
                .properties("spring.main.banner-mode=off", "spring.config.location=optional:classpath:/none/")
                .properties(properties).run();
    }

    @Test
    void theShippedConfigurationIsValid() {
        Path shipped = Path.of(System.getProperty("civic.repository-root", ".."), "config", "application.yml");
        try (var context = new SpringApplicationBuilder(OnlyTheSettings.class).web(WebApplicationType.NONE)
                .properties("spring.main.banner-mode=off", "spring.config.location=file:" + shipped).run()) {
            assertThat(context.getBean(WebChatProperties.class).rateLimitBurst()).isEqualTo(10);
            assertThat(context.getBean(ConversationProperties.class).writeDelay()).isEqualTo(Duration.ofMillis(20));
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            civic.web.rate-limit-burst            | -1  | -1     | must be greater than 0
            civic.web.rate-limit-interval         | -1s | PT-1S  | must be positive
            civic.web.max-body-bytes              | 0   | 0      | must be greater than or equal to 1
            civic.conversations.write-delay       | 10s | PT10S  | must be at most 5s
            civic.conversations.idle-expiry       | 0s  | PT0S   | must be positive
            civic.storage.lock-connections        | 0   | 0      | must be greater than or equal to 1
            civic.telegram.lease                  | 1s  | PT1S   | must be at least 3s
            civic.telegram.max-retries            | -2  | -2     | must be greater than or equal to 0
            civic.open311.forward.batch-size      | 0   | 0      | must be greater than 0
            civic.local.check-interval            | 0s  | PT0S   | must be positive
            civic.reports.notice-check-interval   | -5s | PT-5S  | must be positive
            civic.data.refresh.timeout            | 0s  | PT0S   | must be positive
            """)
    void aValueThatCannotWorkStopsTheStartUpNamingTheKey(String key, String value, String shown, String reason,
                                                         CapturedOutput output) {
        assertThatThrownBy(() -> start(key + "=" + value)).hasStackTraceContaining(reason);

        assertThat(output).contains("APPLICATION FAILED TO START")
                .as("the key as the operator wrote it").contains("Origin: \"" + key + "\"")
                .contains("Value: \"" + shown + "\"")
                .contains("Reason: " + reason);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            bot.example.org              | must be an absolute http:// or https:// URL, such as https://bot.example.org: bot.example.org
            /civic                       | must be an absolute http:// or https:// URL, such as https://bot.example.org: /civic
            ftp://bot.example.org        | must be an absolute http:// or https:// URL
            https://bot example.org      | is not a URL (Illegal character in authority)
            https://                     | is not a URL (Expected authority)
            https://bot.example.org/?x=1 | must have no query, fragment nor user name
            """)
    void aRelativeOrMalformedPublicUrlStopsTheStartUpSayingWhatIsExpected(String value, String reason,
                                                                         CapturedOutput output) {
        assertThatThrownBy(() -> start("civic.public-url=" + value)).hasStackTraceContaining("civic.public-url " + reason);

        assertThat(output).contains("APPLICATION FAILED TO START").contains("civic.public-url " + reason);
    }

    @Test
    void thePublicUrlIsKeptWithoutItsTrailingSlashAndIsLocalhostOnTheServersPortWhenUnset() {
        try (var context = start("civic.public-url=https://bot.example.org/")) {
            assertThat(context.getBean(PublicUrlProperties.class).baseOr(8080)).isEqualTo("https://bot.example.org");
        }
        try (var context = start()) {
            assertThat(context.getBean(PublicUrlProperties.class).baseOr(9090)).isEqualTo("http://localhost:9090");
        }
    }
}
