package fr.civicgateway.connectors.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.FileSystemResource;

/** The documented configuration binds, and settings that cannot work are refused with the setting's name. */
class TelegramPropertiesTest {

    @Test
    void theShippedConfigurationBindsToTheDocumentedDefaults() throws Exception {
        Path yml = Path.of(System.getProperty("civic.repository-root", ".."), "config", "application.yml");
        StandardEnvironment env = new StandardEnvironment();
        new YamlPropertySourceLoader().load("shipped", new FileSystemResource(yml))
                .forEach(env.getPropertySources()::addLast);

        TelegramProperties p = Binder.get(env).bind("civic.telegram", TelegramProperties.class).get();

        assertThat(p.mode()).isEqualTo(TelegramProperties.Mode.POLLING);
        assertThat(p.apiUrl()).isEqualTo(URI.create("https://api.telegram.org"));
        assertThat(p.webhook().path()).isEqualTo("/telegram/webhook");
        assertThat(p.webhook().publicUrl()).isNull();
        assertThat(p.messagesPerSecond()).isEqualTo(30);
        assertThat(p.perChatInterval()).isEqualTo(Duration.ofSeconds(1));
        assertThat(env.getProperty("civic.conversations.idle-expiry")).as("the earlier document still applies").isEqualTo("2h");
        assertThat(env.getProperty("TELEGRAM_BOT_TOKEN")).as("no secret in the file").isNull();
    }

    @Test
    void refusesAnApiUrlWithAPath() {
        assertThatThrownBy(() -> new TelegramProperties(TelegramProperties.Mode.POLLING, URI.create("https://proxy.example.org/telegram"),
                new TelegramProperties.Webhook(null, "/telegram/webhook", false, 1024), 30, Duration.ofSeconds(1), Duration.ofSeconds(3), 5,
                Duration.ofSeconds(1), Duration.ofSeconds(1), 10, Duration.ofSeconds(1), Duration.ofSeconds(60), Duration.ofHours(1)))
                .hasMessage("civic.telegram.api-url must have no path: https://proxy.example.org/telegram");
    }
}
