package fr.civicgateway.connectors.web;

import fr.civicgateway.connectors.web.ChatApi.ChatRequest;
import fr.civicgateway.connectors.web.ChatApi.ChatResponse;
import fr.civicgateway.connectors.web.ChatApi.Message;
import fr.civicgateway.connectors.web.ChatApi.QuickReplyDto;
import fr.civicgateway.core.conversation.ChannelCapabilities;
import fr.civicgateway.core.conversation.IncomingMessage;
import fr.civicgateway.core.conversation.QuickReply;
import fr.civicgateway.core.conversation.Reply;
import fr.civicgateway.core.dialogue.Dialogue;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The web channel: {@code POST /api/v1/chat} (API.md §1). Turns the JSON request into the core's
 * {@link IncomingMessage} and the core's replies back into JSON; knows nothing of what the bot says.
 */
@RestController
class ChatController {

    static final String CHANNEL = "web";

    private final Dialogue dialogue;
    private final ClientRateLimits rateLimits;

    ChatController(Dialogue dialogue, ClientRateLimits rateLimits) {
        this.dialogue = dialogue;
        this.rateLimits = rateLimits;
    }

    @PostMapping(path = "/api/v1/chat", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    ChatResponse chat(@RequestBody ChatRequest request, HttpServletRequest http) {
        rateLimits.address(http);
        if (request == null) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "malformed_request", "The request body must be a JSON object.");
        }
        String conversationId = RequestChecks.conversationId(request.conversationId());
        String text = RequestChecks.text(request.text());
        // The chat API carries text alone and shows quick replies as buttons (docs/API.md): nothing to share.
        IncomingMessage message = new IncomingMessage(CHANNEL, conversationId, text, RequestChecks.locale(request.locale()),
                null, null, null, ChannelCapabilities.BUTTONS);
        rateLimits.conversation(message.conversationKey());
        List<Message> messages = dialogue.handle(message).stream().map(ChatController::toJson).toList();
        return new ChatResponse(conversationId, messages);
    }

    private static Message toJson(Reply reply) {
        return switch (reply) {
            case Reply.Text t -> new Message(t.text(),
                    t.quickReplies().stream().filter(q -> q.kind() == QuickReply.Kind.TEXT)
                            .map(q -> new QuickReplyDto(q.title(), q.payload())).toList());
        };
    }
}
