package fr.civicgateway.app.telegram;

import fr.civicgateway.connectors.telegram.TelegramStore;
import javax.sql.DataSource;

/** The application's durable Telegram store, for benchmarks that wire the outbox without Spring. */
public final class BenchTelegramStores {

    private BenchTelegramStores() {
    }

    public static TelegramStore jdbc(DataSource dataSource) {
        return new JdbcTelegramStore(dataSource);
    }
}
