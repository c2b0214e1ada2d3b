package fr.civicgateway.core.conversation;

/**
 * What a channel lets the person do besides typing, set by its connector on every {@link IncomingMessage}: the core
 * offers a button or mentions a way of answering only where the channel has it, and never looks at the channel's
 * name.
 *
 * @param shareLocation the person can share a position with a button ({@link QuickReply.Kind#SHARE_LOCATION})
 * @param shareContact  the person can share their phone number with a button ({@link QuickReply.Kind#SHARE_CONTACT})
 * @param sendPhoto     the person can send a photo with a message
 * @param buttons       quick replies are shown as buttons (else the person types the answer)
 * @param canPush       the gateway can write to the person unasked (a messenger); else what it has to tell waits for
 *                      the person's next message (a web page cannot be reached when closed)
 */
public record ChannelCapabilities(boolean shareLocation, boolean shareContact, boolean sendPhoto, boolean buttons,
                                  boolean canPush) {

    /** A channel that cannot push (the four capabilities of before {@code canPush}). */
    public ChannelCapabilities(boolean shareLocation, boolean shareContact, boolean sendPhoto, boolean buttons) {
        this(shareLocation, shareContact, sendPhoto, buttons, false);
    }

    /** A channel of text alone. */
    public static final ChannelCapabilities TEXT_ONLY = new ChannelCapabilities(false, false, false, false);
    /** Text and quick-reply buttons, nothing more (the web chat API). */
    public static final ChannelCapabilities BUTTONS = new ChannelCapabilities(false, false, false, true);
    /** A messaging app that can do everything here (Telegram). */
    public static final ChannelCapabilities ALL = new ChannelCapabilities(true, true, true, true, true);
}
