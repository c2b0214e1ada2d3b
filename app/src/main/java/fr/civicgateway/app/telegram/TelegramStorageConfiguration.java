package fr.civicgateway.app.telegram;

import fr.civicgateway.connectors.telegram.TelegramStore;
import javax.sql.DataSource;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The Telegram channel's durable state in the gateway's database, so that no answer owed to a chat is lost when the
 * gateway stops, and every instance agrees on which updates were answered and what long buttons mean. Harmless
 * without Telegram: the tables stay empty.
 */
@Configuration(proxyBeanMethods = false)
class TelegramStorageConfiguration {

    @Bean
    @DependsOnDatabaseInitialization
    TelegramStore telegramStore(DataSource dataSource) {
        return new JdbcTelegramStore(dataSource);
    }
}
