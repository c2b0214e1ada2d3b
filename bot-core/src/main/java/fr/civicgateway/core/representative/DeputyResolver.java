package fr.civicgateway.core.representative;

import fr.civicgateway.core.answer.Agreement;
import fr.civicgateway.core.conversation.QuickReply;
import fr.civicgateway.core.dialogue.Answer;
import fr.civicgateway.core.dialogue.PendingChoice;
import fr.civicgateway.core.dialogue.Turn;
import fr.civicgateway.core.nlu.EntityMention;
import fr.civicgateway.core.nlu.EntityType;
import fr.civicgateway.core.nlu.Intent;
import fr.civicgateway.core.parliament.Deputy;
import fr.civicgateway.core.parliament.ParliamentData;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Decides which deputy a message is about: the one it names, else the last one of the conversation. Never
 * guesses: a name shared by several deputies is {@link Resolution.Ambiguous}, and the caller asks back.
 * Shared by every handler that answers about one deputy.
 *
 * <p>A question about the citizen's own deputy that names a place ("Comment contacter mon député ? J'habite à
 * Tulle") reaches the handler after the dialogue found the place's deputy with {@link FindRepresentativeHandler}
 * (as in the two-message form): that deputy is then the conversation's last one, and the place's words are never
 * read as a person's name. A place the tables do not know is said to be unknown ({@link Resolution.UnknownPlace}),
 * never answered with the conversation's last deputy.
 */
public final class DeputyResolver {

    private final ParliamentData data;

    public DeputyResolver(ParliamentData data) {
        this.data = data;
    }

    /** The outcome of resolving the deputy of a turn. */
    public sealed interface Resolution {
        record Found(Deputy deputy) implements Resolution {
        }

        record Ambiguous(String mentionText, List<Deputy> candidates) implements Resolution {
        }

        /**
         * A name that is no deputy's but close to some ("Jean Dupont", "Thierry Tessan"): asked back, never
         * answered for them.
         */
        record Suggested(String mentionText, List<Deputy> candidates) implements Resolution {
        }

        /** Something that looks like a person's name, and no deputy by that name. */
        record UnknownName(String name) implements Resolution {
        }

        /**
         * No deputy named, and the citizen says where they live but the place is none the tables know ("J'habite à
         * Xyzville"): said so, never answered about the conversation's last deputy.
         */
        record UnknownPlace(String place) implements Resolution {
        }

        record NoneMentioned() implements Resolution {
        }
    }

    /**
     * Whether the message names a person (a deputy recognised, guessed, or a capitalised name the tables may not
     * know): a handler that reads other things than deputies ("suis le budget" / "suis Jean Dupont") asks this first.
     */
    public static boolean namesSomeone(Turn turn) {
        return turn.entity(EntityType.DEPUTY).isPresent()
                || NameGuess.find(PlacePhrase.withoutPlaces(turn.understanding(), turn.message().text())).isPresent();
    }

    public Resolution resolve(Turn turn) {
        Optional<EntityMention> mention = turn.entity(EntityType.DEPUTY);
        if (mention.isPresent()) {
            EntityMention m = mention.get();
            if (m.guessed()) {
                List<Deputy> candidates = m.candidates().stream().map(data::deputy).flatMap(Optional::stream).toList();
                if (!candidates.isEmpty()) {
                    return new Resolution.Suggested(m.text(), candidates);
                }
                return new Resolution.UnknownName(m.text());
            }
            if (m.ambiguous()) {
                List<Deputy> candidates = m.alternatives().stream().map(data::deputy).flatMap(Optional::stream).toList();
                if (candidates.size() > 1) {
                    return new Resolution.Ambiguous(m.text(), candidates);
                }
                if (candidates.size() == 1) {
                    return new Resolution.Found(candidates.getFirst());
                }
            }
            Optional<Deputy> d = data.deputy(m.value());
            if (d.isPresent()) {
                return new Resolution.Found(d.get());
            }
        }
        Optional<String> place = PlacePhrase.unknownPlace(turn.understanding(), turn.message().text());
        if (place.isPresent()) {
            return new Resolution.UnknownPlace(place.get());
        }
        // "Comment contacter mon député ? J'habite à Boulogne Billancourt": the place's words are no person's name
        Optional<String> name = NameGuess.find(PlacePhrase.withoutPlaces(turn.understanding(), turn.message().text()));
        if (name.isPresent()) {
            return new Resolution.UnknownName(name.get());
        }
        if (turn.state().lastDeputyUid() != null) {
            Optional<Deputy> last = data.deputy(turn.state().lastDeputyUid());
            if (last.isPresent()) {
                return new Resolution.Found(last.get());
            }
        }
        return new Resolution.NoneMentioned();
    }

    /**
     * The answer for every resolution but {@link Resolution.Found}: ask which deputy, say no deputy has that name,
     * or ask for a name or a place.
     */
    public Answer answerUnresolved(Turn turn, Intent intent, Resolution resolution) {
        return switch (resolution) {
            case Resolution.Ambiguous a -> askWhich(turn, intent,
                    turn.msg("deputies.ambiguous", "mention", a.mentionText()), a.candidates());
            case Resolution.Suggested s -> askWhich(turn, intent, s.candidates().size() == 1
                    ? turn.msg("deputies.suggested_one", "mention", s.mentionText(),
                            "candidate", s.candidates().getFirst().fullName())
                    : turn.msg("deputies.suggested_many", "mention", s.mentionText()), s.candidates());
            case Resolution.UnknownName u -> Answer.text(turn.state(), turn.msg("deputies.unknown_name",
                    "name", u.name(), "count", Long.toString(currentCount())));
            // the question waits: the next message's place answers it
            case Resolution.UnknownPlace p -> Answer.text(turn.state().withPendingIntent(intent),
                    turn.msg("deputies.unknown_place", "place", p.place()));
            case Resolution.NoneMentioned n -> Answer.text(turn.state().withPendingIntent(intent),
                    turn.msg("deputies.which"));
            case Resolution.Found f -> throw new IllegalArgumentException("resolved already: " + f.deputy().uid());
        };
    }

    private Answer askWhich(Turn turn, Intent intent, String question, List<Deputy> candidates) {
        // The name asked about is the first deputy named; a second one ("Rousseau et Marine Le Pen votent-ils
        // pareil ?") waits with the rest of the question.
        Optional<EntityMention> asked = turn.entity(EntityType.DEPUTY);
        List<EntityMention> kept = turn.understanding().entities().stream()
                .filter(e -> asked.isEmpty() || e != asked.get()).toList();
        List<PendingChoice.Option> options = new ArrayList<>();
        List<QuickReply> buttons = new ArrayList<>();
        StringBuilder text = new StringBuilder(question);
        for (Deputy d : candidates) {
            String label = label(turn, d);
            text.append("\n• ").append(label);
            EntityMention chosen = new EntityMention(EntityType.DEPUTY, d.uid(), d.fullName(), 0, d.fullName().length());
            options.add(new PendingChoice.Option(d.fullName(), d.fullName(), chosen));
            buttons.add(new QuickReply(d.fullName(), d.fullName()));
        }
        return Answer.text(turn.state().withPendingChoice(new PendingChoice(intent, kept, options)), text.toString(), buttons);
    }

    /** "Mathilde Panot (LFI-NFP, 10e circonscription du Val-de-Marne)". */
    public String label(Turn turn, Deputy d) {
        List<String> parts = new ArrayList<>();
        if (d.groupUid() != null && data.groupAbbreviation(d.groupUid()).isPresent()) {
            parts.add(data.groupAbbreviation(d.groupUid()).orElseThrow());
        }
        if (d.constituency() != null) {
            parts.add(fr.civicgateway.core.answer.Places.constituency(turn.language(), d.constituency()));
        }
        if (!d.current()) {
            parts.add(turn.msg("deputies.label_former", "gender", Agreement.gender(d)));
        }
        return parts.isEmpty() ? d.fullName() : d.fullName() + " (" + String.join(", ", parts) + ")";
    }

    private long currentCount() {
        return data.deputies().stream().filter(Deputy::current).count();
    }
}
