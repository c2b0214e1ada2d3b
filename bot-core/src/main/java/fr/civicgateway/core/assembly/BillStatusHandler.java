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
import fr.civicgateway.core.parliament.ParliamentData;
import fr.civicgateway.core.parliament.work.AgendaSitting;
import fr.civicgateway.core.parliament.work.AssemblyWork;
import fr.civicgateway.core.parliament.work.Dossier;
import fr.civicgateway.core.parliament.work.Provenance;
import fr.civicgateway.core.parliament.work.Step;
import fr.civicgateway.core.parliament.work.StepKind;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * {@code bill_status}: where a dossier législatif stands (API.md §5 "A bill's stage", method {@code an-bill-stage-1}),
 * the bill found by its uid, the number of one of its texts ("le texte n° 482"), a scrutin on it ("le texte du scrutin
 * 3876", or the conversation's last scrutin: "et ce texte ?") or words of its title. Several dossiers match: a
 * question back with one quick reply each, never a guess. Stateless and thread-safe.
 */
public final class BillStatusHandler implements IntentHandler {

    /** How many candidates a question back offers. */
    static final int CANDIDATES = 5;
    /** How many scrutins the answer names, and offers as quick replies (the latest). */
    static final int SCRUTINS_NAMED = 8;
    static final int SCRUTIN_BUTTONS = 4;
    static final int BUTTON_TITLE = 48;
    /** How many dossiers a search reads before keeping those of the years asked. */
    static final int YEAR_POOL = 500;

    private final ParliamentData data;
    private final AssemblyWork work;
    private final ZoneId zone;
    private final MethodLinks methods;

    /**
     * @param data the votes: a scrutin is offered as a quick reply only when its result is loaded
     * @param zone    the town's time zone ({@code civic.town.time-zone}): whether an agenda sitting is still to come
     * @param methods where the answer's method is explained
     */
    public BillStatusHandler(ParliamentData data, AssemblyWork work, ZoneId zone, MethodLinks methods) {
        this.data = Objects.requireNonNull(data, "data");
        this.work = Objects.requireNonNull(work, "work");
        this.zone = Objects.requireNonNull(zone, "zone");
        this.methods = Objects.requireNonNull(methods, "methods");
    }

    @Override
    public Intent intent() {
        return Intent.BILL_STATUS;
    }

    @Override
    public Answer handle(Turn t) {
        String text = t.message().text();
        LocalDate dataDate = work.dossiersProvenance().dataDate();
        String uid = t.entity(EntityType.DOSSIER).map(EntityMention::value).orElseGet(() -> BillWords.uidIn(text));
        if (uid != null) {
            return work.dossier(uid).map(d -> answer(t, d)).orElseGet(() -> Answer.text(t.state(),
                    t.msg("bill_status.unknown_dossier", "uid", uid, "date", date(t, dataDate))));
        }
        Integer number = BillWords.textNumber(text);
        if (number != null) {
            List<Dossier> found = work.findDossiers(String.valueOf(number), 1);
            return found.isEmpty()
                    ? Answer.text(t.state(), t.msg("bill_status.unknown_number", "number", String.valueOf(number),
                            "date", date(t, dataDate)))
                    : answer(t, found.getFirst());
        }
        Optional<EntityMention> scrutin = t.entity(EntityType.SCRUTIN);
        if (scrutin.isPresent()) {
            return ofScrutin(t, Integer.parseInt(scrutin.get().value()));
        }
        String topic = t.entity(EntityType.TOPIC).map(EntityMention::text).orElse(null);
        List<String> searches = BillWords.searches(topic, text, t.language());
        // "pour 2027": a year of the question must be in the title, never dropped for another year's bill
        List<String> years = BillWords.years(text);
        for (String words : searches) {
            List<Dossier> found = withYears(work.findDossiers(words, years.isEmpty() ? CANDIDATES + 1 : YEAR_POOL),
                    years);
            if (found.size() == 1) {
                return answer(t, found.getFirst());
            }
            if (!found.isEmpty()) {
                return choose(t, found, t.msg("bill_status.choose", "words", withYearWords(words, years),
                        "more", found.size() > CANDIDATES ? "true" : "false", "count", CANDIDATES));
            }
        }
        if (searches.isEmpty() && t.state().lastScrutin() != null) {
            return ofScrutin(t, t.state().lastScrutin());
        }
        if (searches.isEmpty()) {
            return Answer.text(t.state(), t.msg("bill_status.ask"));
        }
        return Answer.text(t.state(), t.msg("bill_status.none", "words", withYearWords(searches.getFirst(), years),
                "date", date(t, dataDate)));
    }

    /** The dossiers whose title holds every year asked ("2027"), in the order found; all when none is asked. */
    private static List<Dossier> withYears(List<Dossier> found, List<String> years) {
        if (years.isEmpty()) {
            return found;
        }
        List<Dossier> kept = found.stream().filter(d -> {
            String title = " " + fold(d.title()) + " ";
            return years.stream().allMatch(y -> title.contains(" " + y + " "));
        }).toList();
        return kept.subList(0, Math.min(CANDIDATES + 1, kept.size()));
    }

    private static String withYearWords(String words, List<String> years) {
        return years.isEmpty() ? words : words + " " + String.join(" ", years);
    }

    private static String fold(String s) {
        return fr.civicgateway.core.text.Text.foldToWords(s);
    }

    private Answer ofScrutin(Turn t, int number) {
        List<Dossier> found = work.dossiersOfScrutin(number);
        if (found.size() == 1) {
            return answer(t, found.getFirst());
        }
        if (found.isEmpty()) {
            Optional<Dossier> byTitle = data.scrutin(number).flatMap(s -> dossierNamedBy(s.title()));
            if (byTitle.isPresent()) {
                return answer(t, byTitle.get(), t.msg("bill_status.matched_by_title", "number",
                        String.valueOf(number), "date", date(t, work.dossiersProvenance().dataDate())));
            }
            String n = String.valueOf(number);
            return Answer.text(t.state().withScrutin(number), t.msg("bill_status.scrutin_without_dossier",
                    "number", n, "date", date(t, work.dossiersProvenance().dataDate())),
                    List.of(new QuickReply(t.msg("votes.button_scrutin", "number", n),
                            t.msg("votes.ask_result", "number", n))));
        }
        return choose(t, found.subList(0, Math.min(CANDIDATES, found.size())),
                t.msg("bill_status.choose_scrutin", "number", String.valueOf(number)));
    }

    /** Where the bill a scrutin's object names begins: "… du projet de loi de finances de fin de gestion pour 2025". */
    private static final java.util.regex.Pattern BILL_IN_TITLE = java.util.regex.Pattern.compile(
            "\\b(?:projet|proposition) de (?:loi|resolution)\\b.*$");

    /**
     * The one dossier a scrutin's title names, when the dossiers link no dossier to it: the bill's words in the title
     * ("projet de loi de finances de fin de gestion pour 2025", the reading in brackets left out) must hold the
     * dossier's whole title, or the reverse, with the same years; empty when none or several do.
     */
    Optional<Dossier> dossierNamedBy(String scrutinTitle) {
        if (scrutinTitle == null) {
            return Optional.empty();
        }
        java.util.regex.Matcher m = BILL_IN_TITLE.matcher(fold(scrutinTitle.replaceAll("\\([^)]*\\)", " ")));
        if (!m.find()) {
            return Optional.empty();
        }
        String phrase = " " + m.group().strip() + " ";
        String object = " " + phrase.strip().replaceFirst("^(?:projet|proposition) de (?:loi|resolution)"
                + " ?(?:organique |constitutionnelle )?(?:de |d |relative a |relatif a |visant a |pour )?", "") + " ";
        String words = BillWords.titleWords(phrase, fr.civicgateway.core.nlu.Language.FR);
        if (words.isEmpty() || object.isBlank()) {
            return Optional.empty();
        }
        List<String> years = BillWords.years(phrase);
        List<Dossier> well = work.findDossiers(words, YEAR_POOL).stream().filter(d -> {
            String title = " " + fold(d.title()) + " ";
            return (phrase.contains(title) || title.contains(object))
                    && BillWords.years(title).equals(years);
        }).toList();
        return well.size() == 1 ? Optional.of(well.getFirst()) : Optional.empty();
    }

    /** A question back: which of these dossiers, each a quick reply and an option of the pending choice. */
    private Answer choose(Turn t, List<Dossier> found, String intro) {
        List<Dossier> shown = found.subList(0, Math.min(CANDIDATES, found.size()));
        LocalDate dataDate = work.dossiersProvenance().dataDate();
        StringBuilder text = new StringBuilder(intro);
        List<QuickReply> buttons = new ArrayList<>();
        List<PendingChoice.Option> options = new ArrayList<>();
        List<String> titles = DossierChoices.buttonTitles(t, shown, dataDate, BUTTON_TITLE);
        for (Dossier d : shown) {
            text.append('\n').append(DossierChoices.line(t, d, dataDate));
            String title = titles.get(buttons.size());
            String payload = payload(t, work, d);
            buttons.add(new QuickReply(title, payload));
            // The full title: "le projet de loi de finances pour 2026" typed picks it as well as the button.
            options.add(new PendingChoice.Option(d.title().strip(), payload,
                    new EntityMention(EntityType.DOSSIER, d.uid(), d.uid(), 0, 0)));
        }
        ConversationState state = t.state().withPendingChoice(new PendingChoice(Intent.BILL_STATUS, List.of(), options));
        return Answer.text(state, text.toString(), buttons);
    }

    /**
     * What a quick reply on a dossier sends: "Où en est le texte n° 1234 ?" when one of its numbers leads back to it
     * alone, else its uid (what a person reads should not be an identifier when it can be avoided).
     */
    static String payload(Turn t, AssemblyWork work, Dossier d) {
        for (int n : d.numbers()) {
            List<Dossier> back = work.findDossiers(String.valueOf(n), 2);
            if (back.size() == 1 && back.getFirst().uid().equals(d.uid())) {
                return t.msg("bill_status.ask_number", "number", String.valueOf(n));
            }
        }
        return t.msg("bill_status.ask_dossier", "uid", d.uid());
    }

    /** The answer about one dossier: its stage, deposit, scrutins, next step, link, source and method. */
    Answer answer(Turn t, Dossier d) {
        return answer(t, d, null);
    }

    /** The answer about one dossier, after {@code intro} (how it was found) when not null. */
    private Answer answer(Turn t, Dossier d, String intro) {
        Provenance p = work.dossiersProvenance();
        LocalDate dataDate = p.dataDate();
        StringBuilder text = new StringBuilder();
        if (intro != null) {
            text.append(intro).append('\n');
        }
        Optional<Step> stage = d.stage(dataDate);
        String title = d.title().strip();
        String procedure = d.procedure().isEmpty() ? "none" : d.procedure();
        String procedureKind = procedureKind(d.procedure());
        text.append(stage.isPresent()
                ? t.msg("bill_status.stage", "title", title, "procedure", procedure, "kind", procedureKind,
                        "stage", stageWords(t, stage.get()), "date", date(t, stage.get().date()))
                : t.msg("bill_status.unstaged", "title", title, "procedure", procedure, "kind", procedureKind, "date", date(t, dataDate)));
        if (!d.numbers().isEmpty()) {
            text.append('\n').append(t.msg("bill_status.numbers", "count", d.numbers().size(),
                    "numbers", d.numbers().stream().sorted().map(String::valueOf).collect(Collectors.joining(", "))));
        }
        d.deposited().ifPresent(day -> text.append('\n').append(t.msg("bill_status.deposited", "date", date(t, day))));
        List<QuickReply> buttons = new ArrayList<>();
        List<Integer> scrutins = d.scrutins();
        if (scrutins.isEmpty()) {
            text.append('\n').append(t.msg("bill_status.no_scrutin"));
        } else {
            // The latest first: the final votes are what a citizen asks about.
            List<Integer> latest = scrutins.reversed();
            List<Integer> named = latest.subList(0, Math.min(SCRUTINS_NAMED, latest.size()));
            text.append('\n').append(t.msg("bill_status.scrutins", "count", scrutins.size(),
                    "list", named.stream().map(n -> t.msg("bill_status.scrutin_number", "number", String.valueOf(n)))
                            .collect(Collectors.joining(", ")),
                    "more", scrutins.size() - named.size()));
            // The dossiers may name scrutins newer than the votes loaded: their result cannot be asked yet.
            List<Integer> known = latest.stream().filter(n -> data.scrutin(n).isPresent()).toList();
            if (known.size() < latest.size()) {
                text.append(' ').append(t.msg("bill_status.scrutins_beyond", "count", latest.size() - known.size(),
                        "all", known.isEmpty() ? "true" : "false",
                        "date", date(t, data.info().lastScrutinDate())));
            }
            for (int n : known.subList(0, Math.min(SCRUTIN_BUTTONS, known.size()))) {
                buttons.add(new QuickReply(t.msg("votes.button_scrutin", "number", String.valueOf(n)),
                        t.msg("votes.ask_result", "number", String.valueOf(n))));
            }
        }
        text.append('\n').append(next(t, d, dataDate));
        text.append('\n').append(t.msg("bill_status.link", "url", d.url()));
        text.append('\n').append(t.msg("bill_status.source", "source", p.source(), "url", p.url(),
                "date", date(t, dataDate), "method", p.method().id, "method_url", methods.of(p.method())));
        return Answer.text(t.state(), text.toString(), buttons);
    }

    /** The next step: one dated after the data, and the first agenda sitting after the data that names the dossier. */
    private String next(Turn t, Dossier d, LocalDate dataDate) {
        List<String> lines = new ArrayList<>();
        d.next(dataDate).ifPresent(s -> lines.add(t.msg("bill_status.next_step", "stage", nextWords(t, s),
                "date", date(t, s.date()))));
        LocalDate agendaDate = work.agendaProvenance().dataDate();
        Optional<AgendaSitting> sitting = work.nextSittingOf(d.uid(), dataDate.plusDays(1).atStartOfDay());
        if (sitting.isPresent()) {
            LocalDate day = sitting.get().start().toLocalDate();
            LocalDate today = LocalDate.ofInstant(t.now(), zone);
            lines.add(t.msg("bill_status.next_sitting", "date", date(t, day), "agenda", date(t, agendaDate),
                    "when", day.isBefore(today) ? "past" : "future"));
        }
        if (lines.isEmpty()) {
            return t.msg("bill_status.no_next", "date", date(t, dataDate), "agenda", date(t, agendaDate));
        }
        return String.join("\n", lines);
    }

    /**
     * A step in words, from the catalogue: its kind, the decision's own wording where the data gives one (a CMP's
     * "Accord", the Conseil's "Conforme"), and the chamber where it matters.
     */
    static String stageWords(Turn t, Step s) {
        boolean withOutcome = s.outcome() != null && (s.kind() == StepKind.DECIDED
                || s.kind() == StepKind.JOINT_COMMITTEE || s.kind() == StepKind.CONSTITUTIONAL_COUNCIL);
        boolean chamberless = s.kind() == StepKind.JOINT_COMMITTEE || s.kind() == StepKind.CONSTITUTIONAL_COUNCIL
                || s.kind() == StepKind.PROMULGATED;
        return t.msg("bill_status.stage_words", "kind", s.kind().name().toLowerCase(Locale.ROOT)
                        + (withOutcome ? "_outcome" : ""),
                "outcome", withOutcome ? s.outcome().toLowerCase(Locale.FRENCH) : "",
                "chamber", chamberless ? "none" : s.chamber().name().toLowerCase(Locale.ROOT));
    }

    /** A step still to come in words: "examen en commission au Sénat", not "examiné en commission". */
    static String nextWords(Turn t, Step s) {
        boolean chamberless = s.kind() == StepKind.JOINT_COMMITTEE || s.kind() == StepKind.CONSTITUTIONAL_COUNCIL
                || s.kind() == StepKind.PROMULGATED;
        return t.msg("bill_status.next_words", "kind", s.kind().name().toLowerCase(Locale.ROOT),
                "chamber", chamberless ? "none" : s.chamber().name().toLowerCase(Locale.ROOT));
    }

    /** The procedure's kind for the catalogue's wording; "other" keeps the data's own label. */
    static String procedureKind(String procedure) {
        String p = fold(procedure);
        return switch (p) {
            case "proposition de loi ordinaire" -> "ppl";
            case "projet de loi ordinaire" -> "pjl";
            case "projet ou proposition de loi organique" -> "organic";
            case "projet ou proposition de loi constitutionnelle" -> "constitutional";
            case "projet de loi de finances de l annee" -> "plf";
            case "projet de loi de finances rectificative" -> "plfr";
            case "projet de loi de financement de la securite sociale" -> "plfss";
            case "projet de ratification des traites et conventions" -> "treaty";
            case "resolution" -> "resolution";
            case "resolution article 34 1" -> "resolution34";
            case "rapport d information sans mission" -> "report";
            case "mission d information" -> "mission";
            case "commission d enquete" -> "inquiry";
            case "engagement de la responsabilite gouvernementale" -> "confidence";
            case "proposition de loi presentee en application de l article 11 de la constitution" -> "article11";
            default -> "other";
        };
    }

    static String date(Turn t, LocalDate day) {
        return Formats.date(t.language(), day);
    }
}
