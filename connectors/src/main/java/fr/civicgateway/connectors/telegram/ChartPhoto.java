package fr.civicgateway.connectors.telegram;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;
import org.telegram.telegrambots.meta.api.methods.botapimethods.BotApiMethod;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;

/**
 * A chart owed to a chat, as the outbound queue stores it: the chart's path and language, not its bytes (a PNG in
 * every stored row would bloat the store, and the chart is made again in a few milliseconds). It goes through the
 * queue like any message — stored before the update is confirmed, in order after the text it follows, under the same
 * limits and retries — and only when its turn comes does {@link TelegramOutbox} make the PNG ({@link ChartPngs}) and
 * send it with {@code sendPhoto} (a multipart upload), or send its caption with {@code sendMessage} when the PNG
 * cannot be made. Never sent as is: {@link #PATH} is no Bot API method.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
final class ChartPhoto extends BotApiMethod<Message> {

    /** The name it is stored under. */
    static final String PATH = "chartPhoto";

    private final String chatId;
    private final Integer messageThreadId;
    private final String chart;
    private final String locale;
    private final String caption;

    /**
     * @param chart   the chart's path under the records API, without extension
     * @param locale  a BCP 47 language tag ({@code fr}) for its labels
     * @param caption at most {@link ReplyRenderer#MAX_CAPTION} characters
     */
    @JsonCreator
    ChartPhoto(@JsonProperty("chat_id") String chatId, @JsonProperty("message_thread_id") Integer messageThreadId,
               @JsonProperty("chart") String chart, @JsonProperty("locale") String locale,
               @JsonProperty("caption") String caption) {
        this.chatId = Objects.requireNonNull(chatId, "chat_id");
        this.messageThreadId = messageThreadId;
        this.chart = Objects.requireNonNull(chart, "chart");
        this.locale = Objects.requireNonNull(locale, "locale");
        this.caption = Objects.requireNonNull(caption, "caption");
    }

    @JsonProperty("chat_id")
    String getChatId() {
        return chatId;
    }

    @JsonProperty("message_thread_id")
    Integer getMessageThreadId() {
        return messageThreadId;
    }

    @JsonProperty("chart")
    String getChart() {
        return chart;
    }

    @JsonProperty("locale")
    String getLocale() {
        return locale;
    }

    @JsonProperty("caption")
    String getCaption() {
        return caption;
    }

    @Override
    public String getMethod() {
        return PATH;
    }

    @Override
    public Message deserializeResponse(String answer) throws TelegramApiRequestException {
        return deserializeResponse(answer, Message.class);
    }

    @Override
    public void validate() {
        // Validated as the sendPhoto or sendMessage it becomes.
    }
}
