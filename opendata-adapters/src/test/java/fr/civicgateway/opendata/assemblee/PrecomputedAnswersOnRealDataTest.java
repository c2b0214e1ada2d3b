package fr.civicgateway.opendata.assemblee;

import fr.civicgateway.opendata.testing.ShippedData;
import static org.assertj.core.api.Assertions.assertThat;

import fr.civicgateway.core.parliament.Deputy;
import fr.civicgateway.core.parliament.Scrutin;
import fr.civicgateway.core.parliament.ScrutinSearch;
import fr.civicgateway.core.representative.ParticipationCalculator;
import fr.civicgateway.core.representative.Participations;
import fr.civicgateway.core.text.Text;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * What is computed once per version of the data gives, on the whole shipped legislature, exactly what was computed at
 * each question: every deputy's participation, and every topic search's matches, order and total.
 */
class PrecomputedAnswersOnRealDataTest {

    @Test
    void everyDeputysPrecomputedParticipationIsTheCalculatorsOwn() {
        AssembleeSnapshot data = ShippedData.snapshot();
        Participations all = Participations.of(data);
        int compared = 0;
        for (Deputy d : data.deputies()) {
            if (d.mandateStart() != null) {
                assertThat(all.of(d)).as(d.uid()).isEqualTo(ParticipationCalculator.compute(data, d));
                compared++;
            }
        }
        assertThat(compared).isEqualTo(all.size()).isGreaterThan(577);
    }

    @Test
    void everyTopicSearchGivesTheScrutinsInTheOrderAndTotalOfASearchThatSortsItsMatches() throws IOException {
        AssembleeSnapshot data = ShippedData.snapshot();
        ScrutinSearch search = new ScrutinSearch(data);
        SortingScrutinSearch reference = new SortingScrutinSearch(data);
        List<String> topics = topics(data);
        assertThat(topics).hasSizeGreaterThan(300);
        int withMatches = 0;
        for (String topic : topics) {
            for (int limit : new int[] {0, 1, 4, 5, 7, 50, 100_000}) {
                ScrutinSearch.Result got = search.search(topic, limit);
                SortingScrutinSearch.Result expected = reference.search(topic, limit);
                assertThat(got.total()).as("total for '%s'", topic).isEqualTo(expected.total());
                assertThat(numbers(got.scrutins())).as("'%s', limit %d", topic, limit)
                        .isEqualTo(numbers(expected.scrutins()));
            }
            withMatches += search.search(topic, 1).total() > 0 ? 1 : 0;
        }
        assertThat(withMatches).isGreaterThan(250);
    }

    /**
     * Every alias of the lexicon, the 300 most frequent title words, pairs of them (some with no title holding both,
     * which takes the titles with the most of them), the citizens' phrasings, and topics nothing matches.
     */
    private static List<String> topics(AssembleeSnapshot data) throws IOException {
        Set<String> topics = new LinkedHashSet<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                ScrutinSearch.class.getResourceAsStream("/parliament/topic-lexicon.tsv"), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    topics.addAll(List.of(line.split("\t")[0].split("\\|")));
                }
            }
        }
        Map<String, Integer> frequency = new HashMap<>();
        for (Scrutin s : data.scrutins()) {
            for (String w : Text.foldToWords(s.title()).split(" ")) {
                frequency.merge(w, 1, Integer::sum);
            }
        }
        List<String> frequent = frequency.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(300).map(Map.Entry::getKey).toList();
        topics.addAll(frequent);
        List<String> pairs = new ArrayList<>();
        for (int i = 0; i + 7 < frequent.size(); i += 7) {
            pairs.add(frequent.get(i) + " " + frequent.get(i + 7));
        }
        topics.addAll(pairs);
        topics.addAll(List.of("la réforme des retraites", "le budget de la sécu", "budget xyzzy", "retraites agricoles",
                "la motion de censure du gouvernement", "Vallaud", "l'immigration et l'asile", "xyzzy", "", "la loi",
                "projet de loi de finances pour 2026", "assurance chômage et retraites", "fin de vie"));
        return topics.stream().sorted(Comparator.naturalOrder()).toList();
    }

    private static List<Integer> numbers(List<Scrutin> scrutins) {
        return scrutins.stream().map(Scrutin::number).toList();
    }
}
