package fr.civicgateway.app;

import static org.assertj.core.api.Assertions.assertThat;

import fr.civicgateway.app.support.ChatClient;
import fr.civicgateway.app.support.ChatClient.BotMessage;
import fr.civicgateway.app.support.GatewayTest;
import java.util.UUID;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * {@code assembly_info} through {@code POST /api/v1/chat} with the trained classifier: each topic's question reaches
 * its answer and its official page; a question without a topic gets the five topics, whose buttons answer.
 */
@GatewayTest
class AssemblyInfoChatTest {

    @LocalServerPort
    int port;

    private BotMessage ask(String text, String locale) {
        return new ChatClient(port).say("test-" + UUID.randomUUID(), text, locale).getFirst();
    }

    @Test
    void eachTopicsQuestionIsAnsweredFromItsPage() {
        String[][] cases = {
                {"À quoi sert un député ?", "https://www.assemblee-nationale.fr/dyn/seance-publique"},
                {"C'est quoi un scrutin solennel ?", "les-votes-a-l-assemblee-nationale"},
                {"Explique-moi le parcours d'une loi", "le-parcours-de-la-loi"},
                {"Comment fonctionnent les QAG ?", "LEGIARTI000019241057"},
                {"Qu'est-ce qu'une motion de censure, comment ça marche ?", "article-49-alinea-2-de-la-constitution"},
                {"What is a solemn vote?", "les-votes-a-l-assemblee-nationale"},
                {"How does a bill become law?", "le-parcours-de-la-loi"},
                // a deputy intent's words, no deputy named: the notion (the rule WhatANotionIs)
                {"c'est quoi les questions au gouvernement ?", "LEGIARTI000019241057"},
                {"what is a question to the government?", "LEGIARTI000019241057"},
                {"c'est quoi un scrutin solennel ?", "les-votes-a-l-assemblee-nationale"}};
        SoftAssertions.assertSoftly(soft -> {
            for (String[] c : cases) {
                soft.assertThat(ask(c[0], null).text()).as(c[0]).contains("\nSource").endsWith(c[1]);
            }
        });
    }

    @Test
    void withoutATopicTheFiveAreOfferedAndEachButtonAnswers() {
        BotMessage list = ask("Comment fonctionne l'Assemblée ?", null);

        assertThat(list.text()).startsWith("Je peux expliquer en quelques lignes, d'après les pages officielles :");
        assertThat(list.titles()).containsExactly("La motion de censure", "Les questions au Gouvernement",
                "Scrutin ordinaire ou solennel", "Le parcours d'une loi", "Le rôle d'un député");
        SoftAssertions.assertSoftly(soft -> {
            for (String title : list.titles()) {
                soft.assertThat(ask(list.payloadOf(title), null).text()).as(title).contains("\nSource : ");
            }
        });
    }
}
