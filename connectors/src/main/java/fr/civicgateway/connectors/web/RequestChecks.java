package fr.civicgateway.connectors.web;

import fr.civicgateway.core.conversation.GeoPoint;
import fr.civicgateway.core.conversation.IncomingMessage;
import fr.civicgateway.core.nlu.Language;
import org.springframework.http.HttpStatus;

/** The validation rules of API.md §1, each failing with its own error code. */
final class RequestChecks {

    private RequestChecks() {
    }

    static String text(String text) {
        if (text == null || text.isBlank()) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "empty_text", "\"text\" must be a non-empty string.");
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            // NUL and the other C0 controls are no one's words, and PostgreSQL refuses NUL in text for ever.
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
                throw new ApiException(HttpStatus.BAD_REQUEST, "invalid_text",
                        "\"text\" must not contain control characters (such as NUL); tabs and line breaks are accepted.");
            }
        }
        if (text.length() > IncomingMessage.MAX_TEXT_LENGTH) {
            throw new ApiException(HttpStatus.CONTENT_TOO_LARGE, "text_too_long",
                    "\"text\" must be at most " + IncomingMessage.MAX_TEXT_LENGTH + " characters (was " + text.length() + ").");
        }
        return text;
    }

    /** A text that may be empty because the message carries a position or a photo: null and "" become "". */
    static String optionalText(String text) {
        return text == null || text.isEmpty() ? "" : text(text);
    }

    /** Null when absent; else a WGS84 position within range. */
    static GeoPoint location(ChatApi.LocationDto location) {
        if (location == null) {
            return null;
        }
        // JSON numbers only: "45" (a string), true or null are refused, not coerced.
        if (location.latitude() == null || !location.latitude().isNumber()
                || location.longitude() == null || !location.longitude().isNumber()) {
            throw invalidLocation();
        }
        double lat = location.latitude().asDouble();
        double lon = location.longitude().asDouble();
        if (!Double.isFinite(lat) || !Double.isFinite(lon) || lat < -90 || lat > 90 || lon < -180 || lon > 180) {
            throw invalidLocation();
        }
        return new GeoPoint(lat, lon);
    }

    private static ApiException invalidLocation() {
        return new ApiException(HttpStatus.BAD_REQUEST, "invalid_location", "\"location\" must be "
                + "{\"latitude\": -90 to 90, \"longitude\": -180 to 180} in WGS84 decimal degrees, as JSON numbers.");
    }

    static String conversationId(String id) {
        if (!IncomingMessage.isValidConversationId(id)) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "invalid_conversation_id",
                    "\"conversationId\" must be 1 to 128 characters of A-Z, a-z, 0-9, _ and -.");
        }
        return id;
    }

    /** Null when absent; "fr" or "en" otherwise. */
    static Language locale(String locale) {
        if (locale == null) {
            return null;
        }
        if (!locale.equals("fr") && !locale.equals("en")) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "invalid_locale", "\"locale\" must be \"fr\" or \"en\" when given.");
        }
        return Language.fromCode(locale).orElseThrow();
    }
}
