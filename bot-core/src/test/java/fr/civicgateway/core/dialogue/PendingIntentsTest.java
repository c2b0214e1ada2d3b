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

class PendingIntentsTest {

    private static final ConversationState NEW = ConversationState.start(Language.FR, Instant.EPOCH);
    private static final List<IntentScore> RANKING = List.of(new IntentScore(Intent.CONTACT_REPRESENTATIVE, 1.0));

    @Test
    void aPlaceThatGivesTheDeputyAnswersTheQuestionWaitingForIt() {
        ConversationState before = NEW.withPendingIntent(Intent.REPRESENTATIVE_ATTENDANCE);
        ConversationState after = before.withDeputy("PA720892");

        assertThat(PendingIntents.answerNow(Intent.FIND_REPRESENTATIVE, before, after))
                .contains(Intent.REPRESENTATIVE_ATTENDANCE);
    }

    @Test
    void nothingIsAnsweredNowWithoutANewDeputyOrForAnotherKindOfQuestion() {
        ConversationState before = NEW.withPendingIntent(Intent.REPRESENTATIVE_VOTES).withDeputy("PA720892");
        assertThat(PendingIntents.answerNow(Intent.FIND_REPRESENTATIVE, before, before)).isEmpty();
        ConversationState waitingForProjects = NEW.withPendingIntent(Intent.LOCAL_PROJECTS);
        assertThat(PendingIntents.answerNow(Intent.FIND_REPRESENTATIVE, waitingForProjects,
                waitingForProjects.withDeputy("PA720892"))).isEmpty();
        assertThat(PendingIntents.answerNow(Intent.GREET, before, before.withDeputy("PA1"))).isEmpty();
    }

    @Test
    void aPlaceThatGivesTheDeputyAlreadyTalkedAboutStillAnswersTheQuestion() {
        ConversationState before = NEW.withPendingIntent(Intent.CONTACT_REPRESENTATIVE).withDeputy("PA1654");
        ConversationState found = before.withPendingIntent(null);

        assertThat(PendingIntents.answerNow(Intent.FIND_REPRESENTATIVE, before, found))
                .contains(Intent.CONTACT_REPRESENTATIVE);
        // "Lyon est partagée entre 4 circonscriptions…": the place asked which; nothing is answered yet
        EntityMention fourth = new EntityMention(EntityType.CIRCONSCRIPTION, "69-4", "4e circonscription du Rhône", 0, 26);
        ConversationState askedWhich = before.withPendingChoice(new PendingChoice(Intent.FIND_REPRESENTATIVE, List.of(),
                List.of(new PendingChoice.Option(fourth.text(), fourth.text(), fourth))));
        assertThat(PendingIntents.answerNow(Intent.FIND_REPRESENTATIVE, before, askedWhich)).isEmpty();
    }

    @Test
    void aQuestionAboutOnesDeputyNamingASurePlaceIsFirstAnsweredByThePlace() {
        String text = "Comment contacter mon député ? J'habite à Tulle";
        EntityMention tulle = new EntityMention(EntityType.COMMUNE, "19272", "Tulle", 43, 48);
        Understanding u = new Understanding(text, Language.FR, RANKING, List.of(tulle));

        assertThat(PendingIntents.placeGivesTheDeputy(Intent.CONTACT_REPRESENTATIVE, u)).isTrue();
        assertThat(PendingIntents.placeGivesTheDeputy(Intent.AGENDA, u)).isFalse();
        assertThat(PendingIntents.placeGivesTheDeputy(Intent.CONTACT_REPRESENTATIVE,
                new Understanding(text, Language.FR, RANKING, List.of()))).isFalse();
        EntityMention guessed = new EntityMention(EntityType.COMMUNE, "35041", "Brive", 43, 48, List.of("35041", "16061"),
                EntityMention.Certainty.GUESSED);
        assertThat(PendingIntents.placeGivesTheDeputy(Intent.CONTACT_REPRESENTATIVE,
                new Understanding(text, Language.FR, RANKING, List.of(guessed)))).as("a guessed place").isFalse();
        String arthes = "Quel est le taux de participation de Arthès ?";
        assertThat(PendingIntents.placeGivesTheDeputy(Intent.REPRESENTATIVE_ATTENDANCE, new Understanding(arthes,
                Language.FR, RANKING, List.of(new EntityMention(EntityType.COMMUNE, "81017", "Arthès", 37, 43)))))
                .as("no word of a deputy nor of living there: a misspelt name, maybe").isFalse();
        EntityMention panot = new EntityMention(EntityType.DEPUTY, "PA720892", "Mathilde Panot", 0, 14);
        assertThat(PendingIntents.placeGivesTheDeputy(Intent.CONTACT_REPRESENTATIVE,
                new Understanding(text, Language.FR, RANKING, List.of(panot, tulle)))).as("a deputy named").isFalse();
    }

    @Test
    void aTurnAboutSomethingElseClosesTheQuestionItLeftOpen() {
        ConversationState before = NEW.withPendingIntent(Intent.REPRESENTATIVE_VOTES);

        assertThat(PendingIntents.forgetUnanswered(Intent.GREET, before, before).pendingIntent()).isNull();
    }

    @Test
    void theQuestionStaysOpenWhenTheHandlerChangedItOrTheTurnMayStillLeadToIt() {
        ConversationState before = NEW.withPendingIntent(Intent.REPRESENTATIVE_VOTES);
        ConversationState asksAgain = before.withPendingIntent(Intent.VOTE_RESULT);

        assertThat(PendingIntents.forgetUnanswered(Intent.VOTE_RESULT, before, asksAgain).pendingIntent())
                .isEqualTo(Intent.VOTE_RESULT);
        assertThat(PendingIntents.forgetUnanswered(Intent.FIND_REPRESENTATIVE, before, before).pendingIntent())
                .isEqualTo(Intent.REPRESENTATIVE_VOTES);
        assertThat(PendingIntents.forgetUnanswered(Intent.REPRESENTATIVE_VOTES, before, before).pendingIntent())
                .isEqualTo(Intent.REPRESENTATIVE_VOTES);
    }
}
