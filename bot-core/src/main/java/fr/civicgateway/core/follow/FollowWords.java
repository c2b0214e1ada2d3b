package fr.civicgateway.core.follow;

import fr.civicgateway.core.text.Text;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How the conversation names following and stopping: the commands, the follow handler's own button payloads, and the
 * words that tell a deputy, a bill, the town's news or a topic apart. Works on folded words; stateless, thread-safe.
 */
final class FollowWords {

    /** The list of what one follows: {@code /abonnements} and its typed forms. */
    private static final Set<String> LIST = Set.of("abonnements", "mes abonnements", "mes suivis", "mes alertes",
            "subscriptions", "my subscriptions", "what do i follow", "what am i following", "my alerts",
            "liste de mes abonnements", "liste de mes suivis", "que suis je", "qu est ce que je suis");

    /** A further page of the list: its typed form and a number, as its "Voir plus" button writes it. */
    private static final Pattern LIST_PAGE = Pattern.compile("(.+) (\\d{1,3})");

    /** Stop everything: {@code /stop} and its typed forms. */
    private static final Set<String> STOP_ALL = Set.of("stop", "arrete tout", "arreter tout", "tout arreter",
            "stop tout", "stoppe tout", "desabonne moi de tout", "desabonnez moi de tout", "stop all", "stop everything",
            "unsubscribe all", "unsubscribe from everything", "unfollow everything", "unfollow all",
            "arrete tous mes abonnements", "supprime tous mes abonnements", "delete all my subscriptions");

    /** The bare commands that explain how to follow. */
    private static final Set<String> HOW = Set.of("suivre", "follow", "s abonner", "subscribe");

    /** The payload of a "stop this one" button: the target's key after these words. */
    private static final Pattern STOP_ONE = Pattern.compile("(?:ne plus suivre|unfollow) ((?:deputy|bill|topic|report|news):.{1,290})");
    /** The payload of a "follow this bill" button. */
    private static final Pattern FOLLOW_BILL = Pattern.compile("(?i)(?:suivre le dossier|follow bill) (DLR5L\\d{2}N\\d{1,7})");

    /**
     * A request that opens with following: "suis Mathilde Panot", "je veux suivre …", "préviens-moi quand …",
     * "follow …", "alert me …". Its first words leave no doubt, whatever the classifier makes of the name or the
     * bill that follows ("suis Mathilde Panot" is near a question about her; "suis le projet de loi …", near a bill's
     * status). "suis-je …" is a question, not a request.
     */
    private static final Pattern OPENS_WITH_FOLLOWING = Pattern.compile("^(?:(?:je (?:veux|voudrais|souhaite) )?"
            + "(?:suivre|suis(?! je\\b)|suivez|m abonner a|abonne moi a|abonnez moi a|alerte moi|alertez moi|previens moi|prevenez moi"
            + "|avertis moi|avertissez moi|tiens moi au courant|tenez moi au courant|notifie moi|notifiez moi)"
            + "|(?:(?:i (?:want|would like) to )?(?:follow|subscribe to|track))|alert me|notify me|warn me|keep me posted)\\b");

    /**
     * A request that opens with stopping: "unfollow …", "stop following …", "ne plus suivre …", "désabonne-moi de …",
     * "je ne veux plus suivre …", "arrête de suivre …". Like {@link #OPENS_WITH_FOLLOWING}, its first words leave no
     * doubt, whatever the classifier makes of a topic ("unfollow agriculture") or a name after them.
     */
    private static final Pattern OPENS_WITH_UNFOLLOWING = Pattern.compile("^(?:(?:je )?(?:ne (?:veux|voudrais|souhaite) plus|ne plus|veux plus) suivre"
            + "|(?:arrete|arretez|arreter|cesse|cessez) de suivre|(?:desabonne|desabonnez) moi (?:de|du|des|d)"
            + "|me desabonner (?:de|du|des|d)|unfollow|unsubscribe from|(?:stop|quit) following"
            + "|i (?:don t|do not) want to follow|i no longer want to follow)\\b");

    /** The payload of a "follow this feed" button. */
    private static final Pattern FOLLOW_NEWS = Pattern.compile("(?:suivre les nouvelles|follow the news) ([A-Za-z0-9_.-]{1,200})");

    /** Words of the citizen's own deputy. */
    private static final Pattern OWN_DEPUTY = Pattern.compile("\\b(?:mon|ma|notre) (?:depute|deputee)\\b|\\bmy (?:mp|deputy|representative)\\b");
    /** Words of a bill. */
    private static final Pattern BILL = Pattern.compile("\\b(?:projet|proposition|projets|propositions) de loi\\b|\\bloi\\b|\\btexte\\b"
            + "|\\bdossier\\b|\\bbill\\b|\\blaw\\b|\\bdlr5l\\d{2}n\\d+\\b");
    /** Words of the town hall's news. */
    private static final Pattern NEWS = Pattern.compile("\\b(?:mairie|ville|town hall|city hall|council|town s news|actualites|actus)\\b");
    /** Words of a report. */
    private static final Pattern REPORT = Pattern.compile("\\b(?:signalement|report) (?:n |no |numero |number )?(\\d{1,12})\\b");
    /** A topic: the words after "sur", "about", "on" (a topic the extractor missed). */
    private static final Pattern TOPIC = Pattern.compile("\\b(?:sur|about|on|concernant|regarding) (?:(?:le|la|les|l|des|du|de|the) )*(.+)$");

    /** Words of following; a message with none of them may be the bare answer to "where do you live?". */
    private static final Set<String> FOLLOW = Set.of("suis", "suivre", "suivez", "suivi", "suivis", "alerte", "alertes",
            "alerter", "alertez", "previens", "prevenez", "prevenir", "abonne", "abonnez", "abonner", "abonnement",
            "notifie", "notifiez", "notifications", "avertis", "avertissez", "courant", "informe", "surveille",
            "follow", "subscribe", "alert", "notify", "tell", "warn", "watch", "posted", "track");

    /** Words that say nothing of what is followed, dropped before a topic or a bill's title is read. */
    private static final Set<String> FILLER = Set.of("suis", "suivre", "suivez", "alerte", "alerter", "alertez", "moi",
            "me", "m", "previens", "prevenez", "prevenir", "abonne", "abonnez", "abonner", "notifie", "notifiez",
            "avertis", "avertissez", "je", "j", "veux", "voudrais", "souhaite", "quand", "il", "y", "a", "des", "du",
            "les", "nouveaux", "nouvelles", "nouveau", "votes", "vote", "scrutins", "scrutin", "follow", "subscribe",
            "alert", "notify", "tell", "warn", "watch", "track", "please", "want", "to", "i", "when", "new", "there",
            "is", "are", "about", "on", "sur", "the", "de", "la", "le", "l", "s", "stp", "svp", "merci", "une", "un",
            "alertes", "aux", "au", "pour", "dis", "tiens", "courant", "informe", "keep", "posted", "of", "ballots");

    /** Words of stopping, dropped before the words that say what is no longer followed are read. */
    private static final Set<String> STOPPING = Set.of("unfollow", "stop", "following", "quit", "unsubscribe", "from",
            "ne", "plus", "desabonne", "desabonnez", "desabonner", "arrete", "arretez", "arreter", "cesse", "cessez",
            "don", "t", "do", "not", "no", "longer", "anymore", "d", "des", "du", "de", "to");

    private FollowWords() {
    }

    static String folded(String text) {
        return Text.foldToWords(text == null ? "" : text);
    }

    static boolean asksForTheList(String text) {
        return LIST.contains(folded(text));
    }

    /** The page a "Voir plus" of the list asks for ("mes abonnements (2)"), if the text is one. */
    static Optional<Integer> listPage(String text) {
        Matcher m = LIST_PAGE.matcher(folded(text));
        return m.matches() && LIST.contains(m.group(1)) ? Optional.of(Integer.parseInt(m.group(2))) : Optional.empty();
    }

    static boolean stopsEverything(String text) {
        return STOP_ALL.contains(folded(text));
    }

    static boolean asksHowToFollow(String text) {
        return text.strip().startsWith("/") && HOW.contains(folded(text));
    }

    /** The target a "stop this one" button carries, if the text is one. */
    static Optional<FollowTarget> stopButton(String text) {
        Matcher m = STOP_ONE.matcher(text.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(FollowTarget.parse(m.group(1)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    static String stopPayload(FollowTarget t, boolean english) {
        return (english ? "unfollow " : "ne plus suivre ") + t.key();
    }

    /** The dossier uid a "follow this bill" button carries, if the text is one. */
    static Optional<String> followBillButton(String text) {
        Matcher m = FOLLOW_BILL.matcher(text.strip());
        return m.matches() ? Optional.of(m.group(1).toUpperCase(java.util.Locale.ROOT)) : Optional.empty();
    }

    static String followBillPayload(String uid, boolean english) {
        return (english ? "follow bill " : "suivre le dossier ") + uid;
    }

    /** The feed id a "follow this feed" button carries, if the text is one. */
    static Optional<String> followNewsButton(String text) {
        Matcher m = FOLLOW_NEWS.matcher(text.strip());
        return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
    }

    static String followNewsPayload(String sourceId, boolean english) {
        return (english ? "follow the news " : "suivre les nouvelles ") + sourceId;
    }

    static boolean opensWithUnfollowing(String text) {
        return OPENS_WITH_UNFOLLOWING.matcher(folded(text)).find();
    }

    static boolean opensWithFollowing(String text) {
        return OPENS_WITH_FOLLOWING.matcher(folded(text)).find();
    }

    /** "alerte-moi sur les votes sur l'agriculture": a topic said with "sur", "about", "on". */
    static boolean saysATopic(String text) {
        return TOPIC.matcher(folded(text)).find();
    }

    static boolean ownDeputy(String text) {
        return OWN_DEPUTY.matcher(folded(text)).find();
    }

    static boolean bill(String text) {
        return BILL.matcher(folded(text)).find();
    }

    static boolean townNews(String text) {
        return NEWS.matcher(folded(text)).find();
    }

    static Optional<Long> report(String text) {
        Matcher m = REPORT.matcher(folded(text));
        return m.find() ? Optional.of(Long.parseLong(m.group(1))) : Optional.empty();
    }

    static boolean speaksOfFollowing(String text) {
        return Arrays.stream(folded(text).split(" ")).anyMatch(FOLLOW::contains);
    }

    /** "alerte-moi sur les votes sur l'agriculture" → "agriculture"; empty when no topic is named. */
    static Optional<String> topic(String text) {
        String f = folded(text);
        Matcher m = TOPIC.matcher(f);
        String rest = null;
        // the last "sur": "les votes sur l'agriculture"
        while (m.find()) {
            rest = m.group(1);
            m = TOPIC.matcher(rest);
        }
        List<String> kept = Arrays.stream((rest == null ? f : rest).split(" "))
                .filter(w -> !w.isEmpty() && !FILLER.contains(w)).toList();
        return kept.isEmpty() ? Optional.empty() : Optional.of(String.join(" ", kept));
    }

    /** "unfollow votes on agriculture" → "agriculture": the words that say what is no longer to be followed. */
    static String withoutUnfollowing(String text) {
        return String.join(" ", Arrays.stream(withoutFollowing(text).split(" "))
                .filter(w -> !w.isEmpty() && !STOPPING.contains(w)).toList());
    }

    /** The text without the words of following, for a bill's title search. */
    static String withoutFollowing(String text) {
        return String.join(" ", Arrays.stream(folded(text).split(" "))
                .filter(w -> !w.isEmpty() && !FOLLOW.contains(w) && !FILLER.contains(w)).toList());
    }
}
