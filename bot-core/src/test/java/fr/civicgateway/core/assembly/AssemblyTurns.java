package fr.civicgateway.core.assembly;

import fr.civicgateway.core.conversation.IncomingMessage;
import fr.civicgateway.core.conversation.QuickReply;
import fr.civicgateway.core.conversation.Reply;
import fr.civicgateway.core.dialogue.Answer;
import fr.civicgateway.core.dialogue.ConversationState;
import fr.civicgateway.core.dialogue.Turn;
import fr.civicgateway.core.nlu.EntityMention;
import fr.civicgateway.core.nlu.EntityType;
import fr.civicgateway.core.nlu.Intent;
import fr.civicgateway.core.nlu.IntentScore;
import fr.civicgateway.core.nlu.Language;
import fr.civicgateway.core.nlu.Understanding;
import fr.civicgateway.core.parliament.work.Dossier;
import fr.civicgateway.core.parliament.work.Step;
import fr.civicgateway.core.parliament.work.StepKind;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Builds the turns and dossiers of the assembly handlers' tests, and reads what the user would see. */
final class AssemblyTurns {

    /** Three days before the fake dossiers' date (23 April 2026): the data is fresh. */
    static final Instant NOW = Instant.parse("2026-04-26T10:00:00Z");

    private AssemblyTurns() {
    }

    static Turn turn(Intent intent, Language lang, String text, Instant now, ConversationState state,
                     EntityMention... entities) {
        return new Turn(new IncomingMessage("test", "c1", text, null, null),
                new Understanding(text, lang, List.of(new IntentScore(intent, 0.9)), List.of(entities)), lang,
                state, now);
    }

    static Turn turn(Intent intent, Language lang, String text, EntityMention... entities) {
        return turn(intent, lang, text, NOW, ConversationState.start(lang, NOW), entities);
    }

    /** The mention the extractor would give for {@code said} in {@code text}. */
    static EntityMention mention(EntityType type, String value, String text, String said) {
        int at = text.indexOf(said);
        return new EntityMention(type, value, said, at, at + said.length());
    }

    static String text(Answer a) {
        return ((Reply.Text) a.replies().getFirst()).text();
    }

    static List<String> titles(Answer a) {
        return ((Reply.Text) a.replies().getFirst()).quickReplies().stream().map(QuickReply::title).toList();
    }

    static List<String> payloads(Answer a) {
        return ((Reply.Text) a.replies().getFirst()).quickReplies().stream().map(QuickReply::payload).toList();
    }

    static Dossier dossier(String uid, String title, List<Integer> numbers, List<Integer> scrutins, Step... steps) {
        return new Dossier(uid, title, "Proposition de loi ordinaire", true, numbers, List.of(steps), scrutins,
                List.of());
    }

    static Step step(String code, StepKind kind, Step.Chamber chamber, String day) {
        return new Step(code, kind, chamber, LocalDate.parse(day), null);
    }

    static Step step(String code, StepKind kind, Step.Chamber chamber, String day, String outcome) {
        return new Step(code, kind, chamber, LocalDate.parse(day), outcome);
    }

    static <T> List<T> list(T... items) {
        return new ArrayList<>(List.of(items));
    }
}
