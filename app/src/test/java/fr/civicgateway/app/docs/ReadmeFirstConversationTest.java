package fr.civicgateway.app.docs;

import static org.assertj.core.api.Assertions.assertThat;

import fr.civicgateway.app.support.ChatClient;
import fr.civicgateway.app.support.ChatClient.BotMessage;
import fr.civicgateway.app.support.GatewayTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The README's "A first conversation" is what the gateway answers on the shipped snapshot: its curl commands are sent
 * in one conversation, as written, and each answer's text is the README's quote (line breaks aside). A new data
 * snapshot or a reworded answer fails here until the README shows what a newcomer will read.
 */
@GatewayTest
class ReadmeFirstConversationTest {

    private static final Pattern TEXT = Pattern.compile("\"text\":\"([^\"]+)\"");

    @LocalServerPort
    int port;

    @Test
    void theReadmesFirstConversationIsWhatTheGatewayAnswers() throws IOException {
        String section = section(Files.readString(repositoryRoot().resolve("README.md"), StandardCharsets.UTF_8),
                "## A first conversation");
        List<String> questions = new ArrayList<>();
        int curl = section.indexOf("```sh");
        Matcher m = TEXT.matcher(section.substring(curl, section.indexOf("```\n", curl + 5)));
        while (m.find()) {
            questions.add(m.group(1));
        }
        List<String> quotes = quotes(section);
        assertThat(questions).as("the README's curl texts").hasSize(2);
        assertThat(quotes).as("the README's quoted answers").hasSize(questions.size());

        ChatClient chat = new ChatClient(port);
        String conversation = "readme-" + UUID.randomUUID();
        for (int i = 0; i < questions.size(); i++) {
            // The README shows the embedded default's public address; the test gateway has its own (GatewayTest).
            assertThat(oneLine(chat.read(conversation, questions.get(i)))
                    .replace(GatewayTest.PUBLIC_URL + "/", "http://localhost:8080/")).as(questions.get(i))
                    .isEqualTo(quotes.get(i));
        }
    }

    @Test
    void annecyGetsAQuestionBackWithTheTwoConstituenciesAsQuickReplies() throws IOException {
        String section = section(Files.readString(repositoryRoot().resolve("README.md"), StandardCharsets.UTF_8),
                "## A first conversation");
        assertThat(oneLine(section)).contains("*« Qui est mon député ? J'habite à Annecy »* gets a question back,"
                + " because Annecy is split between two constituencies: the two are offered as quick replies");

        List<BotMessage> answer = new ChatClient(port).say("readme-" + UUID.randomUUID(),
                "Qui est mon député ? J'habite à Annecy");

        assertThat(answer).singleElement().satisfies(message -> {
            assertThat(message.text()).startsWith("Annecy est partagée entre 2 circonscriptions")
                    .contains("Laquelle est la vôtre ?");
            assertThat(message.titles()).hasSize(2);
        });
    }

    private static String section(String readme, String heading) {
        int start = readme.indexOf(heading + "\n");
        assertThat(start).as("README has %s", heading).isNotNegative();
        int end = readme.indexOf("\n## ", start + heading.length());
        return readme.substring(start, end < 0 ? readme.length() : end + 1);
    }

    /** Each run of {@code > } lines, as one line. */
    private static List<String> quotes(String section) {
        List<String> quotes = new ArrayList<>();
        StringBuilder current = null;
        for (String line : section.split("\n")) {
            if (line.startsWith("> ")) {
                current = current == null ? new StringBuilder() : current.append(' ');
                current.append(line.substring(2));
            } else if (current != null) {
                quotes.add(oneLine(current.toString()));
                current = null;
            }
        }
        if (current != null) {
            quotes.add(oneLine(current.toString()));
        }
        return quotes;
    }

    private static String oneLine(String text) {
        return text.strip().replaceAll("\\s+", " ");
    }

    private static Path repositoryRoot() {
        String property = System.getProperty("civic.repository-root");
        if (property != null && Files.isRegularFile(Path.of(property, "README.md"))) {
            return Path.of(property);
        }
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("README.md")) && Files.isDirectory(p.resolve("docs"))) {
                return p;
            }
        }
        throw new IllegalStateException("cannot find the repository root");
    }
}
