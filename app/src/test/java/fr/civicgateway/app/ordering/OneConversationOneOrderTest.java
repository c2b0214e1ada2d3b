package fr.civicgateway.app.ordering;

import fr.civicgateway.app.support.ChatClient;
import fr.civicgateway.app.support.ChatClient.BotMessage;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Messages of one web conversation sent at the same time, as a double click or two open tabs send them, over HTTP on
 * the whole gateway: they are answered one after the other, so a report is stored once and no choice is lost. The
 * clock is fixed on 2026-11-24, while the shipped consultation is open.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "civic.data.directory=${civic.repository-root}/data",
        "civic.consultations.directory=${civic.repository-root}/config/consultations",
        "CIVIC_PSEUDONYM_SECRET=a test key of sixteen bytes or more",
        "civic.web.rate-limit-burst=1000"}) // the concurrent messages are the test, not a flood
class OneConversationOneOrderTest {

    static final int AT_ONCE = 8;
    static final int CONVERSATIONS = 6;
    static final List<String> OPTIONS = List.of("La sécurité des cyclistes", "Le stationnement",
            "Les arbres et la végétation", "L'accès aux commerces", "Le bruit et la pollution");

    @TestConfiguration
    static class FixedClock {
        @Bean
        @Primary
        Clock fixedClock() {
            return Clock.fixed(Instant.parse("2026-11-24T10:00:00Z"), ZoneOffset.UTC);
        }
    }

    @LocalServerPort
    int port;
    @Autowired
    DataSource dataSource;
    ChatClient chat;
    String conversation;

    @BeforeEach
    void newConversation() {
        chat = new ChatClient(port);
        conversation = "order-" + UUID.randomUUID();
    }

    /** Sends every (conversation, text) at the same moment, each on its own request; returns each last reply. */
    private List<String> allAtOnce(List<Map.Entry<String, String>> messages) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<String>> answers = new ArrayList<>();
        try (ExecutorService senders = Executors.newFixedThreadPool(messages.size())) {
            for (Map.Entry<String, String> m : messages) {
                answers.add(senders.submit(() -> {
                    start.await();
                    return chat.say(m.getKey(), m.getValue()).getLast().text();
                }));
            }
            start.countDown();
            List<String> out = new ArrayList<>();
            for (Future<String> a : answers) {
                out.add(a.get());
            }
            return out;
        }
    }

    private void upToTheSummary() {
        chat.say(conversation, "Je veux signaler un problème");
        chat.say(conversation, "Nid-de-poule ou chaussée abîmée");
        chat.say(conversation, "12 rue Carnot, Annecy");
        chat.say(conversation, "Un trou profond au milieu de la chaussée");
        assertThat(chat.say(conversation, "non").getLast().text()).endsWith("Confirmez-vous l'envoi ?");
    }

    /** The conversation's one stored report's number; fails unless there is exactly one. */
    private long theOneReport() {
        List<Long> ids = JdbcClient.create(dataSource).sql("SELECT id FROM report WHERE conversation_key = ?")
                .param("web:" + conversation).query(Long.class).list();
        assertThat(ids).as("reports stored for the conversation").hasSize(1);
        return ids.getFirst();
    }

    private static String confirmedAgain(long id) {
        return "Votre signalement n° " + id + " est bien enregistré (une seule fois). Destinataire : ";
    }

    @Test
    void aConfirmationSentEightTimesAtOnceStoresOneReportAndEveryClickGetsItsNumber() throws Exception {
        upToTheSummary();

        List<String> replies = allAtOnce(Collections.nCopies(AT_ONCE, Map.entry(conversation, "oui")));

        long id = theOneReport();
        assertThat(replies).filteredOn(r -> r.startsWith("Merci, votre signalement n° " + id + " est enregistré.")).hasSize(1);
        assertThat(replies).filteredOn(r -> r.startsWith(confirmedAgain(id))).hasSize(AT_ONCE - 1);
    }

    @Test
    void aSecondYesAfterTheConfirmationGetsTheSameNumberAgain() {
        upToTheSummary();
        String first = chat.say(conversation, "oui").getLast().text();
        long id = theOneReport();
        assertThat(first).startsWith("Merci, votre signalement n° " + id + " est enregistré.");

        assertThat(chat.say(conversation, "oui").getLast().text()).startsWith(confirmedAgain(id))
                .endsWith("Pour suivre son état, demandez-moi « Où en est mon signalement " + id + " ? ».");
        assertThat(chat.say(conversation, "oui").getLast().text()).as("a third click").startsWith(confirmedAgain(id));
        assertThat(theOneReport()).isEqualTo(id);

        assertThat(chat.say(conversation, "Où en est mon signalement " + id + " ?").getLast().text())
                .startsWith("Le signalement n° " + id);
        assertThat(chat.say(conversation, "oui").getLast().text()).as("once the conversation has moved on")
                .doesNotStartWith("Votre signalement n° ");
    }

    @Test
    void optionsTickedAtOnceAreAllKept() throws Exception {
        List<String> conversations = new ArrayList<>();
        List<Map.Entry<String, String>> ticks = new ArrayList<>();
        for (int i = 0; i < CONVERSATIONS; i++) {
            String c = conversation + "-" + i;
            conversations.add(c);
            chat.say(c, "Je veux participer à une consultation");
            chat.say(c, "piste-cyclable-avenue-des-alpes");
            BotMessage multi = chat.say(c, "À vélo").getLast();
            assertThat(multi.text()).startsWith("Question 2/4 : Qu'est-ce qui compte le plus pour vous dans ce projet ?");
            for (String option : OPTIONS) {
                ticks.add(Map.entry(c, multi.payloadOf(option)));
            }
        }

        allAtOnce(ticks);

        for (String c : conversations) {
            assertThat(chat.say(c, "valider").getLast().text()).startsWith("Question 3/4");
            chat.say(c, "4");
            assertThat(chat.say(c, "passer").getLast().text()).as("the review of " + c)
                    .contains("2. Qu'est-ce qui compte le plus pour vous dans ce projet ? → " + String.join(", ", OPTIONS) + "\n");
        }
    }
}
