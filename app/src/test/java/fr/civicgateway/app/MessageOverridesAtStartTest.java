package fr.civicgateway.app;

import fr.civicgateway.core.dialogue.Answer;
import fr.civicgateway.core.dialogue.IntentHandler;
import fr.civicgateway.core.dialogue.Turn;
import fr.civicgateway.core.flow.Flow;
import fr.civicgateway.core.nlu.Intent;
import fr.civicgateway.core.nlu.Language;
import fr.civicgateway.core.smalltalk.GreetHandler;
import fr.civicgateway.core.text.MessageCatalogue;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The application's catalogue, as {@link GatewayConfiguration} builds it at start-up: the registered handlers' and
 * flows' bundles, the shared ones and Telegram's, with the overrides of {@code civic.messages.overrides}; a wrong
 * override stops the start naming the file and the key.
 */
class MessageOverridesAtStartTest {

    /** A handler brought by someone else: its bundle is loaded because it is registered, no list edited. */
    private static final IntentHandler HELP_ELSEWHERE = new IntentHandler() {
        public Intent intent() {
            return Intent.HELP;
        }

        public Answer handle(Turn t) {
            return Answer.text(t.state(), "");
        }

        public String messageBundle() {
            return "out_of_scope";
        }
    };

    private static MessageCatalogue atStart(Path overrides) {
        return new GatewayConfiguration().messageCatalogue(List.of(new GreetHandler(), HELP_ELSEWHERE), List.<Flow>of(),
                new MessagesProperties(overrides));
    }

    @Test
    void loadsTheRegisteredBundlesTheSharedOnesAndTelegramsWithTheOperatorsWording(@TempDir Path config)
            throws IOException {
        Files.writeString(config.resolve("telegram.fr.properties"),
                "telegram.command_signaler=Signaler un souci à la mairie d'Annecy\n");
        MessageCatalogue messages = atStart(config);

        assertThat(messages.bundles()).contains("greet", "out_of_scope", "common", "dialogue", "capabilities", "telegram");
        assertThat(messages.format(Language.FR, "telegram.command_signaler")).isEqualTo("Signaler un souci à la mairie d'Annecy");
        assertThat(messages.format(Language.EN, "telegram.command_signaler"))
                .isEqualTo("Report a problem in the street (pothole, fly-tipping…)");
    }

    @Test
    void aWrongOverrideStopsTheStartNamingFileAndKey(@TempDir Path config) throws IOException {
        Files.writeString(config.resolve("greet.fr.properties"), "greet.hello=Bienvenue à {ville} !\n");
        Files.writeString(config.resolve("report.fr.properties"), "report.registered=Merci !\n");

        assertThatThrownBy(() -> atStart(config))
                .isInstanceOf(MessageCatalogue.InvalidMessagesException.class)
                .hasMessageContaining(config.resolve("greet.fr.properties") + ": key greet.hello must use the arguments "
                        + "[capabilities], not [ville]")
                .hasMessageContaining(config.resolve("report.fr.properties") + ": unknown bundle report");
    }

    @Test
    void withoutAnOverridesDirectoryTheShippedWordingIsUsed(@TempDir Path config) {
        assertThat(atStart(config.resolve("messages")).format(Language.FR, "greet.hello", "capabilities", "…"))
                .isEqualTo("Bonjour ! …");
    }
}
