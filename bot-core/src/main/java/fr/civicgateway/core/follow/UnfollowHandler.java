package fr.civicgateway.core.follow;

import fr.civicgateway.core.answer.Formats;
import fr.civicgateway.core.conversation.QuickReply;
import fr.civicgateway.core.dialogue.Answer;
import fr.civicgateway.core.dialogue.ConversationState;
import fr.civicgateway.core.dialogue.IntentHandler;
import fr.civicgateway.core.dialogue.Turn;
import fr.civicgateway.core.nlu.EntityMention;
import fr.civicgateway.core.nlu.EntityType;
import fr.civicgateway.core.nlu.Intent;
import fr.civicgateway.core.nlu.Language;
import fr.civicgateway.core.news.TownNews;
import fr.civicgateway.core.parliament.ParliamentData;
import fr.civicgateway.core.parliament.work.AssemblyWork;
import fr.civicgateway.core.reports.Report;
import fr.civicgateway.core.reports.ReportStore;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * {@code unfollow}: what one follows ({@code /abonnements}, "mes abonnements", "what do I follow?"), each with a
 * button to stop it; "arrête de suivre Mathilde Panot"; and {@code /stop}, "arrête tout", which deletes every
 * subscription of the conversation and says so. The citizen's open reports are listed too: their status changes are
 * told as before. Thread-safe.
 */
public final class UnfollowHandler implements IntentHandler {

    /** Words that make an "unfollow" message about everything. */
    private static final Set<String> EVERYTHING = Set.of("tout", "tous", "toutes", "everything", "all");

    /** Stop buttons per message: beyond about ten, Telegram and the widget show a column of buttons badly. */
    static final int PAGE = 8;

    private final SubscriptionStore store;
    private final ReportStore reports;
    private final Labels labels;

    public UnfollowHandler(ParliamentData data, AssemblyWork work, TownNews news, SubscriptionStore store,
                           ReportStore reports) {
        this.store = Objects.requireNonNull(store, "store");
        this.reports = Objects.requireNonNull(reports, "reports");
        this.labels = new Labels(Objects.requireNonNull(data, "data"), Objects.requireNonNull(work, "work"),
                Objects.requireNonNull(news, "news"));
    }

    @Override
    public Intent intent() {
        return Intent.UNFOLLOW;
    }

    /**
     * {@code /abonnements}, {@code /stop} and their typed forms, the "stop this one" buttons it wrote, and a request
     * that opens with stopping ("unfollow agriculture", "désabonne-moi de …"), which the classifier may read as a
     * question about the topic or the name after.
     */
    @Override
    public boolean claims(String text, ConversationState state) {
        return text.length() < 320 && (FollowWords.asksForTheList(text) || FollowWords.stopsEverything(text)
                || FollowWords.stopButton(text).isPresent() || FollowWords.listPage(text).isPresent()
                || FollowWords.opensWithUnfollowing(text));
    }

    @Override
    public Answer handle(Turn t) {
        String text = t.message().text();
        String key = t.message().conversationKey();
        Optional<FollowTarget> button = FollowWords.stopButton(text);
        if (button.isPresent()) {
            return stop(t, button.get());
        }
        if (FollowWords.stopsEverything(text) || aboutEverything(text)) {
            int removed = store.removeAll(key);
            return Answer.text(t.state(), t.msg("unfollow.stopped_all", "count", removed));
        }
        if (FollowWords.asksForTheList(text)) {
            return list(t, 1);
        }
        Optional<Integer> page = FollowWords.listPage(text);
        if (page.isPresent()) {
            return list(t, page.get());
        }
        List<Subscription> mine = store.list(key);
        Optional<EntityMention> deputy = t.entity(EntityType.DEPUTY);
        if (deputy.isPresent() && !deputy.get().guessed()) {
            FollowTarget target = new FollowTarget.Deputy(deputy.get().value());
            if (mine.stream().anyMatch(s -> s.target().equals(target)) || FollowWords.opensWithUnfollowing(text)) {
                return stop(t, target);
            }
        }
        // "arrête de suivre l'agriculture", "stop following the bill on assisted dying": the words of one followed.
        String words = FollowWords.withoutUnfollowing(text);
        List<Subscription> named = words.isBlank() ? List.of() : mine.stream()
                .filter(s -> matches(FollowWords.folded(labels.of(t, s.target())), words)).toList();
        if (named.size() == 1) {
            return stop(t, named.getFirst().target());
        }
        if (named.isEmpty() && !words.isBlank() && FollowWords.opensWithUnfollowing(text)) {
            return Answer.text(t.state(), t.msg("unfollow.not_followed_words", "words", words), listButton(t));
        }
        return list(t, 1);
    }

    /** Every word of the message that says what (three letters or more) is in the followed thing's name. */
    private static boolean matches(String label, String words) {
        List<String> significant = List.of(words.split(" ")).stream().filter(w -> w.length() >= 3
                && !Set.of("arrete", "arreter", "stoppe", "stopper", "plus", "more", "stop", "stopping", "following",
                "unfollow", "desabonne", "desabonner", "supprime", "delete", "remove", "don", "anymore", "want",
                "veux", "mes", "abonnements", "subscriptions", "alerts", "suivre", "suivi").contains(w)).toList();
        String padded = " " + label + " ";
        return !significant.isEmpty() && significant.stream().allMatch(w -> padded.contains(" " + w + " ")
                || padded.contains(" " + w));
    }

    private static boolean aboutEverything(String text) {
        return List.of(FollowWords.folded(text).split(" ")).stream().anyMatch(EVERYTHING::contains);
    }

    private Answer stop(Turn t, FollowTarget target) {
        String label = labels.of(t, target);
        if (target instanceof FollowTarget.Report r) {
            return Answer.text(t.state(), t.msg("unfollow.report", "id", Long.toString(r.id())), listButton(t));
        }
        boolean removed = store.remove(t.message().conversationKey(), target);
        return Answer.text(t.state(), removed ? t.msg("unfollow.stopped_one", "what", label)
                : t.msg("unfollow.not_followed", "what", label), listButton(t));
    }

    /**
     * One page of what the conversation follows, its subscriptions then its open reports: a stop button for each
     * subscription shown, "Voir plus" when more follow, "Tout arrêter" (at most {@value #PAGE} + 2 buttons).
     */
    private Answer list(Turn t, int page) {
        String key = t.message().conversationKey();
        List<Subscription> mine = store.list(key);
        List<Report> open = reports.openReportsOf(key);
        int total = mine.size() + open.size();
        if (total == 0) {
            return Answer.text(t.state(), t.msg("unfollow.nothing"),
                    List.of(new QuickReply(t.msg("follow.example_own_deputy"), t.msg("follow.example_own_deputy"))));
        }
        // A "Voir plus" tapped after some were stopped: the last page there is.
        int p = Math.min(Math.max(1, page), (total + PAGE - 1) / PAGE);
        int from = (p - 1) * PAGE;
        int to = Math.min(total, from + PAGE);
        StringBuilder out = new StringBuilder(p == 1 ? t.msg("unfollow.list", "count", total)
                : t.msg("unfollow.list_more", "from", from + 1, "to", to, "count", total));
        List<QuickReply> buttons = new ArrayList<>();
        boolean english = t.language() == Language.EN;
        boolean reportShown = false;
        for (int i = from; i < to; i++) {
            if (i < mine.size()) {
                Subscription s = mine.get(i);
                out.append("\n• ").append(t.msg("unfollow.item", "what", labels.of(t, s.target()),
                        "kind", kind(s.target()), "since", Formats.date(t.language(),
                                s.since().atZone(ZoneOffset.UTC).toLocalDate())));
                buttons.add(new QuickReply(t.msg("unfollow.button_stop", "what", labels.shortOf(t, s.target())),
                        FollowWords.stopPayload(s.target(), english)));
            } else {
                out.append("\n• ").append(t.msg("unfollow.item_report", "id", Long.toString(open.get(i - mine.size()).id())));
                reportShown = true;
            }
        }
        // Only what this page's buttons do: a report has none, it is told until it is closed.
        if (!buttons.isEmpty()) {
            out.append('\n').append(t.msg("unfollow.how_to_stop"));
        }
        if (reportShown) {
            out.append('\n').append(t.msg("unfollow.how_to_stop_reports"));
        }
        if (to < total) {
            buttons.add(new QuickReply(t.msg("unfollow.see_more"), t.msg("unfollow.next_page", "page", p + 1)));
        }
        if (!mine.isEmpty()) {
            buttons.add(new QuickReply(t.msg("unfollow.button_stop_all"), t.msg("unfollow.command_stop_all")));
        }
        return Answer.text(t.state(), out.toString(), buttons);
    }

    private static String kind(FollowTarget target) {
        return switch (target) {
            case FollowTarget.Deputy d -> "deputy";
            case FollowTarget.Bill b -> "bill";
            case FollowTarget.Topic topic -> "topic";
            case FollowTarget.Report r -> "report";
            case FollowTarget.TownNews n -> "news";
        };
    }

    private static List<QuickReply> listButton(Turn t) {
        return List.of(new QuickReply(t.msg("follow.button_list"), t.msg("follow.command_list")));
    }
}
