package fr.civicgateway.app.consultations;

import com.zaxxer.hikari.HikariDataSource;
import fr.civicgateway.app.support.PostgresServer;
import javax.sql.DataSource;

/** The consultation store on a real PostgreSQL server, as in production. */
class PostgresConsultationStoreTest extends ConsultationStoreContract {

    @Override
    DataSource newDatabase() {
        PostgresServer server = PostgresServer.shared();
        HikariDataSource ds = new HikariDataSource();
        ds.setJdbcUrl(server.createDatabase());
        ds.setUsername(server.username());
        return pooled(ds);
    }
}
