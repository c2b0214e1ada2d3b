package fr.civicgateway.core.representative;

import static org.assertj.core.api.Assertions.assertThat;

import fr.civicgateway.core.conversation.IncomingMessage;
import fr.civicgateway.core.conversation.Reply;
import fr.civicgateway.core.dialogue.Answer;
import fr.civicgateway.core.dialogue.ConversationState;
import fr.civicgateway.core.dialogue.Turn;
import fr.civicgateway.core.fixtures.FakeParliamentData;
import fr.civicgateway.core.nlu.EntityMention;
import fr.civicgateway.core.nlu.EntityType;
import fr.civicgateway.core.nlu.Intent;
import fr.civicgateway.core.nlu.IntentScore;
import fr.civicgateway.core.nlu.Language;
import fr.civicgateway.core.nlu.Understanding;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the deputy's resolver makes of a place in the question: never the conversation's last deputy in its stead. */
class DeputyResolverPlaceTest {

    private static final Instant NOW = Instant.parse("2026-04-20T10:00:00Z");
    /** The conversation was about Mathilde Panot. */
    private static final ConversationState ABOUT_PANOT = ConversationState.start(Language.FR, NOW)
            .withDeputy(FakeParliamentData.PANOT);
    private final DeputyResolver resolver = new DeputyResolver(new FakeParliamentData());

    private static Turn turn(Language lang, String text, EntityMention... entities) {
        return new Turn(new IncomingMessage("test", "c1", text, null, null), new Understanding(text, lang,
                List.of(new IntentScore(Intent.CONTACT_REPRESENTATIVE, 0.9)), List.of(entities)), lang, ABOUT_PANOT, NOW);
    }

    private static EntityMention place(String text, String name, String insee) {
        int at = text.indexOf(name);
        return new EntityMention(EntityType.COMMUNE, insee, name, at, at + name.length());
    }

    @Test
    void aPlaceTheTablesDoNotKnowIsSaidUnknownAndTheQuestionWaitsForAnother() {
        for (String text : List.of("Comment contacter mon député ? J'habite à Xyzville",
                "Comment contacter mon député ? Je suis à Xyzville", "how do I contact my MP? I live in Xyzville")) {
            Turn t = turn(text.startsWith("how") ? Language.EN : Language.FR, text);
            DeputyResolver.Resolution r = resolver.resolve(t);
            assertThat(r).as(text).isEqualTo(new DeputyResolver.Resolution.UnknownPlace("Xyzville"));
            Answer a = resolver.answerUnresolved(t, Intent.CONTACT_REPRESENTATIVE, r);
            assertThat(((Reply.Text) a.replies().getFirst()).text()).as(text).contains("Xyzville")
                    .doesNotContain("Panot");
            assertThat(a.state().pendingIntent()).isEqualTo(Intent.CONTACT_REPRESENTATIVE);
        }
        assertThat(((Reply.Text) resolver.answerUnresolved(turn(Language.FR, "x"), Intent.CONTACT_REPRESENTATIVE,
                new DeputyResolver.Resolution.UnknownPlace("Xyzville")).replies().getFirst()).text())
                .isEqualTo("Je ne trouve pas « Xyzville » dans les tables géographiques chargées : je ne sais pas quel "
                        + "est votre député. Donnez-moi le nom exact de votre commune ou votre code postal.");
    }

    @Test
    void aKnownPlaceIsNoUnknownOneAndItsWordsAreNoPersonsName() {
        String text = "Comment contacter mon député ? J'habite à Boulogne Billancourt";
        Turn t = turn(Language.FR, text, place(text, "Boulogne Billancourt", "92012"));

        // the dialogue found the place's deputy first: here the conversation's last one
        assertThat(resolver.resolve(t)).isEqualTo(new DeputyResolver.Resolution.Found(
                new FakeParliamentData().deputy(FakeParliamentData.PANOT).orElseThrow()));
        assertThat(resolver.resolve(turn(Language.FR, text)))
                .as("the same words, no place found: a name, or an unknown place, never Panot")
                .isNotInstanceOf(DeputyResolver.Resolution.Found.class);
    }

    @Test
    void onlyWhereOneLivesIsReadAsAPlace() {
        assertThat(PlacePhrase.unknownPlace(new Understanding("x", Language.FR,
                List.of(new IntentScore(Intent.CONTACT_REPRESENTATIVE, 1)), List.of()), "Je suis à la recherche de mon député"))
                .isEmpty();
        assertThat(PlacePhrase.unknownPlace(new Understanding("x", Language.FR,
                List.of(new IntentScore(Intent.CONTACT_REPRESENTATIVE, 1)), List.of()), "J'habite à Saint-Xyz-sur-Mer"))
                .contains("Saint-Xyz-sur-Mer");
    }
}
