package fr.civicgateway.app.reports;

import fr.civicgateway.app.support.ChatClient;
import fr.civicgateway.app.support.ChatClient.BotMessage;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A citizen reports a problem through {@code POST /api/v1/chat} on the real gateway and data; the municipality's
 * tools read it over Open311 and close it through the admin API; the citizen is told at their next message.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "civic.data.directory=${civic.repository-root}/data",
        "CIVIC_ADMIN_TOKEN=test-admin-token",
        "CIVIC_OPEN311_API_KEY=test-open311-key"})
class ReportsOverHttpTest {

    @LocalServerPort
    int port;
    ChatClient chat;
    String conversation;
    final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void newConversation() {
        chat = new ChatClient(port);
        conversation = "report-" + UUID.randomUUID();
    }

    private String last(String text) {
        List<BotMessage> replies = chat.say(conversation, text);
        return replies.getLast().text();
    }

    private long reportAPothole() {
        List<BotMessage> first = chat.say(conversation, "Je veux signaler un problème");
        assertThat(first.getLast().text()).isEqualTo("Je vais vous aider à signaler ce problème, en quelques questions "
                + "(écrivez « annuler » à tout moment pour arrêter).\nQuel type de problème voulez-vous signaler ?");
        assertThat(first.getLast().titles()).startsWith("Nid-de-poule ou chaussée abîmée", "Trottoir dégradé",
                "Éclairage public en panne");
        String where = last(first.getLast().payloadOf("Nid-de-poule ou chaussée abîmée"));
        assertThat(where).isEqualTo("Où se trouve le problème ? Indiquez l'adresse et la commune (par exemple « 12 rue "
                + "Carnot, Annecy »), ou partagez votre position avec le bouton ci-dessous.");
        assertThat(last("quelque part par là")).isEqualTo("Je n'ai pas reconnu de commune dans « quelque part par là ».\n"
                + where);
        assertThat(last("12 rue Carnot, Annecy")).isEqualTo("Décrivez le problème en quelques mots (2000 caractères au plus). "
                + "Vous pouvez aussi envoyer une photo.");
        assertThat(last("trou ".repeat(600))).startsWith("Votre description fait 2999 caractères : c'est trop long.");
        assertThat(last("Un trou profond au milieu de la chaussée, devant le numéro 12"))
                .startsWith("Voulez-vous être recontacté(e) à propos de ce signalement ? C'est facultatif.");
        List<BotMessage> summary = chat.say(conversation, "non");
        assertThat(summary.getLast().text()).isEqualTo("""
                Récapitulatif de votre signalement :
                • Type : Nid-de-poule ou chaussée abîmée
                • Lieu : 12 rue Carnot, Annecy (Annecy)
                • Description : Un trou profond au milieu de la chaussée, devant le numéro 12
                • Photo : non
                • Contact : aucun
                Destinataire : les services techniques de la mairie. Partent avec lui : le type, le lieu, la \
                description. Ni votre nom ni votre identifiant de messagerie ne sont transmis : vous restez anonyme.
                Le type, le lieu, la description et l'état du signalement seront consultables publiquement (données \
                ouvertes Open311) ; votre contact, jamais.
                Confirmez-vous l'envoi ?""");
        String done = last(summary.getLast().payloadOf("Envoyer"));
        Matcher m = Pattern.compile("^Merci, votre signalement n° (\\d+) est enregistré\\. Destinataire : les "
                + "services techniques de la mairie\\. Pour suivre son état, demandez-moi « Où en est mon signalement "
                + "\\1 \\? »\\.$").matcher(done);
        assertThat(m.matches()).as(done).isTrue();
        return Long.parseLong(m.group(1));
    }

    @Test
    void aCitizenReportsAProblemInTheChatAndGetsATrackingNumber() {
        long id = reportAPothole();
        assertThat(last("Où en est mon signalement " + id + " ?")).startsWith("Le signalement n° " + id
                + " (Nid-de-poule ou chaussée abîmée), enregistré le ").endsWith(", est ouvert : il est en cours de traitement.");
    }

    @Test
    void cancelLeavesTheReportAtAnyStep() {
        chat.say(conversation, "Il y a un nid de poule devant chez moi");
        assertThat(last("annuler")).isEqualTo("C'est annulé : rien n'a été envoyé. Que puis-je faire d'autre pour vous ?");
        chat.say(conversation, "un lampadaire est en panne");
        chat.say(conversation, "oui");
        chat.say(conversation, "Annecy");
        assertThat(last("cancel")).startsWith("C'est annulé");
    }

    @Test
    void theMunicipalityReadsTheReportOverOpen311AndItsStatusChangeIsToldToTheCitizen() throws Exception {
        long id = reportAPothole();

        JsonNode one = ChatClient.json(chat.get("/open311/v2/requests/" + id + ".json").body()).get(0);
        assertThat(one.get("service_request_id").asString()).isEqualTo(String.valueOf(id));
        assertThat(one.get("status").asString()).isEqualTo("open");
        assertThat(one.get("service_code").asString()).isEqualTo("voirie-nid-de-poule");
        assertThat(one.get("address").asString()).isEqualTo("12 rue Carnot, Annecy");
        assertThat(one.has("contact")).isFalse();

        HttpResponse<String> unauthorised = admin(id, "{\"status\":\"closed\",\"note\":\"Trou rebouché.\"}", null);
        assertThat(unauthorised.statusCode()).isEqualTo(401);
        HttpResponse<String> closed = admin(id, "{\"status\":\"closed\",\"note\":\"Trou rebouché.\"}", "test-admin-token");
        assertThat(closed.statusCode()).isEqualTo(200);
        assertThat(ChatClient.json(closed.body()).get("citizenTold").asString()).isEqualTo("at their next message");
        assertThat(admin(999999, "{\"status\":\"closed\"}", "test-admin-token").statusCode()).isEqualTo(404);
        assertThat(admin(id, "{\"status\":\"done\"}", "test-admin-token").statusCode()).isEqualTo(400);

        List<BotMessage> next = chat.say(conversation, "bonjour");
        assertThat(next.getFirst().text()).startsWith("Du nouveau sur votre signalement : Le signalement n° " + id
                + " (Nid-de-poule ou chaussée abîmée)").contains("est clos (mis à jour le ").endsWith("Note de la mairie : Trou rebouché.");
        assertThat(chat.say(conversation, "bonjour").getFirst().text()).doesNotStartWith("Du nouveau");
        JsonNode after = ChatClient.json(chat.get("/open311/v2/requests/" + id + ".json").body()).get(0);
        assertThat(after.get("status").asString()).isEqualTo("closed");
        assertThat(after.get("status_notes").asString()).isEqualTo("Trou rebouché.");
    }

    private HttpResponse<String> admin(long id, String body, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/admin/reports/" + id + "/status"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static String form(String... pairs) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < pairs.length; i += 2) {
            if (!sb.isEmpty()) {
                sb.append('&');
            }
            sb.append(URLEncoder.encode(pairs[i], StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
        }
        return sb.toString();
    }

    @Test
    void anOpen311ClientListsServicesPostsWithItsKeyAndQueriesRequests() {
        JsonNode services = ChatClient.json(chat.get("/open311/v2/services.json?jurisdiction_id=annecy.fr").body());
        assertThat(services.get(0).get("service_code").asString()).isEqualTo("voirie-nid-de-poule");
        assertThat(services.get(0).get("service_name").asString()).isEqualTo("Nid-de-poule ou chaussée abîmée");
        assertThat(services.get(0).get("metadata").asBoolean()).isTrue();
        assertThat(services.get(0).get("type").asString()).isEqualTo("realtime");
        assertThat(services.get(0).get("group").asString()).isEqualTo("Voirie");

        JsonNode definition = ChatClient.json(chat.get("/open311/v2/services/voirie-nid-de-poule.json").body());
        assertThat(definition.get("attributes").get(0).get("code").asString()).isEqualTo("danger");
        assertThat(definition.get("attributes").get(0).get("datatype").asString()).isEqualTo("singlevaluelist");
        HttpResponse<String> unknown = chat.get("/open311/v2/services/nope.json");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).isEqualTo("[{\"code\":404,\"description\":\"service_code not found\"}]");

        String request = form("jurisdiction_id", "annecy.fr", "service_code", "graffiti", "lat", "45.8992",
                "long", "6.1294", "address_string", "Pont des Amours, Annecy", "description", "Tag sur le parapet",
                "email", "agent@example.org", "first_name", "Jean", "last_name", "Dupont");
        HttpResponse<String> noKey = chat.post("/open311/v2/requests.json", request, "application/x-www-form-urlencoded");
        assertThat(noKey.statusCode()).isEqualTo(403);
        assertThat(noKey.body()).isEqualTo("[{\"code\":403,\"description\":\"api_key is missing or invalid\"}]");
        HttpResponse<String> badKey = chat.post("/open311/v2/requests.json", request + "&api_key=wrong",
                "application/x-www-form-urlencoded");
        assertThat(badKey.statusCode()).isEqualTo(403);

        HttpResponse<String> posted = chat.post("/open311/v2/requests.json", request + "&api_key=test-open311-key",
                "application/x-www-form-urlencoded");
        assertThat(posted.statusCode()).isEqualTo(200);
        String id = ChatClient.json(posted.body()).get(0).get("service_request_id").asString();

        HttpResponse<String> noService = chat.post("/open311/v2/requests.json",
                form("api_key", "test-open311-key", "service_code", "nope", "lat", "1", "long", "2", "description", "x"),
                "application/x-www-form-urlencoded");
        assertThat(noService.statusCode()).isEqualTo(400);
        assertThat(noService.body()).isEqualTo("[{\"code\":400,\"description\":\"service_code not found\"}]");
        HttpResponse<String> noPlace = chat.post("/open311/v2/requests.json",
                form("api_key", "test-open311-key", "service_code", "graffiti", "description", "x"),
                "application/x-www-form-urlencoded");
        assertThat(noPlace.body()).isEqualTo("[{\"code\":400,\"description\":\"a location is required: lat and long, or address_string\"}]");

        JsonNode filtered = ChatClient.json(chat.get("/open311/v2/requests.json?service_code=graffiti&status=open").body());
        assertThat(filtered).isNotEmpty();
        assertThat(filtered.get(0).get("service_request_id").asString()).isEqualTo(id);
        assertThat(filtered.get(0).get("lat").asDouble()).isEqualTo(45.8992);
        assertThat(filtered.get(0).get("description").asString()).isEqualTo("Tag sur le parapet");
        assertThat(filtered.get(0).has("email")).isFalse();
        for (JsonNode r : filtered) {
            assertThat(r.get("service_code").asString()).isEqualTo("graffiti");
        }
        JsonNode byId = ChatClient.json(chat.get("/open311/v2/requests.json?service_request_id=" + id).body());
        assertThat(byId).hasSize(1);
        assertThat(ChatClient.json(chat.get("/open311/v2/requests.json?status=closed&service_code=graffiti").body())).isEmpty();
        assertThat(ChatClient.json(chat.get("/open311/v2/requests.json?start_date=2000-01-01T00:00:00Z&end_date=2000-01-02T00:00:00Z").body())).isEmpty();
        HttpResponse<String> badDate = chat.get("/open311/v2/requests.json?start_date=yesterday");
        assertThat(badDate.statusCode()).isEqualTo(400);
        assertThat(chat.get("/open311/v2/requests/424242.json").body())
                .isEqualTo("[{\"code\":404,\"description\":\"service_request_id not found\"}]");
    }
}
