package fr.civicgateway.core.dialogue;

import fr.civicgateway.core.nlu.EntityMention;
import fr.civicgateway.core.nlu.EntityType;
import fr.civicgateway.core.nlu.Intent;
import fr.civicgateway.core.nlu.IntentScore;
import fr.civicgateway.core.nlu.Language;
import fr.civicgateway.core.nlu.Understanding;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Each of the dialogue's decision rules on its own, then their order. */
class DecisionRulesTest {

    private static final ConversationState NEW = ConversationState.start(Language.FR, Instant.EPOCH);
    private static final String VALLAUD = "PA720892";

    private static DecisionRules.Facts facts(String text, Intent intent, double confidence, ConversationState state,
                                             EntityMention... entities) {
        return new DecisionRules.Facts(new Understanding(text, Language.FR, List.of(new IntentScore(intent, confidence),
                new IntentScore(Intent.OUT_OF_SCOPE, 1 - confidence)), List.of(entities)), state, text);
    }

    private static EntityMention mention(String whole, String text, EntityType type, String value) {
        int start = whole.indexOf(text);
        return new EntityMention(type, value, text, start, start + text.length());
    }

    private static final Optional<Intent> PASSES = Optional.empty();

    @Nested
    class AnotherSubjectIsOutOfScope {
        final DecisionRules.Rule rule = new DecisionRules.AnotherSubjectIsOutOfScope();

        @Test
        void aDeputysPayWithNoDeputyNamedIsOutOfScope() {
            for (String text : List.of("how much does an MP earn?", "combien gagne un député ?",
                    "what is the pay of an MP?", "what are an MP's expenses?")) {
                assertThat(rule.decide(facts(text, Intent.REPRESENTATIVE_ATTENDANCE, 0.72, NEW))).as(text)
                        .contains(Intent.OUT_OF_SCOPE);
            }
            for (String text : List.of("Combien gagne Mathilde Panot ?", "How much does Mathilde Panot earn?",
                    "Quelle est l'indemnité de Mathilde Panot ?")) {
                assertThat(rule.decide(facts(text, Intent.REPRESENTATIVE_INTERESTS, 0.9, NEW,
                        mention(text, "Mathilde Panot", EntityType.DEPUTY, "PA720892")))).as(text)
                        .contains(Intent.OUT_OF_SCOPE);
            }
            String named = "how much does Mathilde Panot earn besides the mandate?";
            assertThat(rule.decide(facts(named, Intent.REPRESENTATIVE_INTERESTS, 0.9, NEW,
                    mention(named, "Mathilde Panot", EntityType.DEPUTY, "PA720892")))).isEqualTo(PASSES);
        }

        @Test
        void theMayorIsNoDeputyQuestion() {
            String text = "Qui est le maire de Paris ?";
            assertThat(rule.decide(facts(text, Intent.FIND_REPRESENTATIVE, 0.9, NEW,
                    mention(text, "Paris", EntityType.COMMUNE, "75056")))).contains(Intent.OUT_OF_SCOPE);
        }

        @Test
        void passesOnADeputyQuestion() {
            String text = "Qui est mon député ?";
            assertThat(rule.decide(facts(text, Intent.FIND_REPRESENTATIVE, 0.9, NEW))).isEqualTo(PASSES);
        }
    }

    @Nested
    class TheQuestionBesideThePlace {
        final DecisionRules.Rule rule = new DecisionRules.TheQuestionBesideThePlace();
        final String text = "Comment contacter mon député ? J'habite à Tulle";
        final EntityMention tulle = mention(text, "Tulle", EntityType.COMMUNE, "19272");

        private DecisionRules.Facts beside(Intent classified, Intent besideIntent, double confidence, EntityMention... e) {
            Understanding u = new Understanding(text, Language.FR, List.of(new IntentScore(classified, 1.0)), List.of(e));
            Understanding read = new Understanding("Comment contacter mon député ?", Language.FR,
                    List.of(new IntentScore(besideIntent, confidence)), List.of());
            return new DecisionRules.Facts(u, NEW, text, read);
        }

        @Test
        void theQuestionAskedOfTheDeputyWinsOverFindingThem() {
            assertThat(rule.decide(beside(Intent.FIND_REPRESENTATIVE, Intent.CONTACT_REPRESENTATIVE, 0.99, tulle)))
                    .contains(Intent.CONTACT_REPRESENTATIVE);
            assertThat(rule.decide(beside(Intent.FIND_REPRESENTATIVE, Intent.REPRESENTATIVE_ATTENDANCE, 0.6, tulle)))
                    .contains(Intent.REPRESENTATIVE_ATTENDANCE);
        }

        @Test
        void whoTheDeputyIsStaysFindingThemAndAnUnsureReadingPasses() {
            assertThat(rule.decide(beside(Intent.FIND_REPRESENTATIVE, Intent.REPRESENTATIVE_PROFILE, 0.99, tulle)))
                    .isEqualTo(PASSES);
            assertThat(rule.decide(beside(Intent.FIND_REPRESENTATIVE, Intent.FIND_REPRESENTATIVE, 0.99, tulle)))
                    .isEqualTo(PASSES);
            assertThat(rule.decide(beside(Intent.FIND_REPRESENTATIVE, Intent.CONTACT_REPRESENTATIVE, 0.4, tulle)))
                    .isEqualTo(PASSES);
            assertThat(rule.decide(beside(Intent.FIND_REPRESENTATIVE, Intent.AGENDA, 0.99, tulle))).isEqualTo(PASSES);
        }

        @Test
        void passesWithoutAPlaceWithADeputyOrWhenTheClassifierFoundAnotherIntent() {
            assertThat(rule.decide(beside(Intent.FIND_REPRESENTATIVE, Intent.CONTACT_REPRESENTATIVE, 0.99)))
                    .isEqualTo(PASSES);
            assertThat(rule.decide(beside(Intent.FIND_REPRESENTATIVE, Intent.CONTACT_REPRESENTATIVE, 0.99, tulle,
                    mention(text, "Comment", EntityType.DEPUTY, VALLAUD)))).isEqualTo(PASSES);
            assertThat(rule.decide(beside(Intent.LOCAL_NEWS, Intent.CONTACT_REPRESENTATIVE, 0.99, tulle)))
                    .isEqualTo(PASSES);
            assertThat(rule.decide(facts(text, Intent.FIND_REPRESENTATIVE, 1.0, NEW, tulle))).isEqualTo(PASSES);
        }
    }

    @Nested
    class AnswersTheOpenQuestion {
        final DecisionRules.Rule rule = new DecisionRules.AnswersTheOpenQuestion();

        @Test
        void aBarePlaceAnswersWhereDoYouLive() {
            String text = "Annecy";
            var f = facts(text, Intent.OUT_OF_SCOPE, 0.5, NEW.withPendingIntent(Intent.REPRESENTATIVE_ATTENDANCE),
                    mention(text, "Annecy", EntityType.COMMUNE, "74010"));
            assertThat(rule.decide(f)).contains(Intent.FIND_REPRESENTATIVE);
        }

        @Test
        void aBareNameAnswersTheQuestionWaitingForIt() {
            String text = "Boris Vallaud";
            var f = facts(text, Intent.GREET, 0.4, NEW.withPendingIntent(Intent.REPRESENTATIVE_VOTES),
                    mention(text, text, EntityType.DEPUTY, VALLAUD));
            assertThat(rule.decide(f)).contains(Intent.REPRESENTATIVE_VOTES);
            var afterWhichDeputy = facts(text, Intent.GREET, 0.4, NEW.withPendingIntent(Intent.FIND_REPRESENTATIVE),
                    mention(text, text, EntityType.DEPUTY, VALLAUD));
            assertThat(rule.decide(afterWhichDeputy)).contains(Intent.REPRESENTATIVE_PROFILE);
        }

        @Test
        void aScrutinAnswersWhichVote() {
            String text = "le 3700";
            var f = facts(text, Intent.OUT_OF_SCOPE, 0.5, NEW.withPendingIntent(Intent.VOTE_RESULT),
                    mention(text, "3700", EntityType.SCRUTIN, "3700"));
            assertThat(rule.decide(f)).contains(Intent.VOTE_RESULT);
        }

        @Test
        void passesWithoutAnOpenQuestion() {
            String text = "Annecy";
            assertThat(rule.decide(facts(text, Intent.OUT_OF_SCOPE, 0.5, NEW,
                    mention(text, "Annecy", EntityType.COMMUNE, "74010")))).isEqualTo(PASSES);
        }
    }

    @Nested
    class DeputyAndScrutinMeanTheirVote {
        final DecisionRules.Rule rule = new DecisionRules.DeputyAndScrutinMeanTheirVote();

        @Test
        void aDeputyAndAScrutinTogetherAreTheirVote() {
            String text = "Résultat du scrutin 3700 pour Boris Vallaud";
            var f = facts(text, Intent.VOTE_RESULT, 0.8, NEW, mention(text, "3700", EntityType.SCRUTIN, "3700"),
                    mention(text, "Boris Vallaud", EntityType.DEPUTY, VALLAUD));
            assertThat(rule.decide(f)).contains(Intent.REPRESENTATIVE_VOTES);
        }

        @Test
        void passesOnAScrutinAlone() {
            String text = "Résultat du scrutin 3700";
            assertThat(rule.decide(facts(text, Intent.VOTE_RESULT, 0.8, NEW,
                    mention(text, "3700", EntityType.SCRUTIN, "3700")))).isEqualTo(PASSES);
        }
    }

    @Nested
    class DeputyAfterAScrutin {
        final DecisionRules.Rule rule = new DecisionRules.DeputyAfterAScrutin();

        @Test
        void etBorisVallaudAfterAScrutinIsHisVoteOnIt() {
            String text = "et Boris Vallaud ?";
            ConversationState afterResult = NEW.withScrutin(3700).withLastIntent(Intent.VOTE_RESULT);
            var f = facts(text, Intent.REPRESENTATIVE_PROFILE, 0.6, afterResult,
                    mention(text, "Boris Vallaud", EntityType.DEPUTY, VALLAUD));
            assertThat(rule.decide(f)).contains(Intent.REPRESENTATIVE_VOTES);
        }

        @Test
        void passesWithoutAScrutinInTheConversation() {
            String text = "et Boris Vallaud ?";
            assertThat(rule.decide(facts(text, Intent.REPRESENTATIVE_PROFILE, 0.6, NEW,
                    mention(text, "Boris Vallaud", EntityType.DEPUTY, VALLAUD)))).isEqualTo(PASSES);
        }
    }

    @Nested
    class DeputysLatestVotes {
        final DecisionRules.Rule rule = new DecisionRules.DeputysLatestVotes();

        @Test
        void voteWordsAndADeputyAskForTheirLatestVotes() {
            String text = "Montre-moi les votes de Boris Vallaud";
            var f = facts(text, Intent.PARLIAMENT_ACTIVITY, 0.6, NEW,
                    mention(text, "Boris Vallaud", EntityType.DEPUTY, VALLAUD));
            assertThat(rule.decide(f)).contains(Intent.REPRESENTATIVE_VOTES);
        }

        @Test
        void passesWithoutADeputy() {
            String text = "Montre-moi les derniers votes";
            assertThat(rule.decide(facts(text, Intent.PARLIAMENT_ACTIVITY, 0.6, NEW))).isEqualTo(PASSES);
        }
    }

    @Nested
    class ScrutinAfterADeputysVote {
        final DecisionRules.Rule rule = new DecisionRules.ScrutinAfterADeputysVote();

        @Test
        void etSurLeScrutinContinuesTheDeputysVotes() {
            String text = "et sur le scrutin 3701 ?";
            ConversationState afterVote = NEW.withDeputy(VALLAUD).withLastIntent(Intent.REPRESENTATIVE_VOTES);
            var f = facts(text, Intent.VOTE_RESULT, 0.8, afterVote, mention(text, "3701", EntityType.SCRUTIN, "3701"));
            assertThat(rule.decide(f)).contains(Intent.REPRESENTATIVE_VOTES);
        }

        @Test
        void passesWhenItIsNoFollowUp() {
            String text = "Le scrutin 3701 ?";
            ConversationState afterVote = NEW.withDeputy(VALLAUD).withLastIntent(Intent.REPRESENTATIVE_VOTES);
            assertThat(rule.decide(facts(text, Intent.VOTE_RESULT, 0.8, afterVote,
                    mention(text, "3701", EntityType.SCRUTIN, "3701")))).isEqualTo(PASSES);
        }
    }

    @Nested
    class BareReportNumber {
        final DecisionRules.Rule rule = new DecisionRules.BareReportNumber();

        @Test
        void aReportNumberAloneAsksWhereItStands() {
            String text = "signalement 42";
            assertThat(rule.decide(facts(text, Intent.OUT_OF_SCOPE, 0.5, NEW,
                    mention(text, "signalement 42", EntityType.REPORT, "42")))).contains(Intent.REPORT_STATUS);
        }

        @Test
        void passesWhenTheClassifierIsSureOfAnotherIntent() {
            String text = "signalement 42";
            assertThat(rule.decide(facts(text, Intent.REPORT_PROBLEM, 0.9, NEW,
                    mention(text, "signalement 42", EntityType.REPORT, "42")))).isEqualTo(PASSES);
        }
    }

    @Nested
    class WhatANotionIs {
        final DecisionRules.Rule rule = new DecisionRules.WhatANotionIs();

        @Test
        void aDefinitionWithoutADeputyIsHowTheAssembleeWorks() {
            for (String text : List.of("c'est quoi les questions au gouvernement ?",
                    "what is a question to the government?", "qu'est-ce qu'une question écrite ?",
                    "les questions au gouvernement, c'est quoi ?", "que sont les amendements ?")) {
                assertThat(rule.decide(facts(text, Intent.REPRESENTATIVE_QUESTIONS, 0.55, NEW))).as(text)
                        .contains(Intent.ASSEMBLY_INFO);
            }
        }

        @Test
        void passesWhenADeputyIsNamedOrPointedAt() {
            String named = "c'est quoi les questions au gouvernement de Mathilde Panot ?";
            assertThat(rule.decide(facts(named, Intent.REPRESENTATIVE_QUESTIONS, 0.9, NEW,
                    mention(named, "Mathilde Panot", EntityType.DEPUTY, "PA720892")))).isEqualTo(PASSES);
            assertThat(rule.decide(facts("c'est quoi ses questions au gouvernement ?", Intent.REPRESENTATIVE_QUESTIONS,
                    0.9, NEW))).isEqualTo(PASSES);
            assertThat(rule.decide(facts("what is my MP's attendance?", Intent.REPRESENTATIVE_ATTENDANCE, 0.9, NEW)))
                    .isEqualTo(PASSES);
            assertThat(rule.decide(facts("quelles questions a posé Panot ?", Intent.REPRESENTATIVE_QUESTIONS, 0.9, NEW)))
                    .as("no definition asked").isEqualTo(PASSES);
            assertThat(rule.decide(facts("c'est quoi l'ordre du jour ?", Intent.AGENDA, 0.9, NEW)))
                    .as("not a deputy intent").isEqualTo(PASSES);
        }
    }

    @Nested
    class BarePlaceOrName {
        final DecisionRules.Rule rule = new DecisionRules.BarePlaceOrName();

        @Test
        void aBarePlaceAsksForItsDeputyAndABareNameWhoTheyAre() {
            String place = "Annecy";
            assertThat(rule.decide(facts(place, Intent.OUT_OF_SCOPE, 0.5, NEW,
                    mention(place, place, EntityType.COMMUNE, "74010")))).contains(Intent.FIND_REPRESENTATIVE);
            String name = "Boris Vallaud";
            assertThat(rule.decide(facts(name, Intent.GREET, 0.5, NEW,
                    mention(name, name, EntityType.DEPUTY, VALLAUD)))).contains(Intent.REPRESENTATIVE_PROFILE);
        }

        @Test
        void passesWhenTheClassifierIsSure() {
            String place = "Quels travaux à Annecy ?";
            assertThat(rule.decide(facts(place, Intent.LOCAL_PROJECTS, 0.9, NEW,
                    mention(place, "Annecy", EntityType.COMMUNE, "74010")))).isEqualTo(PASSES);
        }
    }

    @Nested
    class NotUnderstood {
        final DecisionRules.Rule rule = new DecisionRules.NotUnderstood();

        @Test
        void anUnsureGuessNamingNothingIsOutOfScope() {
            assertThat(rule.decide(facts("blabla truc", Intent.HELP, 0.2, NEW))).contains(Intent.OUT_OF_SCOPE);
        }

        @Test
        void passesWhenSomethingIsNamedOrTheGuessIsSure() {
            assertThat(rule.decide(facts("aide", Intent.HELP, 0.9, NEW))).isEqualTo(PASSES);
            String text = "Annecy";
            assertThat(rule.decide(facts(text, Intent.OUT_OF_SCOPE, 0.2, NEW,
                    mention(text, text, EntityType.COMMUNE, "74010")))).isEqualTo(PASSES);
        }

        @Test
        void aDayIsNothingTheBotKnows() {
            String text = "Quel temps fera-t-il demain ?";
            assertThat(rule.decide(facts(text, Intent.LOCAL_NEWS, 0.2, NEW,
                    mention(text, "demain", EntityType.DATE, "2026-12-08")))).contains(Intent.OUT_OF_SCOPE);
        }
    }

    @Nested
    class DayAfterTheAgenda {
        final DecisionRules.Rule rule = new DecisionRules.DayAfterTheAgenda();

        @Test
        void aBareDayAfterTheAgendaAsksThatDaysAgenda() {
            String text = "et le 16 avril ?";
            assertThat(rule.decide(facts(text, Intent.VOTE_RESULT, 0.6, NEW.withLastIntent(Intent.AGENDA),
                    mention(text, "16 avril", EntityType.DATE, "2026-04-16")))).contains(Intent.AGENDA);
        }

        @Test
        void passesElsewhereOrOnAnotherQuestion() {
            String text = "et le 16 avril ?";
            assertThat(rule.decide(facts(text, Intent.VOTE_RESULT, 0.6, NEW.withLastIntent(Intent.VOTE_RESULT),
                    mention(text, "16 avril", EntityType.DATE, "2026-04-16")))).isEqualTo(PASSES);
            String other = "comment a voté Boris Vallaud le 16 avril ?";
            assertThat(rule.decide(facts(other, Intent.REPRESENTATIVE_VOTES, 0.9, NEW.withLastIntent(Intent.AGENDA),
                    mention(other, "Boris Vallaud", EntityType.DEPUTY, VALLAUD),
                    mention(other, "16 avril", EntityType.DATE, "2026-04-16")))).isEqualTo(PASSES);
        }
    }

    @Nested
    class ABillTextsNumber {
        final DecisionRules.Rule rule = new DecisionRules.ABillTextsNumber();

        @Test
        void aTextWordBeforeANumberAsksWhereTheBillStandsWhateverTheClassifierSaid() {
            assertThat(rule.decide(facts("le texte n° 482", Intent.VOTE_RESULT, 0.9, NEW))).contains(Intent.BILL_STATUS);
            assertThat(rule.decide(facts("texte 482", Intent.HELP, 0.3, NEW))).contains(Intent.BILL_STATUS);
            assertThat(rule.decide(facts("la proposition de loi organique n° 12 ?", Intent.OUT_OF_SCOPE, 0.2, NEW)))
                    .contains(Intent.BILL_STATUS);
            assertThat(rule.decide(facts("bill no. 482", Intent.VOTE_RESULT, 0.6, NEW))).contains(Intent.BILL_STATUS);
        }

        @Test
        void passesOnAScrutinsTextOrADeputysVote() {
            String scrutin = "et le texte du scrutin 3876 ?";
            assertThat(rule.decide(facts(scrutin, Intent.BILL_STATUS, 0.9, NEW,
                    mention(scrutin, "3876", EntityType.SCRUTIN, "3876")))).isEqualTo(PASSES);
            assertThat(rule.decide(facts("le scrutin n° 482", Intent.VOTE_RESULT, 0.9, NEW))).isEqualTo(PASSES);
            String vote = "Boris Vallaud a voté le texte 482 ?";
            assertThat(rule.decide(facts(vote, Intent.REPRESENTATIVE_VOTES, 0.9, NEW,
                    mention(vote, "Boris Vallaud", EntityType.DEPUTY, VALLAUD)))).isEqualTo(PASSES);
        }
    }

    @Nested
    class FollowUpKeepsTheQuestion {
        final DecisionRules.Rule rule = new DecisionRules.FollowUpKeepsTheQuestion();
        final ConversationState afterParticipation = NEW.withDeputy(VALLAUD)
                .withLastIntent(Intent.REPRESENTATIVE_ATTENDANCE);

        @Test
        void anotherDeputyAloneAfterAnAnswerAboutADeputyAsksTheSameQuestion() {
            String text = "et Marine Le Pen ?";
            assertThat(rule.decide(facts(text, Intent.REPRESENTATIVE_PROFILE, 0.6, afterParticipation,
                    mention(text, "Marine Le Pen", EntityType.DEPUTY, "PA1")))).contains(Intent.REPRESENTATIVE_ATTENDANCE);
            String place = "et à Brive-la-Gaillarde ?";
            assertThat(rule.decide(facts(place, Intent.FIND_REPRESENTATIVE, 0.6, afterParticipation,
                    mention(place, "Brive-la-Gaillarde", EntityType.COMMUNE, "19031"))))
                    .contains(Intent.REPRESENTATIVE_ATTENDANCE);
        }

        @Test
        void passesOnAQuestionOfItsOwnAFollowAndAnotherSubject() {
            String own = "Qui est Marine Le Pen ?";
            assertThat(rule.decide(facts(own, Intent.REPRESENTATIVE_PROFILE, 0.9, afterParticipation,
                    mention(own, "Marine Le Pen", EntityType.DEPUTY, "PA1")))).isEqualTo(PASSES);
            String worded = "et Marine Le Pen, combien de questions ?";
            assertThat(rule.decide(facts(worded, Intent.REPRESENTATIVE_QUESTIONS, 0.9, afterParticipation,
                    mention(worded, "Marine Le Pen", EntityType.DEPUTY, "PA1")))).isEqualTo(PASSES);
            String text = "et Marine Le Pen ?";
            assertThat(rule.decide(facts(text, Intent.FOLLOW, 0.6, NEW.withLastIntent(Intent.FOLLOW),
                    mention(text, "Marine Le Pen", EntityType.DEPUTY, "PA1")))).isEqualTo(PASSES);
            assertThat(rule.decide(facts(text, Intent.REPRESENTATIVE_PROFILE, 0.6, NEW,
                    mention(text, "Marine Le Pen", EntityType.DEPUTY, "PA1")))).isEqualTo(PASSES);
            String none = "et alors ?";
            assertThat(rule.decide(facts(none, Intent.OUT_OF_SCOPE, 0.6, afterParticipation))).isEqualTo(PASSES);
        }
    }

    @Nested
    class AnotherGroupsCohesion {
        final DecisionRules.Rule rule = new DecisionRules.AnotherGroupsCohesion();
        final ConversationState afterCohesion = NEW.withLastIntent(Intent.REPRESENTATIVE_VOTES)
                .withLastAspect(fr.civicgateway.core.votes.RepresentativeVotesHandler.COHESION);

        @Test
        void aGroupsFollowUpAfterACohesionAsksThatGroupsCohesion() {
            String text = "et le RN ?";
            assertThat(rule.decide(facts(text, Intent.OUT_OF_SCOPE, 0.3, afterCohesion,
                    mention(text, "RN", EntityType.GROUP, "PO1")))).contains(Intent.REPRESENTATIVE_VOTES);
        }

        @Test
        void passesAfterAnotherAnswerOrWithMoreThanTheGroup() {
            String text = "et le RN ?";
            assertThat(rule.decide(facts(text, Intent.OUT_OF_SCOPE, 0.3, NEW.withLastIntent(Intent.REPRESENTATIVE_VOTES),
                    mention(text, "RN", EntityType.GROUP, "PO1")))).isEqualTo(PASSES);
            String more = "et le RN sur le budget ?";
            assertThat(rule.decide(facts(more, Intent.OUT_OF_SCOPE, 0.3, afterCohesion,
                    mention(more, "RN", EntityType.GROUP, "PO1")))).isEqualTo(PASSES);
        }
    }

    @Nested
    class AnUnknownReplyToTheOpenQuestion {
        final DecisionRules.Rule rule = new DecisionRules.AnUnknownReplyToTheOpenQuestion();
        final ConversationState waiting = NEW.withPendingIntent(Intent.REPRESENTATIVE_ATTENDANCE);

        @Test
        void anUnknownPostcodeOrAVeryShortNameWhileAPlaceIsAwaitedGoesToFindingTheDeputy() {
            ConversationState town = NEW.withPendingIntent(Intent.FIND_REPRESENTATIVE);
            assertThat(rule.decide(facts("99999", Intent.OUT_OF_SCOPE, 0.8, town))).contains(Intent.FIND_REPRESENTATIVE);
            assertThat(rule.decide(facts("Y", Intent.GREET, 0.9, town))).contains(Intent.FIND_REPRESENTATIVE);
            assertThat(rule.decide(facts("Eu", Intent.GREET, 0.9, town))).contains(Intent.FIND_REPRESENTATIVE);
            assertThat(rule.decide(facts("Y", Intent.GREET, 0.9, NEW))).isEqualTo(PASSES);
            assertThat(rule.decide(facts("Salut", Intent.GREET, 0.9, town))).isEqualTo(PASSES);
        }

        @Test
        void aBareUnknownNameWhileAPlaceIsAwaitedGoesToFindingTheDeputy() {
            assertThat(rule.decide(facts("Trifouillis-les-Oies", Intent.OUT_OF_SCOPE, 0.8, waiting)))
                    .contains(Intent.FIND_REPRESENTATIVE);
            assertThat(rule.decide(facts("Saint Truc", Intent.OUT_OF_SCOPE, 0.8,
                    NEW.withPendingIntent(Intent.FIND_REPRESENTATIVE)))).contains(Intent.FIND_REPRESENTATIVE);
        }

        @Test
        void passesOnOrdinaryWordsQuestionsAndWhenNothingWaits() {
            for (String text : List.of("merci", "ok", "non", "Comment ça marche ?", "Je ne sais pas où j'habite moi", "Annuler", "Laisse tomber",
                    "75000 et quelques")) {
                assertThat(rule.decide(facts(text, Intent.OUT_OF_SCOPE, 0.8, waiting))).as(text).isEqualTo(PASSES);
            }
            assertThat(rule.decide(facts("Trifouillis-les-Oies", Intent.OUT_OF_SCOPE, 0.8, NEW))).isEqualTo(PASSES);
            assertThat(rule.decide(facts("Bonjour", Intent.GREET, 0.9, waiting))).isEqualTo(PASSES);
        }
    }

    @Test
    void theRulesAreTriedInOrderAndAnIntentTheyDoNotKnowPassesThemAll() {
        assertThat(DecisionRules.ORDERED).extracting(r -> r.getClass().getSimpleName()).containsExactly(
                "AnotherSubjectIsOutOfScope", "TheQuestionBesideThePlace", "AnswersTheOpenQuestion",
                "AnUnknownReplyToTheOpenQuestion", "ABillTextsNumber", "DeputyAndScrutinMeanTheirVote",
                "DeputyAfterAScrutin", "FollowUpKeepsTheQuestion", "AnotherGroupsCohesion", "DeputysLatestVotes", "ScrutinAfterADeputysVote", "BareReportNumber",
                "BarePlaceOrName", "WhatANotionIs", "DayAfterTheAgenda", "NotUnderstood");
        Intent weather = Intent.named("weather_forecast");
        String text = "Quel temps fera-t-il demain ?";
        assertThat(DecisionRules.decide(facts(text, weather, 0.9, NEW))).isEqualTo(weather);
    }
}
