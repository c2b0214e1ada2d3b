package fr.civicgateway.connectors.telegram;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The Jackson 2 mapper for TelegramBots' types. Wrapped rather than exposed as an {@link ObjectMapper} bean, so that
 * it cannot be mistaken for the application's own JSON mapper (Spring MVC uses Jackson 3).
 */
record TelegramJson(ObjectMapper mapper) {
}
