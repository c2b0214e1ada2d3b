package fr.civicgateway.core.dialogue;

import fr.civicgateway.core.nlu.EntityType;
import fr.civicgateway.core.nlu.Intent;
import fr.civicgateway.core.nlu.Understanding;
import java.util.List;
import java.util.Optional;

/**
 * How the dialogue corrects the classifier with what the conversation makes obvious: an ordered list of named rules,
 * each a small record that settles the intent or passes ({@link Rule#decide}); the first that settles wins, and
 * when none does, {@link IntentNeeds#decide} checks that the classifier's intent has what it needs. Each rule is
 * tested on its own (DecisionRulesTest) and in the dialogue's tests.
 *
 * <p>A rule names the core's own intents only; an intent added by a new handler is the classifier's to find (and
 * passes through every rule unchanged). Pure functions; thread-safe.
 */
final class DecisionRules {

    /** The rules, in the order they are tried. */
    static final List<Rule> ORDERED = List.of(
            new AnotherSubjectIsOutOfScope(),
            new TheQuestionBesideThePlace(),
            new AnswersTheOpenQuestion(),
            new AnUnknownReplyToTheOpenQuestion(),
            new ABillTextsNumber(),
            new DeputyAndScrutinMeanTheirVote(),
            new DeputyAfterAScrutin(),
            new FollowUpKeepsTheQuestion(),
            new AnotherGroupsCohesion(),
            new DeputysLatestVotes(),
            new ScrutinAfterADeputysVote(),
            new BareReportNumber(),
            new BarePlaceOrName(),
            new WhatANotionIs(),
            new DayAfterTheAgenda(),
            new NotUnderstood());

    private DecisionRules() {
    }

    /** The intent to answer: the first rule's that settles it, else {@link IntentNeeds#decide}. */
    static Intent decide(Facts f) {
        for (Rule rule : ORDERED) {
            Optional<Intent> settled = rule.decide(f);
            if (settled.isPresent()) {
                return settled.get();
            }
        }
        return IntentNeeds.decide(f.intent(), f.u(), f.state(), f.text());
    }

    /** One rule: the intent it settles for this message in this conversation, or empty to let the next decide. */
    interface Rule {
        Optional<Intent> decide(Facts f);
    }

    /**
     * What every rule reads: the understanding, the conversation and the text, with the facts they share.
     *
     * @param besideThePlace the classifier's reading of the message without its place ("Comment contacter mon
     *                       député ?" of "Comment contacter mon député ? J'habite à Tulle"), when the dialogue read it
     *                       (a place, no deputy, and the classifier's intent finding the deputy); else null
     */
    record Facts(Understanding u, ConversationState state, String text, Understanding besideThePlace) {

        Facts(Understanding u, ConversationState state, String text) {
            this(u, state, text, null);
        }

        /** The classifier's intent. */
        Intent intent() {
            return u.intent();
        }

        boolean hasPlace() {
            return u.entities().stream().anyMatch(e -> Dialogue.PLACES.contains(e.type()));
        }

        boolean hasDeputy() {
            return u.first(EntityType.DEPUTY).isPresent();
        }

        boolean hasScrutinOrTopic() {
            return u.first(EntityType.SCRUTIN).isPresent() || u.first(EntityType.TOPIC).isPresent();
        }

        /** The classifier says little: out of scope, unsure, or a greeting / help that a name or place overrides. */
        boolean weak() {
            Intent i = u.intent();
            return i == Intent.OUT_OF_SCOPE || u.confidence() < Dialogue.MIN_CONFIDENCE || i == Intent.GREET || i == Intent.HELP;
        }

        /** The question the bot left open, if any. */
        Intent waiting() {
            return state.pendingIntent();
        }
    }

    /**
     * "Qui est le maire de Paris ?", "Quel âge a Marine Le Pen ?": another office, or what no intent holds about a
     * deputy, is no deputy question however near the classifier puts it.
     */
    record AnotherSubjectIsOutOfScope() implements Rule {
        @Override
        public Optional<Intent> decide(Facts f) {
            return IntentNeeds.asksAboutSomethingElse(f.intent(), f.u(), f.text())
                    ? Optional.of(Intent.OUT_OF_SCOPE) : Optional.empty();
        }
    }

    /**
     * "Comment contacter mon député ? J'habite à Tulle", "How often does my MP vote? I live in Tulle": the place
     * draws the classifier to finding the deputy, but the question beside it asks something of that deputy. When
     * the message without its place is, for the classifier, a question about one deputy (not who they are), that
     * question is answered, the place giving the deputy (the dialogue answers it as the two-message form). "Qui est
     * mon député ? J'habite à Tulle" stays finding the deputy.
     */
    record TheQuestionBesideThePlace() implements Rule {

        /** The classifier's confidence in the question beside the place that lets it win over the place. */
        static final double SURE_ENOUGH = 0.5;

        @Override
        public Optional<Intent> decide(Facts f) {
            Understanding beside = f.besideThePlace();
            if (beside == null || f.intent() != Intent.FIND_REPRESENTATIVE || !f.hasPlace() || f.hasDeputy()) {
                return Optional.empty();
            }
            return asksOfTheDeputy(beside) ? Optional.of(beside.intent()) : Optional.empty();
        }

        /** Whether this reading is, surely enough, a question about one deputy other than who they are. */
        static boolean asksOfTheDeputy(Understanding beside) {
            Intent asked = beside.intent();
            return PendingIntents.ABOUT_A_DEPUTY.contains(asked) && asked != Intent.REPRESENTATIVE_PROFILE
                    && beside.confidence() >= SURE_ENOUGH;
        }
    }

    /**
     * The answer to "which deputy / which place?": a bare place continues the open question as finding the deputy, a
     * name (when the classifier is unsure) answers the question waiting for it, and a scrutin or topic answers a
     * waiting "which vote?".
     */
    record AnswersTheOpenQuestion() implements Rule {
        @Override
        public Optional<Intent> decide(Facts f) {
            Intent waiting = f.waiting();
            if (waiting != null && f.hasPlace() && !f.hasDeputy()) {
                return Optional.of(Intent.FIND_REPRESENTATIVE);
            }
            if (waiting != null && f.hasDeputy() && f.weak()) {
                return Optional.of(waiting == Intent.FIND_REPRESENTATIVE ? Intent.REPRESENTATIVE_PROFILE : waiting);
            }
            if (waiting == Intent.VOTE_RESULT && f.weak() && f.hasScrutinOrTopic()) {
                return Optional.of(Intent.VOTE_RESULT);
            }
            return Optional.empty();
        }
    }

    /**
     * "Dans quelle commune ?" → "Trifouillis-les-Oies", "99999", "Eu": a bare name or postcode the extractor does not
     * read (unknown, or a commune's name too short to be read in free text), given while a question
     * waits for a place or a deputy, is answered by finding the deputy (which says the place is unknown) and the
     * question keeps waiting for a right one — never dropped as out of scope.
     */
    record AnUnknownReplyToTheOpenQuestion() implements Rule {
        @Override
        public Optional<Intent> decide(Facts f) {
            Intent waiting = f.waiting();
            boolean forAPlace = waiting != null
                    && (waiting == Intent.FIND_REPRESENTATIVE || PendingIntents.ABOUT_A_DEPUTY.contains(waiting));
            boolean unsure = f.intent() == Intent.OUT_OF_SCOPE || f.u().confidence() < Dialogue.MIN_CONFIDENCE
                    // "Y", "Eu": a one- or two-letter name is read as a greeting, but a town is what was asked
                    || f.weak() && Dialogue.isAVeryShortName(f.text());
            return forAPlace && unsure && f.u().entities().isEmpty() && Dialogue.looksLikeAPlaceReply(f.text())
                    ? Optional.of(Intent.FIND_REPRESENTATIVE) : Optional.empty();
        }
    }

    /**
     * "le texte n° 482", "texte 482", "proposition de loi 1100": a bill text's number asks where that bill stands,
     * never a scrutin's result (unless a deputy is named: then it is their vote).
     */
    record ABillTextsNumber() implements Rule {
        @Override
        public Optional<Intent> decide(Facts f) {
            return !f.hasDeputy() && IntentNeeds.namesABillText(f.text())
                    ? Optional.of(Intent.BILL_STATUS) : Optional.empty();
        }
    }

    /** A deputy and a scrutin (or a topic) named together: however it is worded, the question is how they voted. */
    record DeputyAndScrutinMeanTheirVote() implements Rule {
        @Override
        public Optional<Intent> decide(Facts f) {
            return f.intent() == Intent.VOTE_RESULT && f.hasDeputy() && f.hasScrutinOrTopic()
                    ? Optional.of(Intent.REPRESENTATIVE_VOTES) : Optional.empty();
        }
    }

    /**
     * "et Boris Vallaud, il a voté quoi ?" after a scrutin's result is that deputy's vote on the same scrutin; a bare
     * "et Mathilde Panot ?" / "what about Gabriel Attal?" there too: nothing else is asked of the deputy.
     */
    record DeputyAfterAScrutin() implements Rule {
        @Override
        public Optional<Intent> decide(Facts f) {
            return f.hasDeputy() && (f.intent() == Intent.REPRESENTATIVE_VOTES || f.weak()
                    || IntentNeeds.onlyTheMentions(f.u(), f.text()))
                    && Dialogue.keepsTheScrutin(f.u(), f.state(), f.text())
                    ? Optional.of(Intent.REPRESENTATIVE_VOTES) : Optional.empty();
        }
    }

    /**
     * "Est-ce que Boris Vallaud vote comme son groupe ?" → "et Marine Le Pen ?": a follow-up that names only another
     * deputy (or only a place, whose deputy is meant: "et à Lyon ?") right after an answer about one deputy asks them
     * the same question — the same intent, and what the answer's handler kept of the question
     * ({@link ConversationState#lastAspect()}: loyalty, closeness to the first deputy). Following a deputy is never
     * continued so: "et Marine Le Pen ?" after "suis Boris Vallaud" subscribes nobody.
     */
    record FollowUpKeepsTheQuestion() implements Rule {

        /** The answers about one deputy that a follow-up continues. */
        static final java.util.Set<Intent> CONTINUED = ConversationState.ABOUT_A_DEPUTY.stream()
                .filter(i -> i != Intent.FOLLOW).collect(java.util.stream.Collectors.toUnmodifiableSet());

        @Override
        public Optional<Intent> decide(Facts f) {
            return keeps(f.u(), f.state(), f.text()) ? Optional.of(f.state().lastIntent()) : Optional.empty();
        }

        /** Whether this message is such a follow-up in this conversation. */
        static boolean keeps(Understanding u, ConversationState state, String text) {
            if (state.lastIntent() == null || !CONTINUED.contains(state.lastIntent()) || !Dialogue.isFollowUp(text)
                    || !IntentNeeds.onlyTheMentions(u, text) || u.first(EntityType.SCRUTIN).isPresent()
                    || u.first(EntityType.TOPIC).isPresent()) {
                return false;
            }
            boolean deputy = u.first(EntityType.DEPUTY).isPresent();
            boolean place = u.entities().stream().anyMatch(e -> Dialogue.PLACES.contains(e.type()));
            return deputy != place;
        }
    }

    /**
     * "Le groupe LFI est-il uni ?" → "et le RN ?": a follow-up naming only another group, right after a group's
     * cohesion, asks that group's cohesion.
     */
    record AnotherGroupsCohesion() implements Rule {
        @Override
        public Optional<Intent> decide(Facts f) {
            return f.state().lastIntent() == Intent.REPRESENTATIVE_VOTES
                    && fr.civicgateway.core.votes.RepresentativeVotesHandler.COHESION.equals(f.state().lastAspect())
                    && Dialogue.isFollowUp(f.text()) && f.u().first(EntityType.GROUP).isPresent() && !f.hasDeputy()
                    && !f.hasScrutinOrTopic() && IntentNeeds.onlyTheMentions(f.u(), f.text())
                    ? Optional.of(Intent.REPRESENTATIVE_VOTES) : Optional.empty();
        }
    }

    /**
     * "Montre-moi les votes de Boris Vallaud": a deputy and vote words without a scrutin nor a topic ask for the
     * deputy's latest votes (not the Assemblée's, nor alerts unless follow words ask for them).
     */
    record DeputysLatestVotes() implements Rule {
        @Override
        public Optional<Intent> decide(Facts f) {
            return f.hasDeputy() && !f.hasScrutinOrTopic() && IntentNeeds.asksForADeputysVotes(f.intent(), f.text())
                    ? Optional.of(Intent.REPRESENTATIVE_VOTES) : Optional.empty();
        }
    }

    /** "et sur le scrutin 3700 ?" after a deputy's vote is about the same deputy's vote. */
    record ScrutinAfterADeputysVote() implements Rule {
        @Override
        public Optional<Intent> decide(Facts f) {
            return Dialogue.isFollowUp(f.text()) && !f.hasDeputy()
                    && f.state().lastIntent() == Intent.REPRESENTATIVE_VOTES && f.state().lastDeputyUid() != null
                    && f.intent() == Intent.VOTE_RESULT
                    ? Optional.of(Intent.REPRESENTATIVE_VOTES) : Optional.empty();
        }
    }

    /** "signalement 42" alone asks where that report stands. */
    record BareReportNumber() implements Rule {
        @Override
        public Optional<Intent> decide(Facts f) {
            return f.u().first(EntityType.REPORT).isPresent() && f.weak()
                    ? Optional.of(Intent.REPORT_STATUS) : Optional.empty();
        }
    }

    /**
     * A bare place ("Annecy", "et à Lyon ?") asks for its deputy (a sentence that merely names one does not); a bare
     * deputy's name asks who they are.
     */
    record BarePlaceOrName() implements Rule {
        @Override
        public Optional<Intent> decide(Facts f) {
            if (f.weak() && f.hasPlace() && !f.hasDeputy() && IntentNeeds.placeIsTheQuestion(f.u(), f.text())) {
                return Optional.of(Intent.FIND_REPRESENTATIVE);
            }
            return f.weak() && f.hasDeputy() ? Optional.of(Intent.REPRESENTATIVE_PROFILE) : Optional.empty();
        }
    }

    /**
     * "C'est quoi les questions au gouvernement ?" asks what they are, not a deputy's questions: a definition with no
     * deputy named goes to how the Assemblée works ({@link IntentNeeds#asksWhatANotionIs}).
     */
    record WhatANotionIs() implements Rule {
        @Override
        public Optional<Intent> decide(Facts f) {
            return IntentNeeds.asksWhatANotionIs(f.intent(), f.u(), f.text())
                    ? Optional.of(Intent.ASSEMBLY_INFO) : Optional.empty();
        }
    }

    /** "et le 16 avril ?", "and tomorrow?" after the agenda's answer asks the agenda of that day. */
    record DayAfterTheAgenda() implements Rule {
        @Override
        public Optional<Intent> decide(Facts f) {
            return f.state().lastIntent() == Intent.AGENDA && f.u().first(EntityType.DATE).isPresent()
                    && (f.weak() || IntentNeeds.onlyTheMentions(f.u(), f.text()))
                    ? Optional.of(Intent.AGENDA) : Optional.empty();
        }
    }

    /**
     * A message the classifier is unsure of, naming nothing the bot knows, is not understood. A day is not a thing the
     * bot knows: "quel temps fera-t-il demain ?" stays out of scope.
     */
    record NotUnderstood() implements Rule {
        @Override
        public Optional<Intent> decide(Facts f) {
            return f.u().confidence() < Dialogue.MIN_CONFIDENCE
                    && f.u().entities().stream().allMatch(e -> e.type() == EntityType.DATE)
                    ? Optional.of(Intent.OUT_OF_SCOPE) : Optional.empty();
        }
    }
}
