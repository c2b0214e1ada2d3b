package fr.civicgateway.app.storage;

import fr.civicgateway.app.support.ChatClient;
import fr.civicgateway.app.support.GatewayTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The whole gateway on its default storage: the embedded H2 file database (in a temporary directory for the
 * tests), migrated by Flyway at start-up, holding the conversations.
 */
@GatewayTest
class StorageOnTheGatewayTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Flyway flyway;

    /** The bound properties, not the property: the tests' directory is a ${random.uuid}, drawn anew at each read. */
    @Autowired
    StorageProperties storage;

    /** Conversations and reports with their contacts: no other local user may read them (the umask gives 0644). */
    @Test
    void theDatabasesDirectoryAndFilesAreReadableByTheirOwnerOnly() throws Exception {
        assumeTrue("H2".equals(expectedDatabase()), "PostgreSQL keeps its files in its own server's directory");
        Path directory = storage.directory();
        Path database = directory.resolve("civic-gateway.mv.db");
        assertThat(database).exists();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(directory))).isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(database))).isEqualTo("rw-------");
    }

    @Test
    void flywayCreatedTheConversationTableAtStartUp() {
        assertThat(flyway.info().applied()[0]).satisfies(m -> {
            assertThat(m.getVersion().getVersion()).isEqualTo("1");
            assertThat(m.getDescription()).isEqualTo("conversation state");
            assertThat(m.getState().isApplied()).isTrue();
        });
        assertThat(flyway.info().pending()).isEmpty();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM conversation_state").query(Long.class).single()).isNotNull();
    }

    @Test
    void aFollowUpQuestionIsAnsweredFromTheContextKeptInTheDatabase() {
        ChatClient chat = new ChatClient(port);
        String conversation = "storage-" + UUID.randomUUID();

        chat.read(conversation, "Comment a voté Mathilde Panot au scrutin 3876 ?");

        // Context is written in batches, a few milliseconds after the answer (civic.conversations.write-delay).
        String stored = null;
        for (long deadline = System.nanoTime() + 10_000_000_000L; stored == null && System.nanoTime() < deadline; ) {
            stored = jdbc.sql("SELECT state_json FROM conversation_state WHERE conversation_key = ?")
                    .param("web:" + conversation).query(String.class).optional().orElse(null);
            Thread.onSpinWait();
        }
        assertThat(stored).as("the conversation's row, written within 10 s").isNotNull();
        JsonNode state = ChatClient.json(stored);
        assertThat(state.get("lastDeputyUid").asString()).isEqualTo("PA720892");
        assertThat(state.get("lastScrutin").asInt()).isEqualTo(3876);

        String followUp = chat.read(conversation, "et son taux de participation ?");

        assertThat(followUp).contains("Mathilde Panot").containsIgnoringCase("participation");
    }

    @Test
    void theHealthEndpointShowsTheDatabaseUp() {
        JsonNode health = ChatClient.json(new ChatClient(port).getAsAdmin("/actuator/health").body());

        assertThat(health.path("components").path("db").path("status").asString()).isEqualTo("UP");
        assertThat(health.path("components").path("db").path("details").path("database").asString()).isEqualTo(expectedDatabase());
    }

    /** The database product the gateway should report: the default storage here. */
    String expectedDatabase() {
        return "H2";
    }
}
