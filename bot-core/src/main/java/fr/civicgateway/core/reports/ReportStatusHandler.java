package fr.civicgateway.core.reports;

import fr.civicgateway.core.answer.Formats;
import fr.civicgateway.core.dialogue.Answer;
import fr.civicgateway.core.dialogue.IntentHandler;
import fr.civicgateway.core.dialogue.Turn;
import fr.civicgateway.core.nlu.EntityMention;
import fr.civicgateway.core.nlu.EntityType;
import fr.civicgateway.core.nlu.Intent;
import fr.civicgateway.core.nlu.Language;
import fr.civicgateway.core.text.MessageCatalogue;
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
            return Answer.text(t.state(), t.msg("report_status.ask_number"));
        }
        // Any length: a number past every report (or past a long) is a report that does not exist, not a missing number.
        String id = number.get().replaceFirst("^0+(?=[0-9])", "");
        Optional<Report> found = id.length() <= 18 ? store.find(Long.parseLong(id)) : Optional.empty();
        if (found.isEmpty()) {
            return Answer.text(t.state(), t.msg("report_status.not_found", "id", id));
        }
        return Answer.text(t.state(), describe(found.get(), t.language(), t.messages()));
    }

    /** One report's status in a sentence, as the chat and the status notices say it. */
    String describe(Report r, Language lang, MessageCatalogue messages) {
        String kind = categories.byCode(r.serviceCode()).map(c -> c.name(lang == Language.EN)).orElse(r.serviceCode());
        boolean updated = !r.updatedAt().equals(r.createdAt());
        return messages.format(lang, "report_status.status", "id", String.valueOf(r.id()), "kind", kind,
                "created_on", day(lang, r.createdAt()), "status", r.status() == ReportStatus.OPEN ? "open" : "closed",
                "updated", updated ? "yes" : "no", "updated_on", updated ? day(lang, r.updatedAt()) : "",
                "has_note", r.statusNotes() != null ? "yes" : "no",
                "note", r.statusNotes() != null ? r.statusNotes() : "");
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
