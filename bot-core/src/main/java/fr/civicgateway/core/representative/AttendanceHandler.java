package fr.civicgateway.core.representative;

import fr.civicgateway.core.answer.Formats;
import fr.civicgateway.core.answer.Sources;
import fr.civicgateway.core.dialogue.Answer;
import fr.civicgateway.core.dialogue.Turn;
import fr.civicgateway.core.nlu.Intent;
import fr.civicgateway.core.nlu.Language;
import fr.civicgateway.core.parliament.Deputy;
import fr.civicgateway.core.parliament.ParliamentData;

import fr.civicgateway.core.answer.Agreement;

/**
 * {@code representative_attendance}: how often a deputy takes part in public votes, by API.md §4 — the counts,
 * the period, the rate over ordinary and solemn scrutins, the rate over solemn ones alone, and the reminder that
 * this is participation in votes, not presence.
 */
public final class AttendanceHandler extends AboutOneDeputyHandler {

    private final ParticipationSource participations;

    /**
     * @param participations each deputy's participation in the version of the data that answers (the app's are built
     *                       with each version and swapped with it)
     */
    public AttendanceHandler(ParliamentData data, ParticipationSource participations) {
        super(data);
        this.participations = participations;
    }

    /** Participations computed at the first question each version of the data gets. */
    public AttendanceHandler(ParliamentData data) {
        this(data, Participations.perVersion(data));
    }

    @Override
    public Intent intent() {
        return Intent.REPRESENTATIVE_ATTENDANCE;
    }

    @Override
    protected Answer answer(Turn turn, Deputy d) {
        return Answer.text(turn.state().withDeputy(d.uid()), describe(turn, d),
                DeputyQuickReplies.about(turn, d, true, true, false));
    }

    private String describe(Turn turn, Deputy d) {
        Language lang = turn.language();
        String source = "\n" + Sources.line(lang, d.pageUrl(), data.info().lastScrutinDate());
        if (d.mandateStart() == null || (!d.current() && d.mandateEnd() == null)) {
            // Without both ends of the mandate the period is unknown, and a rate over a guessed period would be wrong.
            return turn.say(
                    "Je ne peux pas calculer la participation de " + d.fullName() + " : les données chargées ne "
                            + "donnent pas les dates de son mandat.",
                    "I cannot compute " + d.fullName() + "'s participation: the loaded data does not give the dates "
                            + "of the mandate.") + source;
        }
        Participation p = participations.of(d);
        if (p.counted() == 0) {
            return turn.say(
                    "Aucun scrutin public ordinaire ou solennel n'est enregistré dans les données pendant le mandat de "
                            + d.fullName() + " (depuis le " + Formats.date(lang, d.mandateStart()) + ").",
                    "No ordinary or solemn public vote is recorded in the data during " + d.fullName()
                            + "'s mandate (since " + Formats.date(lang, d.mandateStart()) + ").") + source;
        }
        String from = Formats.date(lang, p.firstScrutinDate());
        String to = Formats.date(lang, p.lastScrutinDate());
        StringBuilder s = new StringBuilder();
        if (lang == Language.EN) {
            s.append(d.fullName()).append(" took part in ").append(Formats.count(lang, p.tookPart())).append(" of the ")
                    .append(Formats.count(lang, p.counted())).append(" ordinary and solemn public votes held from ")
                    .append(from).append(" to ").append(to).append(": ")
                    .append(Formats.percent(lang, p.tookPart(), p.counted())).append(".");
            if (p.byProxy() > 0) {
                s.append(" Of these, ").append(Formats.count(lang, p.byProxy())).append(" by proxy.");
            }
            if (p.solemnCounted() > 0) {
                s.append(" Solemn votes alone: ").append(p.solemnTookPart()).append(" of ").append(p.solemnCounted())
                        .append(", ").append(Formats.percent(lang, p.solemnTookPart(), p.solemnCounted())).append(".");
            }
            if (p.excusedByFunction() > 0) {
                s.append(" ").append(p.excusedByFunction()).append(" votes where ").append(Agreement.heShe(d))
                        .append(" could not vote (chairing the sitting, presiding the Assemblée or in government) are left out.");
            }
            s.append("\nThis measures participation in public votes, not presence: the Assemblée publishes no "
                    + "attendance register for the chamber. Counted from the day the mandate began (")
                    .append(Formats.date(lang, d.mandateStart())).append(").");
        } else {
            s.append(d.fullName()).append(" a pris part à ").append(Formats.count(lang, p.tookPart())).append(" des ")
                    .append(Formats.count(lang, p.counted())).append(" scrutins publics ordinaires et solennels tenus du ")
                    .append(from).append(" au ").append(to).append(", soit ")
                    .append(Formats.percent(lang, p.tookPart(), p.counted())).append(".");
            if (p.byProxy() > 0) {
                s.append(" Dont ").append(Formats.count(lang, p.byProxy())).append(" par délégation.");
            }
            if (p.solemnCounted() > 0) {
                s.append(" Sur les seuls scrutins solennels : ").append(p.solemnTookPart()).append(" sur ")
                        .append(p.solemnCounted()).append(", soit ")
                        .append(Formats.percent(lang, p.solemnTookPart(), p.solemnCounted())).append(".");
            }
            if (p.excusedByFunction() > 0) {
                s.append(" ").append(p.excusedByFunction()).append(" ")
                        .append(Formats.plural(lang, p.excusedByFunction(), "scrutin", "scrutins", "", ""))
                        .append(" où ").append(d.feminine() ? "elle" : "il")
                        .append(" ne pouvait pas voter (présidence de séance, présidence de l'Assemblée ou fonctions "
                                + "gouvernementales) ne sont pas comptés.");
            }
            s.append("\nIl s'agit de la participation aux votes publics, pas de la présence : l'Assemblée ne publie pas "
                    + "de registre de présence en séance. Compté à partir de la prise de fonction (")
                    .append(Formats.date(lang, d.mandateStart())).append(").");
        }
        return s.append(source).toString();
    }
}
