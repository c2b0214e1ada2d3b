package fr.civicgateway.core.nlu;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class LanguageDetectorTest {

    @ParameterizedTest
    @ValueSource(strings = {"bonjour", "slt", "ki est mon depute", "Qui est mon député ?", "et lui ?",
            "député du 75011", "c koi ce bot", "résultat du scrutin 3876", "Où en sont les travaux ?", "merci",
            "il y a un nid de poule devant chez moi", "stp", "", "???", "3876", "Panot", "et son groupe ?",
            "quel temps fait-il", "élu", "comment a voté Panot sur le budget",
            "suis Mathilde Panot", "ne plus suivre agriculture"})
    void recognisesFrenchIncludingOneWordAndSmsMessagesAndDefaultsToIt(String text) {
        assertThat(LanguageDetector.detect(text)).isEqualTo(Language.FR);
    }

    @ParameterizedTest
    @ValueSource(strings = {"hello there", "hi", "who is my MP?", "and her group?", "and on the budget?",
            "how did she vote on pensions", "what's new?", "thanks", "what can you do", "I live in Annecy",
            "there's a pothole outside my house", "tell me a joke", "does he vote often?", "result of ballot 3876",
            "follow Mathilde Panot", "unfollow agriculture", "unfollow Gabriel Attal"})
    void recognisesEnglish(String text) {
        assertThat(LanguageDetector.detect(text)).isEqualTo(Language.EN);
    }
}
