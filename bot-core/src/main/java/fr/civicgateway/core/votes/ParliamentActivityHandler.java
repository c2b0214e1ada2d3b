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
            return Answer.text(turn.state(), turn.msg("parliament_activity.none_loaded"));
        }
        StringBuilder text = new StringBuilder();
        LocalDate today = LocalDate.ofInstant(turn.now(), zone);
        long daysOld = ChronoUnit.DAYS.between(info.lastScrutinDate(), today);
        if (daysOld > 7) {
            text.append(turn.msg("parliament_activity.stale", "date", Formats.date(turn.language(), info.lastScrutinDate())));
        } else {
            text.append(turn.msg("parliament_activity.latest"));
        }
        List<QuickReply> buttons = new ArrayList<>();
        for (int i = all.size() - 1; i >= Math.max(0, all.size() - LATEST); i--) {
            Scrutin s = all.get(i);
            line(turn, text, s);
            buttons.add(new QuickReply(turn.msg("votes.button_scrutin", "number", VoteWords.number(s)),
                    turn.msg("votes.ask_result", "number", VoteWords.number(s))));
        }
        List<Scrutin> solemn = new ArrayList<>();
        for (int i = all.size() - 1; i >= 0 && solemn.size() < SOLEMN; i--) {
            if (all.get(i).type() == ScrutinType.SOLEMN) {
                solemn.add(all.get(i));
            }
        }
        if (!solemn.isEmpty()) {
            text.append("\n").append(turn.msg("parliament_activity.solemn"));
            solemn.forEach(s -> line(turn, text, s));
        }
        text.append("\n").append(Sources.line(turn.messages(), turn.language(),
                "https://www.assemblee-nationale.fr/dyn/17/scrutins", info.lastScrutinDate()));
        return Answer.text(turn.state().withScrutin(all.getLast().number()), text.toString(), buttons);
    }

    private static void line(Turn turn, StringBuilder text, Scrutin s) {
        text.append("\n• ").append(turn.msg("parliament_activity.item", "number", VoteWords.number(s),
                "date", Formats.shortDate(turn.language(), s.date()), "title", VoteWords.title(s),
                "result", VoteWords.result(turn, s)));
    }
}
