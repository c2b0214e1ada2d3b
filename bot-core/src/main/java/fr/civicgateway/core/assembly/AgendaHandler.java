package fr.civicgateway.core.assembly;

import fr.civicgateway.core.answer.Formats;
import fr.civicgateway.core.answer.MethodLinks;
import fr.civicgateway.core.conversation.QuickReply;
import fr.civicgateway.core.dialogue.Answer;
import fr.civicgateway.core.dialogue.IntentHandler;
import fr.civicgateway.core.dialogue.Turn;
import fr.civicgateway.core.nlu.DateExpression;
import fr.civicgateway.core.nlu.EntityType;
import fr.civicgateway.core.nlu.Intent;
import fr.civicgateway.core.nlu.Language;
import fr.civicgateway.core.parliament.work.AgendaItem;
import fr.civicgateway.core.parliament.work.AgendaSitting;
import fr.civicgateway.core.parliament.work.AssemblyWork;
import fr.civicgateway.core.parliament.work.Dossier;
import fr.civicgateway.core.parliament.work.Provenance;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code agenda}: the Assemblée's séances publiques from its published agenda (method {@code an-agenda-1}).
 * Without a day, the next sittings from now with their hour and agenda; when the agenda holds none ahead (it is
 * published a few weeks in advance, and a snapshot ages), it says so with the day it goes to and gives its last
 * sittings. With a {@code date} entity ("le 15 avril", "last Tuesday"), that day's sittings, or that there was none,
 * saying whether the day is inside the agenda's period at all. Items that name a dossier législatif get a quick
 * reply asking where that bill stands. Hours are the agenda's, in {@link AssemblyWork#agendaZone()} (a town in
 * another zone is told so). Stateless and thread-safe.
 */
public final class AgendaHandler implements IntentHandler {

    /** Sittings listed for "when does the Assemblée sit next?". */
    static final int NEXT = 3;
    /** Agenda items shown per sitting; the others are counted. */
    static final int ITEMS = 4;
    /** Bills offered as quick replies. */
    static final int BILLS = 3;

    private static final DateTimeFormatter FR_DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.FRENCH);
    private static final DateTimeFormatter EN_DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.ENGLISH);

    private final AssemblyWork work;
    private final ZoneId zone;
    private final MethodLinks methods;

    /**
     * @param zone    the town's zone ({@code civic.town.time-zone}): where "today" and "demain" are
     * @param methods where the answer's method is explained
     */
    public AgendaHandler(AssemblyWork work, ZoneId zone, MethodLinks methods) {
        this.work = Objects.requireNonNull(work, "work");
        this.zone = Objects.requireNonNull(zone, "zone");
        this.methods = Objects.requireNonNull(methods, "methods");
    }

    @Override
    public Intent intent() {
        return Intent.AGENDA;
    }

    @Override
    public Answer handle(Turn t) {
        LocalDate today = LocalDate.ofInstant(t.now(), zone);
        // The NLU's value is an ISO date already; a bare expression (a test's NLU) is read on the turn's day here.
        // Right after an agenda answer about a day, a day named without its year, a day number alone or "la veille"
        // is placed near that day: the NLU placed it near today, so the words are read again.
        LocalDate anchor = t.state().lastIntent() == Intent.AGENDA ? t.state().lastDay() : null;
        Optional<LocalDate> day = t.entity(EntityType.DATE).flatMap(m -> anchor == null
                ? DateExpression.parse(m.value()).map(e -> e.on(today))
                : DateExpression.read(m.text()).or(() -> DateExpression.parse(m.value()))
                        .map(e -> e.near(anchor, today)));
        Provenance p = work.agendaProvenance();
        List<AgendaSitting> first = work.sittingsFrom(LocalDateTime.MIN, 1);
        List<AgendaSitting> last = work.sittingsBefore(LocalDateTime.MAX, 1);
        if (first.isEmpty() || last.isEmpty()) {
            return Answer.text(t.state(), t.msg("agenda.empty") + "\n" + source(t, p));
        }
        Period period = new Period(first.getFirst().start().toLocalDate(), last.getFirst().start().toLocalDate());
        if (anchor == null) {
            day = day.map(d -> insideTheAgenda(t, d, period));
        }
        return day.isPresent() ? onDay(t, day.get(), today, period, p) : next(t, period, p);
    }

    /**
     * A day written without its year nor a tense ("l'ordre du jour du 15 avril") is the nearest such day; when that one
     * is outside the agenda's period and the same day a year before or after is inside, the citizen means that one.
     */
    private static LocalDate insideTheAgenda(Turn t, LocalDate d, Period period) {
        if (!d.isBefore(period.from()) && !d.isAfter(period.to())) {
            return d;
        }
        boolean yearless = t.entity(EntityType.DATE).flatMap(m -> DateExpression.read(m.text()))
                .filter(e -> e instanceof DateExpression.YearlessDay y && y.tense() == DateExpression.Tense.NEAREST)
                .isPresent();
        if (!yearless) {
            return d;
        }
        for (LocalDate other : List.of(d.minusYears(1), d.plusYears(1))) {
            if (other.getDayOfMonth() == d.getDayOfMonth() && !other.isBefore(period.from())
                    && !other.isAfter(period.to())) {
                return other;
            }
        }
        return d;
    }

    private record Period(LocalDate from, LocalDate to) {
    }

    private Answer next(Turn t, Period period, Provenance p) {
        LocalDateTime now = LocalDateTime.ofInstant(t.now(), work.agendaZone());
        List<AgendaSitting> ahead = work.sittingsFrom(now, NEXT);
        StringBuilder out = new StringBuilder();
        List<AgendaSitting> shown;
        if (!ahead.isEmpty()) {
            shown = ahead;
            out.append(t.msg("agenda.next_intro", "count", ahead.size()));
        } else {
            shown = work.sittingsBefore(now, NEXT);
            out.append(t.msg("agenda.none_ahead", "to", date(t, period.to()), "count", shown.size()));
        }
        for (AgendaSitting s : shown) {
            out.append('\n').append(t.msg("agenda.sitting", "day", day(t, s.start().toLocalDate()),
                    "time", time(t, s.start().toLocalTime()), "state", state(s)));
            items(t, s, out);
        }
        return answer(t, out, shown, p, null);
    }

    private Answer onDay(Turn t, LocalDate day, LocalDate today, Period period, Provenance p) {
        String when = day.isBefore(today) ? "past" : day.isEqual(today) ? "today" : "future";
        List<AgendaSitting> sittings = work.agendaOn(day);
        StringBuilder out = new StringBuilder();
        if (!sittings.isEmpty()) {
            out.append(t.msg("agenda.day_intro", "when", when, "day", day(t, day), "count", sittings.size()));
            for (AgendaSitting s : sittings) {
                out.append('\n').append(t.msg("agenda.day_sitting", "time", time(t, s.start().toLocalTime()),
                        "state", state(s)));
                items(t, s, out);
            }
            return answer(t, out, sittings, p, day);
        }
        if (day.isBefore(period.from()) || day.isAfter(period.to())) {
            out.append(t.msg("agenda.day_outside", "side", day.isBefore(period.from()) ? "before" : "after",
                    "day", day(t, day), "from", date(t, period.from()), "to", date(t, period.to())));
        } else {
            out.append(t.msg("agenda.day_none", "when", when, "day", day(t, day),
                    "from", date(t, period.from()), "to", date(t, period.to())));
            List<AgendaSitting> after = work.sittingsFrom(day.plusDays(1).atStartOfDay(), 1);
            if (!after.isEmpty()) {
                AgendaSitting s = after.getFirst();
                out.append('\n').append(t.msg("agenda.day_none_next", "day", day(t, s.start().toLocalDate()),
                        "time", time(t, s.start().toLocalTime())));
            }
        }
        return answer(t, out, List.of(), p, day);
    }

    /** @param day the day asked about, kept for a follow-up ("et le lendemain ?"), or null */
    private Answer answer(Turn t, StringBuilder out, List<AgendaSitting> shown, Provenance p, LocalDate day) {
        boolean offerNext = day != null;
        if (!zone.getRules().equals(work.agendaZone().getRules())) {
            out.append('\n').append(t.msg("agenda.paris_time"));
        }
        out.append('\n').append(source(t, p));
        List<QuickReply> replies = new ArrayList<>();
        Map<String, Dossier> bills = new LinkedHashMap<>();
        for (AgendaSitting s : shown) {
            for (AgendaItem i : s.items()) {
                if (i.dossier() != null && bills.size() < BILLS) {
                    bills.putIfAbsent(i.dossier().uid(), i.dossier());
                }
            }
        }
        for (Dossier d : bills.values()) {
            String question = t.msg("agenda.bill_question", "title", d.title());
            replies.add(new QuickReply(question, question));
        }
        if (offerNext) {
            replies.add(new QuickReply(t.msg("agenda.button_next"), t.msg("agenda.button_next_question")));
        }
        return Answer.text(t.state().withLastDay(day), out.toString(), replies);
    }

    private static void items(Turn t, AgendaSitting s, StringBuilder out) {
        if (s.items().isEmpty()) {
            out.append('\n').append(t.msg("agenda.no_items"));
            return;
        }
        int shown = Math.min(ITEMS, s.items().size());
        for (int k = 0; k < shown; k++) {
            AgendaItem i = s.items().get(k);
            out.append('\n').append(t.msg("agenda.item", "subject", i.subject().isBlank() ? i.title() : i.subject().strip()));
        }
        if (s.items().size() > shown) {
            out.append('\n').append(t.msg("agenda.more_items", "count", s.items().size() - shown));
        }
    }

    private String source(Turn t, Provenance p) {
        return methods.sourceLine(t, "agenda.source", p);
    }

    /** The agenda's states: "Confirmé" and "Eventuel" (a sitting the Conférence des présidents may still drop). */
    private static String state(AgendaSitting s) {
        return s.state().startsWith("Eventuel") || s.state().startsWith("Éventuel") ? "eventual" : "confirmed";
    }

    /** "mercredi 15 avril 2026", "mercredi 1er avril 2026"; "Wednesday 15 April 2026". */
    static String day(Turn t, LocalDate d) {
        if (t.language() == Language.EN) {
            return EN_DAY.format(d);
        }
        String s = FR_DAY.format(d);
        return d.getDayOfMonth() == 1 ? s.replaceFirst(" 1 ", " 1er ") : s;
    }

    static String date(Turn t, LocalDate d) {
        return Formats.date(t.language(), d);
    }

    /** "15 h", "21 h 30" (the French way); "15:00", "21:30". */
    static String time(Turn t, LocalTime time) {
        if (t.language() == Language.EN) {
            return (time.getHour() < 10 ? "0" : "") + time.getHour() + ":" + twoDigits(time.getMinute());
        }
        return time.getMinute() == 0 ? time.getHour() + " h" : time.getHour() + " h " + twoDigits(time.getMinute());
    }

    private static String twoDigits(int n) {
        return (n < 10 ? "0" : "") + n;
    }

    @Override
    public String messageBundle() {
        return "agenda";
    }
}
