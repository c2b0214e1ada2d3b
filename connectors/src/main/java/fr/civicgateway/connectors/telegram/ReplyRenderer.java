package fr.civicgateway.connectors.telegram;

import fr.civicgateway.core.conversation.QuickReply;
import fr.civicgateway.core.conversation.Reply;
import java.util.ArrayList;
import java.util.List;
import org.telegram.telegrambots.meta.api.methods.botapimethods.BotApiMethod;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.objects.LinkPreviewOptions;
import org.telegram.telegrambots.meta.api.objects.ReplyParameters;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.ReplyKeyboard;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.ReplyKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.KeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.KeyboardRow;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;

/**
 * Renders the core's replies as Telegram messages: plain text (no parse mode, so nothing needs escaping and no
 * user-visible markup can break), split under Telegram's 4096-character limit at paragraph, then line, then word
 * boundaries; quick replies become an inline keyboard, one button per row, under the last part. Quick replies that
 * share the person's position or phone number become a one-time reply keyboard instead (Telegram's
 * {@code request_location} and {@code request_contact} buttons exist only there), whose other buttons send their
 * title as typed text. A chart becomes a {@link ChartPhoto}, sent after the text as a photo with its caption
 * (at most 1,024 characters). Thread-safe.
 */
final class ReplyRenderer {

    /** Telegram's limit on a message's text, counted here in UTF-16 units, which is never fewer than Telegram's count. */
    static final int MAX_MESSAGE_LENGTH = 4096;
    /** Telegram's limit on a photo's caption; a longer one is cut at a word and ends with "…". */
    static final int MAX_CAPTION = 1024;

    private final QuickReplyButtons buttons;

    ReplyRenderer(QuickReplyButtons buttons) {
        this.buttons = buttons;
    }

    List<BotApiMethod<Message>> render(long chatId, List<Reply> replies) {
        return render(chatId, null, null, replies);
    }

    /**
     * @param threadId the forum topic to write in, or null
     * @param replyTo  the message the first part answers (in a group, so that the member sees it is for them), or null
     */
    List<BotApiMethod<Message>> render(long chatId, Integer threadId, Integer replyTo, List<Reply> replies) {
        List<BotApiMethod<Message>> messages = new ArrayList<>();
        for (Reply reply : replies) {
            switch (reply) {
                case Reply.Text t -> {
                    List<String> parts = split(t.text(), MAX_MESSAGE_LENGTH);
                    for (int i = 0; i < parts.size(); i++) {
                        // Source links are sent without a preview: it would push the answer out of sight.
                        SendMessage.SendMessageBuilder<?, ?> message = SendMessage.builder().chatId(chatId).text(parts.get(i))
                                .linkPreviewOptions(LinkPreviewOptions.builder().isDisabled(true).build())
                                .messageThreadId(threadId);
                        if (replyTo != null && messages.isEmpty()) {
                            message.replyParameters(ReplyParameters.builder().messageId(replyTo)
                                    .allowSendingWithoutReply(true).build());
                        }
                        if (i == parts.size() - 1 && !t.quickReplies().isEmpty()) {
                            message.replyMarkup(keyboard(t.quickReplies()));
                        }
                        messages.add(message.build());
                    }
                }
                // After the text it illustrates, so that a reader who cannot see it has read its figures already.
                case Reply.Chart c -> messages.add(new ChartPhoto(Long.toString(chatId), threadId, c.path(),
                        c.locale().toLanguageTag(), caption(c.caption())));
            }
        }
        return messages;
    }

    /** A caption within Telegram's limit, shortened at a word when needed (the full text is in the answer above). */
    static String caption(String caption) {
        if (caption.length() <= MAX_CAPTION) {
            return caption;
        }
        return split(caption, MAX_CAPTION - 1).getFirst() + "…";
    }

    private ReplyKeyboard keyboard(List<QuickReply> quickReplies) {
        if (quickReplies.stream().anyMatch(q -> q.kind() != QuickReply.Kind.TEXT)) {
            List<KeyboardRow> rows = quickReplies.stream()
                    .map(q -> new KeyboardRow(KeyboardButton.builder().text(q.title())
                            .requestLocation(q.kind() == QuickReply.Kind.SHARE_LOCATION ? true : null)
                            .requestContact(q.kind() == QuickReply.Kind.SHARE_CONTACT ? true : null)
                            .build()))
                    .toList();
            return ReplyKeyboardMarkup.builder().keyboard(rows).resizeKeyboard(true).oneTimeKeyboard(true).build();
        }
        return inlineKeyboard(quickReplies);
    }

    private InlineKeyboardMarkup inlineKeyboard(List<QuickReply> quickReplies) {
        List<InlineKeyboardRow> rows = quickReplies.stream()
                .map(q -> new InlineKeyboardRow(InlineKeyboardButton.builder()
                        .text(q.title())
                        .callbackData(buttons.callbackData(q))
                        .build()))
                .toList();
        return InlineKeyboardMarkup.builder().keyboard(rows).build();
    }

    /**
     * Splits a text into parts of at most {@code max} characters, cutting at the last blank line, else the last line
     * break, else the last space before the limit, and only as a last resort in the middle of a word (never inside a
     * surrogate pair). Blank parts are dropped; a blank text gives one part so that the user still gets an answer.
     */
    static List<String> split(String text, int max) {
        List<String> parts = new ArrayList<>();
        String rest = text.strip();
        while (rest.length() > max) {
            int cut = lastBoundary(rest, max);
            String part = rest.substring(0, cut).strip();
            if (!part.isEmpty()) {
                parts.add(part);
            }
            rest = rest.substring(cut).strip();
        }
        if (!rest.isEmpty() || parts.isEmpty()) {
            parts.add(rest.isEmpty() ? "…" : rest);
        }
        return parts;
    }

    private static int lastBoundary(String text, int max) {
        for (String boundary : new String[] {"\n\n", "\n", " "}) {
            int at = text.lastIndexOf(boundary, max - boundary.length());
            if (at > 0) {
                return at + boundary.length();
            }
        }
        return Character.isHighSurrogate(text.charAt(max - 1)) ? max - 1 : max;
    }
}
