package fr.civicgateway.app.storage;

import com.zaxxer.hikari.HikariDataSource;
import fr.civicgateway.app.support.PostgresServer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The conversation store on a real PostgreSQL server, as in production. */
class PostgresConversationStoreTest extends ConversationStoreContract {

    @Override
    TestDatabase newDatabase() {
        PostgresServer server = PostgresServer.shared();
        String url = server.createDatabase();
        return () -> {
            HikariDataSource ds = new HikariDataSource();
            ds.setJdbcUrl(url);
            ds.setUsername(server.username());
            return ds;
        };
    }

    @Test
    void aConversationContinuesOnAnotherInstanceOfTheGateway() {
        TestDatabase db = migratedDatabase();
        JdbcConversationStore first = store(open(db));
        JdbcConversationStore second = store(open(db));

        first.save("web:demo-1", whichRousseau());
        assertThat(second.find("web:demo-1")).contains(whichRousseau());

        second.save("web:demo-1", whichRousseau().withPendingChoice(null).withDeputy("PA795136"));
        assertThat(first.find("web:demo-1")).hasValueSatisfying(s -> {
            assertThat(s.lastDeputyUid()).isEqualTo("PA795136");
            assertThat(s.pendingChoice()).isNull();
        });
    }
}
