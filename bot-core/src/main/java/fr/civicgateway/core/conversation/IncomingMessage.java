package fr.civicgateway.core.conversation;

import fr.civicgateway.core.nlu.Language;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The one channel-neutral message every connector turns its own input into.
 *
 * @param channel        the connector's id, e.g. {@code web}, {@code telegram}
 * @param conversationId the conversation within that channel: 1–128 characters of {@code [A-Za-z0-9_-]}
 * @param text           what the user wrote (or the payload of a quick reply they pressed), 1–4096 characters
 * @param locale         the language the client declared, or null to detect it from the text
 * @param location       a position the user shared, or null
 * @param attachment     a file the user sent with the message (a photo), or null
 * @param personId       the person who wrote, when one conversation holds several people (a Telegram group) or one
 *                       person has several conversations: same rules as {@code conversationId}; null when the
 *                       conversation is the person (the web chat, a private chat)
 * @param capabilities   what the channel lets the person do besides typing; the core decides on these, never on
 *                       {@code channel}
 */
public record IncomingMessage(String channel, String conversationId, String text, Language locale, GeoPoint location,
                              Attachment attachment, String personId, ChannelCapabilities capabilities) {

    public static final int MAX_TEXT_LENGTH = 4096;
    private static final Pattern CONVERSATION_ID = Pattern.compile("[A-Za-z0-9_-]{1,128}");

    public IncomingMessage {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(capabilities, "capabilities");
        Objects.requireNonNull(text, "text");
        if (conversationId == null || !CONVERSATION_ID.matcher(conversationId).matches()) {
            throw new IllegalArgumentException("conversationId must be 1-128 characters of [A-Za-z0-9_-]");
        }
        if (personId != null && !CONVERSATION_ID.matcher(personId).matches()) {
            throw new IllegalArgumentException("personId must be 1-128 characters of [A-Za-z0-9_-]");
        }
        if (text.isBlank() && location == null && attachment == null) {
            throw new IllegalArgumentException("text must not be empty");
        }
        if (text.length() > MAX_TEXT_LENGTH) {
            throw new IllegalArgumentException("text must be at most " + MAX_TEXT_LENGTH + " characters, was " + text.length());
        }
    }

    /** A message from a channel that shows buttons and nothing more ({@link ChannelCapabilities#BUTTONS}). */
    public IncomingMessage(String channel, String conversationId, String text, Language locale, GeoPoint location,
                           Attachment attachment, String personId) {
        this(channel, conversationId, text, locale, location, attachment, personId, ChannelCapabilities.BUTTONS);
    }

    /** The same message from a channel that can do {@code capabilities}. */
    public IncomingMessage withCapabilities(ChannelCapabilities capabilities) {
        return new IncomingMessage(channel, conversationId, text, locale, location, attachment, personId, capabilities);
    }

    /** A message whose conversation is the person. */
    public IncomingMessage(String channel, String conversationId, String text, Language locale, GeoPoint location,
                           Attachment attachment) {
        this(channel, conversationId, text, locale, location, attachment, null);
    }

    /** A message without attachment. */
    public IncomingMessage(String channel, String conversationId, String text, Language locale, GeoPoint location) {
        this(channel, conversationId, text, locale, location, null);
    }

    /**
     * The key of the person within the channel, for what is owed once per person (a consultation answer): the
     * person's id when the channel gave one, else the conversation's key.
     */
    public String personKey() {
        return personId == null ? conversationKey() : channel + ":" + personId;
    }

    public static boolean isValidConversationId(String id) {
        return id != null && CONVERSATION_ID.matcher(id).matches();
    }

    /** The key under which the conversation's state is kept: channels never share a conversation. */
    public String conversationKey() {
        return channel + ":" + conversationId;
    }

    /**
     * A shared position with no question of its own: no words, or only the words a channel puts beside it (Telegram
     * sends "ma position" / "my location"). Such a message answers the question the conversation is on.
     */
    public boolean onlyAPosition() {
        if (location == null) {
            return false;
        }
        String words = fr.civicgateway.core.text.Text.foldToWords(text);
        return words.isEmpty() || words.equals("ma position") || words.equals("my location");
    }
}
