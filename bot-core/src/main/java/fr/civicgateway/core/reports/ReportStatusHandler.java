package fr.civicgateway.core.reports;

import fr.civicgateway.core.answer.Formats;
import fr.civicgateway.core.dialogue.Answer;
import fr.civicgateway.core.dialogue.IntentHandler;
import fr.civicgateway.core.dialogue.Turn;
import fr.civicgateway.core.nlu.EntityMention;
import fr.civicgateway.core.nlu.EntityType;
import fr.civicgateway.core.nlu.Intent;
import fr.civicgateway.core.nlu.Language;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Answers "Où en est mon signalement 42 ?": the report's kind, status, dates and the municipality's note. It says
 * nothing of the description, the place or the contact, as anyone who knows a number may ask.
 */
public final class ReportStatusHandler implements IntentHandler {

    private static final Pattern DIGITS = Pattern.compile("(?<![0-9])([0-9]+)(?![0-9])");

    private final ReportStore store;
    private final ReportCategories categories;
    private final ZoneId zone;

    /** @param zone the town's time zone ({@code civic.town.time-zone}), the reports' dates are told in */
    public ReportStatusHandler(ReportStore store, ReportCategories categories, ZoneId zone) {
        this.store = store;
        this.categories = categories;
        this.zone = java.util.Objects.requireNonNull(zone, "zone");
    }

    @Override
    public Intent intent() {
        return Intent.REPORT_STATUS;
    }

    @Override
    public Answer handle(Turn t) {
        Optional<String> number = number(t);
        if (number.isEmpty()) {
            return Answer.text(t.state(), t.say("Quel est le numéro de votre signalement ? Il vous a été donné à "
                            + "l'enregistrement : demandez par exemple « Où en est mon signalement 42 ? ».",
                    "What is your report's number? You were given it when it was registered: ask for example "
                            + "\"What is the status of report 42?\"."));
        }
        // Any length: a number past every report (or past a long) is a report that does not exist, not a missing number.
        String id = number.get().replaceFirst("^0+(?=[0-9])", "");
        Optional<Report> found = id.length() <= 18 ? store.find(Long.parseLong(id)) : Optional.empty();
        if (found.isEmpty()) {
            return Answer.text(t.state(), t.say("Je ne trouve pas de signalement n° " + id + ". Vérifiez le numéro "
                            + "qui vous a été donné à l'enregistrement.",
                    "I cannot find a report no. " + id + ". Please check the number you were given when it was "
                            + "registered."));
        }
        return Answer.text(t.state(), describe(found.get(), t.language()));
    }

    /** One report's status in a sentence, as the chat and the status notices say it. */
    String describe(Report r, Language lang) {
        boolean en = lang == Language.EN;
        String kind = categories.byCode(r.serviceCode()).map(c -> c.name(en)).orElse(r.serviceCode());
        StringBuilder s = new StringBuilder();
        if (en) {
            s.append("Report no. ").append(r.id()).append(" (").append(kind).append("), registered on ")
                    .append(day(lang, r.createdAt())).append(", is ")
                    .append(r.status() == ReportStatus.OPEN ? "open: it is being handled" : "closed")
                    .append(r.updatedAt().equals(r.createdAt()) ? "" : " (updated on " + day(lang, r.updatedAt()) + ")")
                    .append('.');
            if (r.statusNotes() != null) {
                s.append(" The council's note: ").append(r.statusNotes());
            }
        } else {
            s.append("Le signalement n° ").append(r.id()).append(" (").append(kind).append("), enregistré le ")
                    .append(day(lang, r.createdAt())).append(", est ")
                    .append(r.status() == ReportStatus.OPEN ? "ouvert : il est en cours de traitement" : "clos")
                    .append(r.updatedAt().equals(r.createdAt()) ? "" : " (mis à jour le " + day(lang, r.updatedAt()) + ")")
                    .append('.');
            if (r.statusNotes() != null) {
                s.append(" Note de la mairie : ").append(r.statusNotes());
            }
        }
        return s.toString();
    }

    private String day(Language lang, Instant t) {
        return Formats.date(lang, t.atZone(zone).toLocalDate());
    }

    private static Optional<String> number(Turn t) {
        Optional<EntityMention> report = t.entity(EntityType.REPORT).or(() -> t.entity(EntityType.SCRUTIN));
        if (report.isPresent() && report.get().value().matches("[0-9]+")) {
            return Optional.of(report.get().value());
        }
        Matcher m = DIGITS.matcher(t.message().text());
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }
}
