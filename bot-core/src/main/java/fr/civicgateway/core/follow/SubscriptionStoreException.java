package fr.civicgateway.core.follow;

/** The subscription storage cannot be reached or refused a change; the message names what was attempted. */
public class SubscriptionStoreException extends RuntimeException {
    public SubscriptionStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
