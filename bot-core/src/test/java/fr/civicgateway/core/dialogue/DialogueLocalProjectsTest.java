package fr.civicgateway.core.dialogue;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.benmanes.caffeine.cache.Ticker;
import fr.civicgateway.core.conversation.GeoPoint;
import fr.civicgateway.core.conversation.ChannelCapabilities;
import fr.civicgateway.core.conversation.IncomingMessage;
import fr.civicgateway.core.conversation.Reply;
import fr.civicgateway.core.local.LocalProjectsHandler;
import fr.civicgateway.core.nlu.Intent;
import fr.civicgateway.core.nlu.IntentScore;
import fr.civicgateway.core.nlu.Language;
import fr.civicgateway.core.nlu.NaturalLanguageUnderstanding;
import fr.civicgateway.core.nlu.Understanding;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * How messages reach the local projects when the classifier alone would not send them there: a position shared in a
 * conversation about works, the place that answers "where?", and the handler's own "Voir plus" of a position. The
 * handler has no source here: its answer "no local data yet" is enough to see where a message went.
 */
class DialogueLocalProjectsTest {

    /** The shipped town, as the app's built-in civic.town. */
    static final fr.civicgateway.core.town.Town PARIS = new fr.civicgateway.core.town.Town("Paris",
            java.time.ZoneId.of("Europe/Paris"), fr.civicgateway.core.town.Town.Places.ARRONDISSEMENTS,
            List.of("75011", "75001"));

    /** The texts given to {@link NaturalLanguageUnderstanding#parse}, which a caching NLU may keep. */
    private final List<String> remembered = new ArrayList<>();

    /** Reads "chantiers …" as local_projects, a bare postcode as find_representative, the rest as out_of_scope. */
    private final NaturalLanguageUnderstanding nlu = new NaturalLanguageUnderstanding() {
        @Override
        public Understanding parse(String text, Language hint) {
            remembered.add(text);
            return parseWithoutRemembering(text, hint);
        }

        @Override
        public Understanding parseWithoutRemembering(String text, Language hint) {
            return new Understanding(text, Language.FR, List.of(new IntentScore(text.startsWith("chantiers")
                    ? Intent.LOCAL_PROJECTS : text.matches("\\d{5}") ? Intent.FIND_REPRESENTATIVE : Intent.OUT_OF_SCOPE,
                    0.9)), List.of());
        }
    };

    private final Dialogue dialogue = new Dialogue(nlu,
            new InMemoryConversationStore(100, Duration.ofHours(1), Ticker.systemTicker()), handlers(), List.of(),
            Clock.fixed(Instant.parse("2026-01-10T10:00:00Z"), ZoneOffset.UTC));

    private static List<IntentHandler> handlers() {
        List<IntentHandler> out = new ArrayList<>();
        out.add(new LocalProjectsHandler(List.of(), PARIS));
        for (Intent i : Intent.values()) {
            if (i != Intent.LOCAL_PROJECTS) {
                out.add(new IntentHandler() {
                    public Intent intent() {
                        return i;
                    }

                    public Answer handle(Turn t) {
                        return Answer.text(t.state(), "intent " + i.apiName());
                    }
                });
            }
        }
        return out;
    }

    private String say(String text, GeoPoint at) {
        List<Reply> replies = dialogue.handle(new IncomingMessage("telegram", "c1", text, null, at)
                .withCapabilities(ChannelCapabilities.ALL));
        return ((Reply.Text) replies.getFirst()).text();
    }

    @Test
    void aPositionSharedAfterAQuestionAboutWorksAsksWhatIsNearIt() {
        say("chantiers dans le 75011", null);

        assertThat(say("ma position", new GeoPoint(48.872, 2.393)))
                .isEqualTo("Je n'ai pas encore de données locales sur les projets et chantiers près de votre position :"
                        + " votre commune peut les ajouter.");
    }

    @Test
    void aPositionSharedOutsideAnyLocalQuestionStillAnswersWhereDoYouLive() {
        assertThat(say("ma position", new GeoPoint(48.872, 2.393))).isEqualTo("intent find_representative");
    }

    @Test
    void theBarePlaceThatAnswersWhereContinuesTheLocalQuestion() {
        assertThat(say("chantiers près de chez moi", null)).startsWith("Pour vous donner les chantiers les plus proches");

        assertThat(say("75011", null)).isEqualTo("Je n'ai pas encore de données locales sur les projets et chantiers"
                + " dans le 75011 : votre commune peut les ajouter.");
        assertThat(say("75011", null)).as("the question is closed once answered").isEqualTo("intent find_representative");
    }

    @Test
    void aVoirPlusCarryingAPositionIsTheHandlersWhateverTheClassifierSaysAndIsNotRemembered() {
        assertThat(say("projets près de 48.872,2.393 (2)", null)).isEqualTo("Je n'ai pas encore de données locales sur"
                + " les projets près de votre position : votre commune peut les ajouter.");
        assertThat(remembered).isEmpty();
    }
}
