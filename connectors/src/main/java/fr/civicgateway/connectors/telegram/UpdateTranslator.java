package fr.civicgateway.connectors.telegram;

import fr.civicgateway.core.conversation.Attachment;
import fr.civicgateway.core.conversation.GeoPoint;
import fr.civicgateway.core.conversation.IncomingMessage;
import fr.civicgateway.core.nlu.Language;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;
import org.telegram.telegrambots.meta.api.objects.CallbackQuery;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.User;
import org.telegram.telegrambots.meta.api.objects.location.Location;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.api.objects.photo.PhotoSize;

/**
 * Turns a Telegram {@link Update} into what the gateway acts on: the core's channel-neutral message, under a
 * pseudonymous conversation id, plus what only Telegram needs (the chat to answer, the callback query to
 * acknowledge). {@code /start} and {@code /help} become the core's greeting and help; a pressed button becomes its
 * payload; a shared location reaches the core as {@link IncomingMessage#location()}; a photo in a private chat
 * reaches it as an {@link Attachment} (its largest size's {@code file_id}) with its caption as the text. Thread-safe, no side effect.
 */
final class UpdateTranslator {

    static final String CHANNEL = "telegram";

    private final ChatPseudonyms pseudonyms;
    private final QuickReplyButtons buttons;
    private final KnownChats knownChats;

    UpdateTranslator(ChatPseudonyms pseudonyms, QuickReplyButtons buttons) {
        this(pseudonyms, buttons, null);
    }

    /** @param knownChats where the chats heard from are remembered for pushed news, or null */
    UpdateTranslator(ChatPseudonyms pseudonyms, QuickReplyButtons buttons, KnownChats knownChats) {
        this.pseudonyms = pseudonyms;
        this.buttons = buttons;
        this.knownChats = knownChats;
    }

    /** Empty for updates the bot does not answer (edits, channel posts, member changes...). */
    Optional<Inbound> translate(Update update) {
        if (update.hasMessage()) {
            return fromMessage(update.getMessage());
        }
        if (update.hasCallbackQuery()) {
            return fromCallback(update.getCallbackQuery());
        }
        return Optional.empty();
    }

    private Optional<Inbound> fromMessage(Message m) {
        long chatId = m.getChatId();
        Language language = languageOf(m.getFrom());
        if (m.hasText() && !m.getText().isBlank()) {
            String text = m.getText().strip();
            return Optional.of(switch (command(text)) {
                case "start" -> message(chatId, language, language == Language.EN ? "hello" : "bonjour", null,
                        null, Inbound.Kind.WELCOME);
                case "help" -> message(chatId, language, language == Language.EN ? "help" : "aide", null, null,
                        Inbound.Kind.ANSWER);
                default -> message(chatId, language, clip(text), null, null, Inbound.Kind.ANSWER);
            });
        }
        if (m.hasLocation()) {
            Location l = m.getLocation();
            // The core reads the position from the message; the words only tell the NLU that a place was given.
            return Optional.of(message(chatId, language, language == Language.EN ? "my location" : "ma position",
                    new GeoPoint(l.getLatitude(), l.getLongitude()), null, Inbound.Kind.ANSWER));
        }
        if (m.hasPhoto() && m.getChat() != null && Boolean.TRUE.equals(m.getChat().isUserChat())) {
            // Telegram sends several sizes of one photo: the largest is the one worth forwarding. Only its file_id
            // goes on; the caption, if any, is the text.
            Optional<PhotoSize> largest = m.getPhoto().stream()
                    .max(Comparator.comparingLong(p -> (long) nz(p.getWidth()) * nz(p.getHeight())));
            if (largest.isPresent() && largest.get().getFileId() != null) {
                String caption = m.getCaption() == null ? "" : clip(m.getCaption().strip());
                IncomingMessage message = new IncomingMessage(CHANNEL, conversationId(chatId), caption,
                        language, null, new Attachment(Attachment.Kind.PHOTO, largest.get().getFileId()));
                return Optional.of(new Inbound(chatId, language, message, null, Inbound.Kind.ANSWER));
            }
        }
        // A photo in a private chat deserves a word on what the bot reads; in a group, service messages (members
        // joining, a title changed) are not addressed to the bot and must not be answered.
        return m.getChat() != null && Boolean.TRUE.equals(m.getChat().isUserChat())
                ? Optional.of(new Inbound(chatId, language, null, null, Inbound.Kind.UNSUPPORTED))
                : Optional.empty();
    }

    private Optional<Inbound> fromCallback(CallbackQuery q) {
        Language language = languageOf(q.getFrom());
        if (q.getMessage() == null) {
            // A button of an inline-mode message: there is no chat to answer in, only the query to acknowledge.
            return Optional.of(new Inbound(null, language, null, q.getId(), Inbound.Kind.ACKNOWLEDGE_ONLY));
        }
        long chatId = q.getMessage().getChatId();
        return Optional.of(buttons.payloadOf(q.getData())
                .map(payload -> message(chatId, language, clip(payload), null, q.getId(), Inbound.Kind.ANSWER))
                .orElseGet(() -> new Inbound(chatId, language, null, q.getId(), Inbound.Kind.EXPIRED_BUTTON)));
    }

    private Inbound message(long chatId, Language language, String text, GeoPoint location, String callbackQueryId,
                            Inbound.Kind kind) {
        IncomingMessage message = new IncomingMessage(CHANNEL, conversationId(chatId), text, language, location);
        return new Inbound(chatId, language, message, callbackQueryId, kind);
    }

    private String conversationId(long chatId) {
        String id = pseudonyms.conversationId(chatId);
        if (knownChats != null) {
            knownChats.remember(id, chatId);
        }
        return id;
    }

    private static int nz(Integer i) {
        return i == null ? 0 : i;
    }

    /** "/start", "/start@CivicBot", "/START payload" → "start"; not a command → "". */
    static String command(String text) {
        if (!text.startsWith("/")) {
            return "";
        }
        String word = text.substring(1).split("[\\s@]", 2)[0];
        return word.toLowerCase(Locale.ROOT);
    }

    private static String clip(String text) {
        // Telegram's own limit is the same, so this only guards against a client that does not respect it.
        return text.length() <= IncomingMessage.MAX_TEXT_LENGTH ? text : text.substring(0, IncomingMessage.MAX_TEXT_LENGTH);
    }

    private static Language languageOf(User user) {
        return user == null ? null : Language.fromCode(user.getLanguageCode()).orElse(null);
    }

    /**
     * One update to act on.
     *
     * @param chatId          the chat to answer, held in memory only for the reply; null when there is none
     * @param language        the user's Telegram language if the bot speaks it, else null
     * @param message         what the core answers, or null for the kinds that need no core answer
     * @param callbackQueryId the button press to acknowledge, or null
     */
    record Inbound(Long chatId, Language language, IncomingMessage message, String callbackQueryId, Kind kind) {

        enum Kind {
            /** The core answers the message. */
            ANSWER,
            /** {@code /start}: the core's greeting, then the privacy note. */
            WELCOME,
            /** A button whose payload is no longer known: the user is asked to type the question. */
            EXPIRED_BUTTON,
            /** Neither text nor a location (a photo, a sticker) in a private chat: the user is told what the bot reads. */
            UNSUPPORTED,
            /** A press with no chat to answer in: only acknowledged. */
            ACKNOWLEDGE_ONLY
        }
    }
}
