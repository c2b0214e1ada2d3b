package fr.civicgateway.core.reports;

import java.util.Objects;

/**
 * A report about to be submitted (no id yet). Validated at once, with a message naming the field.
 *
 * @param serviceCode     the category's code
 * @param description     1–{@link #MAX_DESCRIPTION_LENGTH} characters
 * @param location        where
 * @param photoReference  a channel's photo reference, or null
 * @param contact         a contact the citizen chose to give, or null
 * @param channel         where it came from
 * @param conversationKey the conversation to tell of status changes, or null
 * @param draftId         the chat's draft this report was confirmed from, or null: a store keeps one report per draft,
 *                        so a second confirmation of the same draft (a double click, a retried request) stores nothing
 */
public record NewReport(String serviceCode, String description, ReportLocation location, String photoReference,
                        String contact, String channel, String conversationKey, String draftId) {

    public static final int MAX_DRAFT_ID_LENGTH = 64;

    /** A report that no draft stands for (the Open311 server's). */
    public NewReport(String serviceCode, String description, ReportLocation location, String photoReference,
                     String contact, String channel, String conversationKey) {
        this(serviceCode, description, location, photoReference, contact, channel, conversationKey, null);
    }

    public static final int MAX_DESCRIPTION_LENGTH = 2000;
    public static final int MAX_CONTACT_LENGTH = 200;

    public NewReport {
        Objects.requireNonNull(serviceCode, "serviceCode");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(channel, "channel");
        if (description == null || description.isBlank()) {
            throw new IllegalArgumentException("description must not be empty");
        }
        description = description.strip();
        if (description.length() > MAX_DESCRIPTION_LENGTH) {
            throw new IllegalArgumentException("description must be at most " + MAX_DESCRIPTION_LENGTH
                    + " characters, was " + description.length());
        }
        if (draftId != null && (draftId.isBlank() || draftId.length() > MAX_DRAFT_ID_LENGTH)) {
            throw new IllegalArgumentException("draftId must be 1-" + MAX_DRAFT_ID_LENGTH + " characters, was '" + draftId + "'");
        }
        if (contact != null && contact.length() > MAX_CONTACT_LENGTH) {
            throw new IllegalArgumentException("contact must be at most " + MAX_CONTACT_LENGTH + " characters");
        }
    }

    /**
     * Whether the report is to be forwarded to the municipality's own Open311 endpoint: one taken in a conversation
     * is; one without a conversation to tell (posted by the municipality's own tools to the gateway's Open311 server)
     * is theirs already. Decided on the report, never on the channel's name.
     */
    public boolean toForward() {
        return conversationKey != null;
    }

    @Override
    public String toString() {
        return "NewReport[service=" + serviceCode + ", channel=" + channel + "]";
    }
}
