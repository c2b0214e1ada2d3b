package fr.civicgateway.app.storage;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where the embedded database lives ({@code civic.storage.*}). Used only when {@code spring.datasource.url} is not
 * set: the gateway then keeps its data in an H2 file database under this directory, created on first start.
 *
 * @param directory the embedded database's directory, {@code var/db} by default; relative paths resolve against
 *                  the working directory
 * @param lockConnections on PostgreSQL, the connections of the pool that holds the conversations' locks (see
 *                        {@link DatabaseConversationLocks}): at most this many messages are answered at once by an
 *                        instance, the others wait for a connection
 */
@ConfigurationProperties("civic.storage")
@Validated
public record StorageProperties(@DefaultValue("var/db") @NotNull Path directory,
                                @DefaultValue("20") @Min(1) int lockConnections) {

    /** The database's file name prefix in {@link #directory()}: H2 adds {@code .mv.db}. */
    static final String DATABASE_NAME = "civic-gateway";

    /**
     * The JDBC URL of the embedded database.
     * <ul>
     *   <li>{@code WRITE_DELAY=0}: H2 otherwise writes committed transactions to the file up to half a second
     *       later, and a process killed in that window (kill -9, an OOM kill) loses them; with 0 each commit is in
     *       the file (the OS's cache) before it returns. A power cut can still lose the last commits: production
     *       with durability needs is what PostgreSQL is for.</li>
     *   <li>{@code DB_CLOSE_ON_EXIT=FALSE}: Spring closes the connection pool at shutdown, and H2 closes the
     *       database after its last connection; H2's own shutdown hook would close it under requests still
     *       being answered.</li>
     * </ul>
     * No compatibility {@code MODE}: the migrations are portable SQL tested on both databases.
     */
    String h2Url() {
        Path file = directory.toAbsolutePath().normalize().resolve(DATABASE_NAME);
        return "jdbc:h2:file:" + file + ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE";
    }
}
