package fr.civicgateway.core.record;

import fr.civicgateway.core.answer.Formats;
import fr.civicgateway.core.answer.MethodLinks;
import fr.civicgateway.core.dialogue.Answer;
import fr.civicgateway.core.dialogue.Turn;
import fr.civicgateway.core.parliament.Deputy;
import fr.civicgateway.core.parliament.ParliamentData;
import fr.civicgateway.core.parliament.work.AssemblyWork;
import fr.civicgateway.core.representative.AboutOneDeputyHandler;
import java.time.LocalDate;

/**
 * A handler of one part of a deputy's record: the deputy is resolved as by every deputy handler (a name, misspelt
 * or not, "mon député" with a place, or the conversation's last deputy: {@code DeputyResolver}); the subclass
 * answers from {@link AssemblyWork} about a deputy known for sure. Stateless and thread-safe.
 */
abstract class RecordHandler extends AboutOneDeputyHandler {

    protected final AssemblyWork work;
    /** The link of each method on the public methodology page, for the source lines. */
    protected final MethodLinks methods;

    protected RecordHandler(ParliamentData data, AssemblyWork work, MethodLinks methods) {
        super(data);
        this.work = work;
        this.methods = methods;
    }

    @Override
    protected final Answer answer(Turn turn, Deputy d) {
        return Answer.text(turn.state().withDeputy(d.uid()), describe(turn, d),
                RecordQuickReplies.about(turn, d, intent()));
    }

    /** The answer's text about a deputy known for sure, ending with its source, data date and method. */
    protected abstract String describe(Turn turn, Deputy d);

    /** The {@code gender} argument of the sentences: {@code female}, {@code male}, or {@code other} when unknown. */
    static String gender(Deputy d) {
        return d.feminine() ? "female" : d.civility().isEmpty() ? "other" : "male";
    }

    static String date(Turn turn, LocalDate day) {
        return Formats.date(turn.language(), day);
    }
}
