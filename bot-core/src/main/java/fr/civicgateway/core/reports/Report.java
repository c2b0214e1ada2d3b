package fr.civicgateway.core.reports;

import java.time.Instant;
import java.util.Objects;

/**
 * A stored problem report. It keeps the least personal data that serves: no name, no messenger id — only the
 * conversation's key (a pseudonym on Telegram) so that the citizen can be told when the status changes, and a contact
 * only when the citizen chose to give one.
 *
 * @param id              the tracking number given to the citizen
 * @param serviceCode     the {@link ServiceCategory#code()}
 * @param description     what the citizen wrote
 * @param location        where
 * @param photoReference  the channel's reference of a photo (a Telegram {@code file_id}), or null
 * @param contact         an e-mail address or phone number the citizen chose to give, or null
 * @param status          open or closed
 * @param statusNotes     the municipality's note on the status, or null
 * @param createdAt       when it was submitted
 * @param updatedAt       when it last changed
 * @param channel         the channel it came from ({@code web}, {@code telegram}, {@code open311})
 * @param conversationKey the conversation to tell of status changes ({@code channel:conversationId}), or null
 * @param externalId      the {@code service_request_id} the municipality's own Open311 endpoint gave it, or null
 */
public record Report(long id, String serviceCode, String description, ReportLocation location, String photoReference,
                     String contact, ReportStatus status, String statusNotes, Instant createdAt, Instant updatedAt,
                     String channel, String conversationKey, String externalId) {

    public Report {
        Objects.requireNonNull(serviceCode, "serviceCode");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        Objects.requireNonNull(channel, "channel");
    }

    /** Not the description, the contact nor the conversation: safe for a log line. */
    @Override
    public String toString() {
        return "Report[id=" + id + ", service=" + serviceCode + ", status=" + status.apiName() + "]";
    }
}
