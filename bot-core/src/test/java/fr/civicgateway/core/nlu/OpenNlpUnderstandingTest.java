package fr.civicgateway.core.nlu;

import fr.civicgateway.core.fixtures.FakeGeoDirectory;
import fr.civicgateway.core.fixtures.FakeParliamentData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static fr.civicgateway.core.fixtures.FakeParliamentData.PANOT;
import static org.assertj.core.api.Assertions.assertThat;

class OpenNlpUnderstandingTest {

    private static final OpenNlpUnderstanding NLU =
            OpenNlpUnderstanding.create(new FakeParliamentData(), new FakeGeoDirectory());

    @Test
    void understandsTheApiExampleWithIntentEntitiesAndSpans() {
        Understanding u = NLU.parse("Comment a voté Mathilde Panot au scrutin 3876 ?", null);
        assertThat(u.intent()).isEqualTo(Intent.REPRESENTATIVE_VOTES);
        assertThat(u.language()).isEqualTo(Language.FR);
        assertThat(u.entities()).containsExactly(
                new EntityMention(EntityType.DEPUTY, PANOT, "Mathilde Panot", 15, 29),
                new EntityMention(EntityType.SCRUTIN, "3876", "3876", 41, 45));
    }

    @Test
    void ranksEveryIntentBestFirstWithProbabilities() {
        Understanding u = NLU.parse("résultat du scrutin 3876", null);
        assertThat(u.ranking()).hasSize(fr.civicgateway.core.nlu.IntentCorpus.shippedIntents().size());
        assertThat(u.ranking()).isSortedAccordingTo((a, b) -> Double.compare(b.confidence(), a.confidence()));
        assertThat(u.ranking().stream().mapToDouble(IntentScore::confidence).sum()).isCloseTo(1.0,
                org.assertj.core.data.Offset.offset(1e-6));
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', textBlock = """
            Qui est mon député ? J'habite à Annecy            | find_representative
            député du 75011                                   | find_representative
            ki est mon depute                                 | find_representative
            j'habite Paris 11e                                | find_representative
            qui est le député de la 4e circonscription de la Gironde | find_representative
            Comment a voté Mathilde Panot sur le budget ?     | representative_votes
            et sur le scrutin 3877 ?                          | representative_votes
            Est-ce que mon député participe aux votes ?       | representative_attendance
            et son taux de participation ?                    | representative_attendance
            Qu'est-ce qui a été voté cette semaine ?          | parliament_activity
            résultat du scrutin 3876                          | vote_result
            la motion de censure a-t-elle été adoptée ?       | vote_result
            qui est François Ruffin                           | representative_profile
            quel groupe pour Panot ?                          | representative_profile
            et lui ?                                          | representative_profile
            Où en sont les travaux rue de Rivoli ?            | local_projects
            il y a un nid de poule devant chez moi            | report_problem
            je veux donner mon avis sur le projet de la ville | consultation
            bonjour                                           | greet
            salut                                             | greet
            que sais-tu faire ?                               | help
            quel temps fait-il demain ?                       | out_of_scope
            raconte moi une blague                            | out_of_scope
            """)
    void classifiesFrenchCitizensQuestions(String text, String intent) {
        assertThat(NLU.parse(text, null).intent().apiName()).isEqualTo(intent);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', textBlock = """
            who is my MP? I live in Annecy                    | find_representative
            how did Mathilde Panot vote on the budget?        | representative_votes
            and on the budget?                                | representative_votes
            and her group?                                    | representative_profile
            does Ruffin vote often?                           | representative_attendance
            result of ballot 3876                             | vote_result
            what was voted this week?                         | parliament_activity
            there's a pothole outside my house                | report_problem
            hello                                             | greet
            what can you do?                                  | help
            tell me a joke                                    | out_of_scope
            """)
    void classifiesEnglishQuestionsAndAnswersInEnglish(String text, String intent) {
        Understanding u = NLU.parse(text, null);
        assertThat(u.intent().apiName()).isEqualTo(intent);
        assertThat(u.language()).isEqualTo(Language.EN);
    }

    /**
     * Issue 11's questions. "Quels textes ont été adoptés récemment ?" is the legislative work, as API.md §2 says
     * ("which texts it adopted lately"), like texts promulgated or under debate; the votes themselves are the
     * Assemblée's activity. "Est-ce que mon
     * député est présent à l'Assemblée ?" is not here: the classifier reads it as participation in votes and
     * {@code PresenceHandler.claims} answers it (PresenceHandlerTest).
     */
    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', textBlock = """
            où en est la loi sur l'aide à mourir ?            | bill_status
            et le texte du scrutin 3876 ?                     | bill_status
            quels textes ont été adoptés récemment ?          | legislative_work
            quelles lois ont été promulguées ce mois-ci ?     | legislative_work
            qu'est-ce qui est débattu cette semaine ?         | legislative_work
            quand siège l'Assemblée ?                         | agenda
            qu'y avait-il à l'ordre du jour le 15 avril ?     | agenda
            comment contacter mon député ?                    | contact_representative
            c'est quoi une motion de censure ?                | assembly_info
            combien d'amendements a déposé Mathilde Panot ?   | representative_bills
            where does the assisted dying bill stand?         | bill_status
            and the text of ballot 3876?                      | bill_status
            which laws were promulgated this month?           | legislative_work
            when does the Assemblée sit?                      | agenda
            how do I contact my MP?                           | contact_representative
            what is a motion of censure?                      | assembly_info
            how many amendments has Mathilde Panot tabled?    | representative_bills
            où est mon bureau de vote ?                       | out_of_scope
            le conseil municipal vote quand le budget ?       | out_of_scope
            when does the town council vote the budget?       | out_of_scope
            """)
    void classifiesTheQuestionsOfIssueElevenAndLeavesTheTownHallsOutOfScope(String text, String intent) {
        assertThat(NLU.parse(text, null).intent().apiName()).isEqualTo(intent);
    }

    @Test
    void letsTheClientsLanguageHintWin() {
        assertThat(NLU.parse("Panot", Language.EN).language()).isEqualTo(Language.EN);
        assertThat(NLU.parse("who is Panot", Language.FR).language()).isEqualTo(Language.FR);
    }

    @Test
    void doesNotLetNamesDecideTheLanguage() {
        // "Le Pen" holds a French article; the rest of the message is English
        assertThat(NLU.parse("who is Marine Le Pen", null).language()).isEqualTo(Language.EN);
    }

    @Test
    void replacesEntityMentionsByPlaceholdersButKeepsTheTopicWords() {
        List<EntityMention> mentions = new GazetteerEntityExtractor(new FakeParliamentData(), new FakeGeoDirectory())
                .extract("Comment a voté Panot sur le budget ?");
        assertThat(OpenNlpUnderstanding.substitute("Comment a voté Panot sur le budget ?", mentions))
                .isEqualTo("Comment a voté  {deputy}  sur le budget ?");
    }

    @Test
    void treatsEmptyOrSymbolOnlyMessagesAsOutOfScope() {
        assertThat(NLU.parse("", null).intent()).isEqualTo(Intent.OUT_OF_SCOPE);
        assertThat(NLU.parse("?!", null).intent()).isEqualTo(Intent.OUT_OF_SCOPE);
        assertThat(NLU.parse("x".repeat(4096), null).ranking()).isNotEmpty();
    }

    @Test
    void givesTheSameAnswersFromManyThreadsAtOnce() throws Exception {
        List<String> texts = List.of("qui est mon député", "résultat du scrutin 3876", "bonjour",
                "comment a voté Panot sur le budget", "il y a un nid de poule");
        List<Intent> expected = texts.stream().map(t -> NLU.parse(t, null).intent()).toList();
        try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
            List<Future<List<Intent>>> results = new java.util.ArrayList<>();
            for (int k = 0; k < 8; k++) {
                results.add(pool.submit(() -> {
                    List<Intent> got = new java.util.ArrayList<>();
                    for (int r = 0; r < 50; r++) {
                        got = texts.stream().map(t -> NLU.parse(t, null).intent()).toList();
                    }
                    return got;
                }));
            }
            for (Future<List<Intent>> f : results) {
                assertThat(f.get()).isEqualTo(expected);
            }
        }
    }
}
