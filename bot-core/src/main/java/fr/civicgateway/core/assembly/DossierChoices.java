package fr.civicgateway.core.assembly;

import fr.civicgateway.core.answer.Formats;
import fr.civicgateway.core.dialogue.Turn;
import fr.civicgateway.core.parliament.work.Dossier;
import fr.civicgateway.core.parliament.work.Step;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * How a question back names the dossiers it offers: one line each with its stage and date, and buttons a citizen can
 * tell apart. Dossiers often share the start of their title (the three "Engagement de la responsabilité du
 * Gouvernement sur … du projet de loi de finances pour 2026"): cut to a button's length they would read the same,
 * so those buttons add what tells them apart, the date of the line's stage, else a text's number, else the day of
 * deposit. Stateless.
 */
public final class DossierChoices {

    private DossierChoices() {
    }

    /** "• « Projet de loi de finances pour 2026 » — adopté en séance à l'Assemblée nationale, le 3 février 2026". */
    public static String line(Turn t, Dossier d, LocalDate dataDate) {
        Optional<Step> stage = d.stage(dataDate);
        return stage.isPresent()
                ? t.msg("bill_status.candidate", "title", d.title().strip(), "stage",
                        BillStatusHandler.stageWords(t, stage.get()), "date", Formats.date(t.language(), stage.get().date()))
                : t.msg("bill_status.candidate_unstaged", "title", d.title().strip());
    }

    /**
     * The buttons' titles, in the dossiers' order, at most {@code max} characters each and different from each other
     * whenever the dossiers differ in one of the distinguishing facts.
     */
    public static List<String> buttonTitles(Turn t, List<Dossier> dossiers, LocalDate dataDate, int max) {
        List<String> titles = new ArrayList<>(dossiers.stream().map(d -> BillWords.shorten(d.title(), max)).toList());
        List<Function<Dossier, String>> facts = List.of(
                d -> d.stage(dataDate).map(s -> Formats.shortDate(t.language(), s.date())).orElse(null),
                d -> d.numbers().isEmpty() ? null : t.msg("bill_status.button_number", "number",
                        String.valueOf(d.numbers().getLast())),
                d -> d.deposited().map(day -> Formats.shortDate(t.language(), day)).orElse(null));
        for (Function<Dossier, String> fact : facts) {
            List<Integer> same = sameTitles(titles);
            if (same.isEmpty()) {
                return titles;
            }
            for (int i : same) {
                String distinct = fact.apply(dossiers.get(i));
                if (distinct != null) {
                    titles.set(i, withFact(t, dossiers.get(i).title(), distinct, max));
                }
            }
        }
        return titles;
    }

    /** The title cut short enough to hold "(fact)" within {@code max} characters. */
    private static String withFact(Turn t, String title, String fact, int max) {
        String empty = t.msg("bill_status.button_distinct", "title", "", "fact", fact);
        return t.msg("bill_status.button_distinct", "title",
                BillWords.shorten(title, Math.max(8, max - empty.length())), "fact", fact);
    }

    /** The indexes of the titles another title repeats. */
    private static List<Integer> sameTitles(List<String> titles) {
        Map<String, Integer> counts = new HashMap<>();
        titles.forEach(s -> counts.merge(s, 1, Integer::sum));
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < titles.size(); i++) {
            if (counts.get(titles.get(i)) > 1) {
                out.add(i);
            }
        }
        return out;
    }
}
