package fr.civicgateway.core.dialogue;

import fr.civicgateway.core.conversation.IncomingMessage;
import fr.civicgateway.core.conversation.Reply;
import fr.civicgateway.core.flow.ActiveFlow;
import fr.civicgateway.core.flow.Flow;
import fr.civicgateway.core.flow.FlowStep;
import fr.civicgateway.core.nlu.EntityMention;
import fr.civicgateway.core.nlu.EntityType;
import fr.civicgateway.core.nlu.Intent;
import fr.civicgateway.core.nlu.IntentScore;
import fr.civicgateway.core.nlu.Language;
import fr.civicgateway.core.nlu.NaturalLanguageUnderstanding;
import fr.civicgateway.core.nlu.Understanding;
import fr.civicgateway.core.text.MessageCatalogue;
import fr.civicgateway.core.text.Text;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The conversation engine: one message in, replies out. It understands the message (or takes the answer to a
 * question it asked), uses the conversation's context to decide which intent to answer, lets that intent's handler
 * compute the answer, and saves the new context.
 *
 * <p>Thread-safe: one instance serves every channel and conversation. It never throws for a valid message: a
 * failing handler or store is logged once (without the user's text) and the user gets an apology.
 */
public final class Dialogue {

    private static final Logger log = LoggerFactory.getLogger(Dialogue.class);

    /** Below this confidence, a message without any entity is treated as not understood. */
    static final double MIN_CONFIDENCE = 0.35;

    static final Set<EntityType> PLACES = Set.of(EntityType.COMMUNE, EntityType.POSTCODE,
            EntityType.CIRCONSCRIPTION, EntityType.DEPARTEMENT);

    private final NaturalLanguageUnderstanding nlu;
    private final ConversationStore store;
    private final Map<Intent, IntentHandler> handlers = new HashMap<>();
    private final Map<Intent, Flow> flowsByIntent = new HashMap<>();
    private final Map<String, Flow> flowsById = new HashMap<>();
    private final List<IntentHandler> claimers;
    private final Clock clock;
    private final Notices notices;
    private final TurnScope scope;
    private final ConversationLocks locks;
    private final MessageCatalogue messages;

    private Dialogue(Builder b) {
        this.nlu = Objects.requireNonNull(b.nlu, "nlu");
        this.store = Objects.requireNonNull(b.store, "store");
        this.clock = Objects.requireNonNull(b.clock, "clock");
        this.notices = Objects.requireNonNull(b.notices, "notices");
        this.scope = Objects.requireNonNull(b.scope, "scope");
        this.locks = Objects.requireNonNull(b.locks, "locks");
        this.messages = b.messages != null ? b.messages : MessageCatalogue.of(bundles(b.handlers, b.flows));
        Map<Intent, String> claimed = new HashMap<>();
        for (IntentHandler h : b.handlers) {
            for (Intent i : h.intents()) {
                claim(claimed, i, h.getClass().getName());
                this.handlers.put(i, h);
            }
        }
        for (Flow f : b.flows) {
            claim(claimed, f.intent(), "flow " + f.id());
            if (flowsById.put(f.id(), f) != null) {
                throw new IllegalArgumentException("two flows with id " + f.id());
            }
            flowsByIntent.put(f.intent(), f);
        }
        if (!handlers.containsKey(Intent.OUT_OF_SCOPE)) {
            throw new IllegalArgumentException("no handler for intent " + Intent.OUT_OF_SCOPE.apiName()
                    + ": every message that is not understood gets its answer");
        }
        this.claimers = List.copyOf(b.handlers);
    }

    /**
     * A dialogue over this understanding and this store; the {@link Builder} adds the handlers, the flows and the
     * rest. {@link Builder#build()} throws {@link IllegalArgumentException} when two handlers or flows claim the same
     * intent (naming both), two flows share an id, or no handler answers {@link Intent#OUT_OF_SCOPE}.
     */
    public static Builder builder(NaturalLanguageUnderstanding nlu, ConversationStore store) {
        return new Builder(nlu, store);
    }

    /** Builds a {@link Dialogue}; not thread-safe, use it once. */
    public static final class Builder {
        private final NaturalLanguageUnderstanding nlu;
        private final ConversationStore store;
        private List<IntentHandler> handlers = List.of();
        private List<Flow> flows = List.of();
        private Notices notices = Notices.NONE;
        private TurnScope scope = TurnScope.NONE;
        private ConversationLocks locks;
        private Clock clock = Clock.systemUTC();
        private MessageCatalogue messages;

        private Builder(NaturalLanguageUnderstanding nlu, ConversationStore store) {
            this.nlu = nlu;
            this.store = store;
        }

        /** The single-turn handlers, each answering its {@link IntentHandler#intents()}. */
        public Builder handlers(List<? extends IntentHandler> handlers) {
            this.handlers = List.copyOf(handlers);
            return this;
        }

        /** The multi-turn flows, each answering its own intent. Default: none. */
        public Builder flows(List<? extends Flow> flows) {
            this.flows = List.copyOf(flows);
            return this;
        }

        /** News shown before the answer to a conversation's next message (a report's new status). Default: none. */
        public Builder notices(Notices notices) {
            this.notices = notices;
            return this;
        }

        /** Wraps each turn (the app pins one version of its refreshable data for the turn's length). Default: none. */
        public Builder scope(TurnScope scope) {
            this.scope = scope;
            return this;
        }

        /**
         * Orders the turns of one conversation (see {@link ConversationLocks}). Default: within this process only
         * ({@link ConversationLocks#inProcess()}).
         */
        public Builder locks(ConversationLocks locks) {
            this.locks = locks;
            return this;
        }

        /** Default: {@link Clock#systemUTC()}. */
        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        /**
         * The sentences the handlers, the flows and the dialogue say: at least the bundles of {@link #bundles}, usually
         * with the operator's overrides. Default: the shipped catalogue of those bundles.
         */
        public Builder messages(MessageCatalogue messages) {
            this.messages = messages;
            return this;
        }

        public Dialogue build() {
            if (locks == null) {
                locks = ConversationLocks.inProcess();
            }
            return new Dialogue(this);
        }
    }

    /** The message bundles of these handlers and flows (the catalogue adds the shared ones). */
    public static List<String> bundles(List<IntentHandler> handlers, List<Flow> flows) {
        return java.util.stream.Stream.concat(handlers.stream().map(IntentHandler::messageBundle),
                flows.stream().map(Flow::messageBundle)).distinct().toList();
    }

    private static void claim(Map<Intent, String> claimed, Intent intent, String by) {
        String previous = claimed.put(intent, by);
        if (previous != null) {
            throw new IllegalArgumentException("two handlers for intent " + intent.apiName() + ": " + previous + " and " + by);
        }
    }

    /** Every intent a handler or a flow answers. */
    public Set<Intent> intents() {
        Set<Intent> all = new java.util.HashSet<>(handlers.keySet());
        all.addAll(flowsByIntent.keySet());
        return Set.copyOf(all);
    }

    public List<Reply> handle(IncomingMessage message) {
        try {
            // One turn of a conversation at a time, from reading its context to saving it.
            return locks.oneAtATime(message.conversationKey(), () -> scope.run(() -> answerAndRemember(message)));
        } catch (RuntimeException e) {
            // Only the NLU, the conversation's lock (its database) or a bug in the routing can get here: handlers and
            // the store are guarded below.
            log.error("could not answer a message on channel {}", message.channel(), e);
            return List.of(new Reply.Text(messages.format(message.locale() == Language.EN ? Language.EN : Language.FR,
                    "dialogue.error")));
        }
    }

    private List<Reply> answerAndRemember(IncomingMessage message) {
        Instant now = clock.instant();
        ConversationState state = loadState(message, now);
        List<Reply> news = news(message, state);
        if (!news.isEmpty()) {
            List<Reply> all = new ArrayList<>(news);
            all.addAll(answerInState(message, state, now));
            return all;
        }
        return answerInState(message, state, now);
    }

    private List<Reply> news(IncomingMessage message, ConversationState state) {
        try {
            Language language = message.locale() != null ? message.locale()
                    : state.language() != null ? state.language() : Language.FR;
            return notices.take(message.conversationKey(), language);
        } catch (RuntimeException e) {
            log.warn("notices unavailable on channel {}, answering without them: {}", message.channel(), e.toString());
            return List.of();
        }
    }

    private List<Reply> answerInState(IncomingMessage message, ConversationState state, Instant now) {
        if (state.activeFlow() != null) {
            Flow flow = flowsById.get(state.activeFlow().flowId());
            if (flow != null && !state.activeFlow().ended()) {
                return continueFlow(message, state, flow, now);
            }
            if (flow != null) {
                Optional<List<Reply>> again = again(message, state, flow, now);
                if (again.isPresent()) {
                    return again.get();
                }
            }
            // A flow that ended on the message before (this one does not repeat it), or one removed from the
            // configuration since: forget it and answer the message normally.
            state = state.withActiveFlow(null);
        }
        if (message.text().isBlank() && message.attachment() != null) {
            // A photo without words and without a flow to take it: say what it is good for.
            Language language = message.locale() != null ? message.locale()
                    : state.language() != null ? state.language() : Language.FR;
            return List.of(new Reply.Text(messages.format(language, "dialogue.photo_outside_report")));
        }
        Optional<Intent> claimed = claimed(message.text(), state);
        // A claimed text is a handler's own payload, which may carry a (rounded) position: understood, never kept.
        ConversationState asked = state;
        Optional<Understanding> picked = chosenOption(message, state).or(() -> chosenByDepartement(message, asked));
        Understanding understanding = placesAsTopics(picked
                .orElseGet(() -> claimed.isPresent()
                ? nlu.parseWithoutRemembering(message.text(), message.locale())
                : nlu.parse(message.text(), message.locale())));
        Language language = languageOf(message, understanding, state);
        ConversationState current = state;
        // A position alone answers the question the conversation is on; with words, the words say what is asked
        // ("Quels travaux près de chez moi ?") and the position is where (unless the words are not understood).
        Intent fromText = message.onlyAPosition() ? null
                : claimed.orElseGet(() -> decideIntent(understanding, current, message.text()));
        Intent decided = message.location() == null ? fromText
                : fromText == null || fromText == Intent.OUT_OF_SCOPE ? positionIntent(state) : fromText;
        // An intent decided by a rule whose handler is not registered here: the honest out-of-scope answer.
        Intent intent = handlers.containsKey(decided) || flowsByIntent.containsKey(decided) ? decided : Intent.OUT_OF_SCOPE;
        // "Comment contacter mon député ? J'habite à Tulle": answered as "Comment contacter mon député ?" → "Tulle",
        // the place finding the deputy (or asking which part of the town) with the question waiting for it.
        // A follow request is claimed by its opening words, yet "préviens-moi quand mon député vote, j'habite à Annecy"
        // follows the deputy of that place just the same.
        // "et Marine Le Pen ?", "et à Lyon ?" right after an answer about a deputy: the same question about them.
        boolean continues = claimed.isEmpty() && !message.onlyAPosition() && intent == state.lastIntent()
                && DecisionRules.FollowUpKeepsTheQuestion.keeps(understanding, state, message.text());
        boolean placeFirst = (claimed.isEmpty() || claimed.get() == Intent.FOLLOW) && message.location() == null
                && handlers.containsKey(Intent.FIND_REPRESENTATIVE) && (PendingIntents.placeGivesTheDeputy(intent, understanding)
                || continues && understanding.first(EntityType.DEPUTY).isEmpty());
        if (placeFirst) {
            state = state.withPendingIntent(intent);
            intent = Intent.FIND_REPRESENTATIVE;
        }
        // An answered question closes any question still open; the handler may open a new one.
        // What the last answer kept of its question reaches the handler only when this message continues it: a
        // follow-up, the choice it asked for, or the place a waiting question asked for.
        boolean keepsTheAspect = continues || picked.isPresent()
                || intent == Intent.FIND_REPRESENTATIVE && state.pendingIntent() != null;
        ConversationState before = state.withPendingChoice(null).withLanguage(language)
                .withLastAspect(keepsTheAspect ? state.lastAspect() : null);
        Turn turn = new Turn(message, intent == Intent.REPRESENTATIVE_VOTES && keepsTheScrutin(understanding, state, message.text())
                ? withContextScrutin(understanding, state) : understanding, language, before, now, intent, messages);
        Flow flow = flowsByIntent.get(intent);
        if (flow != null) {
            return step(flow, turn, null);
        }
        Answer answer = answer(intent, turn);
        List<Reply> replies = new ArrayList<>(answer.replies());
        ConversationState after = answer.state();
        Optional<Intent> waiting = PendingIntents.answerNow(intent, state, after)
                .filter(handlers::containsKey);
        if (waiting.isPresent()) {
            // The question's own words stay understood when it came with the place (a topic of the votes asked);
            // a place alone, answering the question asked before, only keeps the place (no name read in it).
            Understanding understood = placeFirst ? understanding : onlyThePlaces(understanding);
            Answer followUp = answer(waiting.get(), new Turn(message, understood, language,
                    after.withPendingIntent(null), now, waiting.get(), messages));
            replies.addAll(followUp.replies());
            after = followUp.state();
        } else {
            after = PendingIntents.forgetUnanswered(intent, state, after);
        }
        // The question answered last is the one a follow-up continues: the waiting one when the place answered it.
        saveState(message, after.withLastIntent(waiting.orElse(intent)).withLanguage(language).withUpdatedAt(now));
        return replies;
    }

    /**
     * A message while a flow is active goes to that flow — except "annuler" / "cancel", which leaves it. The flow
     * validates the answer itself; the classifier's intent is not used to route it.
     */
    private List<Reply> continueFlow(IncomingMessage message, ConversationState state, Flow flow, Instant now) {
        // Inside a flow the text may be personal (a description, a free-text answer): understood, never kept.
        Understanding understanding = nlu.parseWithoutRemembering(message.text(), message.locale());
        Language language = languageOf(message, understanding, state);
        Turn turn = new Turn(message, understanding, language, state.withLanguage(language), now, messages);
        if (isCancel(message.text())) {
            saveState(message, state.withActiveFlow(null).withLanguage(language).withUpdatedAt(now));
            return List.of(new Reply.Text(turn.msg("dialogue.flow_cancelled")));
        }
        return step(flow, turn, state.activeFlow());
    }

    /**
     * The message right after a flow ended: the flow's answer again when it repeats what ended it (a double-clicked
     * « oui »). The ended flow stays in the state, so a third click gets the same; any other message clears it.
     */
    private Optional<List<Reply>> again(IncomingMessage message, ConversationState state, Flow flow, Instant now) {
        Understanding understanding = nlu.parseWithoutRemembering(message.text(), message.locale());
        Language language = languageOf(message, understanding, state);
        try {
            return flow.again(new Turn(message, understanding, language, state.withLanguage(language), now),
                    state.activeFlow());
        } catch (RuntimeException e) {
            log.error("flow {} failed to answer again on channel {}", flow.id(), message.channel(), e);
            return Optional.empty();
        }
    }

    /** Runs one step of a flow (its start when {@code active} is null) and keeps the flow's new state. */
    private List<Reply> step(Flow flow, Turn turn, ActiveFlow active) {
        FlowStep step;
        try {
            step = active == null ? flow.start(turn) : flow.next(turn, active);
        } catch (RuntimeException e) {
            log.error("flow {} failed on channel {}", flow.id(), turn.message().channel(), e);
            // The flow stays where it was: nothing the user typed so far is lost, and they can try again.
            return List.of(new Reply.Text(turn.msg("dialogue.flow_error")));
        }
        ActiveFlow next = step instanceof FlowStep.Ask ask ? ask.flow()
                : step instanceof FlowStep.Done done && done.after() != null ? done.after().at(ActiveFlow.ENDED) : null;
        saveState(turn.message(), turn.state().withPendingChoice(null).withPendingIntent(null).withActiveFlow(next)
                .withLastIntent(flow.intent()).withLanguage(turn.language()).withUpdatedAt(turn.now()));
        return step.replies();
    }

    private static final Set<String> CANCEL = Set.of("annuler", "annule", "annulez", "annulation", "stop", "cancel",
            "quit", "quitter", "abandonner", "j abandonne", "laisse tomber", "laissez tomber", "sortir", "exit");

    static boolean isCancel(String text) {
        return CANCEL.contains(Text.foldToWords(text));
    }

    private Answer answer(Intent intent, Turn turn) {
        try {
            return handlers.getOrDefault(intent, handlers.get(Intent.OUT_OF_SCOPE)).handle(turn);
        } catch (RuntimeException e) {
            log.error("handler for intent {} failed on channel {}", intent.apiName(), turn.message().channel(), e);
            return Answer.text(turn.state(), turn.msg("dialogue.error"));
        }
    }

    /** The intent of the handler that claims the text as its own (see {@link IntentHandler#claims}), if any. */
    private Optional<Intent> claimed(String text, ConversationState state) {
        for (IntentHandler h : claimers) {
            if (h.claims(text, state)) {
                return Optional.of(h.intent());
            }
        }
        return Optional.empty();
    }

    /**
     * A position shared outside a flow answers "where do you live?" — unless the conversation is about local projects
     * (the bot asked for a position, or just answered about worksites): then it asks what is near that position.
     */
    static Intent positionIntent(ConversationState state) {
        return state.pendingIntent() == Intent.LOCAL_PROJECTS
                || (state.pendingIntent() == null && state.lastIntent() == Intent.LOCAL_PROJECTS)
                ? Intent.LOCAL_PROJECTS : Intent.FIND_REPRESENTATIVE;
    }

    /**
     * Which intent to answer: the classifier's, corrected by what the conversation makes obvious — the first of the
     * ordered {@link DecisionRules} that settles it, else what {@link IntentNeeds} makes of the classifier's.
     */
    Intent decideIntent(Understanding u, ConversationState state, String text) {
        Understanding beside = u.intent() == Intent.FIND_REPRESENTATIVE && u.first(EntityType.DEPUTY).isEmpty()
                && u.entities().stream().anyMatch(e -> PLACES.contains(e.type()) && !e.guessed()) ? besideThePlace(u) : null;
        return DecisionRules.decide(new DecisionRules.Facts(u, state, text, beside));
    }

    /** Splits a message into clauses: a place is usually given in a clause of its own ("…? J'habite à Tulle"). */
    private static final Pattern CLAUSE_END = Pattern.compile("[.?!;,\\n]");

    /**
     * The classifier's reading of the message without its place, for {@link DecisionRules.TheQuestionBesideThePlace}:
     * first the clauses that name no place ("Comment contacter mon député ?"), then the whole text without the place's
     * words ("How do I contact the MP for ?"); the first that reads as a question about one deputy, else the last
     * read, or null when nothing is left beside the place. Read without remembering: these are not the user's words.
     */
    private Understanding besideThePlace(Understanding u) {
        String text = u.text();
        List<EntityMention> places = u.entities().stream().filter(e -> PLACES.contains(e.type())).toList();
        List<String> readings = new ArrayList<>();
        StringBuilder kept = new StringBuilder();
        Matcher end = CLAUSE_END.matcher(text);
        int from = 0;
        while (from < text.length()) {
            int to = end.find() ? end.end() : text.length();
            int start = from;
            int stop = to;
            if (places.stream().noneMatch(p -> p.start() < stop && p.end() > start)) {
                kept.append(text, start, stop).append(' ');
            }
            from = to;
        }
        if (!Text.foldToWords(kept.toString()).isEmpty() && kept.length() < text.length()) {
            readings.add(kept.toString().strip());
        }
        StringBuilder without = new StringBuilder(text);
        for (EntityMention p : places.stream().sorted(Comparator.comparingInt(EntityMention::start).reversed()).toList()) {
            if (p.start() >= 0 && p.end() <= without.length() && p.start() <= p.end()) {
                without.replace(p.start(), p.end(), " ");
            }
        }
        if (!Text.foldToWords(without.toString()).isEmpty()) {
            readings.add(without.toString().strip());
        }
        Understanding last = null;
        for (String reading : readings) {
            last = nlu.parseWithoutRemembering(reading, u.language());
            if (DecisionRules.TheQuestionBesideThePlace.asksOfTheDeputy(last)) {
                return last;
            }
        }
        return last;
    }

    private static final Set<Intent> ABOUT_A_SCRUTIN = Set.of(Intent.VOTE_RESULT, Intent.REPRESENTATIVE_VOTES);

    /**
     * A follow-up ("et Boris Vallaud ?") that names no scrutin nor topic, right after an answer about one scrutin:
     * the conversation's scrutin is the one meant.
     */
    static boolean keepsTheScrutin(Understanding u, ConversationState state, String text) {
        return isFollowUp(text) && state.lastScrutin() != null && ABOUT_A_SCRUTIN.contains(state.lastIntent())
                && u.first(EntityType.SCRUTIN).isEmpty() && u.first(EntityType.TOPIC).isEmpty();
    }

    private static Understanding onlyThePlaces(Understanding u) {
        return new Understanding(u.text(), u.language(), u.ranking(),
                u.entities().stream().filter(e -> PLACES.contains(e.type())).toList());
    }

    /** The understanding with the conversation's scrutin added, as if the message had named it. */
    private static Understanding withContextScrutin(Understanding u, ConversationState state) {
        List<EntityMention> entities = new ArrayList<>(u.entities());
        String number = String.valueOf(state.lastScrutin());
        entities.add(new EntityMention(EntityType.SCRUTIN, number, number, u.text().length(), u.text().length()));
        return new Understanding(u.text(), u.language(), u.ranking(), entities);
    }

    private static final Set<String> ABOUT = Set.of("sur", "concernant", "on", "about", "regarding");
    private static final Set<String> ARTICLES = Set.of("la", "le", "les", "l", "the");

    /**
     * "Comment a voté Mathilde Panot sur Mayotte ?": in a question about votes, a place after "sur" / "on" is the
     * subject of the votes, not where the citizen lives. The place becomes the topic searched in the scrutins'
     * titles (only when the message names no topic nor scrutin of its own).
     */
    static Understanding placesAsTopics(Understanding u) {
        if (!ABOUT_A_SCRUTIN.contains(u.intent()) || u.first(EntityType.TOPIC).isPresent()
                || u.first(EntityType.SCRUTIN).isPresent()) {
            return u;
        }
        List<EntityMention> entities = new ArrayList<>(u.entities().size());
        boolean changed = false;
        for (EntityMention m : u.entities()) {
            if (PLACES.contains(m.type()) && !changed && afterAbout(u.text(), m.start())) {
                entities.add(new EntityMention(EntityType.TOPIC, m.text(), m.text(), m.start(), m.end()));
                changed = true;
            } else {
                entities.add(m);
            }
        }
        return changed ? new Understanding(u.text(), u.language(), u.ranking(), entities) : u;
    }

    private static boolean afterAbout(String text, int start) {
        String[] before = Text.foldToWords(text.substring(0, Math.min(start, text.length()))).split(" ");
        int last = before.length - 1;
        if (last >= 0 && ARTICLES.contains(before[last])) {
            last--;
        }
        return last >= 0 && ABOUT.contains(before[last]);
    }

    /** A proper name's shape: a capital, or a hyphen inside a word ("trifouillis-les-oies"). */
    private static final Pattern NAME_SHAPE = Pattern.compile("\\p{Lu}|\\p{L}-\\p{L}");

    /**
     * Whether a reply is a bare name, a place's or a person's ("Trifouillis-les-Oies", "Saint Truc"): four words at
     * most, no question mark, no digit, a word written as a name is. "merci", "ok", "non", "Annuler" are not.
     */
    public static boolean looksLikeABareName(String text) {
        String t = text.strip();
        int words = Text.foldToWords(t).isEmpty() ? 0 : Text.foldToWords(t).split(" ").length;
        return words >= 1 && words <= 4 && t.indexOf('?') < 0 && t.chars().noneMatch(Character::isDigit)
                && NAME_SHAPE.matcher(t).find() && !isCancel(t);
    }

    /** A postcode's shape: five digits ("99999"), which an unknown postcode is left as by the extractor. */
    private static final Pattern POSTCODE_SHAPE = Pattern.compile("\\d{5}");

    /** A bare name ({@link #looksLikeABareName}) or a bare postcode: what answers "dans quelle commune ?". */
    public static boolean looksLikeAPlaceReply(String text) {
        return looksLikeABareName(text) || POSTCODE_SHAPE.matcher(text.strip()).matches();
    }

    /** One word of one or two letters written as a name ("Y", "Eu", "Ay"): real communes, too short for free text. */
    static boolean isAVeryShortName(String text) {
        String t = text.strip();
        return t.length() <= 2 && !t.isEmpty() && t.chars().allMatch(Character::isLetter)
                && Character.isUpperCase(t.charAt(0));
    }

    static boolean isFollowUp(String text) {
        String t = Text.foldToWords(text);
        return t.startsWith("et ") || t.startsWith("and ") || t.startsWith("what about") || t.startsWith("how about")
                || t.equals("et") || t.startsWith("puis ");
    }

    /** When the bot asked a question with options and the message picks one, the original question is answered. */
    private static Optional<Understanding> chosenOption(IncomingMessage message, ConversationState state) {
        PendingChoice choice = state.pendingChoice();
        if (choice == null) {
            return Optional.empty();
        }
        String said = Text.foldToWords(message.text());
        List<PendingChoice.Option> options = choice.options();
        int ordinal = ordinal(said, options.size());
        int byWords = optionByTitleWords(options, said);
        for (int i = 0; i < options.size(); i++) {
            PendingChoice.Option o = options.get(i);
            if (said.equals(Text.foldToWords(o.payload())) || said.equals(Text.foldToWords(o.title()))
                    || said.equals(String.valueOf(i + 1)) || ordinal == i || byWords == i
                    || isOnlyOptionNamed(options, o, said)) {
                // The chosen entity first: it stands for the mention asked about, which came before the kept ones of
                // its kind ("Rousseau et Marine Le Pen" → the chosen Rousseau, then Marine Le Pen).
                List<EntityMention> entities = new ArrayList<>();
                entities.add(o.entity());
                entities.addAll(choice.keptEntities());
                Language lang = state.language() == null ? Language.FR : state.language();
                return Optional.of(new Understanding(message.text(), lang,
                        List.of(new IntentScore(choice.intent(), 1.0)), entities));
            }
        }
        return Optional.empty();
    }

    /** The ordinal words of a choice: "premier", "5e", "fourth"; "dernier" / "last" is the last option. */
    private static final java.util.Map<String, Integer> ORDINALS = java.util.Map.ofEntries(
            java.util.Map.entry("premier", 1), java.util.Map.entry("premiere", 1), java.util.Map.entry("1er", 1),
            java.util.Map.entry("1re", 1), java.util.Map.entry("1ere", 1), java.util.Map.entry("first", 1),
            java.util.Map.entry("1st", 1), java.util.Map.entry("deuxieme", 2), java.util.Map.entry("second", 2),
            java.util.Map.entry("seconde", 2), java.util.Map.entry("2nd", 2), java.util.Map.entry("troisieme", 3),
            java.util.Map.entry("third", 3), java.util.Map.entry("3rd", 3), java.util.Map.entry("quatrieme", 4),
            java.util.Map.entry("fourth", 4), java.util.Map.entry("cinquieme", 5), java.util.Map.entry("fifth", 5),
            java.util.Map.entry("sixieme", 6), java.util.Map.entry("sixth", 6), java.util.Map.entry("septieme", 7),
            java.util.Map.entry("seventh", 7), java.util.Map.entry("huitieme", 8), java.util.Map.entry("eighth", 8),
            java.util.Map.entry("dernier", -1), java.util.Map.entry("derniere", -1), java.util.Map.entry("last", -1));
    /** "2e", "5eme", "4th": a number with its ordinal ending. */
    private static final java.util.regex.Pattern NUMBERED_ORDINAL =
            java.util.regex.Pattern.compile("(\\d{1,2})(?:e|eme|er|re|ere|th|st|nd|rd)");
    /** The words around an ordinal that say nothing else: "le premier", "the fourth one", "celui-là". */
    private static final Set<String> ORDINAL_FILLERS = Set.of("le", "la", "l", "the", "one", "celui", "celle", "ci",
            "dossier", "texte", "choix", "option", "choice", "please", "svp", "stp", "alors", "donc", "et", "and",
            "plutot", "rather", "prends", "take", "je", "veux", "i", "want", "pick", "oui", "yes", "du", "de", "of",
            "list", "liste", "sur");

    /** The index the message picks by its position ("le premier", "le 5e", "the last one"); -1 when none. */
    static int ordinal(String said, int size) {
        int found = -1;
        for (String w : said.split(" ")) {
            Integer n = ORDINALS.get(w);
            java.util.regex.Matcher m = NUMBERED_ORDINAL.matcher(w);
            if (n == null && m.matches()) {
                n = Integer.valueOf(m.group(1));
            }
            if (n != null) {
                if (found != -1) {
                    return -1;
                }
                found = n == -1 ? size - 1 : n - 1;
            } else if (!w.isEmpty() && !ORDINAL_FILLERS.contains(w)) {
                return -1;
            }
        }
        return found >= 0 && found < size ? found : -1;
    }

    /** The words of a choice that are not a title's: "celui sur", "the one about". */
    private static final Set<String> CHOICE_WORDS = Set.of("celui", "celle", "ceux", "sur", "about", "the", "one",
            "le", "la", "les", "l", "de", "du", "des", "d", "on", "qui", "that", "concerne", "concernant", "porte",
            "relatif", "relative", "dossier", "texte", "loi", "projet", "proposition", "bill", "et", "and", "pour",
            "for", "of", "a", "au", "aux", "en");

    /**
     * "celui sur l'équilibre des finances publiques": the one option whose title holds every word said (beyond the
     * words of a choice, at least one of four letters or more); -1 when none or several do.
     */
    static int optionByTitleWords(List<PendingChoice.Option> options, String said) {
        List<String> words = java.util.Arrays.stream(said.split(" "))
                .filter(w -> !w.isEmpty() && !CHOICE_WORDS.contains(w)).toList();
        if (words.stream().noneMatch(w -> w.length() > 3)) {
            return -1;
        }
        int found = -1;
        for (int i = 0; i < options.size(); i++) {
            String title = " " + Text.foldToWords(options.get(i).title()) + " ";
            if (words.stream().allMatch(w -> title.contains(" " + w + " "))) {
                if (found != -1) {
                    return -1;
                }
                found = i;
            }
        }
        return found;
    }

    /**
     * "Talizat" for the option "Talizat (15)": a commune typed without the département that a list offered beside
     * its name, when no other option has that name.
     */
    private static boolean isOnlyOptionNamed(List<PendingChoice.Option> options, PendingChoice.Option o, String said) {
        if (o.entity().type() != EntityType.COMMUNE || !said.equals(withoutSuffix(o.title()))) {
            return false;
        }
        return options.stream().filter(x -> said.equals(withoutSuffix(x.title()))).count() == 1;
    }

    /** "Talizat (15)" → "talizat". */
    private static String withoutSuffix(String title) {
        return Text.foldToWords(title.replaceFirst("\\s*\\([^)]*\\)\\s*$", ""));
    }

    /** "dans le 93", "974": a département written as its code. */
    private static final java.util.regex.Pattern DEPARTEMENT_CODE =
            java.util.regex.Pattern.compile("(?<![0-9a-z])(0?[1-9]|[1-8][0-9]|9[0-5]|2[ab]|97[1-8]|98[6-8])(?![0-9a-z])");

    /**
     * "Plusieurs communes s'appellent « Saint-Denis ». Laquelle ?" → "celle du Gard", "dans le 93",
     * "Seine-Saint-Denis": a short answer that names a département picks the one commune offered in it.
     */
    private Optional<Understanding> chosenByDepartement(IncomingMessage message, ConversationState state) {
        PendingChoice choice = state.pendingChoice();
        String said = Text.foldToWords(message.text());
        if (choice == null || said.isEmpty() || said.split(" ").length > 6
                || !choice.options().stream().allMatch(o -> o.entity().type() == EntityType.COMMUNE)) {
            return Optional.empty();
        }
        Set<String> named = new java.util.HashSet<>();
        Understanding parsed = nlu.parseWithoutRemembering(message.text(), message.locale());
        parsed.all(EntityType.DEPARTEMENT).forEach(e -> named.add(e.value()));
        if (named.isEmpty() && said.split(" ").length <= 4) {
            // A bare "Lot" or "Gard": the name alone, read as the département it answers for ("celle du Lot").
            nlu.parseWithoutRemembering("celle du " + message.text(), message.locale())
                    .all(EntityType.DEPARTEMENT).forEach(e -> named.add(e.value()));
        }
        java.util.regex.Matcher code = DEPARTEMENT_CODE.matcher(said);
        while (code.find()) {
            String c = code.group(1).toUpperCase(java.util.Locale.ROOT);
            named.add(c.length() == 1 ? "0" + c : c);
        }
        List<PendingChoice.Option> inNamed = choice.options().stream()
                .filter(o -> named.contains(departementOf(o.entity().value()))).toList();
        if (inNamed.size() != 1) {
            return Optional.empty();
        }
        List<EntityMention> entities = new ArrayList<>(choice.keptEntities());
        entities.add(inNamed.getFirst().entity());
        Language lang = state.language() == null ? Language.FR : state.language();
        return Optional.of(new Understanding(message.text(), lang, List.of(new IntentScore(choice.intent(), 1.0)), entities));
    }

    /** The département of an INSEE commune code: three characters overseas (97411 is in 974), else two. */
    private static String departementOf(String inseeCode) {
        return inseeCode.startsWith("97") || inseeCode.startsWith("98") ? inseeCode.substring(0, 3)
                : inseeCode.substring(0, Math.min(2, inseeCode.length()));
    }

    /**
     * The client's declared locale wins; otherwise the detected language — except for a reply of one or two words
     * ("oui", "74000", a name), which says nothing reliable about the language, so the conversation's stays.
     */
    private static Language languageOf(IncomingMessage m, Understanding u, ConversationState state) {
        if (m.locale() != null) {
            return m.locale();
        }
        if (state.language() != null && Text.foldToWords(m.text()).split(" ").length <= 2) {
            return state.language();
        }
        return u.language();
    }

    private ConversationState loadState(IncomingMessage m, Instant now) {
        try {
            return store.find(m.conversationKey()).map(this::withoutUnansweredQuestions)
                    .orElseGet(() -> ConversationState.start(m.locale(), now));
        } catch (RuntimeException e) {
            log.warn("conversation store unavailable, answering without context: {}", e.toString());
            return ConversationState.start(m.locale(), now);
        }
    }

    /**
     * A question left open for an intent no handler here answers (saved by an instance with another handler, or
     * before one was removed) is forgotten: its answer would have nowhere to go.
     */
    ConversationState withoutUnansweredQuestions(ConversationState state) {
        ConversationState s = state;
        if (s.pendingIntent() != null && !answers(s.pendingIntent())) {
            s = s.withPendingIntent(null);
        }
        if (s.pendingChoice() != null && !answers(s.pendingChoice().intent())) {
            s = s.withPendingChoice(null);
        }
        return s;
    }

    private boolean answers(Intent intent) {
        return handlers.containsKey(intent) || flowsByIntent.containsKey(intent);
    }

    private void saveState(IncomingMessage m, ConversationState state) {
        try {
            store.save(m.conversationKey(), state);
        } catch (RuntimeException e) {
            log.warn("conversation store unavailable, context not kept: {}", e.toString());
        }
    }
}
