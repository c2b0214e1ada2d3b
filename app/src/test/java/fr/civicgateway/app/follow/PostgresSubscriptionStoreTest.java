package fr.civicgateway.app.follow;

import com.zaxxer.hikari.HikariDataSource;
import fr.civicgateway.app.support.PostgresServer;
import javax.sql.DataSource;

/** The subscription store on a real PostgreSQL server, as in production. */
class PostgresSubscriptionStoreTest extends SubscriptionStoreContract {

    @Override
    DataSource newDatabase() {
        PostgresServer server = PostgresServer.shared();
        HikariDataSource ds = new HikariDataSource();
        ds.setJdbcUrl(server.createDatabase());
        ds.setUsername(server.username());
        return pooled(ds);
    }
}
