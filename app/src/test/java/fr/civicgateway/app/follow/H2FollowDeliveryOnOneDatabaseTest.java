package fr.civicgateway.app.follow;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.util.function.Supplier;
import org.junit.jupiter.api.io.TempDir;

/** Two instances delivering from one embedded H2 file database. */
class H2FollowDeliveryOnOneDatabaseTest extends FollowDeliveryOnOneDatabaseContract {

    @TempDir
    Path temp;

    @Override
    Supplier<HikariDataSource> newDatabase() {
        String url = "jdbc:h2:file:" + temp.resolve("civic-gateway") + ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE";
        return () -> {
            HikariDataSource ds = new HikariDataSource();
            ds.setJdbcUrl(url);
            ds.setUsername("sa");
            ds.setPassword("");
            return ds;
        };
    }
}
