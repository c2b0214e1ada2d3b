package fr.civicgateway.connectors.web;

import java.util.Optional;

/**
 * How a web upload is named outside the web channel: in a message and a stored report, by the reference
 * {@code attachment:<id>} ({@code core.conversation.Attachment}'s reference, a report's photo reference); to the
 * world, by its public URL {@code <civic.public-url>/api/v1/attachments/<id>} (Open311's {@code media_url}).
 */
public final class WebAttachments {

    public static final String PATH = "/api/v1/attachments";
    /** The largest file accepted: 5 MB. */
    public static final int MAX_FILE_BYTES = 5 * 1024 * 1024;
    /** The largest upload request: the file and the multipart envelope (boundaries, part headers, the id). */
    public static final int MAX_UPLOAD_BODY_BYTES = MAX_FILE_BYTES + 64 * 1024;
    /**
     * Said of an upload over the limit, wherever it is refused: the documented file limit, never the transport's
     * allowance for the envelope ({@link #MAX_UPLOAD_BODY_BYTES}), which is an internal detail.
     */
    public static final String TOO_LARGE = "The image must be at most " + MAX_FILE_BYTES + " bytes (5 MB).";
    private static final String PREFIX = "attachment:";

    private WebAttachments() {
    }

    public static String reference(String id) {
        return PREFIX + id;
    }

    /** The id of a web upload's reference; empty for anything else (a Telegram file id, a URL). */
    public static Optional<String> idOf(String reference) {
        if (reference == null || !reference.startsWith(PREFIX)) {
            return Optional.empty();
        }
        String id = reference.substring(PREFIX.length());
        return AttachmentStore.ID.matcher(id).matches() ? Optional.of(id) : Optional.empty();
    }

    /**
     * The public URL of a report's photo: a web upload's under {@code publicBase}, a URL as it is (a report posted
     * over Open311 with its own {@code media_url}), and none for what only a channel can fetch (a Telegram file id).
     *
     * @param publicBase {@code civic.public-url}, without a trailing slash
     */
    public static Optional<String> publicUrl(String publicBase, String reference) {
        if (reference == null) {
            return Optional.empty();
        }
        Optional<String> id = idOf(reference);
        if (id.isPresent()) {
            return Optional.of(publicBase + PATH + "/" + id.get());
        }
        return reference.startsWith("https://") || reference.startsWith("http://") ? Optional.of(reference) : Optional.empty();
    }
}
