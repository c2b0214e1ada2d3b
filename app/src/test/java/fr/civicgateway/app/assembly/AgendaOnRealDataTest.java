package fr.civicgateway.app.assembly;

import static org.assertj.core.api.Assertions.assertThat;

import fr.civicgateway.app.support.ChatClient;
import fr.civicgateway.app.support.ChatClient.BotMessage;
import fr.civicgateway.core.answer.MethodLinks;
import fr.civicgateway.core.assembly.AgendaHandler;
import fr.civicgateway.core.conversation.IncomingMessage;
import fr.civicgateway.core.conversation.Reply;
import fr.civicgateway.core.dialogue.ConversationState;
import fr.civicgateway.core.dialogue.Turn;
import fr.civicgateway.core.nlu.Intent;
import fr.civicgateway.core.nlu.IntentScore;
import fr.civicgateway.core.nlu.Language;
import fr.civicgateway.core.nlu.Understanding;
import fr.civicgateway.core.parliament.work.AssemblyWork;
import fr.civicgateway.opendata.testing.ShippedData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code agenda} asked through {@code POST /api/v1/chat} on the shipped agenda ({@code Agenda_L17/Agenda.json.zip}),
 * the clock fixed on Monday 20 April 2026 at noon in Paris: each day's answer is compared with a naive reading of the
 * JSON done here (the Assemblée's séances publiques of that day, not cancelled, their points not withdrawn).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"civic.data.directory=${civic.repository-root}/data",
                "civic.local.directory=${civic.repository-root}/config/adapters",
                "civic.local.base-directory=${civic.repository-root}",
                "civic.web.rate-limit-burst=1000"})
class AgendaOnRealDataTest {

    static final Instant NOW = Instant.parse("2026-04-20T10:00:00Z");
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @TestConfiguration
    static class FixedClock {
        @Bean
        @Primary
        Clock fixedClock() {
            return Clock.fixed(NOW, ZoneOffset.UTC);
        }
    }

    /** A séance publique as the raw JSON gives it. */
    record Raw(LocalDateTime start, String state, List<String> points) {
    }

    private static List<Raw> naive;

    @LocalServerPort
    int port;

    @Autowired
    AssemblyWork work;

    @BeforeAll
    static void readTheRawAgenda() throws IOException {
        naive = new ArrayList<>();
        var json = JsonMapper.builder().build();
        try (ZipFile zip = new ZipFile(ShippedData.assembleeDir().resolve("Agenda_L17/Agenda.json.zip").toFile())) {
            for (ZipEntry e : Collections.list(zip.entries())) {
                if (!e.getName().endsWith(".json")) {
                    continue;
                }
                JsonNode r = json.readTree(new String(zip.getInputStream(e).readAllBytes(), StandardCharsets.UTF_8))
                        .get("reunion");
                String state = str(r.path("cycleDeVie").path("etat"));
                if (!"seance_type".equals(str(r.path("@xsi:type")))
                        || !"PO838901".equals(str(r.path("organeReuniRef")))
                        || state.equals("Annulé") || state.equals("Supprimé")) {
                    continue;
                }
                List<String> points = new ArrayList<>();
                JsonNode p = r.path("ODJ").path("pointsODJ").path("pointODJ");
                for (JsonNode point : p.isArray() ? p : List.of(p)) {
                    String pointState = str(point.path("cycleDeVie").path("etat"));
                    if (!point.isMissingNode() && !point.isNull() && !pointState.equals("Annulé")
                            && !pointState.equals("Supprimé")) {
                        points.add(str(point.path("objet")).strip());
                    }
                }
                naive.add(new Raw(OffsetDateTime.parse(str(r.path("timeStampDebut")))
                        .atZoneSameInstant(PARIS).toLocalDateTime(), state, points));
            }
        }
        naive.sort(Comparator.comparing(Raw::start));
    }

    private static String str(JsonNode n) {
        return n == null || n.isMissingNode() || n.isNull() || !n.isValueNode() ? "" : n.asString();
    }

    private static List<Raw> on(LocalDate day) {
        return naive.stream().filter(s -> s.start().toLocalDate().equals(day)).toList();
    }

    /** What the answer says of these sittings, computed from the raw JSON: hour line, then the first four points. */
    private static String expectedSittings(List<Raw> sittings, boolean withDay) {
        StringBuilder out = new StringBuilder();
        for (Raw s : sittings) {
            String time = s.start().getMinute() == 0 ? s.start().getHour() + " h"
                    : s.start().getHour() + " h " + String.format("%02d", s.start().getMinute());
            out.append(withDay ? "• " + frenchDay(s.start().toLocalDate()) + " à " + time + " :"
                    : "• Séance de " + time + " :").append('\n');
            if (s.points().isEmpty()) {
                out.append("   – ordre du jour non encore publié\n");
            }
            for (int k = 0; k < Math.min(4, s.points().size()); k++) {
                out.append("   – ").append(s.points().get(k)).append('\n');
            }
            int more = s.points().size() - 4;
            if (more > 0) {
                out.append("   – et ").append(more).append(more == 1 ? " autre point" : " autres points").append('\n');
            }
        }
        return out.toString();
    }

    private static String frenchDay(LocalDate d) {
        String s = d.format(DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.FRENCH));
        return d.getDayOfMonth() == 1 ? s.replaceFirst(" 1 ", " 1er ") : s;
    }

    private List<BotMessage> say(String text) {
        return new ChatClient(port).say("agenda-" + UUID.randomUUID(), text);
    }

    @Test
    void aDayWithTwoSittingsIsTheRawAgendaOfThatDay() {
        LocalDate day = LocalDate.of(2026, 4, 15);
        List<Raw> sittings = on(day);
        assertThat(sittings).as("the naive reading").hasSize(2);
        BotMessage a = say("Qu'y avait-il à l'ordre du jour le 15 avril ?").getFirst();
        assertThat(a.text()).startsWith("Le mercredi 15 avril 2026, l'Assemblée a tenu 2 séances publiques :\n"
                + expectedSittings(sittings, false) + "Source : Assemblée nationale, agenda, "
                + "https://www.assemblee-nationale.fr/dyn/agenda (données au ");
        assertThat(a.text()).contains("Méthode an-agenda-1");
        assertThat(a.titles()).contains("Où en est le texte « " + work.dossier("DLR5L17N53284").orElseThrow().title()
                + " » ?");
    }

    @Test
    void aBareDayAfterTheAgendaIsThatDaysAgenda() {
        String conversation = "agenda-" + UUID.randomUUID();
        ChatClient chat = new ChatClient(port);
        chat.say(conversation, "Qu'y avait-il à l'ordre du jour le 15 avril ?");
        List<Raw> sittings = on(LocalDate.of(2026, 4, 16));
        assertThat(chat.say(conversation, "et le 16 avril ?").getFirst().text()).startsWith("Le jeudi 16 avril 2026, "
                + "l'Assemblée a tenu " + sittings.size() + " séances publiques :\n" + expectedSittings(sittings, false));
    }

    @Test
    void aDayNumberAloneTheEveAndTheMorrowAfterTheAgendaAreAroundTheDayItWasAbout() {
        String conversation = "agenda-" + UUID.randomUUID();
        ChatClient chat = new ChatClient(port);
        chat.say(conversation, "Qu'y avait-il à l'ordre du jour le 15 avril ?");
        assertThat(chat.say(conversation, "et le 16 ?").getFirst().text()).startsWith("Le jeudi 16 avril 2026, "
                + "l'Assemblée a tenu " + on(LocalDate.of(2026, 4, 16)).size() + " séances publiques :\n");
        assertThat(chat.say(conversation, "et la veille ?").getFirst().text()).as("the eve of the 16th")
                .contains("mercredi 15 avril 2026");
        assertThat(chat.say(conversation, "et le lendemain ?").getFirst().text()).contains("jeudi 16 avril 2026");
        String english = "agenda-" + UUID.randomUUID();
        chat.say(english, "What was on the agenda on 15 April?");
        assertThat(chat.say(english, "and on 16 April?").getFirst().text()).contains("Thursday 16 April 2026");
        assertThat(chat.say(english, "and the day before?").getFirst().text()).contains("Wednesday 15 April 2026");
        assertThat(chat.say(english, "the next day?").getFirst().text()).contains("Thursday 16 April 2026");
    }

    @Test
    void severalDaysWrittenInSeveralWaysAreTheirRawAgendas() {
        record Asked(String text, LocalDate day) {
        }
        for (Asked q : List.of(new Asked("what was on the agenda last Tuesday", LocalDate.of(2026, 4, 14)),
                new Asked("Quel était l'ordre du jour de l'Assemblée le 9 avril 2026 ?", LocalDate.of(2026, 4, 9)),
                new Asked("ordre du jour du 16/04/2026", LocalDate.of(2026, 4, 16)),
                new Asked("Qu'y avait-il à l'ordre du jour le 24 octobre 2024 ?", LocalDate.of(2024, 10, 24)))) {
            List<Raw> sittings = on(q.day());
            assertThat(sittings).as("the naive reading of %s", q.day()).isNotEmpty();
            String a = say(q.text()).getFirst().text();
            if (q.text().startsWith("what")) {
                assertThat(a).as(q.text()).startsWith("On " + q.day().format(DateTimeFormatter.ofPattern(
                        "EEEE d MMMM yyyy", Locale.ENGLISH)) + ", the Assemblée held " + (sittings.size() == 1
                        ? "one public sitting" : sittings.size() + " public sittings") + ":\n");
                assertThat(a).as(q.text()).contains("• Sitting at " + String.format("%02d:%02d",
                        sittings.getFirst().start().getHour(), sittings.getFirst().start().getMinute()) + ":\n   – "
                        + sittings.getFirst().points().getFirst());
            } else {
                assertThat(a).as(q.text()).startsWith("Le " + frenchDay(q.day()) + ", l'Assemblée a tenu "
                        + (sittings.size() == 1 ? "une séance publique" : sittings.size() + " séances publiques")
                        + " :\n" + expectedSittings(sittings, false) + "Source :");
            }
        }
    }

    @Test
    void aDayWithoutSittingInsideTheAgendaSaysSoWithThePeriodAndTheNextSitting() {
        LocalDate saturday = LocalDate.of(2026, 4, 18);
        assertThat(on(saturday)).as("the naive reading").isEmpty();
        Raw next = naive.stream().filter(s -> s.start().toLocalDate().isAfter(saturday)).findFirst().orElseThrow();
        String a = say("Y avait-il séance le samedi 18 avril 2026 ?").getFirst().text();
        assertThat(a).startsWith("Il n'y a pas eu de séance publique de l'Assemblée le samedi 18 avril 2026. "
                + "L'agenda que j'ai couvre les séances du " + frenchDate(naive.getFirst().start().toLocalDate())
                + " au " + frenchDate(naive.getLast().start().toLocalDate()) + ".\nLa séance suivante : "
                + frenchDay(next.start().toLocalDate()) + " à " + next.start().getHour() + " h");
    }

    @Test
    void theNextSittingsFromNowAreTheRawOnes() {
        LocalDateTime now = LocalDateTime.ofInstant(NOW, PARIS);
        List<Raw> ahead = naive.stream().filter(s -> !s.start().isBefore(now)).limit(3).toList();
        String a = say("Quand siège l'Assemblée ?").getFirst().text();
        assertThat(a).startsWith("Les 3 prochaines séances publiques de l'Assemblée :\n" + expectedSittings(ahead, true)
                + "Source :");
    }

    @Test
    void afterTheLastSittingOfTheDataItSaysWhereTheAgendaStopsAndGivesTheLastOnes() {
        // The shipped agenda's last séance is in May 2026; a turn in December (the handler over the app's data)
        Instant december = Instant.parse("2026-12-07T09:00:00Z");
        String text = "Quel est l'ordre du jour ?";
        Turn turn = new Turn(new IncomingMessage("test", "c1", text, null, null),
                new Understanding(text, Language.FR, List.of(new IntentScore(Intent.AGENDA, 0.9)), List.of()),
                Language.FR, ConversationState.start(Language.FR, december), december);
        String a = ((Reply.Text) new AgendaHandler(work, PARIS, MethodLinks.at("https://civic.example.org")).handle(turn).replies().getFirst()).text();
        List<Raw> last = naive.subList(naive.size() - 3, naive.size());
        assertThat(a).startsWith("L'agenda de l'Assemblée que j'ai va jusqu'au "
                + frenchDate(naive.getLast().start().toLocalDate()) + " : il n'y a aucune séance publique à venir. "
                + "Ses 3 dernières séances :\n" + expectedSittings(last, true) + "Source :");
    }

    @Test
    void theParseApiGivesTheDayAsAnIsoDateReadOnToday() {
        var r = new ChatClient(port).post("/api/v1/nlu/parse",
                "{\"text\":\"Qu'y avait-il à l'ordre du jour mardi dernier ?\"}");
        JsonNode body = ChatClient.json(r.body());
        assertThat(body.get("intent").get("name").asString()).isEqualTo("agenda");
        JsonNode date = null;
        for (JsonNode e : body.get("entities")) {
            if (e.get("entity").asString().equals("date")) {
                date = e;
            }
        }
        assertThat(date).as(r.body()).isNotNull();
        assertThat(date.get("value").asString()).isEqualTo("2026-04-14");
        assertThat(date.get("text").asString()).isEqualTo("mardi dernier");
    }

    private static String frenchDate(LocalDate d) {
        String s = d.format(DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.FRENCH));
        return d.getDayOfMonth() == 1 ? "1er" + s.substring(1) : s;
    }
}
