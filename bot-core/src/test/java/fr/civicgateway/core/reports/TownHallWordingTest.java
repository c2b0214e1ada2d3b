package fr.civicgateway.core.reports;

import com.github.benmanes.caffeine.cache.Ticker;
import fr.civicgateway.core.conversation.IncomingMessage;
import fr.civicgateway.core.conversation.Reply;
import fr.civicgateway.core.dialogue.Answer;
import fr.civicgateway.core.dialogue.ConversationLocks;
import fr.civicgateway.core.dialogue.Dialogue;
import fr.civicgateway.core.dialogue.InMemoryConversationStore;
import fr.civicgateway.core.dialogue.IntentHandler;
import fr.civicgateway.core.dialogue.Turn;
import fr.civicgateway.core.dialogue.TurnScope;
import fr.civicgateway.core.fixtures.FakeGeoDirectory;
import fr.civicgateway.core.flow.Flow;
import fr.civicgateway.core.nlu.Intent;
import fr.civicgateway.core.nlu.Language;
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

/**
 * A town hall rewords, in its config/messages and without rebuilding, the greeting, the report's confirmation and its
 * privacy note: the citizen reads the new wording through the real dialogue and NLU; the rest stays as shipped.
 */
class TownHallWordingTest {

    @TempDir
    Path config;

    private static final java.time.ZoneId PARIS_TIME = java.time.ZoneId.of("Europe/Paris");

    private final InMemoryReportStore store = new InMemoryReportStore();

    private Dialogue dialogue(MessageCatalogue messages) {
        List<IntentHandler> handlers = new ArrayList<>(List.of(new GreetHandler(),
                new ReportStatusHandler(store, ReportFlowTest.CATEGORIES, PARIS_TIME)));
        for (Intent i : List.of(Intent.HELP, Intent.FIND_REPRESENTATIVE, Intent.REPRESENTATIVE_PROFILE,
                Intent.REPRESENTATIVE_VOTES, Intent.CONSULTATION, Intent.OUT_OF_SCOPE)) {
            if (i != Intent.REPORT_PROBLEM && i != Intent.REPORT_STATUS && i != Intent.GREET) {
                handlers.add(new IntentHandler() {
                    public Intent intent() {
                        return i;
                    }

                    public Answer handle(Turn t) {
                        return Answer.text(t.state(), "intent " + i.apiName());
                    }
                });
            }
        }
        List<Flow> flows = List.of(new ReportFlow(ReportFlowTest.CATEGORIES, store, new FakeGeoDirectory(),
                new ReportFlow.Recipient("les services techniques de la mairie", "the town's technical services")));
        return Dialogue.builder(ReportFlowTest.NLU, new InMemoryConversationStore(100, Duration.ofHours(1), Ticker.systemTicker()))
                .handlers(handlers).flows(flows).notices(new ReportNotices(store, ReportFlowTest.CATEGORIES, messages, PARIS_TIME)).messages(messages)
                .clock(Clock.fixed(Instant.parse("2026-11-24T10:00:00Z"), ZoneOffset.UTC)).build();
    }

    private static String say(Dialogue d, String text) {
        return ((Reply.Text) d.handle(new IncomingMessage("web", "c1", text, Language.FR, null)).getLast()).text();
    }

    @Test
    void theGreetingTheConfirmationAndThePrivacyNoteAreTheTownHalls() throws IOException {
        Files.writeString(config.resolve("greet.fr.properties"), """
                # Mairie d'Annecy, 2026-12
                greet.hello=Bonjour, ici l'assistant de la mairie d'Annecy. {capabilities}
                """);
        Files.writeString(config.resolve("report.fr.properties"), """
                report.registered=C'est noté : signalement n° {id}, transmis à {recipient}. \\
                Suivez-le en demandant « Où en est mon signalement {id} ? ».
                report.privacy_recipient=Seront transmis à {recipient} : le type, le lieu, la description\\
                {photo, select, yes {, la photo} other {}}{has_contact, select, yes { et votre contact} other {}}. \\
                {has_contact, select, yes {} other {Vous restez anonyme.}}
                report.privacy_public=Attention : le type, le lieu et la description seront publics.
                """);
        Dialogue d = dialogue(MessageCatalogue.load(List.of("greet", "report", "report_status"), config));

        assertThat(say(d, "bonjour")).startsWith("Bonjour, ici l'assistant de la mairie d'Annecy. Je peux vous dire");

        say(d, "Il y a un nid de poule devant chez moi");
        say(d, "oui");
        say(d, "12 rue Carnot, Annecy");
        say(d, "Un trou profond au milieu de la chaussée");
        String summary = say(d, "non");
        assertThat(summary).as("the shipped summary, the town's privacy note")
                .contains("• Type : Nid-de-poule ou chaussée abîmée", "• Contact : aucun",
                        "Seront transmis à les services techniques de la mairie : le type, le lieu, la description. "
                                + "Vous restez anonyme.",
                        "Attention : le type, le lieu et la description seront publics.")
                .doesNotContain("Destinataire :", "Open311")
                .endsWith("Confirmez-vous l'envoi ?");

        assertThat(say(d, "oui")).isEqualTo("C'est noté : signalement n° 1, transmis à les services techniques de la "
                + "mairie. Suivez-le en demandant « Où en est mon signalement 1 ? ».");
    }
}
