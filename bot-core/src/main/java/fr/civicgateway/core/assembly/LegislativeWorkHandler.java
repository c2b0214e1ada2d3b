package fr.civicgateway.core.assembly;

import fr.civicgateway.core.answer.Formats;
import fr.civicgateway.core.answer.MethodLinks;
import fr.civicgateway.core.conversation.QuickReply;
import fr.civicgateway.core.dialogue.Answer;
import fr.civicgateway.core.dialogue.ConversationState;
import fr.civicgateway.core.dialogue.IntentHandler;
import fr.civicgateway.core.dialogue.PendingChoice;
import fr.civicgateway.core.dialogue.Turn;
import fr.civicgateway.core.nlu.EntityMention;
import fr.civicgateway.core.nlu.EntityType;
import fr.civicgateway.core.nlu.Intent;
import fr.civicgateway.core.parliament.work.AgendaItem;
import fr.civicgateway.core.parliament.work.AgendaSitting;
import fr.civicgateway.core.parliament.work.AssemblyWork;
import fr.civicgateway.core.parliament.work.Dossier;
import fr.civicgateway.core.parliament.work.DossierStep;
import fr.civicgateway.core.parliament.work.Provenance;
import fr.civicgateway.core.parliament.work.StepKind;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * {@code legislative_work}: the texts on the agenda of the séances publiques of the last and the coming week, then
 * the latest texts adopted or promulgated (each dossier's latest adoption), always with the date each source goes to.
 * When the agenda has no sitting in those weeks, it says so and gives the last week the agenda has; when the
 * dossiers stop more than a week before today, it says so too: old work is never presented as this week's.
 * Stateless and thread-safe.
 */
public final class LegislativeWorkHandler implements IntentHandler {

    /** Days before and after today that "lately / this week / the coming days" covers. */
    static final int DAYS = 7;
    static final int DEBATED = 6;
    static final int ADOPTED = 5;
    static final int BUTTONS = 6;

    private final AssemblyWork work;
    private final ZoneId zone;
    private final MethodLinks methods;

    /**
     * @param zone    the town's time zone ({@code civic.town.time-zone}): what "this week" means
     * @param methods where the answer's method is explained
     */
    public LegislativeWorkHandler(AssemblyWork work, ZoneId zone, MethodLinks methods) {
        this.work = Objects.requireNonNull(work, "work");
        this.zone = Objects.requireNonNull(zone, "zone");
        this.methods = Objects.requireNonNull(methods, "methods");
    }

    @Override
    public Intent intent() {
        return Intent.LEGISLATIVE_WORK;
    }

    /** A dossier on the agenda of the window: its first sitting there and how many sittings name it. */
    private record OnAgenda(Dossier dossier, LocalDate first, int sittings) {
    }

    @Override
    public Answer handle(Turn t) {
        LocalDate today = LocalDate.ofInstant(t.now(), zone);
        LocalDate from = today.minusDays(DAYS);
        LocalDate to = today.plusDays(DAYS);
        Provenance agendaP = work.agendaProvenance();
        Provenance dossiersP = work.dossiersProvenance();
        StringBuilder text = new StringBuilder();
        List<Dossier> listed = new ArrayList<>();

        List<OnAgenda> debated = onAgenda(work.sittingsBetween(from.atStartOfDay(), to.plusDays(1).atStartOfDay()));
        if (!debated.isEmpty()) {
            text.append(t.msg("legislative_work.agenda", "from", date(t, from), "to", date(t, to),
                    "agenda", date(t, agendaP.dataDate())));
        } else {
            // The last week of the agenda that names texts, before the end of the window.
            List<AgendaSitting> before = work.sittingsBetween(LocalDateTime.MIN, to.plusDays(1).atStartOfDay());
            LocalDate last = null;
            for (int i = before.size() - 1; i >= 0 && last == null; i--) {
                if (before.get(i).items().stream().anyMatch(it -> it.dossier() != null)) {
                    last = before.get(i).start().toLocalDate();
                }
            }
            if (last == null) {
                text.append(t.msg("legislative_work.agenda_none", "agenda", date(t, agendaP.dataDate())));
            } else {
                LocalDate lastFrom = last.minusDays(DAYS - 1);
                debated = onAgenda(work.sittingsBetween(lastFrom.atStartOfDay(), last.plusDays(1).atStartOfDay()));
                text.append(t.msg("legislative_work.agenda_older", "from", date(t, from), "to", date(t, to),
                        "agenda", date(t, agendaP.dataDate()), "last_from", date(t, lastFrom),
                        "last", date(t, last)));
            }
        }
        for (OnAgenda a : debated.subList(0, Math.min(DEBATED, debated.size()))) {
            text.append('\n').append(t.msg("legislative_work.agenda_item", "title", a.dossier().title().strip(),
                    "date", Formats.shortDate(t.language(), a.first()), "sittings", a.sittings()));
            listed.add(a.dossier());
        }

        List<DossierStep> adopted = work.latestAdoptions(ADOPTED);
        text.append('\n');
        if (adopted.isEmpty()) {
            text.append(t.msg("legislative_work.adopted_none", "date", date(t, dossiersP.dataDate())));
        } else {
            boolean stale = dossiersP.dataDate().isBefore(from);
            text.append(t.msg("legislative_work.adopted", "date", date(t, dossiersP.dataDate()),
                    "stale", stale ? "true" : "false"));
            for (DossierStep a : adopted) {
                text.append('\n').append(t.msg("legislative_work.adopted_item", "title", a.dossier().title().strip(),
                        "date", Formats.shortDate(t.language(), a.step().date()),
                        "kind", a.step().kind() == StepKind.PROMULGATED ? "promulgated" : "adopted",
                        "chamber", a.step().chamber().name().toLowerCase(Locale.ROOT)));
                if (listed.stream().noneMatch(d -> d.uid().equals(a.dossier().uid()))) {
                    listed.add(a.dossier());
                }
            }
        }
        text.append('\n').append(t.msg("legislative_work.source", "agenda_source", agendaP.source(),
                "agenda_url", agendaP.url(), "agenda", date(t, agendaP.dataDate()),
                "dossiers_source", dossiersP.source(), "dossiers_url", dossiersP.url(),
                "dossiers", date(t, dossiersP.dataDate()), "method", dossiersP.method().id,
                "method_url", methods.of(dossiersP.method())));

        List<QuickReply> buttons = new ArrayList<>();
        List<PendingChoice.Option> options = new ArrayList<>();
        for (Dossier d : listed.subList(0, Math.min(BUTTONS, listed.size()))) {
            String title = BillWords.shorten(d.title(), BillStatusHandler.BUTTON_TITLE);
            String payload = BillStatusHandler.payload(t, work, d);
            buttons.add(new QuickReply(title, payload));
            options.add(new PendingChoice.Option(d.title().strip(), payload,
                    new EntityMention(EntityType.DOSSIER, d.uid(), d.uid(), 0, 0)));
        }
        ConversationState state = options.isEmpty() ? t.state()
                : t.state().withPendingChoice(new PendingChoice(Intent.BILL_STATUS, List.of(), options));
        return Answer.text(state, text.toString(), buttons);
    }

    /** The dossiers the sittings' agendas name, in the order of their first sitting. */
    private static List<OnAgenda> onAgenda(List<AgendaSitting> sittings) {
        Map<String, OnAgenda> out = new LinkedHashMap<>();
        for (AgendaSitting s : sittings) {
            LocalDate day = s.start().toLocalDate();
            java.util.Set<String> here = new java.util.HashSet<>();
            for (AgendaItem item : s.items()) {
                Dossier d = item.dossier();
                if (d != null && here.add(d.uid())) {
                    out.merge(d.uid(), new OnAgenda(d, day, 1),
                            (a, b) -> new OnAgenda(a.dossier(), a.first(), a.sittings() + 1));
                }
            }
        }
        return List.copyOf(out.values());
    }

    private static String date(Turn t, LocalDate day) {
        return Formats.date(t.language(), day);
    }
}
