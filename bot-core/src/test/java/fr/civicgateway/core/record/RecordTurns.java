package fr.civicgateway.core.record;

import fr.civicgateway.core.conversation.IncomingMessage;
import fr.civicgateway.core.conversation.QuickReply;
import fr.civicgateway.core.conversation.Reply;
import fr.civicgateway.core.dialogue.Answer;
import fr.civicgateway.core.dialogue.ConversationState;
import fr.civicgateway.core.dialogue.IntentHandler;
import fr.civicgateway.core.dialogue.Turn;
import fr.civicgateway.core.nlu.EntityMention;
import fr.civicgateway.core.nlu.EntityType;
import fr.civicgateway.core.nlu.Intent;
import fr.civicgateway.core.nlu.IntentScore;
import fr.civicgateway.core.nlu.Language;
import fr.civicgateway.core.nlu.Understanding;
import java.time.Instant;
import java.util.List;

/** Builds the turns of the record handlers' tests and reads what the user would see. */
final class RecordTurns {

    static final Instant NOW = Instant.parse("2026-04-20T10:00:00Z");

    private RecordTurns() {
    }

    /** A question naming a deputy (an exact match of the extractor). */
    static Turn naming(Intent intent, Language lang, String text, String uid, String name) {
        int at = Math.max(0, text.indexOf(name));
        return turn(intent, lang, text, List.of(new EntityMention(EntityType.DEPUTY, uid, name, at, at + name.length())),
                ConversationState.start(lang, NOW));
    }

    static Turn turn(Intent intent, Language lang, String text, List<EntityMention> entities, ConversationState state) {
        return new Turn(new IncomingMessage("test", "c1", text, null, null),
                new Understanding(text, lang, List.of(new IntentScore(intent, 0.9)), entities), lang, state, NOW);
    }

    /** The text of the answer's only reply. */
    static String text(Answer a) {
        return ((Reply.Text) a.replies().getFirst()).text();
    }

    static List<String> titles(Answer a) {
        return ((Reply.Text) a.replies().getFirst()).quickReplies().stream().map(QuickReply::title).toList();
    }

    static String ask(IntentHandler h, Language lang, String text, String uid, String name) {
        return text(h.handle(naming(h.intent(), lang, text, uid, name)));
    }
}
