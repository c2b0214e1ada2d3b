package fr.civicgateway.connectors.telegram;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Conditional;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.telegram.telegrambots.meta.api.objects.Update;

/**
 * The webhook endpoint (webhook mode): Telegram posts each {@link Update} here. The request must carry the secret in
 * {@code X-Telegram-Bot-Api-Secret-Token} (401 otherwise, compared in constant time, checked before the body is
 * read). A valid update is answered {@code 200} once the messages that answer it are stored (not sent: they leave
 * through the outbound queue, and survive a restart), so that an update Telegram considers delivered is never lost.
 * It is answered {@code 503} when it cannot be stored in time, or while another instance handles the same update:
 * Telegram then delivers it again later. A redelivery of an update already answered gets {@code 200} and nothing else.
 *
 * <p>The body is parsed here with the Jackson 2 mapper TelegramBots' types are annotated for, not by Spring MVC
 * (which uses Jackson 3). Errors: 413 for a body over {@code civic.telegram.webhook.max-body-bytes}, 400 for one that
 * is not an update; neither says more, and no stack trace leaves the server.
 */
@RestController
@Conditional(TelegramTokenCondition.class)
@ConditionalOnProperty(prefix = "civic.telegram", name = "mode", havingValue = "webhook")
class TelegramWebhookController {

    static final String SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token";
    /** Well under the time Telegram waits for a webhook's answer. */
    private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(30);
    private static final Logger log = LoggerFactory.getLogger(TelegramWebhookController.class);

    private final UpdateProcessor processor;
    private final ObjectMapper json;
    private final byte[] secret;
    private final int maxBodyBytes;

    TelegramWebhookController(UpdateProcessor processor, TelegramJson json, TelegramSecrets secrets,
                              TelegramProperties properties) {
        if (secrets.webhookSecret() == null) {
            throw new IllegalStateException(TelegramSecrets.WEBHOOK_SECRET
                    + " must be set in webhook mode: without it anyone could post updates to the webhook");
        }
        this.processor = processor;
        this.json = json.mapper();
        this.secret = secrets.webhookSecret().getBytes(StandardCharsets.UTF_8);
        this.maxBodyBytes = properties.webhook().maxBodyBytes();
    }

    @PostMapping(path = "${civic.telegram.webhook.path:/telegram/webhook}")
    ResponseEntity<Void> receive(@RequestHeader(name = SECRET_HEADER, required = false) String givenSecret,
                                 InputStream body) throws IOException {
        if (givenSecret == null || !MessageDigest.isEqual(secret, givenSecret.getBytes(StandardCharsets.UTF_8))) {
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED).build();
        }
        byte[] bytes = body.readNBytes(maxBodyBytes + 1);
        if (bytes.length > maxBodyBytes) {
            return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).build();
        }
        Update update;
        try {
            update = json.readValue(bytes, Update.class);
        } catch (IOException e) {
            log.warn("webhook body is not a Telegram update: {}", e.getClass().getSimpleName());
            return ResponseEntity.badRequest().build();
        }
        try {
            UpdateProcessor.Outcome outcome = processor.accept(update).get(ANSWER_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            return outcome == UpdateProcessor.Outcome.CONFIRM ? ResponseEntity.ok().build() : unavailable();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return unavailable();
        } catch (ExecutionException | TimeoutException e) {
            // Not stored (yet): Telegram retries, and the retry finds the update done or answers it then.
            return unavailable();
        }
    }

    private static ResponseEntity<Void> unavailable() {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header("Retry-After", "5").build();
    }
}
