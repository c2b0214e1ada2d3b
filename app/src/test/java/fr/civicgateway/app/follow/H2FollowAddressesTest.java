package fr.civicgateway.app.follow;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.io.TempDir;

/** The followers' addresses and mailbox on the default embedded database (H2 in a file). */
class H2FollowAddressesTest extends FollowAddressesContract {

    @TempDir
    Path temp;
    private final AtomicInteger databases = new AtomicInteger();

    @Override
    DataSource newDatabase() {
        HikariDataSource ds = new HikariDataSource();
        ds.setJdbcUrl("jdbc:h2:file:" + temp.resolve("db-" + databases.incrementAndGet()).resolve("civic-gateway")
                + ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE");
        ds.setUsername("sa");
        ds.setPassword("");
        return pooled(ds);
    }
}
