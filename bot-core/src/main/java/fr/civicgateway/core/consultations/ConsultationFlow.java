package fr.civicgateway.core.consultations;

import fr.civicgateway.core.conversation.QuickReply;
import fr.civicgateway.core.conversation.Reply;
import fr.civicgateway.core.dialogue.Turn;
import fr.civicgateway.core.flow.ActiveFlow;
import fr.civicgateway.core.flow.Flow;
import fr.civicgateway.core.flow.FlowStep;
import fr.civicgateway.core.nlu.Intent;
import fr.civicgateway.core.nlu.Language;
import fr.civicgateway.core.text.Text;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Answering a consultation in the chat: the open consultations as quick replies → one → its questions one by one →
 * a review where any answer can be changed → submit. The citizen is thanked only once the store has committed the
 * answer. One answer per person and consultation: answers are stored under {@link ConsultationPseudonyms} of the
 * conversation key, never the key itself; a person who already answered is told so and, when the consultation
 * allows it and is still open, may change their answer by answering again (the earlier answers are never copied into
 * the conversation's state: they stay in the store).
 *
 * <p>Stateless: what the flow remembers lives in the {@link ActiveFlow} slots — {@code consultation} (the id),
 * {@code a.<question id>} (an answer: option ids joined by commas, a rating, a text, or empty for a skipped
 * question), {@code sel.<question id>} (a multiple choice being ticked), {@code review} (answers go back to the
 * review) and {@code existing} (changing an earlier submission). Steps: {@code pick}, {@code existing},
 * {@code q.<index>}, {@code review}. "annuler" is the dialogue's.
 */
public final class ConsultationFlow implements Flow {

    public static final String ID = "consultation";

    private static final String PICK = "pick";
    private static final String EXISTING = "existing";
    private static final String REVIEW = "review";
    private static final String QUESTION = "q.";
    private static final String CONSULTATION = "consultation";
    private static final String ANSWER = "a.";
    private static final String SELECTION = "sel.";
    private static final String CHECK = "✓ ";

    private static final Set<String> VALIDATE = Set.of("valider", "valide", "validate", "done", "ok", "c est bon", "termine", "fini");
    private static final Set<String> SKIP = Set.of("passer", "passe", "skip", "je passe", "pass");
    private static final Set<String> SEND = Set.of("envoyer", "envoie", "envoyez", "send", "submit", "oui", "yes", "confirmer", "confirm", "valider");
    private static final Set<String> CHANGE_EXISTING = Set.of("modifier ma reponse", "modifier", "change my answer", "change", "oui", "yes");
    // At most two digits: a longer number names no question and must not overflow Integer.parseInt ("modifier 2147483648").
    private static final Pattern CHANGE = Pattern.compile("(?:modifier|changer|change|edit)(?: la question| question)? (\\d+)");
    // Folding to words drops a minus sign: "modifier -1" must not read as question 1.
    private static final Pattern NEGATIVE = Pattern.compile("-\\s*\\d");

    private final ConsultationCatalog catalog;
    private final ConsultationStore store;
    private final ConsultationPseudonyms pseudonyms;
    private final ZoneId zone;

    /** @param zone the time zone closing days are told in: the town's ({@code civic.town.time-zone}) */
    public ConsultationFlow(ConsultationCatalog catalog, ConsultationStore store, ConsultationPseudonyms pseudonyms, ZoneId zone) {
        this.catalog = catalog;
        this.store = store;
        this.pseudonyms = pseudonyms;
        this.zone = zone;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Intent intent() {
        return Intent.CONSULTATION;
    }

    @Override
    public FlowStep start(Turn t) {
        if (!pseudonyms.enabled()) {
            return done(t.msg("consultation.not_configured"));
        }
        List<Consultation> open = catalog.open(t.now());
        if (open.isEmpty()) {
            return done(t.msg("consultation.none_open"));
        }
        // A message that names one open consultation (the payload of another answer's button) goes straight to it.
        Optional<Consultation> named = named(Text.foldToWords(t.message().text()), open);
        if (named.isPresent()) {
            return begin(t, named.get());
        }
        return new FlowStep.Ask(ActiveFlow.start(ID, PICK), List.of(list(t, open)));
    }

    /**
     * The text another answer puts in a button to open one consultation directly: "participer à la consultation
     * {@code <id>}" (French) or "take part in the consultation {@code <id>}" (English), which the classifier reads as
     * a consultation request and {@link #start} as that consultation.
     */
    public static String startText(Turn t, Consultation c) {
        return t.say("participer à la consultation ", "take part in the consultation ") + c.id();
    }

    /** The one open consultation whose id (folded to words) the message contains, if exactly one. */
    static Optional<Consultation> named(String said, List<Consultation> open) {
        String padded = " " + said + " ";
        List<Consultation> found = open.stream()
                .filter(c -> padded.contains(" " + Text.foldToWords(c.id()) + " ")).toList();
        return found.size() == 1 ? Optional.of(found.getFirst()) : Optional.empty();
    }

    private Reply list(Turn t, List<Consultation> open) {
        List<String> items = new ArrayList<>();
        List<QuickReply> buttons = new ArrayList<>();
        for (int i = 0; i < open.size(); i++) {
            Consultation c = open.get(i);
            items.add(t.msg("consultation.list_item", "number", String.valueOf(i + 1), "title", c.title().in(t.language()),
                    "last_day", day(c.lastDay(), t.language())));
            buttons.add(new QuickReply(c.title().in(t.language()), c.id()));
        }
        return new Reply.Text(t.msg("consultation.list", "count", open.size(), "items", String.join("\n", items)), buttons);
    }

    @Override
    public FlowStep next(Turn t, ActiveFlow f) {
        if (f.step().equals(PICK)) {
            return pick(t, f);
        }
        Optional<Consultation> found = catalog.find(f.slot(CONSULTATION));
        if (found.isEmpty()) {
            return done(t.msg("consultation.no_longer_offered"));
        }
        Consultation c = found.get();
        if (f.step().equals(EXISTING)) {
            return existing(t, f, c);
        }
        if (f.step().equals(REVIEW)) {
            return review(t, f, c);
        }
        return answer(t, f, c, Integer.parseInt(f.step().substring(QUESTION.length())));
    }

    // --- choosing a consultation -----------------------------------------------------------------------------

    private FlowStep pick(Turn t, ActiveFlow f) {
        List<Consultation> open = catalog.open(t.now());
        if (open.isEmpty()) {
            return done(t.msg("consultation.none_open"));
        }
        String said = Text.foldToWords(t.message().text());
        Consultation chosen = null;
        for (int i = 0; i < open.size(); i++) {
            Consultation c = open.get(i);
            if (said.equals(Text.foldToWords(c.id())) || said.equals(String.valueOf(i + 1))
                    || said.equals(Text.foldToWords(c.title().fr()))
                    || (c.title().en() != null && said.equals(Text.foldToWords(c.title().en())))
                    || (open.size() == 1 && (said.equals("oui") || said.equals("yes")))) {
                chosen = c;
            }
        }
        if (chosen == null) {
            Reply again = list(t, open);
            return new FlowStep.Ask(f, List.of(new Reply.Text(t.msg("consultation.not_recognised", "list",
                    ((Reply.Text) again).text()), ((Reply.Text) again).quickReplies())));
        }
        return begin(t, chosen);
    }

    /** The chosen consultation: "already answered", or its introduction and first question. */
    private FlowStep begin(Turn t, Consultation chosen) {
        String pseudonym = pseudonyms.of(chosen.id(), t.message().personKey());
        Optional<Submission> earlier = store.find(chosen.id(), pseudonym);
        ActiveFlow withConsultation = ActiveFlow.start(ID, PICK).with(CONSULTATION, chosen.id());
        if (earlier.isPresent()) {
            String title = chosen.title().in(t.language());
            String answeredOn = day(earlier.get().submittedAt().atZone(zone).toLocalDate(), t.language());
            if (!chosen.allowChanges()) {
                return done(t.msg("consultation.already_answered_final", "title", title, "answered_on", answeredOn));
            }
            // The earlier answers stay in the store, never in the conversation's state: changing them means answering
            // again, and the new answers replace the old ones only when sent.
            return new FlowStep.Ask(withConsultation.at(EXISTING), List.of(new Reply.Text(
                    t.msg("consultation.already_answered_changeable", "title", title, "answered_on", answeredOn,
                            "last_day", day(chosen.lastDay(), t.language())),
                    changeOrCancel(t))));
        }
        String intro = t.msg("consultation.intro", "title", chosen.title().in(t.language()),
                "description", chosen.description().in(t.language()), "last_day", day(chosen.lastDay(), t.language()),
                "questions", chosen.questions().size());
        return ask(t, withConsultation, chosen, 0, List.of(new Reply.Text(intro)), null);
    }

    /** The buttons after "you have already answered": change it, or leave. Their payloads are the flow's commands. */
    private static List<QuickReply> changeOrCancel(Turn t) {
        return List.of(new QuickReply(t.msg("consultation.button_change_answer"), t.say("modifier ma réponse", "change my answer")),
                new QuickReply(t.msg("common.button_cancel"), t.say("annuler", "cancel")));
    }

    private FlowStep existing(Turn t, ActiveFlow f, Consultation c) {
        if (!c.isOpen(t.now())) {
            return closed(t, c);
        }
        if (!CHANGE_EXISTING.contains(Text.foldToWords(t.message().text()))) {
            return new FlowStep.Ask(f, List.of(new Reply.Text(t.msg("consultation.change_or_cancel"), changeOrCancel(t))));
        }
        return ask(t, f.with("existing", "1"), c, 0, List.of(new Reply.Text(t.msg("consultation.answer_again"))), null);
    }

    // --- the questions -----------------------------------------------------------------------------------------

    /** Asks question {@code index}, after {@code before} (an introduction, or why the last answer was refused). */
    private FlowStep ask(Turn t, ActiveFlow f, Consultation c, int index, List<Reply> before, String problem) {
        Question q = c.questions().get(index);
        StringBuilder s = new StringBuilder();
        if (problem != null) {
            s.append(problem).append("\n");
        }
        s.append(t.msg("consultation.question", "number", String.valueOf(index + 1),
                "total", String.valueOf(c.questions().size()), "text", q.text().in(t.language())));
        List<QuickReply> buttons = new ArrayList<>();
        switch (q) {
            case Question.SingleChoice sc -> sc.options().forEach(o -> buttons.add(new QuickReply(o.label().in(t.language()), o.label().in(t.language()))));
            case Question.MultipleChoice mc -> {
                Set<String> selected = selection(f, mc);
                s.append("\n").append(t.msg("consultation.hint_multiple_choice"));
                if (!selected.isEmpty()) {
                    s.append("\n").append(t.msg("consultation.hint_chosen", "options", labels(mc, selected, t.language())));
                }
                for (Question.Option o : mc.options()) {
                    String label = o.label().in(t.language());
                    buttons.add(new QuickReply(selected.contains(o.id()) ? CHECK + label : label, label));
                }
                buttons.add(new QuickReply(t.msg("consultation.button_validate"), t.say("valider", "validate")));
            }
            case Question.Scale sc -> {
                s.append("\n").append(t.msg("consultation.hint_scale", "low", sc.lowLabel().in(t.language()),
                        "high", sc.highLabel().in(t.language())));
                for (int v = Question.Scale.MIN; v <= Question.Scale.MAX; v++) {
                    buttons.add(new QuickReply(String.valueOf(v), String.valueOf(v)));
                }
            }
            case Question.FreeText ft -> s.append("\n").append(t.msg("consultation.hint_free_text",
                    "max", String.valueOf(ft.maxLength())));
        }
        if (!q.required() && !(q instanceof Question.MultipleChoice)) {
            buttons.add(new QuickReply(t.msg("consultation.button_skip"), t.say("passer", "skip")));
        }
        List<Reply> replies = new ArrayList<>(before);
        replies.add(new Reply.Text(s.toString(), buttons));
        return new FlowStep.Ask(f.at(QUESTION + index), replies);
    }

    private FlowStep answer(Turn t, ActiveFlow f, Consultation c, int index) {
        if (index < 0 || index >= c.questions().size()) {
            return showReview(t, f, c, null); // the operator removed questions since: review what is left
        }
        Question q = c.questions().get(index);
        String text = t.message().text().strip();
        String said = Text.foldToWords(text);
        if (!q.required() && SKIP.contains(said) && !(q instanceof Question.MultipleChoice)) {
            return answered(t, f, c, index, "");
        }
        return switch (q) {
            case Question.SingleChoice sc -> matchOption(sc, said)
                    .map(o -> answered(t, f, c, index, o.id()))
                    .orElseGet(() -> ask(t, f, c, index, List.of(), t.msg("consultation.choice_not_understood")));
            case Question.MultipleChoice mc -> {
                Set<String> selected = selection(f, mc);
                if (VALIDATE.contains(said)) {
                    if (selected.isEmpty() && mc.required()) {
                        yield ask(t, f, c, index, List.of(), t.msg("consultation.pick_at_least_one"));
                    }
                    yield answered(t, f.without(SELECTION + mc.id()), c, index, String.join(",", ordered(mc, selected)));
                }
                Optional<Question.Option> o = matchOption(mc, said);
                if (o.isEmpty()) {
                    yield ask(t, f, c, index, List.of(), t.msg("consultation.choice_not_understood"));
                }
                if (!selected.remove(o.get().id())) {
                    selected.add(o.get().id());
                }
                yield ask(t, f.with(SELECTION + mc.id(), String.join(",", ordered(mc, selected))), c, index, List.of(), null);
            }
            case Question.Scale sc -> {
                if (said.matches("[1-5]")) {
                    yield answered(t, f, c, index, said);
                }
                yield ask(t, f, c, index, List.of(), t.msg("consultation.scale_expected"));
            }
            case Question.FreeText ft -> {
                int length = text.codePointCount(0, text.length());
                if (length > ft.maxLength()) {
                    yield ask(t, f, c, index, List.of(), t.msg("consultation.too_long", "length", String.valueOf(length),
                            "max", String.valueOf(ft.maxLength())));
                }
                yield answered(t, f, c, index, text);
            }
        };
    }

    /** Keeps an answer, then asks the next question — or shows the review when all are answered or when changing one. */
    private FlowStep answered(Turn t, ActiveFlow f, Consultation c, int index, String value) {
        ActiveFlow kept = f.with(ANSWER + c.questions().get(index).id(), value);
        if (kept.has(REVIEW) || index + 1 >= c.questions().size()) {
            return showReview(t, kept, c, null);
        }
        return ask(t, kept, c, index + 1, List.of(), null);
    }

    private static Optional<Question.Option> matchOption(Question q, String said) {
        List<Question.Option> options = q.options();
        String bare = said.startsWith("✓") ? said.substring(1).strip() : said;
        for (int i = 0; i < options.size(); i++) {
            Question.Option o = options.get(i);
            if (bare.equals(Text.foldToWords(o.label().fr())) || (o.label().en() != null && bare.equals(Text.foldToWords(o.label().en())))
                    || bare.equals(Text.foldToWords(o.id())) || bare.equals(String.valueOf(i + 1))) {
                return Optional.of(o);
            }
        }
        return Optional.empty();
    }

    private static Set<String> selection(ActiveFlow f, Question q) {
        String ticking = f.slot(SELECTION + q.id());
        String value = ticking != null ? ticking : f.slot(ANSWER + q.id());
        Set<String> out = new LinkedHashSet<>();
        if (value != null && !value.isEmpty()) {
            out.addAll(Arrays.asList(value.split(",")));
        }
        return out;
    }

    private static List<String> ordered(Question q, Set<String> selected) {
        return q.options().stream().map(Question.Option::id).filter(selected::contains).toList();
    }

    private static String labels(Question q, Set<String> optionIds, Language language) {
        return String.join(", ", q.options().stream().filter(o -> optionIds.contains(o.id())).map(o -> o.label().in(language)).toList());
    }

    // --- review and submission ---------------------------------------------------------------------------------

    private FlowStep showReview(Turn t, ActiveFlow f, Consultation c, String problem) {
        // A question added by the operator since the citizen started is asked before the review.
        for (int i = 0; i < c.questions().size(); i++) {
            if (!f.has(ANSWER + c.questions().get(i).id())) {
                return ask(t, f, c, i, List.of(), problem);
            }
        }
        StringBuilder s = new StringBuilder();
        if (problem != null) {
            s.append(problem).append("\n");
        }
        List<String> items = new ArrayList<>();
        List<QuickReply> buttons = new ArrayList<>();
        buttons.add(new QuickReply(t.msg("consultation.button_send"), t.say("envoyer", "send")));
        for (int i = 0; i < c.questions().size(); i++) {
            Question q = c.questions().get(i);
            items.add(t.msg("consultation.review_item", "number", String.valueOf(i + 1), "question", q.text().in(t.language()),
                    "answer", shown(t, q, f.slot(ANSWER + q.id()))));
            buttons.add(new QuickReply(t.msg("consultation.button_change_question", "number", String.valueOf(i + 1)),
                    t.say("modifier ", "change ") + (i + 1)));
        }
        s.append(t.msg("consultation.review", "title", c.title().in(t.language()), "items", String.join("\n", items)));
        buttons.add(new QuickReply(t.msg("common.button_cancel"), t.say("annuler", "cancel")));
        return new FlowStep.Ask(f.with(REVIEW, "1").at(REVIEW), List.of(new Reply.Text(s.toString(), buttons)));
    }

    private static String shown(Turn t, Question q, String value) {
        if (value == null || value.isEmpty()) {
            return t.msg("consultation.no_answer");
        }
        return switch (q) {
            case Question.FreeText ft -> t.msg("consultation.text_answer", "text", value);
            case Question.Scale sc -> t.msg("consultation.rating_answer", "rating", value);
            default -> labels(q, new LinkedHashSet<>(Arrays.asList(value.split(","))), t.language());
        };
    }

    private FlowStep review(Turn t, ActiveFlow f, Consultation c) {
        String said = Text.foldToWords(t.message().text());
        if (SEND.contains(said)) {
            return submit(t, f, c);
        }
        Matcher m = CHANGE.matcher(said);
        String digits = m.matches() ? m.group(1) : said.matches("\\d+") ? said : null;
        String choose = t.msg("consultation.review_choose");
        if (digits == null) {
            return showReview(t, f, c, choose);
        }
        // At most two digits: a longer number names no question and must not overflow Integer.parseInt.
        int index = digits.length() <= 2 && !NEGATIVE.matcher(t.message().text()).find() ? Integer.parseInt(digits) - 1 : -1;
        if (index >= 0 && index < c.questions().size()) {
            return ask(t, f, c, index, List.of(), null);
        }
        int count = c.questions().size();
        return showReview(t, f, c, t.msg("consultation.no_such_question", "count", String.valueOf(count), "choose", choose));
    }

    private FlowStep submit(Turn t, ActiveFlow f, Consultation c) {
        if (!c.isOpen(t.now())) {
            return closed(t, c);
        }
        Map<String, Response> responses = new LinkedHashMap<>();
        for (Question q : c.questions()) {
            String value = f.slot(ANSWER + q.id());
            if (value == null || value.isEmpty()) {
                continue;
            }
            responses.put(q.id(), switch (q) {
                case Question.FreeText ft -> new Response.Text(value);
                case Question.Scale sc -> new Response.Rating(Integer.parseInt(value));
                default -> new Response.Choices(ordered(q, new LinkedHashSet<>(Arrays.asList(value.split(",")))));
            });
        }
        String pseudonym = pseudonyms.of(c.id(), t.message().personKey());
        // Only now, after the store has committed, is the citizen thanked; a failure throws and keeps the flow.
        return switch (store.save(new Ballot(c.id(), responses), pseudonym, t.now(), c.allowChanges())) {
            case CREATED -> done(c.allowChanges()
                    ? t.msg("consultation.thanks_changeable", "last_day", day(c.lastDay(), t.language()))
                    : t.msg("consultation.thanks"));
            case REPLACED -> done(t.msg("consultation.thanks_changed"));
            case ALREADY_ANSWERED -> done(t.msg("consultation.already_answered_kept"));
        };
    }

    private FlowStep closed(Turn t, Consultation c) {
        return done(t.msg("consultation.closed", "title", c.title().in(t.language())));
    }

    private static FlowStep done(String text) {
        return new FlowStep.Done(List.of(new Reply.Text(text)));
    }

    private static final DateTimeFormatter FRENCH_DAY = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.FRENCH);
    private static final DateTimeFormatter ENGLISH_DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);

    /** "1er novembre 2026", "31 janvier 2027"; "31 January 2027". */
    static String day(LocalDate d, Language language) {
        if (language == Language.EN) {
            return ENGLISH_DAY.format(d);
        }
        return (d.getDayOfMonth() == 1 ? "1er" : String.valueOf(d.getDayOfMonth())) + " " + FRENCH_DAY.format(d);
    }
}
