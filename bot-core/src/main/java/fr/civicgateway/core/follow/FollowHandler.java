package fr.civicgateway.core.follow;

import fr.civicgateway.core.assembly.BillWords;
import fr.civicgateway.core.assembly.DossierChoices;
import fr.civicgateway.core.conversation.QuickReply;
import fr.civicgateway.core.dialogue.Answer;
import fr.civicgateway.core.dialogue.ConversationState;
import fr.civicgateway.core.dialogue.IntentHandler;
import fr.civicgateway.core.dialogue.Turn;
import fr.civicgateway.core.nlu.EntityMention;
import fr.civicgateway.core.nlu.EntityType;
import fr.civicgateway.core.nlu.Intent;
import fr.civicgateway.core.nlu.Language;
import fr.civicgateway.core.news.NewsSource;
import fr.civicgateway.core.news.TownNews;
import fr.civicgateway.core.parliament.ParliamentData;
import fr.civicgateway.core.parliament.ScrutinSearch;
import fr.civicgateway.core.parliament.work.AssemblyWork;
import fr.civicgateway.core.parliament.work.Dossier;
import fr.civicgateway.core.reports.Report;
import fr.civicgateway.core.reports.ReportStatus;
import fr.civicgateway.core.reports.ReportStore;
import fr.civicgateway.core.representative.DeputyResolver;
import fr.civicgateway.core.representative.DeputyResolver.Resolution;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * {@code follow}: "suis Mathilde Panot", "préviens-moi quand mon député vote", "suis le projet de loi sur l'aide à
 * mourir", "alerte-moi sur les votes sur l'agriculture". Finds what is meant (a deputy as every deputy question does,
 * a bill by the search of {@code bill_status}, else a topic's words), stores the subscription under the
 * conversation's key, and says what will be sent, how often and how to stop. What is sent, and when, is the delivery's
 * work, not this handler's. Thread-safe.
 */
public final class FollowHandler implements IntentHandler {

    /** The entities that give the citizen's place, hence their own deputy. */
    private static final Set<EntityType> PLACES = Set.of(EntityType.COMMUNE, EntityType.POSTCODE,
            EntityType.CIRCONSCRIPTION, EntityType.DEPARTEMENT);

    /** How many dossiers a question back offers. */
    static final int CANDIDATES = 5;

    private final AssemblyWork work;
    private final TownNews news;
    private final SubscriptionStore store;
    private final ReportStore reports;
    private final FollowSettings settings;
    private final DeputyResolver deputies;
    private final Labels labels;

    /**
     * @param news     the town hall's feeds ({@link TownNews#none()} when the town has none)
     * @param settings the operator's digest period and limit per conversation
     */
    public FollowHandler(ParliamentData data, AssemblyWork work, TownNews news, SubscriptionStore store,
                         ReportStore reports, FollowSettings settings) {
        this.work = Objects.requireNonNull(work, "work");
        this.news = Objects.requireNonNull(news, "news");
        this.store = Objects.requireNonNull(store, "store");
        this.reports = Objects.requireNonNull(reports, "reports");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.deputies = new DeputyResolver(Objects.requireNonNull(data, "data"));
        this.labels = new Labels(data, work, news);
    }

    @Override
    public Intent intent() {
        return Intent.FOLLOW;
    }

    /**
     * {@code /suivre}, the "follow this bill" buttons it wrote, and a request that opens with following ("suis …",
     * "préviens-moi quand …", "follow …"), which the classifier may read as a question about the name or bill after.
     */
    @Override
    public boolean claims(String text, ConversationState state) {
        return text.length() < 300 && (FollowWords.asksHowToFollow(text) || FollowWords.followBillButton(text).isPresent()
                || FollowWords.followNewsButton(text).isPresent() || FollowWords.opensWithFollowing(text));
    }

    @Override
    public Answer handle(Turn t) {
        String text = t.message().text();
        if (FollowWords.asksHowToFollow(text)) {
            return how(t);
        }
        Optional<String> billButton = FollowWords.followBillButton(text);
        if (billButton.isPresent()) {
            return work.dossier(billButton.get()).map(d -> follow(t, new FollowTarget.Bill(d.uid())))
                    .orElseGet(() -> Answer.text(t.state(), t.msg("follow.bill_none", "words", billButton.get())));
        }
        Optional<String> newsButton = FollowWords.followNewsButton(text);
        if (newsButton.isPresent()) {
            return news.sources().stream().filter(s -> s.id().equals(newsButton.get())).findFirst()
                    .map(s -> follow(t, new FollowTarget.TownNews(s.id())))
                    .orElseGet(() -> Answer.text(t.state(), t.msg("follow.news_unavailable"), examples(t)));
        }
        Optional<Long> report = t.entity(EntityType.REPORT).map(e -> parseLong(e.value())).or(() -> FollowWords.report(text));
        if (report.isPresent()) {
            return report(t, report.get());
        }
        boolean namesADeputy = t.entity(EntityType.DEPUTY).isPresent();
        if (namesADeputy || FollowWords.ownDeputy(text)) {
            return deputy(t);
        }
        if (t.entity(EntityType.DOSSIER).isPresent() || FollowWords.bill(text)) {
            return bill(t);
        }
        if (FollowWords.townNews(text)) {
            return townNews(t);
        }
        Optional<String> topic = t.entity(EntityType.TOPIC).map(EntityMention::text).map(FollowWords::folded);
        if (topic.isEmpty() && FollowWords.saysATopic(text)) {
            topic = FollowWords.topic(text);
        }
        if (topic.isPresent()) {
            return follow(t, new FollowTarget.Topic(topic.get()));
        }
        // "suis Jean Dupont": a person's name, found or said to be no deputy's; and the bare answer to "which
        // deputy?" (a place, a name): the deputy it gave.
        if (DeputyResolver.namesSomeone(t) || !FollowWords.speaksOfFollowing(text)) {
            return deputy(t);
        }
        topic = FollowWords.topic(text);
        if (topic.isPresent()) {
            return follow(t, new FollowTarget.Topic(topic.get()));
        }
        return how(t);
    }

    private static Long parseLong(String s) {
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            return -1L;
        }
    }

    private Answer deputy(Turn t) {
        Resolution r = deputies.resolve(t);
        Optional<EntityMention> named = t.entity(EntityType.DEPUTY);
        // "préviens-moi quand mon député vote" is lasting: the citizen's own deputy, found from a place given in this
        // very turn (with the request, or answering "where do you live?") or earlier in the conversation as where they
        // live ("J'habite à Bobigny"), never the last deputy merely talked about.
        boolean placeGivenNow = t.understanding().entities().stream().anyMatch(e -> PLACES.contains(e.type()) && !e.guessed());
        boolean own = named.isEmpty() && FollowWords.ownDeputy(t.message().text());
        if (own && r instanceof Resolution.Found f && !placeGivenNow
                && !(t.state().lastDeputyIsOwn() && f.deputy().uid().equals(t.state().lastDeputyUid()))) {
            r = new Resolution.NoneMentioned();
        }
        // A misspelt name is asked back ("Vouliez-vous dire … ?") with its button: following is an action, not an answer.
        if (r instanceof Resolution.Found f && named.isPresent()
                && named.get().certainty() != EntityMention.Certainty.EXACT) {
            r = new Resolution.Suggested(named.get().text(), List.of(f.deputy()));
        }
        if (r instanceof Resolution.Found f) {
            ConversationState state = own ? t.state().withOwnDeputy(f.deputy().uid()) : t.state().withDeputy(f.deputy().uid());
            Answer a = follow(t, new FollowTarget.Deputy(f.deputy().uid()));
            return new Answer(a.replies(), state.withPendingIntent(null));
        }
        return deputies.answerUnresolved(t, Intent.FOLLOW, r);
    }

    private Answer bill(Turn t) {
        String text = t.message().text();
        String uid = t.entity(EntityType.DOSSIER).map(EntityMention::value).orElseGet(() -> BillWords.uidIn(text));
        if (uid != null) {
            return work.dossier(uid).map(d -> follow(t, new FollowTarget.Bill(d.uid())))
                    .orElseGet(() -> Answer.text(t.state(), t.msg("follow.bill_none", "words", uid)));
        }
        Integer number = BillWords.textNumber(text);
        if (number != null) {
            List<Dossier> found = work.findDossiers(String.valueOf(number), 1);
            return found.isEmpty() ? Answer.text(t.state(), t.msg("follow.bill_none", "words", String.valueOf(number)))
                    : follow(t, new FollowTarget.Bill(found.getFirst().uid()));
        }
        String topic = t.entity(EntityType.TOPIC).map(EntityMention::text).orElse(null);
        List<String> searches = BillWords.searches(topic, FollowWords.withoutFollowing(text), t.language());
        for (String words : searches) {
            List<Dossier> found = work.findDossiers(words, CANDIDATES + 1);
            if (found.size() == 1) {
                return follow(t, new FollowTarget.Bill(found.getFirst().uid()));
            }
            if (!found.isEmpty()) {
                StringBuilder out = new StringBuilder(t.msg("follow.bill_choose", "words", words));
                List<QuickReply> buttons = new ArrayList<>();
                // As bill_status offers them: each with its stage and date, buttons told apart when titles start alike.
                List<Dossier> shown = found.subList(0, Math.min(CANDIDATES, found.size()));
                LocalDate dataDate = work.dossiersProvenance().dataDate();
                List<String> titles = DossierChoices.buttonTitles(t, shown, dataDate, Labels.BUTTON_TITLE);
                for (int i = 0; i < shown.size(); i++) {
                    out.append('\n').append(DossierChoices.line(t, shown.get(i), dataDate));
                    buttons.add(new QuickReply(titles.get(i),
                            FollowWords.followBillPayload(shown.get(i).uid(), t.language() == Language.EN)));
                }
                return Answer.text(t.state(), out.toString(), buttons);
            }
        }
        if (searches.isEmpty()) {
            return Answer.text(t.state(), t.msg("follow.bill_which"), examples(t));
        }
        return Answer.text(t.state(), t.msg("follow.bill_none", "words", searches.getFirst()));
    }

    /** The town hall's news: its one feed followed, or which of its feeds asked. */
    private Answer townNews(Turn t) {
        List<NewsSource> sources = news.sources();
        if (sources.isEmpty()) {
            return Answer.text(t.state(), t.msg("follow.news_unavailable"), examples(t));
        }
        if (sources.size() == 1) {
            return follow(t, new FollowTarget.TownNews(sources.getFirst().id()));
        }
        List<QuickReply> buttons = sources.stream().map(s -> new QuickReply(BillWords.shorten(s.title(), Labels.BUTTON_TITLE),
                FollowWords.followNewsPayload(s.id(), t.language() == Language.EN))).toList();
        return Answer.text(t.state(), t.msg("follow.news_choose"), buttons);
    }

    /** A report's status changes are told already: said, not stored twice. */
    private Answer report(Turn t, long id) {
        Optional<Report> r = id > 0 ? reports.find(id) : Optional.empty();
        if (r.isEmpty() || !t.message().conversationKey().equals(r.get().conversationKey())) {
            return Answer.text(t.state(), t.msg("follow.report_unknown", "id", Long.toString(id)));
        }
        return Answer.text(t.state(), t.msg("follow.report_already", "id", Long.toString(id),
                "open", r.get().status() == ReportStatus.OPEN ? "true" : "false"), manage(t));
    }

    /** Stores the subscription (unless followed already or the conversation is at its limit) and confirms it. */
    private Answer follow(Turn t, FollowTarget target) {
        if (target instanceof FollowTarget.Topic topic && !ScrutinSearch.hasSubject(topic.words())) {
            // "' OR 1=1 --" read as "or 1 1": words found in almost every scrutin's title, or in none.
            return Answer.text(t.state(), t.msg("follow.topic_vague", "words", topic.words()), examples(t));
        }
        String key = t.message().conversationKey();
        String label = labels.of(t, target);
        List<Subscription> mine = store.list(key);
        if (mine.stream().anyMatch(s -> s.target().equals(target))) {
            return Answer.text(t.state(), t.msg("follow.already", "what", label), manage(t));
        }
        if (mine.size() >= settings.maxPerConversation()) {
            return Answer.text(t.state(), t.msg("follow.limit", "max", settings.maxPerConversation()), manage(t));
        }
        if (!store.add(new Subscription(key, target, t.language(), t.now()))) {
            return Answer.text(t.state(), t.msg("follow.already", "what", label), manage(t));
        }
        String what = switch (target) {
            case FollowTarget.Deputy d -> t.msg("follow.done_deputy", "name", label, "period", period(t));
            case FollowTarget.Bill b -> t.msg("follow.done_bill", "title", label);
            case FollowTarget.Topic topic -> t.msg("follow.done_topic", "words", topic.words());
            case FollowTarget.TownNews n -> t.msg("follow.done_news", "source", label);
            case FollowTarget.Report r -> t.msg("follow.report_already", "id", Long.toString(r.id()), "open", "true");
        };
        StringBuilder out = new StringBuilder(what);
        if (!(target instanceof FollowTarget.Deputy)) {
            out.append(' ').append(t.msg("follow.grouped"));
        }
        if (!t.message().capabilities().canPush()) {
            out.append('\n').append(t.msg("follow.next_visit"));
        }
        out.append('\n').append(t.msg("follow.how_to_stop", "what", labels.inner(t, target)));
        return Answer.text(t.state(), out.toString(), manage(t));
    }

    /** "un résumé par jour", "un résumé toutes les 6 heures": the operator's digest period, in words. */
    private String period(Turn t) {
        Duration d = settings.digest();
        if (d.toHours() % 24 == 0) {
            return t.msg("follow.period_days", "days", d.toDays());
        }
        return t.msg("follow.period_hours", "hours", d.toHours());
    }

    private Answer how(Turn t) {
        return Answer.text(t.state(), t.msg("follow.how"), examples(t));
    }

    private static List<QuickReply> examples(Turn t) {
        return List.of(new QuickReply(t.msg("follow.example_own_deputy"), t.msg("follow.example_own_deputy")),
                new QuickReply(t.msg("follow.example_topic"), t.msg("follow.example_topic")),
                new QuickReply(t.msg("follow.button_list"), t.msg("follow.command_list")));
    }

    private static List<QuickReply> manage(Turn t) {
        return List.of(new QuickReply(t.msg("follow.button_list"), t.msg("follow.command_list")));
    }
}
