package fr.civicgateway.app.storage;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.io.TempDir;

/** The conversation store on the default embedded database: H2 in a file, with the gateway's own URL. */
class H2ConversationStoreTest extends ConversationStoreContract {

    @TempDir
    Path temp;
    private final AtomicInteger databases = new AtomicInteger();

    @Override
    TestDatabase newDatabase() {
        StorageProperties storage = new StorageProperties(temp.resolve("db-" + databases.incrementAndGet()), 20);
        return () -> {
            HikariDataSource ds = new HikariDataSource();
            ds.setJdbcUrl(storage.h2Url());
            ds.setUsername("sa");
            ds.setPassword("");
            return ds;
        };
    }
}
