package fr.civicgateway.app.follow;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

class H2UnfollowOneOfTwoTargetsTest extends UnfollowOneOfTwoTargetsOnDatabaseContract {

    @TempDir
    Path temp;

    @Override
    HikariDataSource newDatabase() {
        HikariDataSource ds = new HikariDataSource();
        ds.setJdbcUrl("jdbc:h2:file:" + temp.resolve("civic-gateway") + ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE");
        ds.setUsername("sa");
        ds.setPassword("");
        return ds;
    }
}
