package fr.civicgateway.core.parliament.work;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A dossier législatif: its title, kind, the numbers of its texts, its dated steps in document order and the
 * scrutins on it (its {@code voteRefs}).
 *
 * @param uid        {@code DLR5L17N50168}
 * @param title      the dossier's title
 * @param procedure  the procedure's wording ("Proposition de loi ordinaire", "Projet de loi ordinaire", …)
 * @param proposition true for a proposition de loi or de résolution (a deputy's or senator's text), false for the
 *                   Government's projets and for other dossiers (reports, missions)
 * @param numbers    the numbers of the Assemblée texts deposited in it ("n° 482"), in document order
 * @param steps      the dated steps, in document order (nested steps flattened)
 * @param scrutins   the scrutin numbers of its {@code voteRefs}, ascending
 * @param authors     the acteur uids of its {@code initiateur}
 */
public record Dossier(String uid, String title, String procedure, boolean proposition, List<Integer> numbers,
                      List<Step> steps, List<Integer> scrutins, List<String> authors) {

    public Dossier {
        Objects.requireNonNull(uid, "uid");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(procedure, "procedure");
        numbers = List.copyOf(numbers);
        steps = List.copyOf(steps);
        scrutins = List.copyOf(scrutins);
        authors = List.copyOf(authors);
    }

    /**
     * Its stage on {@code dataDate}: the latest procedural step dated on or before it (same-day steps in document
     * order, the last wins). A report on a promulgated law's application ({@code AN-APPLI-RAPPORT}) or a step of no
     * known kind ({@link StepKind#OTHER}) is no stage, unless the dossier has no procedural step at all (a mission's
     * dossier); empty when no step is that old.
     */
    public Optional<Step> stage(LocalDate dataDate) {
        Step best = null;
        Step bestAny = null;
        for (Step s : steps) {
            if (s.date().isAfter(dataDate)) {
                continue;
            }
            if (bestAny == null || !s.date().isBefore(bestAny.date())) {
                bestAny = s;
            }
            if (procedural(s) && (best == null || !s.date().isBefore(best.date()))) {
                best = s;
            }
        }
        return Optional.ofNullable(best != null ? best : bestAny);
    }

    /** The next procedural step already scheduled after {@code dataDate}: the earliest one dated after it. */
    public Optional<Step> next(LocalDate dataDate) {
        Step best = null;
        for (Step s : steps) {
            if (procedural(s) && s.date().isAfter(dataDate) && (best == null || s.date().isBefore(best.date()))) {
                best = s;
            }
        }
        return Optional.ofNullable(best);
    }

    /** A step of the bill's procedure: not a report on the law's application, nor a step of no known kind. */
    public static boolean procedural(Step s) {
        return s.kind() != StepKind.OTHER && !s.code().toUpperCase(java.util.Locale.ROOT).contains("-APPLI");
    }

    /**
     * The day its text was deposited: the earliest {@code -DEPOT} act (a rapporteur can be named before the
     * Government's bill is deposited), else its earliest step; empty when it has no dated step.
     */
    public Optional<LocalDate> deposited() {
        Optional<LocalDate> depot = steps.stream().filter(s -> s.code().toUpperCase(java.util.Locale.ROOT)
                .endsWith("-DEPOT")).map(Step::date).min(LocalDate::compareTo);
        return depot.isPresent() ? depot : steps.stream().map(Step::date).min(LocalDate::compareTo);
    }

    /** The dossier's page on assemblee-nationale.fr. */
    public String url() {
        return "https://www.assemblee-nationale.fr/dyn/17/dossiers/" + uid;
    }
}
