package fr.civicgateway.core.dialogue;

import fr.civicgateway.core.nlu.Intent;
import fr.civicgateway.core.nlu.Language;
import java.time.Instant;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PendingIntentsTest {

    private static final ConversationState NEW = ConversationState.start(Language.FR, Instant.EPOCH);

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
