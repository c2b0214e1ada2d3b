package fr.civicgateway.connectors.telegram;

import fr.civicgateway.core.conversation.Attachment;
import fr.civicgateway.core.conversation.GeoPoint;
import fr.civicgateway.core.conversation.ChannelCapabilities;
import fr.civicgateway.core.conversation.IncomingMessage;
import fr.civicgateway.core.nlu.Language;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;
import org.telegram.telegrambots.meta.api.objects.CallbackQuery;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.User;
import org.telegram.telegrambots.meta.api.objects.chat.Chat;
import org.telegram.telegrambots.meta.api.objects.chatmember.ChatMemberUpdated;
import org.telegram.telegrambots.meta.api.objects.location.Location;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.api.objects.photo.PhotoSize;

/**
 * Turns a Telegram {@link Update} into what the gateway acts on: the core's channel-neutral message, under a
 * pseudonymous conversation id, plus what only Telegram needs (the chat to answer, the callback query to
 * acknowledge). {@code /start} and {@code /help} become the core's greeting and help; a pressed button becomes its
 * payload; a shared location reaches the core as {@link IncomingMessage#location()}; the person's own contact (the
 * {@code request_contact} button) as its phone number in the text; a photo in a private chat
 * reaches it as an {@link Attachment} (its largest size's {@code file_id}) with its caption as the text. Thread-safe, no side effect.
 */
final class UpdateTranslator {

    static final String CHANNEL = "telegram";
    /** A private chat: buttons that share a position or a phone number work there. */
    static final ChannelCapabilities PRIVATE_CHAT = ChannelCapabilities.ALL;
    /**
     * A group: Telegram's {@code request_location} and {@code request_contact} buttons work in private chats only;
     * a photo sent in reply to the bot is read.
     */
    static final ChannelCapabilities GROUP = new ChannelCapabilities(false, false, true, true, true);

    private final ChatPseudonyms pseudonyms;
    private final QuickReplyButtons buttons;
    private final KnownChats knownChats;
    private final BotIdentity me;

    UpdateTranslator(ChatPseudonyms pseudonyms, QuickReplyButtons buttons) {
        this(pseudonyms, buttons, null, new BotIdentity(0, null));
    }

    /**
     * @param knownChats where the chats heard from are remembered for pushed news, or null
     * @param me         the bot's own identity, to tell in a group what is addressed to it
     */
    UpdateTranslator(ChatPseudonyms pseudonyms, QuickReplyButtons buttons, KnownChats knownChats, BotIdentity me) {
        this.pseudonyms = pseudonyms;
        this.buttons = buttons;
        this.knownChats = knownChats;
        this.me = me;
    }

    /** Empty for updates the bot does not answer (edits, channel posts, group chatter not addressed to it...). */
    Optional<Inbound> translate(Update update) {
        if (update.hasMessage()) {
            Message m = update.getMessage();
            return isGroup(m.getChat()) ? fromGroupMessage(m) : fromMessage(m, null);
        }
        if (update.hasCallbackQuery()) {
            return fromCallback(update.getCallbackQuery());
        }
        if (update.getMyChatMember() != null) {
            return fromMembership(update.getMyChatMember());
        }
        return Optional.empty();
    }

    /**
     * The bot's own membership changed: added to a group (it says hello there), or removed, or blocked by the user
     * in a private chat (nothing more is pushed there).
     */
    private Optional<Inbound> fromMembership(ChatMemberUpdated change) {
        if (change.getChat() == null || change.getNewChatMember() == null) {
            return Optional.empty();
        }
        long chatId = change.getChat().getId();
        String now = change.getNewChatMember().getStatus();
        String before = change.getOldChatMember() == null ? "left" : change.getOldChatMember().getStatus();
        Language language = languageOf(change.getFrom());
        boolean in = isIn(now);
        if (!in && isIn(before)) {
            return Optional.of(new Inbound(chatId, language, null, null, Inbound.Kind.CHAT_GONE, null, null));
        }
        if (in && !isIn(before) && isGroup(change.getChat())) {
            return Optional.of(new Inbound(chatId, language, null, null, Inbound.Kind.GROUP_HELLO, null, null));
        }
        return Optional.empty();
    }

    private static boolean isIn(String status) {
        return status != null && !status.equals("left") && !status.equals("kicked");
    }

    private static boolean isGroup(Chat chat) {
        return chat != null && (Boolean.TRUE.equals(chat.isGroupChat()) || Boolean.TRUE.equals(chat.isSuperGroupChat()));
    }

    /**
     * In a group, only what is addressed to the bot: a command for it ({@code /help} or {@code /help@ThisBot}, not
     * {@code /help@OtherBot}), a message mentioning {@code @ThisBot}, a reply to one of its messages. Each member has
     * their own conversation; the answer goes in the message's topic, as a reply to it.
     */
    private Optional<Inbound> fromGroupMessage(Message m) {
        me.refreshIfUnknown();
        if (m.getFrom() == null || Boolean.TRUE.equals(m.getFrom().getIsBot())) {
            return Optional.empty();
        }
        boolean replyToMe = m.getReplyToMessage() != null && me.isMe(m.getReplyToMessage().getFrom());
        if (m.hasText() && !m.getText().isBlank()) {
            String text = m.getText().strip();
            if (text.startsWith("/")) {
                String target = commandTarget(text);
                if (target != null && !me.isMyUsername(target)) {
                    return Optional.empty(); // a command for another bot
                }
                return fromMessage(m, m.getFrom());
            }
            String mention = me.username() == null ? null : "@" + me.username();
            int at = mention == null ? -1 : text.toLowerCase(Locale.ROOT).indexOf(mention.toLowerCase(Locale.ROOT));
            if (at >= 0) {
                String rest = (text.substring(0, at) + " " + text.substring(at + mention.length())).strip();
                if (rest.isEmpty()) {
                    rest = languageOf(m.getFrom()) == Language.EN ? "help" : "aide";
                }
                return fromMessage(m, m.getFrom(), rest);
            }
            return replyToMe ? fromMessage(m, m.getFrom()) : Optional.empty();
        }
        // A position or a photo counts in a group only as a reply to the bot (it asked for it).
        return replyToMe && (m.hasLocation() || m.hasPhoto()) ? fromMessage(m, m.getFrom()) : Optional.empty();
    }

    private Optional<Inbound> fromMessage(Message m, User member) {
        return fromMessage(m, member, m.hasText() ? m.getText().strip() : null);
    }

    /**
     * @param member the group member who wrote, or null in a private chat
     * @param said   the text as addressed to the bot (a mention removed), or null when there is none
     */
    private Optional<Inbound> fromMessage(Message m, User member, String said) {
        long chatId = m.getChatId();
        Language language = languageOf(m.getFrom());
        Target where = new Target(chatId, member == null ? null : member.getId(),
                Boolean.TRUE.equals(m.getIsTopicMessage()) ? m.getMessageThreadId() : null,
                member == null ? null : m.getMessageId());
        if (said != null && !said.isBlank()) {
            String text = said;
            return Optional.of(switch (command(text)) {
                case "start" -> start(where, language, commandArgument(text));
                case "signaler" -> start(where, language, "signaler");
                case "consultation" -> message(where, language, "consultation", null, null, Inbound.Kind.ANSWER);
                // The core deletes the conversation's subscriptions and says so; the connector stops pushing.
                case "stop" -> message(where, language, "/stop", null, null, Inbound.Kind.STOP);
                // "/suivre Mathilde Panot" is "suivre Mathilde Panot"; "/suivre" alone, how to follow.
                case "suivre", "follow" -> message(where, language, commandArgument(text).isBlank() ? "/suivre"
                        : clip("suivre " + commandArgument(text)), null, null, Inbound.Kind.ANSWER);
                case "abonnements", "subscriptions" -> message(where, language, "/abonnements", null, null,
                        Inbound.Kind.ANSWER);
                case "help" -> message(where, language, language == Language.EN ? "help" : "aide", null, null,
                        Inbound.Kind.ANSWER);
                default -> message(where, language, clip(text), null, null, Inbound.Kind.ANSWER);
            });
        }
        if (m.hasLocation()) {
            Location l = m.getLocation();
            // The core reads the position from the message; the words only tell the NLU that a place was given.
            return Optional.of(message(where, language, language == Language.EN ? "my location" : "ma position",
                    new GeoPoint(l.getLatitude(), l.getLongitude()), null, Inbound.Kind.ANSWER));
        }
        if (m.hasContact() && m.getContact().getPhoneNumber() != null && m.getFrom() != null
                && m.getFrom().getId().equals(m.getContact().getUserId())) {
            // The person's own number, shared with the button the report flow offers: it answers as if typed. A
            // contact from the address book (someone else's) is not taken.
            String phone = m.getContact().getPhoneNumber().strip();
            return Optional.of(message(where, language, clip(phone.startsWith("+") ? phone : "+" + phone), null, null,
                    Inbound.Kind.ANSWER));
        }
        if (m.hasPhoto() && m.getChat() != null && (Boolean.TRUE.equals(m.getChat().isUserChat()) || member != null)) {
            // Telegram sends several sizes of one photo: the largest is the one worth forwarding. Only its file_id
            // goes on; the caption, if any, is the text.
            Optional<PhotoSize> largest = m.getPhoto().stream()
                    .max(Comparator.comparingLong(p -> (long) nz(p.getWidth()) * nz(p.getHeight())));
            if (largest.isPresent() && largest.get().getFileId() != null) {
                String caption = m.getCaption() == null ? "" : clip(m.getCaption().strip());
                IncomingMessage message = new IncomingMessage(CHANNEL, conversationId(where), caption,
                        language, null, new Attachment(Attachment.Kind.PHOTO, largest.get().getFileId()), personId(where),
                        capabilities(where));
                return Optional.of(new Inbound(chatId, language, message, null, Inbound.Kind.ANSWER, where.threadId(),
                        where.replyTo()));
            }
        }
        // A photo in a private chat deserves a word on what the bot reads; in a group, service messages (members
        // joining, a title changed) are not addressed to the bot and must not be answered.
        return m.getChat() != null && Boolean.TRUE.equals(m.getChat().isUserChat())
                ? Optional.of(new Inbound(chatId, language, null, null, Inbound.Kind.UNSUPPORTED, null, null))
                : Optional.empty();
    }

    private Optional<Inbound> fromCallback(CallbackQuery q) {
        Language language = languageOf(q.getFrom());
        if (q.getMessage() == null) {
            // A button of an inline-mode message: there is no chat to answer in, only the query to acknowledge.
            return Optional.of(new Inbound(null, language, null, q.getId(), Inbound.Kind.ACKNOWLEDGE_ONLY, null, null));
        }
        long chatId = q.getMessage().getChatId();
        boolean group = isGroup(q.getMessage().getChat());
        // In a group, the button goes to the conversation of the member who pressed it.
        Target where = new Target(chatId, group && q.getFrom() != null ? q.getFrom().getId() : null, null, null);
        Integer pressed = q.getMessage().getMessageId();
        return Optional.of(buttons.payloadOf(q.getData())
                .map(payload -> message(where, language, clip(payload), null, q.getId(), Inbound.Kind.ANSWER))
                .orElseGet(() -> new Inbound(chatId, language, null, q.getId(), Inbound.Kind.EXPIRED_BUTTON, null, null))
                .pressed(pressed));
    }

    /**
     * {@code /start} with a deep link's payload ({@code t.me/Bot?start=signaler}): {@code signaler} opens the report
     * flow, {@code consultation-<id>} that consultation; no payload or an unknown one, the greeting.
     */
    private Inbound start(Target where, Language language, String payload) {
        boolean en = language == Language.EN;
        if (payload.equals("signaler")) {
            return message(where, language, en ? "I want to report a problem" : "Je veux signaler un problème", null,
                    null, Inbound.Kind.ANSWER);
        }
        if (payload.startsWith("consultation-") && IncomingMessage.isValidConversationId(payload.substring(13))) {
            Inbound open = message(where, language, "consultation", null, null, Inbound.Kind.ANSWER);
            return new Inbound(open.chatId(), language, open.message(), null, Inbound.Kind.OPEN_CONSULTATION,
                    open.threadId(), open.replyTo(), payload.substring(13));
        }
        return message(where, language, en ? "hello" : "bonjour", null, null, Inbound.Kind.WELCOME);
    }

    private Inbound message(Target where, Language language, String text, GeoPoint location, String callbackQueryId,
                            Inbound.Kind kind) {
        IncomingMessage message = new IncomingMessage(CHANNEL, conversationId(where), text, language, location, null,
                personId(where), capabilities(where));
        return new Inbound(where.chatId(), language, message, callbackQueryId, kind, where.threadId(), where.replyTo());
    }

    private static ChannelCapabilities capabilities(Target where) {
        return where.member() == null ? PRIVATE_CHAT : GROUP;
    }

    /** A private chat is one conversation; in a group, each member has theirs. */
    private String conversationId(Target where) {
        String id = where.member() == null ? pseudonyms.conversationId(where.chatId())
                : pseudonyms.conversationId(where.chatId(), where.member());
        if (knownChats != null) {
            knownChats.remember(id, where.chatId());
        }
        return id;
    }

    /** In a group, the member's own pseudonym, the same as in their private chat with the bot. */
    private String personId(Target where) {
        return where.member() == null ? null : pseudonyms.personId(where.member());
    }

    /**
     * Where a message came from and its answer goes.
     *
     * @param member   the group member who wrote, or null in a private chat
     * @param threadId the forum topic to answer in, or null
     * @param replyTo  the message to answer as a reply (in a group), or null
     */
    private record Target(long chatId, Long member, Integer threadId, Integer replyTo) {
    }

    private static int nz(Integer i) {
        return i == null ? 0 : i;
    }

    /** "/start signaler" → "signaler"; "/start" → "". */
    static String commandArgument(String text) {
        String[] parts = text.split("\\s+", 2);
        return parts.length < 2 ? "" : parts[1].strip();
    }

    /** "/help@CivicBot" → "CivicBot"; "/help" or not a command → null. */
    static String commandTarget(String text) {
        if (!text.startsWith("/")) {
            return null;
        }
        String word = text.substring(1).split("\\s", 2)[0];
        int at = word.indexOf('@');
        return at < 0 ? null : word.substring(at + 1);
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
     * @param threadId        the forum topic the answer goes to, or null
     * @param replyTo         the message the answer replies to (in a group), or null
     * @param consultationId  the consultation a deep link opens ({@link Kind#OPEN_CONSULTATION}), else null
     * @param pressedMessageId the message whose button was pressed (its keyboard is then removed), else null
     */
    record Inbound(Long chatId, Language language, IncomingMessage message, String callbackQueryId, Kind kind,
                   Integer threadId, Integer replyTo, String consultationId, Integer pressedMessageId) {

        Inbound(Long chatId, Language language, IncomingMessage message, String callbackQueryId, Kind kind,
                Integer threadId, Integer replyTo) {
            this(chatId, language, message, callbackQueryId, kind, threadId, replyTo, null, null);
        }

        Inbound(Long chatId, Language language, IncomingMessage message, String callbackQueryId, Kind kind,
                Integer threadId, Integer replyTo, String consultationId) {
            this(chatId, language, message, callbackQueryId, kind, threadId, replyTo, consultationId, null);
        }

        /** This press's message, whose keyboard is removed once used. */
        Inbound pressed(Integer messageId) {
            return new Inbound(chatId, language, message, callbackQueryId, kind, threadId, replyTo, consultationId, messageId);
        }

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
            ACKNOWLEDGE_ONLY,
            /** The bot was added to a group: it says hello and how to address it. */
            GROUP_HELLO,
            /** The bot was removed from the chat or blocked: nothing more is sent there. */
            CHAT_GONE,
            /** {@code /stop}: nothing more is pushed to the chat until the user writes again; the bot says so. */
            STOP,
            /** A deep link to a consultation: the core's consultation list, then that consultation picked. */
            OPEN_CONSULTATION,
            /** The person writes faster than the rate limit: told once, not answered. */
            TOO_FAST
        }
    }
}
