package fr.civicgateway.connectors.telegram;

/**
 * The channel's {@link TelegramStore} and the name this process holds its claims under (random at each start, so
 * that a restarted process is a new owner and a dead one's claims run out).
 */
record TelegramStoreHolder(TelegramStore store, String owner) {
}
