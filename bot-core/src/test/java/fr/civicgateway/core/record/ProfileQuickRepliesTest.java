package fr.civicgateway.core.record;

import static fr.civicgateway.core.fixtures.FakeParliamentData.PANOT;
import static org.assertj.core.api.Assertions.assertThat;

import fr.civicgateway.core.answer.PageLinks;
import fr.civicgateway.core.conversation.QuickReply;
import fr.civicgateway.core.conversation.Reply;
import fr.civicgateway.core.dialogue.Answer;
import fr.civicgateway.core.fixtures.FakeParliamentData;
import fr.civicgateway.core.nlu.Intent;
import fr.civicgateway.core.nlu.Language;
import fr.civicgateway.core.representative.ProfileHandler;
import fr.civicgateway.core.smalltalk.NotYetAvailableHandler;
import org.junit.jupiter.api.Test;

/** The profile offers the record; the record's intents are no longer "not yet available". */
class ProfileQuickRepliesTest {

    @Test
    void theProfileOffersParticipationPresenceSpeechesQuestionsAndBills() {
        Answer a = new ProfileHandler(new FakeParliamentData(), PageLinks.at("https://bot.example.org")).handle(RecordTurns.naming(
                Intent.REPRESENTATIVE_PROFILE, Language.FR, "Qui est Mathilde Panot ?", PANOT, "Mathilde Panot"));
        var replies = ((Reply.Text) a.replies().getFirst()).quickReplies();
        assertThat(replies).extracting(QuickReply::title).containsExactly("Ses derniers votes", "Sa participation",
                "Sa présence", "Ses interventions", "Ses questions", "Ses propositions de loi");
        assertThat(replies).extracting(QuickReply::payload).contains(
                "Quelle est la présence en commission de Mathilde Panot ?",
                "Combien de fois Mathilde Panot a pris la parole en séance ?",
                "Quelles questions au Gouvernement a posées Mathilde Panot ?",
                "Quelles propositions de loi a déposées Mathilde Panot ?");
        Answer en = new ProfileHandler(new FakeParliamentData(), PageLinks.at("https://bot.example.org")).handle(RecordTurns.naming(
                Intent.REPRESENTATIVE_PROFILE, Language.EN, "Who is Mathilde Panot?", PANOT, "Mathilde Panot"));
        assertThat(((Reply.Text) en.replies().getFirst()).quickReplies()).extracting(QuickReply::title)
                .containsExactly("Latest votes", "Participation", "Presence", "Speeches", "Questions", "Bills");
    }

    @Test
    void theRecordsIntentsAreAnsweredNoLongerPlanned() {
        assertThat(NotYetAvailableHandler.PLANNED).doesNotContain(Intent.REPRESENTATIVE_SPEECHES,
                Intent.REPRESENTATIVE_QUESTIONS, Intent.REPRESENTATIVE_PRESENCE, Intent.REPRESENTATIVE_BILLS,
                Intent.REPRESENTATIVE_INTERESTS);
    }
}
