package fr.civicgateway.core.follow;

/** The store of follow events and deliveries is unavailable; the message holds no personal data. */
public class FollowEventsException extends RuntimeException {

    public FollowEventsException(String message, Throwable cause) {
        super(message, cause);
    }

    public FollowEventsException(String message) {
        super(message);
    }
}
