package fr.civicgateway.core.dialogue;

import fr.civicgateway.core.nlu.EntityMention;
import fr.civicgateway.core.nlu.EntityType;
import fr.civicgateway.core.nlu.Intent;
import fr.civicgateway.core.nlu.IntentScore;
import fr.civicgateway.core.nlu.Language;
import fr.civicgateway.core.nlu.Understanding;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class IntentNeedsTest {

    private static final ConversationState NEW = ConversationState.start(Language.FR, Instant.EPOCH);

    private static Understanding understood(String text, Intent intent, double confidence, EntityMention... entities) {
        return new Understanding(text, Language.FR, List.of(new IntentScore(intent, confidence),
                new IntentScore(Intent.OUT_OF_SCOPE, 1 - confidence)), List.of(entities));
    }

    private static EntityMention mention(String text, String whole, EntityType type, String value) {
        int start = whole.indexOf(text);
        return new EntityMention(type, value, text, start, start + text.length());
    }

    @Test
    void aVoteResultWithoutScrutinTopicOrLatestWordingIsOutOfScopeUnlessTheClassifierIsSure() {
        String text = "Comment fonctionne l'Assemblée ?";

        assertThat(IntentNeeds.decide(Intent.VOTE_RESULT, understood(text, Intent.VOTE_RESULT, 0.6), NEW, text))
                .isEqualTo(Intent.OUT_OF_SCOPE);
        assertThat(IntentNeeds.decide(Intent.VOTE_RESULT, understood(text, Intent.VOTE_RESULT, 0.95), NEW, text))
                .as("sure: the handler asks which scrutin").isEqualTo(Intent.VOTE_RESULT);
        String latest = "Quel a été le dernier vote ?";
        assertThat(IntentNeeds.decide(Intent.VOTE_RESULT, understood(latest, Intent.VOTE_RESULT, 0.6), NEW, latest))
                .isEqualTo(Intent.VOTE_RESULT);
    }

    @Test
    void aQuestionAboutADeputyNeedsOneNamedOrInTheConversation() {
        String text = "Il a voté quoi ?";
        Understanding u = understood(text, Intent.REPRESENTATIVE_VOTES, 0.6);

        assertThat(IntentNeeds.decide(Intent.REPRESENTATIVE_VOTES, u, NEW, text)).isEqualTo(Intent.OUT_OF_SCOPE);
        assertThat(IntentNeeds.decide(Intent.REPRESENTATIVE_VOTES, u, NEW.withDeputy("PA720892"), text))
                .isEqualTo(Intent.REPRESENTATIVE_VOTES);
        String name = "Qui est Jean-Luc Mélenchon ?";
        assertThat(IntentNeeds.decide(Intent.REPRESENTATIVE_PROFILE, understood(name, Intent.REPRESENTATIVE_PROFILE, 0.6),
                NEW, name)).as("a name the resolver will say is no deputy's").isEqualTo(Intent.REPRESENTATIVE_PROFILE);
        String mine = "Comment vote mon député ?";
        assertThat(IntentNeeds.decide(Intent.REPRESENTATIVE_VOTES, understood(mine, Intent.REPRESENTATIVE_VOTES, 0.6),
                NEW, mine)).isEqualTo(Intent.REPRESENTATIVE_VOTES);
    }

    @Test
    void aGroupAloneIsEnoughForAGroupsCohesionButNotForAProfile() {
        String text = "Le groupe LFI est-il uni ?";
        EntityMention lfi = mention("LFI", text, EntityType.GROUP, "PO845413");

        assertThat(IntentNeeds.decide(Intent.REPRESENTATIVE_VOTES, understood(text, Intent.REPRESENTATIVE_VOTES, 0.6, lfi),
                NEW, text)).isEqualTo(Intent.REPRESENTATIVE_VOTES);
        assertThat(IntentNeeds.decide(Intent.REPRESENTATIVE_VOTES, understood(text, Intent.REPRESENTATIVE_VOTES, 0.6),
                NEW, text)).isEqualTo(Intent.OUT_OF_SCOPE);
        assertThat(IntentNeeds.decide(Intent.REPRESENTATIVE_ATTENDANCE,
                understood(text, Intent.REPRESENTATIVE_ATTENDANCE, 0.6, lfi), NEW, text)).isEqualTo(Intent.OUT_OF_SCOPE);
    }

    @Test
    void neverAnswersLocalProjectsToAQuestionAboutTheParliament() {
        String text = "Quels sont les travaux parlementaires en cours ?";

        assertThat(IntentNeeds.decide(Intent.LOCAL_PROJECTS, understood(text, Intent.LOCAL_PROJECTS, 0.99), NEW, text))
                .isEqualTo(Intent.OUT_OF_SCOPE);
        String works = "Quels travaux rue de la Roquette ?";
        assertThat(IntentNeeds.decide(Intent.LOCAL_PROJECTS, understood(works, Intent.LOCAL_PROJECTS, 0.6), NEW, works))
                .isEqualTo(Intent.LOCAL_PROJECTS);
    }

    @Test
    void findRepresentativeNeedsAPlaceOrTheCitizensOwnDeputy() {
        String text = "Qui est mon député ?";
        assertThat(IntentNeeds.decide(Intent.FIND_REPRESENTATIVE, understood(text, Intent.FIND_REPRESENTATIVE, 0.6),
                NEW, text)).isEqualTo(Intent.FIND_REPRESENTATIVE);
        String other = "Qui est le maire ?";
        assertThat(IntentNeeds.decide(Intent.FIND_REPRESENTATIVE, understood(other, Intent.FIND_REPRESENTATIVE, 0.6),
                NEW, other)).isEqualTo(Intent.OUT_OF_SCOPE);
    }

    @Test
    void aPlaceIsTheQuestionAloneOrWithWordsAboutADeputyNotInsideAnotherSentence() {
        String alone = "et à Lyon ?";
        String deputy = "le député d'Annecy";
        String meeting = "Quelqu'un vient à la réunion ce soir ?";

        assertThat(IntentNeeds.placeIsTheQuestion(understood(alone, Intent.OUT_OF_SCOPE, 0.5,
                mention("Lyon", alone, EntityType.COMMUNE, "69123")), alone)).isTrue();
        assertThat(IntentNeeds.placeIsTheQuestion(understood(deputy, Intent.OUT_OF_SCOPE, 0.5,
                mention("Annecy", deputy, EntityType.COMMUNE, "74010")), deputy)).isTrue();
        assertThat(IntentNeeds.placeIsTheQuestion(understood(meeting, Intent.OUT_OF_SCOPE, 0.5,
                mention("la réunion", meeting, EntityType.COMMUNE, "47218")), meeting)).isFalse();
    }
}
