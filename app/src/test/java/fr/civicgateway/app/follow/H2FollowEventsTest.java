package fr.civicgateway.app.follow;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.io.TempDir;

/** The follow events' store on the default embedded database: H2 in a file, as the gateway opens it. */
class H2FollowEventsTest extends FollowEventsContract {

    @TempDir
    Path temp;
    private final AtomicInteger databases = new AtomicInteger();

    @Override
    Supplier<HikariDataSource> newDatabase() {
        // The gateway's URL options (StorageProperties.h2Url): no compatibility MODE, commits written at once.
        String url = "jdbc:h2:file:" + temp.resolve("db-" + databases.incrementAndGet()).resolve("civic-gateway")
                + ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE";
        return () -> {
            HikariDataSource ds = new HikariDataSource();
            ds.setJdbcUrl(url);
            ds.setUsername("sa");
            ds.setPassword("");
            return ds;
        };
    }
}
