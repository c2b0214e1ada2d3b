package fr.civicgateway.connectors.telegram;

import okhttp3.OkHttpClient;

/**
 * The HTTP client for the Bot API, wrapped so that it is not one more {@link OkHttpClient} bean beside the
 * application's shared one (from which it is derived when there is one).
 *
 * @param client the client, with a read timeout longer than a long poll
 * @param owned  true when this channel created the client's dispatcher and pool, and so must release them
 */
record TelegramHttp(OkHttpClient client, boolean owned) implements AutoCloseable {

    /** Releases the dispatcher's threads and pooled connections, unless they belong to the shared client. */
    @Override
    public void close() {
        if (owned) {
            client.dispatcher().executorService().shutdown();
            client.connectionPool().evictAll();
        }
    }
}
