package fr.civicgateway.core.votes;

import fr.civicgateway.core.answer.Formats;
import fr.civicgateway.core.answer.Sources;
import fr.civicgateway.core.conversation.QuickReply;
import fr.civicgateway.core.dialogue.Answer;
import fr.civicgateway.core.dialogue.IntentHandler;
import fr.civicgateway.core.dialogue.Turn;
import fr.civicgateway.core.nlu.Intent;
import fr.civicgateway.core.parliament.DataInfo;
import fr.civicgateway.core.parliament.ParliamentData;
import fr.civicgateway.core.parliament.Scrutin;
import fr.civicgateway.core.parliament.ScrutinType;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code parliament_activity}: the latest scrutins and solemn votes of the loaded data. When the data is older than
 * the week the user asks about, it says so first: the bot never presents old votes as this week's.
 */
public final class ParliamentActivityHandler implements IntentHandler {

    private static final int LATEST = 5;
    private static final int SOLEMN = 3;

    private final ParliamentData data;
    private final ZoneId zone;

    /** @param zone the town's time zone ({@code civic.town.time-zone}): what "this week" means */
    public ParliamentActivityHandler(ParliamentData data, ZoneId zone) {
        this.data = data;
        this.zone = java.util.Objects.requireNonNull(zone, "zone");
    }

    @Override
    public Intent intent() {
        return Intent.PARLIAMENT_ACTIVITY;
    }

    @Override
    public Answer handle(Turn turn) {
        DataInfo info = data.info();
        List<Scrutin> all = data.scrutins();
        if (all.isEmpty()) {
            return Answer.text(turn.state(), turn.say("Aucun scrutin n'est chargé.", "No vote is loaded."));
        }
        StringBuilder text = new StringBuilder();
        LocalDate today = LocalDate.ofInstant(turn.now(), zone);
        long daysOld = ChronoUnit.DAYS.between(info.lastScrutinDate(), today);
        if (daysOld > 7) {
            text.append(turn.say(
                    "Les données chargées s'arrêtent au " + Formats.date(turn.language(), info.lastScrutinDate())
                            + " : je n'ai pas les votes plus récents. Voici les derniers scrutins disponibles.",
                    "The loaded data ends on " + Formats.date(turn.language(), info.lastScrutinDate())
                            + ": I do not have more recent votes. Here are the latest available."));
        } else {
            text.append(turn.say("Les derniers scrutins publics de l'Assemblée :", "The Assemblée's latest public votes:"));
        }
        List<QuickReply> buttons = new ArrayList<>();
        for (int i = all.size() - 1; i >= Math.max(0, all.size() - LATEST); i--) {
            Scrutin s = all.get(i);
            line(turn, text, s);
            buttons.add(new QuickReply(turn.say("Scrutin n° ", "Scrutin no. ") + s.number(),
                    turn.say("Résultat du scrutin " + s.number(), "Result of scrutin " + s.number())));
        }
        List<Scrutin> solemn = new ArrayList<>();
        for (int i = all.size() - 1; i >= 0 && solemn.size() < SOLEMN; i--) {
            if (all.get(i).type() == ScrutinType.SOLEMN) {
                solemn.add(all.get(i));
            }
        }
        if (!solemn.isEmpty()) {
            text.append(turn.say("\nDerniers votes solennels :", "\nLatest solemn votes:"));
            solemn.forEach(s -> line(turn, text, s));
        }
        text.append("\n").append(Sources.line(turn.language(),
                "https://www.assemblee-nationale.fr/dyn/17/scrutins", info.lastScrutinDate()));
        return Answer.text(turn.state().withScrutin(all.getLast().number()), text.toString(), buttons);
    }

    private static void line(Turn turn, StringBuilder text, Scrutin s) {
        text.append("\n• ").append(turn.say("n° ", "no. ")).append(s.number()).append(" (")
                .append(Formats.shortDate(turn.language(), s.date())).append(") ")
                .append(VoteWords.title(s)).append(" : ").append(VoteWords.result(turn, s)).append(".");
    }
}
