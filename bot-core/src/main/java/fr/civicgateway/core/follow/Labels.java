package fr.civicgateway.core.follow;

import fr.civicgateway.core.assembly.BillWords;
import fr.civicgateway.core.dialogue.Turn;
import fr.civicgateway.core.news.NewsSource;
import fr.civicgateway.core.news.TownNews;
import fr.civicgateway.core.parliament.Deputy;
import fr.civicgateway.core.parliament.ParliamentData;
import fr.civicgateway.core.parliament.work.AssemblyWork;
import fr.civicgateway.core.parliament.work.Dossier;
import fr.civicgateway.core.nlu.Language;
import java.util.regex.Pattern;

/** How a followed target is named to the citizen: the deputy's name, the bill's title, the topic's words. */
final class Labels {

    /** A button's title is short; a bill's title is cut at a word. */
    static final int BUTTON_TITLE = 40;

    private static final Pattern OPENING = Pattern.compile("[«“][\\s\u00A0\u202F]*");
    private static final Pattern CLOSING = Pattern.compile("[\\s\u00A0\u202F]*[»”]");

    private final ParliamentData data;
    private final AssemblyWork work;
    private final TownNews news;

    Labels(ParliamentData data, AssemblyWork work, TownNews news) {
        this.data = data;
        this.work = work;
        this.news = news;
    }

    /** The target as a sentence names it: "Mathilde Panot", "les votes sur « agriculture »", "le signalement n° 42". */
    String of(Turn t, FollowTarget target) {
        return label(t, target, false);
    }

    /**
     * The same, inside a quotation ("« arrête de suivre les votes sur “agriculture” »"): its own quotes are the
     * inner ones, so that no quote opens inside the same kind of quote.
     */
    String inner(Turn t, FollowTarget target) {
        return label(t, target, true);
    }

    private String label(Turn t, FollowTarget target, boolean inner) {
        // A title's own quotes (« eau » et « assainissement ») become the level below the label's.
        // French « then “ then ‘; English “ then ‘ then “.
        boolean english = t.language() == Language.EN;
        String open = english == inner ? "“" : "‘";
        String close = english == inner ? "”" : "’";
        return switch (target) {
            case FollowTarget.Deputy d -> t.msg("follow.label_deputy", "name",
                    data.deputy(d.uid()).map(Deputy::fullName).orElse(d.uid()));
            case FollowTarget.Bill b -> t.msg(inner ? "follow.label_bill_inner" : "follow.label_bill", "title",
                    requote(work.dossier(b.dossierUid()).map(Dossier::title).map(String::strip)
                            .orElse(b.dossierUid()), open, close));
            case FollowTarget.Topic topic -> t.msg(inner ? "follow.label_topic_inner" : "follow.label_topic",
                    "words", topic.words());
            case FollowTarget.Report r -> t.msg("follow.label_report", "id", Long.toString(r.id()));
            case FollowTarget.TownNews n -> t.msg(inner ? "follow.label_news_inner" : "follow.label_news", "source",
                    requote(news.sources().stream().filter(s -> s.id().equals(n.sourceId())).map(NewsSource::title)
                            .findFirst().orElse(n.sourceId()), open, close));
        };
    }

    /** « x » and “x” as {@code open}x{@code close}; apostrophes (’) are left alone. */
    static String requote(String text, String open, String close) {
        return OPENING.matcher(CLOSING.matcher(text).replaceAll(close)).replaceAll(open);
    }

    /** The same, short enough for a button. */
    String shortOf(Turn t, FollowTarget target) {
        return BillWords.shorten(of(t, target), BUTTON_TITLE);
    }
}
