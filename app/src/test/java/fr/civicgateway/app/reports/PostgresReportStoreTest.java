package fr.civicgateway.app.reports;

import com.zaxxer.hikari.HikariDataSource;
import fr.civicgateway.app.support.PostgresServer;
import java.util.function.Supplier;

/** The report store on a real PostgreSQL server, as in production. */
class PostgresReportStoreTest extends ReportStoreContract {

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
