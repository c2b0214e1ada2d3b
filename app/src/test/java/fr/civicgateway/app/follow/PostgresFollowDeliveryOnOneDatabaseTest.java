package fr.civicgateway.app.follow;

import com.zaxxer.hikari.HikariDataSource;
import fr.civicgateway.app.support.PostgresServer;
import java.util.function.Supplier;

/** Two instances delivering from one PostgreSQL database, as in production. */
class PostgresFollowDeliveryOnOneDatabaseTest extends FollowDeliveryOnOneDatabaseContract {

    @Override
    Supplier<HikariDataSource> newDatabase() {
        PostgresServer server = PostgresServer.shared();
        String url = server.createDatabase();
        return () -> {
            HikariDataSource ds = new HikariDataSource();
            ds.setJdbcUrl(url);
            ds.setUsername(server.username());
            return ds;
        };
    }
}
