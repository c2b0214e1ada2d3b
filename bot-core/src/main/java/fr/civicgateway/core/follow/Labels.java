package fr.civicgateway.core.follow;

import fr.civicgateway.core.assembly.BillWords;
import fr.civicgateway.core.dialogue.Turn;
import fr.civicgateway.core.news.NewsSource;
import fr.civicgateway.core.news.TownNews;
import fr.civicgateway.core.parliament.Deputy;
import fr.civicgateway.core.parliament.ParliamentData;
import fr.civicgateway.core.parliament.work.AssemblyWork;
import fr.civicgateway.core.parliament.work.Dossier;

/** How a followed target is named to the citizen: the deputy's name, the bill's title, the topic's words. */
final class Labels {

    /** A button's title is short; a bill's title is cut at a word. */
    static final int BUTTON_TITLE = 40;

    private final ParliamentData data;
    private final AssemblyWork work;
    private final TownNews news;

    Labels(ParliamentData data, AssemblyWork work, TownNews news) {
        this.data = data;
        this.work = work;
        this.news = news;
    }

    /** The target as a sentence names it: "Mathilde Panot", "« aide à mourir »", "le signalement n° 42". */
    String of(Turn t, FollowTarget target) {
        return switch (target) {
            case FollowTarget.Deputy d -> t.msg("follow.label_deputy", "name",
                    data.deputy(d.uid()).map(Deputy::fullName).orElse(d.uid()));
            case FollowTarget.Bill b -> t.msg("follow.label_bill", "title",
                    work.dossier(b.dossierUid()).map(Dossier::title).map(String::strip).orElse(b.dossierUid()));
            case FollowTarget.Topic topic -> t.msg("follow.label_topic", "words", topic.words());
            case FollowTarget.Report r -> t.msg("follow.label_report", "id", Long.toString(r.id()));
            case FollowTarget.TownNews n -> t.msg("follow.label_news", "source", news.sources().stream()
                    .filter(s -> s.id().equals(n.sourceId())).map(NewsSource::title).findFirst().orElse(n.sourceId()));
        };
    }

    /** The same, short enough for a button. */
    String shortOf(Turn t, FollowTarget target) {
        return BillWords.shorten(of(t, target), BUTTON_TITLE);
    }
}
