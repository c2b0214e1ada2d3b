package fr.civicgateway.app.reports;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.io.TempDir;

/** The report store on the default embedded database: H2 in a file. */
class H2ReportStoreTest extends ReportStoreContract {

    @TempDir
    Path temp;
    private final AtomicInteger databases = new AtomicInteger();

    @Override
    Supplier<HikariDataSource> newDatabase() {
        // The same URL form as the gateway's own H2 database (StorageProperties.h2Url()).
        String url = "jdbc:h2:file:" + temp.resolve("db-" + databases.incrementAndGet()).resolve("civic-gateway")
                .toAbsolutePath() + ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE";
        return () -> {
            HikariDataSource ds = new HikariDataSource();
            ds.setJdbcUrl(url);
            ds.setUsername("sa");
            ds.setPassword("");
            return ds;
        };
    }
}
