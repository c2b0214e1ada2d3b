package fr.civicgateway.core.civics;

import static org.assertj.core.api.Assertions.assertThat;

import fr.civicgateway.core.civics.AssemblyInfoHandler.Topic;
import fr.civicgateway.core.conversation.IncomingMessage;
import fr.civicgateway.core.conversation.QuickReply;
import fr.civicgateway.core.conversation.Reply;
import fr.civicgateway.core.dialogue.Answer;
import fr.civicgateway.core.dialogue.ConversationState;
import fr.civicgateway.core.dialogue.Turn;
import fr.civicgateway.core.nlu.Intent;
import fr.civicgateway.core.nlu.IntentScore;
import fr.civicgateway.core.nlu.Language;
import fr.civicgateway.core.nlu.Understanding;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code assembly_info}: one topic per question, each answer ending with its official page; no topic → the list. */
class AssemblyInfoHandlerTest {

    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    private final AssemblyInfoHandler handler = new AssemblyInfoHandler();

    private Answer ask(Language lang, String text) {
        return handler.handle(new Turn(new IncomingMessage("test", "c1", text, null, null), new Understanding(text, lang,
                List.of(new IntentScore(Intent.ASSEMBLY_INFO, 0.9)), List.of()), lang, ConversationState.start(lang, NOW), NOW));
    }

    private static String text(Answer a) {
        return ((Reply.Text) a.replies().getFirst()).text();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            à quoi sert un député ?                                   | ROLE
            quel est le rôle d'un député                              | ROLE
            what does an MP do?                                       | ROLE
            c'est quoi un scrutin solennel ?                          | VOTES
            quelle différence entre un scrutin public ordinaire et un vote solennel | VOTES
            what is a solemn vote?                                    | VOTES
            qu'est-ce que la navette parlementaire                    | LAW
            explique-moi le parcours d'une loi                        | LAW
            how does a bill become law?                               | LAW
            comment fonctionnent les QAG ?                            | QUESTIONS
            que sont les questions au Gouvernement ?                  | QUESTIONS
            what is question time?                                    | QUESTIONS
            qu'est-ce qu'une motion de censure, comment ça marche ?   | CENSURE
            c'est quoi le 49.3 ?                                      | CENSURE
            how does a motion of censure work?                        | CENSURE
            """)
    void theTopicComesFromTheQuestionsWords(String question, Topic topic) {
        assertThat(Topic.of(question)).as(question).contains(topic);
    }

    @Test
    void aQuestionWithoutATopicWordHasNone() {
        assertThat(Topic.of("comment fonctionne l'Assemblée ?")).isEqualTo(Optional.empty());
        assertThat(Topic.of("how does the Assemblée work?")).isEmpty();
    }

    @Test
    void eachTopicIsAnsweredFromItsOfficialPageAndEndsWithItsLink() {
        assertThat(text(ask(Language.FR, "à quoi sert un député ?"))).startsWith("L'initiative des lois appartient au "
                + "Gouvernement (les « projets de loi ») et aux parlementaires, députés et sénateurs (les « propositions de loi »).")
                .endsWith("\nSource : Assemblée nationale, la séance publique, https://www.assemblee-nationale.fr/dyn/seance-publique");
        assertThat(text(ask(Language.FR, "c'est quoi un scrutin solennel ?")))
                .contains("par scrutin public ordinaire", "« vote solennel » est décidé par la Conférence des présidents "
                        + "(article 65-1 du Règlement)")
                .endsWith("\nSource : Assemblée nationale, « Les votes à l'Assemblée nationale », https://www2.assemblee-"
                        + "nationale.fr/decouvrir-l-assemblee/role-et-pouvoirs-de-l-assemblee-nationale/les-fonctions-de-l-"
                        + "assemblee-nationale/les-fonctions-legislatives/les-votes-a-l-assemblee-nationale");
        assertThat(text(ask(Language.FR, "qu'est-ce que la navette ?")))
                .contains("Le texte fait la « navette » entre l'Assemblée nationale et le Sénat",
                        "commission mixte paritaire (sept députés et sept sénateurs)", "le dernier mot à l'Assemblée nationale")
                .endsWith("\nSource : Assemblée nationale, « Le parcours de la loi », https://www2.assemblee-nationale.fr/"
                        + "decouvrir-l-assemblee/folder/l-elaboration-de-la-loi/le-parcours-de-la-loi");
        assertThat(text(ask(Language.FR, "c'est quoi les QAG ?")))
                .startsWith("La Constitution (article 48) prévoit qu'« une séance par semaine au moins")
                .endsWith("\nSource : Constitution du 4 octobre 1958, article 48, sur Légifrance : "
                        + "https://www.legifrance.gouv.fr/loda/article_lc/LEGIARTI000019241057");
        assertThat(text(ask(Language.FR, "comment marche une motion de censure ?")))
                .contains("signée par un dixième au moins des membres de l'Assemblée",
                        "quarante-huit heures après son dépôt", "Seuls sont recensés les votes favorables")
                .endsWith("\nSource : Assemblée nationale, https://www.assemblee-nationale.fr/dyn/actualites-accueil-hub/"
                        + "rejet-de-deux-motions-de-censure-deposees-en-application-de-l-article-49-alinea-2-de-la-constitution");
    }

    @Test
    void answersInEnglishWithTheSameLink() {
        assertThat(text(ask(Language.EN, "what is a motion of censure?")))
                .startsWith("The Assemblée nationale calls the Government's responsibility into question by voting a motion of censure")
                .endsWith(Topic.CENSURE.url);
        assertThat(text(ask(Language.EN, "how does a bill become law?"))).contains("(the \"navette\")")
                .endsWith("Source: Assemblée nationale, \"Le parcours de la loi\", " + Topic.LAW.url);
    }

    @Test
    void withoutATopicItListsTheFiveAsButtonsWhoseQuestionsItClaimsBack() {
        Answer a = ask(Language.FR, "comment fonctionne l'Assemblée ?");

        assertThat(text(a)).isEqualTo("Je peux expliquer en quelques lignes, d'après les pages officielles : le rôle d'un "
                + "député, le scrutin public ordinaire et le scrutin solennel, le parcours d'une loi (la navette), les "
                + "questions au Gouvernement, la motion de censure. Lequel de ces sujets ?");
        List<QuickReply> buttons = ((Reply.Text) a.replies().getFirst()).quickReplies();
        assertThat(buttons).extracting(QuickReply::title).containsExactly("La motion de censure",
                "Les questions au Gouvernement", "Scrutin ordinaire ou solennel", "Le parcours d'une loi",
                "Le rôle d'un député");
        ConversationState state = ConversationState.start(Language.FR, NOW);
        for (QuickReply b : buttons) {
            assertThat(handler.claims(b.payload(), state)).as(b.payload()).isTrue();
            assertThat(text(ask(Language.FR, b.payload()))).as(b.payload()).contains("\nSource : ");
        }
        assertThat(handler.claims("comment fonctionne l'Assemblée ?", state)).isFalse();

        List<QuickReply> en = ((Reply.Text) ask(Language.EN, "how does the Assemblée work?").replies().getFirst()).quickReplies();
        assertThat(en).extracting(QuickReply::title).containsExactly("The motion of censure",
                "Questions to the Government", "Ordinary or solemn ballot", "The path of a bill", "A deputy's role");
        en.forEach(b -> assertThat(Topic.of(b.payload())).as(b.payload()).isPresent());
    }
}
