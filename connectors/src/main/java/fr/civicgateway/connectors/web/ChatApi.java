package fr.civicgateway.connectors.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** The JSON shapes of {@code /api/v1/chat} and {@code /api/v1/nlu/parse} (API.md §1–2). */
final class ChatApi {

    private ChatApi() {
    }

    record ChatRequest(String conversationId, String text, String locale) {
    }

    record ChatResponse(String conversationId, List<Message> messages) {
    }

    record Message(String text, List<QuickReplyDto> quickReplies) {
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
