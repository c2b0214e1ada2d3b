package fr.civicgateway.core.follow;

import static fr.civicgateway.core.fixtures.FakeParliamentData.MARIE_PETIT;
import static org.assertj.core.api.Assertions.assertThat;

import fr.civicgateway.core.conversation.Reply;
import org.junit.jupiter.api.Test;

/**
 * « Préviens-moi quand mon député vote » after the citizen said where they live earlier in the conversation: the
 * deputy of that place, without asking again; never a deputy merely talked about. Through the real dialogue and NLU
 * ({@link FollowDialogueTest}'s set-up: Annecy is wholly in Marie Petit's constituency).
 */
class FollowMyDeputyFromAnEarlierPlaceTest {

    private static final String ASK_WHERE = "De quel député parlez-vous ? Donnez son nom, ou dites-moi votre commune ou "
            + "votre code postal pour trouver le vôtre.";

    private final FollowDialogueTest chat = new FollowDialogueTest();

    @Test
    void aPlaceSaidAsWhereTheCitizenLivesIsReused() {
        assertThat(chat.web("J'habite à Annecy").text()).contains("Marie Petit");

        assertThat(chat.web("Préviens-moi quand mon député vote").text()).startsWith("C'est noté : vous suivez Marie Petit.");
        assertThat(chat.followed("web:c1")).containsExactly("deputy:" + MARIE_PETIT);
    }

    @Test
    void aPlaceGivenWhenAskedWhoMyDeputyIsIsReused() {
        assertThat(chat.web("Qui est mon député ?").text()).contains("dites-moi votre commune");
        assertThat(chat.web("Annecy").text()).contains("Marie Petit");

        assertThat(chat.web("Préviens-moi quand mon député vote").text()).startsWith("C'est noté : vous suivez Marie Petit.");
        assertThat(chat.followed("web:c1")).containsExactly("deputy:" + MARIE_PETIT);
    }

    @Test
    void thePlaceThenWhoIsMyDeputyThenFollowingMyDeputy() {
        chat.web("J'habite à Annecy");
        chat.web("Qui est mon député ?");

        assertThat(chat.web("Préviens-moi quand mon député vote").text()).startsWith("C'est noté : vous suivez Marie Petit.");
        assertThat(chat.followed("web:c1")).containsExactly("deputy:" + MARIE_PETIT);
    }

    @Test
    void inEnglish() {
        chat.web("I live in Annecy");

        assertThat(chat.web("Tell me when my MP votes").text()).startsWith("Done: you follow Marie Petit.");
        assertThat(chat.followed("web:c1")).containsExactly("deputy:" + MARIE_PETIT);
    }

    @Test
    void theDeputyOfAPlaceMerelyAskedAboutIsNotTheCitizensOwn() {
        assertThat(chat.web("Qui est le député d'Annecy ?").text()).contains("Marie Petit");

        assertThat(chat.web("Préviens-moi quand mon député vote").text()).isEqualTo(ASK_WHERE);
        assertThat(chat.followed("web:c1")).isEmpty();
    }

    @Test
    void aDeputyTalkedAboutAfterThePlaceIsNeverTakenForTheCitizensOwn() {
        chat.web("J'habite à Annecy");
        chat.web("Qui est Mathilde Panot ?");

        assertThat(chat.web("Préviens-moi quand mon député vote").text()).isEqualTo(ASK_WHERE);
        assertThat(chat.followed("web:c1")).isEmpty();
    }

    @Test
    void anotherConversationDoesNotInheritThePlace() {
        chat.telegram("J'habite à Annecy");

        assertThat(chat.web("Préviens-moi quand mon député vote").text()).isEqualTo(ASK_WHERE);
        assertThat(chat.followed("web:c1")).isEmpty();
    }
}
