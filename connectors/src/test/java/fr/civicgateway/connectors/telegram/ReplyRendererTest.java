package fr.civicgateway.connectors.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.benmanes.caffeine.cache.Ticker;
import fr.civicgateway.core.conversation.QuickReply;
import fr.civicgateway.core.conversation.Reply;
import java.nio.charset.StandardCharsets;
import fr.civicgateway.core.testing.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.ReplyKeyboard;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.ReplyKeyboardMarkup;

/** Rendering the core's replies within Telegram's limits: 4096 characters a message, 64 bytes of callback data. */
class ReplyRendererTest {

    private final TestClock clock = new TestClock(Instant.parse("2026-12-07T10:00:00Z"));
    private final InMemoryTelegramStore store = new InMemoryTelegramStore();
    private final QuickReplyButtons buttons = new QuickReplyButtons(store, clock, Duration.ofHours(24));
    private final ReplyRenderer renderer = new ReplyRenderer(buttons);

    @Test
    void cutsAtALineBreakWhenAParagraphIsLongerThanAMessage() {
        String line = "Député de la 2e circonscription de la Haute-Savoie.\n";
        String text = line.repeat(100);

        List<String> parts = ReplyRenderer.split(text, 4096);

        assertThat(parts).hasSize(2).allSatisfy(p -> assertThat(p).endsWith("Haute-Savoie."));
        assertThat(String.join("\n", parts)).isEqualTo(text.strip());
    }

    @Test
    void cutsAWordLongerThanAMessageWithoutBreakingACharacterInTwo() {
        String text = "a".repeat(4095) + "😀" + "b".repeat(10);

        List<String> parts = ReplyRenderer.split(text, 4096);

        assertThat(parts).containsExactly("a".repeat(4095), "😀" + "b".repeat(10));
    }

    @Test
    void putsTheKeyboardUnderTheLastPartOnly() {
        Reply reply = new Reply.Text("Scrutin adopté.\n\n".repeat(400), List.of(new QuickReply("Voir le scrutin", "scrutin 3876")));

        List<SendMessage> messages = texts(renderer.render(42, List.of(reply)));

        assertThat(messages).hasSizeGreaterThan(1);
        assertThat(messages.subList(0, messages.size() - 1)).allSatisfy(m -> assertThat(m.getReplyMarkup()).isNull());
        assertThat(messages.getLast().getReplyMarkup()).isNotNull();
        assertThat(messages).allSatisfy(m -> assertThat(m.getChatId()).isEqualTo("42"));
    }

    @Test
    void offersTelegramsShareButtonsOnAOneTimeReplyKeyboardBesideTheOtherAnswers() {
        Reply reply = new Reply.Text("Voulez-vous être recontacté(e) ?", List.of(
                QuickReply.shareContact("📞 Partager mon numéro"), new QuickReply("Non merci", "non")));

        ReplyKeyboard markup = texts(renderer.render(42, List.of(reply))).getLast().getReplyMarkup();

        assertThat(markup).isInstanceOf(ReplyKeyboardMarkup.class);
        ReplyKeyboardMarkup keyboard = (ReplyKeyboardMarkup) markup;
        assertThat(keyboard.getOneTimeKeyboard()).isTrue();
        assertThat(keyboard.getKeyboard().get(0).get(0).getText()).isEqualTo("📞 Partager mon numéro");
        assertThat(keyboard.getKeyboard().get(0).get(0).getRequestContact()).isTrue();
        assertThat(keyboard.getKeyboard().get(1).get(0).getText()).as("typed as text when pressed: the flow reads 'non merci'")
                .isEqualTo("Non merci");
        assertThat(keyboard.getKeyboard().get(1).get(0).getRequestContact()).isNull();

        ReplyKeyboard where = texts(renderer.render(42, List.of(new Reply.Text("Où ?",
                List.of(QuickReply.shareLocation("📍 Partager ma position")))))).getLast().getReplyMarkup();
        assertThat(((ReplyKeyboardMarkup) where).getKeyboard().get(0).get(0).getRequestLocation()).isTrue();
    }

    @Test
    void keepsALongPayloadBehindAShortTokenUntilItExpires() {
        String payload = "Comment a voté Mathilde Panot sur le projet de loi de financement de la sécurité sociale ?";
        String data = buttons.callbackData(new QuickReply("Vote", payload));

        assertThat(data.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(64);
        assertThat(buttons.callbackData(new QuickReply("Vote", payload))).as("same button, same token").isEqualTo(data);
        assertThat(buttons.payloadOf(data)).contains(payload);

        // Another instance, or this one after a restart, reads it from the shared store.
        assertThat(new QuickReplyButtons(store, clock, Duration.ofHours(24)).payloadOf(data)).contains(payload);

        clock.advance(Duration.ofHours(25));
        assertThat(buttons.payloadOf(data)).isEmpty();
    }

    @Test
    void sendsAShortPayloadInTheButtonItself() {
        assertThat(buttons.callbackData(new QuickReply("Oui", "oui"))).isEqualTo("p:oui");
        assertThat(buttons.payloadOf("p:oui")).contains("oui");
        assertThat(buttons.payloadOf("something else")).isEmpty();
    }

    @Test
    void sendsAChartAfterItsTextWithItsCaptionAndKeepsTheKeyboardOnTheText() {
        Reply text = new Reply.Text("Mathilde Panot a pris part à 412 des 1 203 scrutins…",
                List.of(new QuickReply("Ses votes", "votes de Mathilde Panot")));
        Reply chart = new Reply.Chart("/api/v1/deputies/PA720892/charts/participation", java.util.Locale.FRENCH,
                "Graphique en barres : …", "Participation de Mathilde Panot … : 412 sur 1 203, soit 34,2 %.");

        var messages = renderer.render(42, 7, 3, List.of(text, chart));

        assertThat(messages).hasSize(2);
        assertThat(((SendMessage) messages.getFirst()).getReplyMarkup()).as("the buttons stay under the text").isNotNull();
        ChartPhoto photo = (ChartPhoto) messages.getLast();
        assertThat(photo.getChatId()).isEqualTo("42");
        assertThat(photo.getMessageThreadId()).isEqualTo(7);
        assertThat(photo.getChart()).isEqualTo("/api/v1/deputies/PA720892/charts/participation");
        assertThat(photo.getLocale()).isEqualTo("fr");
        assertThat(photo.getCaption()).isEqualTo("Participation de Mathilde Panot … : 412 sur 1 203, soit 34,2 %.");
    }

    @Test
    void shortensACaptionOverTelegramsLimitAtAWord() {
        String caption = "Scrutin n° 3876, votes par groupe : " + "GROUPE 120/0/3 ; ".repeat(70);

        String shortened = ReplyRenderer.caption(caption);

        assertThat(caption.length()).isGreaterThan(1024);
        assertThat(shortened).hasSizeLessThanOrEqualTo(1024).endsWith("…").startsWith("Scrutin n° 3876, votes par groupe : GROUPE 120/0/3 ;");
        assertThat(shortened).doesNotContain("120/0/…");
    }

    private static List<SendMessage> texts(List<? extends Object> messages) {
        return messages.stream().map(SendMessage.class::cast).toList();
    }
}
