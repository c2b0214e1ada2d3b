package fr.civicgateway.app.follow;

import com.zaxxer.hikari.HikariDataSource;
import fr.civicgateway.app.support.PostgresServer;
import javax.sql.DataSource;

/** The followers' addresses and mailbox on a real PostgreSQL server, as in production. */
class PostgresFollowAddressesTest extends FollowAddressesContract {

    @Override
    DataSource newDatabase() {
        PostgresServer server = PostgresServer.shared();
        HikariDataSource ds = new HikariDataSource();
        ds.setJdbcUrl(server.createDatabase());
        ds.setUsername(server.username());
        return pooled(ds);
    }
}
