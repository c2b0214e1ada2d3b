package fr.civicgateway.core.representative;

import fr.civicgateway.core.dialogue.Answer;
import fr.civicgateway.core.dialogue.IntentHandler;
import fr.civicgateway.core.dialogue.Turn;
import fr.civicgateway.core.parliament.Deputy;
import fr.civicgateway.core.parliament.ParliamentData;
import java.util.Optional;

/**
 * A handler whose answer is about one deputy: the one the message names, else the conversation's last one. When
 * the deputy is ambiguous, unknown or not named at all, the shared {@link DeputyResolver} answers (it asks back,
 * or says no deputy has that name); subclasses only answer about a deputy that is known for sure.
 */
public abstract class AboutOneDeputyHandler implements IntentHandler {

    protected final ParliamentData data;
    protected final DeputyResolver resolver;

    protected AboutOneDeputyHandler(ParliamentData data) {
        this.data = data;
        this.resolver = new DeputyResolver(data);
    }

    @Override
    public final Answer handle(Turn turn) {
        Optional<Answer> aboutNoDeputy = beforeResolving(turn);
        if (aboutNoDeputy.isPresent()) {
            return aboutNoDeputy.get();
        }
        DeputyResolver.Resolution r = resolver.resolve(turn);
        if (r instanceof DeputyResolver.Resolution.Found(Deputy deputy)) {
            return answer(turn, deputy);
        }
        Answer asked = resolver.answerUnresolved(turn, intent(), r);
        // "Rousseau vote-t-il comme son groupe ?" → « lequel ? »: what is asked waits with the question
        String aspect = aspect(turn);
        return aspect == null ? asked : new Answer(asked.replies(), asked.state().withLastAspect(aspect));
    }

    /**
     * What the message asks of the deputy beyond the intent ({@link fr.civicgateway.core.dialogue.ConversationState#lastAspect()}),
     * kept while the deputy is asked for; null, the default, when nothing more.
     */
    protected String aspect(Turn turn) {
        return null;
    }

    /**
     * An answer of the intent that is about no deputy (a political group's figure), given before any deputy is looked
     * for; empty, the default, to answer about a deputy.
     */
    protected Optional<Answer> beforeResolving(Turn turn) {
        return Optional.empty();
    }

    /** The answer about a deputy known for sure; the returned state should remember them as the last deputy. */
    protected abstract Answer answer(Turn turn, Deputy deputy);
}
