package fr.civicgateway.connectors.web;

import fr.civicgateway.connectors.web.ChatApi.ChatRequest;
import fr.civicgateway.connectors.web.ChatApi.ChatResponse;
import fr.civicgateway.connectors.web.ChatApi.Message;
import fr.civicgateway.connectors.web.ChatApi.QuickReplyDto;
import fr.civicgateway.core.answer.MethodLinks;
import fr.civicgateway.core.conversation.Attachment;
import fr.civicgateway.core.conversation.ChannelCapabilities;
import fr.civicgateway.core.conversation.GeoPoint;
import fr.civicgateway.core.conversation.IncomingMessage;
import fr.civicgateway.core.conversation.QuickReply;
import fr.civicgateway.core.conversation.Reply;
import fr.civicgateway.core.dialogue.Dialogue;
import fr.civicgateway.core.nlu.Language;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The web channel: {@code POST /api/v1/chat} (API.md §1). Turns the JSON request into the core's
 * {@link IncomingMessage} and the core's replies back into JSON (a chart as its public URLs, alt text and caption);
 * knows nothing of what the bot says.
 */
@RestController
class ChatController {

    static final String CHANNEL = "web";
    /**
     * The chat API shows quick replies as buttons and takes a position ({@code location}) and a photo
     * ({@code attachmentId}, POST /api/v1/attachments) with a message (docs/API.md); no phone number.
     */
    static final ChannelCapabilities CAPABILITIES = new ChannelCapabilities(true, false, true, true);

    private final Dialogue dialogue;
    private final ClientRateLimits rateLimits;
    private final AttachmentStore attachments;
    /** The gateway's public address ({@code civic.public-url}): a chart's URLs are absolute, for an embedding page. */
    private final String publicBase;

    ChatController(Dialogue dialogue, ClientRateLimits rateLimits, AttachmentStore attachments, MethodLinks links) {
        this.dialogue = dialogue;
        this.rateLimits = rateLimits;
        this.attachments = attachments;
        this.publicBase = links.base();
    }

    @PostMapping(path = "/api/v1/chat", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    ChatResponse chat(@RequestBody ChatRequest request, HttpServletRequest http) {
        rateLimits.address(http);
        if (request == null) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "malformed_request", "The request body must be a JSON object.");
        }
        String conversationId = RequestChecks.conversationId(request.conversationId());
        GeoPoint location = RequestChecks.location(request.location());
        boolean carriesMore = location != null || request.attachmentId() != null;
        String text = carriesMore ? RequestChecks.optionalText(request.text()) : RequestChecks.text(request.text());
        Language locale = RequestChecks.locale(request.locale());
        String conversationKey = CHANNEL + ":" + conversationId;
        rateLimits.conversation(conversationKey);
        AttachmentStore.Stored photo = AttachmentController.ownedBy(attachments, request.attachmentId(), conversationKey);
        Attachment attachment = photo == null ? null
                : new Attachment(Attachment.Kind.PHOTO, WebAttachments.reference(photo.id()));
        IncomingMessage message = new IncomingMessage(CHANNEL, conversationId, text, locale, location, attachment, null,
                CAPABILITIES);
        return new ChatResponse(conversationId, toJson(dialogue.handle(message)));
    }

    private List<Message> toJson(List<Reply> replies) {
        List<Message> messages = new ArrayList<>();
        for (Reply reply : replies) {
            switch (reply) {
                case Reply.Text t -> messages.add(Message.text(t.text(),
                        t.quickReplies().stream().filter(q -> q.kind() == QuickReply.Kind.TEXT)
                                .map(q -> new QuickReplyDto(q.title(), q.payload())).toList()));
                case Reply.Chart c -> {
                    // Clients offer the last message's quick replies (they answer the latest question): a chart
                    // after a text takes the text's, so that a client that shows only texts still offers them.
                    List<QuickReplyDto> carried = List.of();
                    if (!messages.isEmpty()) {
                        Message before = messages.removeLast();
                        carried = before.quickReplies();
                        messages.add(before.withQuickReplies(List.of()));
                    }
                    messages.add(new Message("chart", c.caption(), carried, publicBase + c.path("svg"),
                            publicBase + c.path("png"), publicBase + c.path("csv"), c.alt(), c.caption()));
                }
            }
        }
        return messages;
    }
}
