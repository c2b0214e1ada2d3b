package fr.civicgateway.app.follow;

import com.zaxxer.hikari.HikariDataSource;
import fr.civicgateway.app.support.PostgresServer;

class PostgresUnfollowOneOfTwoTargetsTest extends UnfollowOneOfTwoTargetsOnDatabaseContract {

    @Override
    HikariDataSource newDatabase() {
        PostgresServer server = PostgresServer.shared();
        HikariDataSource ds = new HikariDataSource();
        ds.setJdbcUrl(server.createDatabase());
        ds.setUsername(server.username());
        return ds;
    }
}
