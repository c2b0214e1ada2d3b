package fr.civicgateway.core.dialogue;

import com.github.benmanes.caffeine.cache.Ticker;
import fr.civicgateway.core.conversation.IncomingMessage;
import fr.civicgateway.core.conversation.Reply;
import fr.civicgateway.core.flow.Flow;
import fr.civicgateway.core.nlu.Intent;
import fr.civicgateway.core.nlu.IntentScore;
import fr.civicgateway.core.nlu.Language;
import fr.civicgateway.core.nlu.NaturalLanguageUnderstanding;
import fr.civicgateway.core.nlu.Understanding;
import fr.civicgateway.core.smalltalk.GreetHandler;
import fr.civicgateway.core.text.MessageCatalogue;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** A town hall rewords the bot's sentences in its config/messages: the citizen reads the new wording. */
class RewordedSentencesTest {

    /** "bonjour"/"hello" is a greeting, anything else out of scope. */
    private static final NaturalLanguageUnderstanding NLU = (text, hint) -> new Understanding(text,
            text.equals("hello") ? Language.EN : Language.FR,
            List.of(new IntentScore(text.equals("bonjour") || text.equals("hello") ? Intent.GREET : Intent.OUT_OF_SCOPE,
                    0.9)), List.of());

    private static Dialogue dialogue(MessageCatalogue messages) {
        List<IntentHandler> handlers = new ArrayList<>(List.of(new GreetHandler()));
        for (Intent i : List.of(Intent.HELP, Intent.FIND_REPRESENTATIVE, Intent.REPRESENTATIVE_PROFILE,
                Intent.REPRESENTATIVE_VOTES, Intent.CONSULTATION, Intent.OUT_OF_SCOPE)) {
            if (i != Intent.GREET) {
                handlers.add(new IntentHandler() {
                    public Intent intent() {
                        return i;
                    }

                    public Answer handle(Turn t) {
                        throw new IllegalStateException("down");
                    }
                });
            }
        }
        return Dialogue.builder(NLU, new InMemoryConversationStore(100, Duration.ofHours(1), Ticker.systemTicker()))
                .handlers(handlers).flows(List.<Flow>of()).notices(Notices.NONE).messages(messages)
                .clock(Clock.fixed(Instant.parse("2026-01-01T10:00:00Z"), ZoneOffset.UTC)).build();
    }

    private static String answer(Dialogue d, String text) {
        return ((Reply.Text) d.handle(new IncomingMessage("test", "c" + Integer.toHexString(text.hashCode()), text,
                text.equals("hello") ? Language.EN : null, null)).getFirst()).text();
    }

    @Test
    void theGreetingAndTheApologyAreReworded(@TempDir Path config) throws IOException {
        Files.writeString(config.resolve("greet.fr.properties"),
                "greet.hello=Bienvenue sur l'assistant citoyen de la mairie ! {capabilities}\n");
        Files.writeString(config.resolve("dialogue.fr.properties"),
                "dialogue.error=La mairie vous prie de l'excuser : réessayez dans un instant.\n");
        Dialogue d = dialogue(MessageCatalogue.load(List.of("greet"), config));

        assertThat(answer(d, "bonjour"))
                .startsWith("Bienvenue sur l'assistant citoyen de la mairie ! Je peux vous dire, d'après les données");
        assertThat(answer(d, "hello")).as("the English wording is kept").startsWith("Hello! From the Assemblée");
        assertThat(answer(d, "n'importe quoi")).isEqualTo("La mairie vous prie de l'excuser : réessayez dans un instant.");
    }

    @Test
    void withoutOverridesTheShippedWordingIsSaid() {
        Dialogue d = dialogue(MessageCatalogue.of(List.of("greet")));
        assertThat(answer(d, "bonjour")).startsWith("Bonjour ! Je peux vous dire, d'après les données ouvertes");
        assertThat(answer(d, "n'importe quoi"))
                .isEqualTo("Désolé, une erreur m'empêche de répondre pour le moment. Réessayez dans un instant.");
    }
}
