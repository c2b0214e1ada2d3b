package fr.civicgateway.connectors.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;

/**
 * The rate limits of the public chat, NLU and records APIs: one per client address (chat, NLU, the records
 * API's GETs and its charts together), and for the chat one more per conversation. The conversation id is the client's choice, so only the address limit holds a
 * client that invents a new id for every message back.
 *
 * <p>The address is {@link HttpServletRequest#getRemoteAddr()}: the TCP peer, unless Spring Boot's
 * forwarded-headers support ({@code server.forward-headers-strategy}) is on and the peer is a trusted proxy
 * ({@code server.tomcat.remoteip.internal-proxies}); by default forwarded headers are not trusted, since any client
 * could write one. Limits are per instance. Thread-safe.
 */
public final class ClientRateLimits {

    private final ConversationRateLimiter perConversation;
    private final ConversationRateLimiter perAddress;

    public ClientRateLimits(ConversationRateLimiter perConversation, ConversationRateLimiter perAddress) {
        this.perConversation = perConversation;
        this.perAddress = perAddress;
    }

    /** Takes one request's token of the client's address, or throws a 429 {@link ApiException} with its wait. */
    public void address(HttpServletRequest request) {
        perAddress.acquire(request.getRemoteAddr()).ifPresent(wait -> {
            throw new ApiException(HttpStatus.TOO_MANY_REQUESTS, "rate_limited",
                    "Too many requests from your network address; wait a moment before the next one.", wait);
        });
    }

    /** Takes one message's token of the conversation, or throws a 429 {@link ApiException} with its wait. */
    void conversation(String conversationKey) {
        perConversation.acquire(conversationKey).ifPresent(wait -> {
            throw new ApiException(HttpStatus.TOO_MANY_REQUESTS, "rate_limited",
                    "This conversation sends messages too fast; wait a moment before the next one.", wait);
        });
    }
}
