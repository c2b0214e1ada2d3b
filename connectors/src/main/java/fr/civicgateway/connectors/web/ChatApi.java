package fr.civicgateway.connectors.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** The JSON shapes of {@code /api/v1/chat} and {@code /api/v1/nlu/parse} (API.md §1–2). */
final class ChatApi {

    private ChatApi() {
    }

    /** {@code location} and {@code attachmentId} are optional; with either, {@code text} may be empty. */
    record ChatRequest(String conversationId, String text, String locale, LocationDto location, String attachmentId) {
    }

    /**
     * WGS84 decimal degrees, both required when the object is given. Kept as JSON nodes so that only JSON numbers
     * are accepted ({@link RequestChecks#location}): a {@code Double} would let Jackson's default coercion read
     * {@code "45"} as 45, and the contract says numbers. The mapper's coercion stays as it is for everything else.
     */
    record LocationDto(JsonNode latitude, JsonNode longitude) {
    }

    record ChatResponse(String conversationId, List<Message> messages) {
    }

    /**
     * One message of the answer (API.md §1): {@code type} {@code text}, or {@code chart} with the chart's addresses,
     * its text alternative and caption, and {@code text} = the caption for clients that know only texts.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Message(String type, String text, List<QuickReplyDto> quickReplies, String svg, String png, String csv,
                   String alt, String caption) {

        static Message text(String text, List<QuickReplyDto> quickReplies) {
            return new Message("text", text, quickReplies, null, null, null, null, null);
        }

        Message withQuickReplies(List<QuickReplyDto> replies) {
            return new Message(type, text, replies, svg, png, csv, alt, caption);
        }
    }

    record QuickReplyDto(String title, String payload) {
    }

    record ParseRequest(String text, String locale) {
    }

    record ParseResponse(String text, String language, IntentDto intent, List<IntentDto> intentRanking,
                         List<EntityDto> entities) {
    }

    record IntentDto(String name, double confidence) {
    }

    /** {@code alternatives} appears only for an ambiguous mention: every candidate value. */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    record EntityDto(String entity, String value, String text, int start, int end, List<String> alternatives,
                     String certainty) {
    }
}
