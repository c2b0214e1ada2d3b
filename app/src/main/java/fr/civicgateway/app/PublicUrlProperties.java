package fr.civicgateway.app;

import fr.civicgateway.core.answer.MethodLinks;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The address citizens reach the gateway at ({@code civic.public-url}, env {@code CIVIC_PUBLIC_URL}): the base of the
 * links answers give to the gateway's own pages — the methodology section of each figure's method,
 * {@code <public-url>/methodology#an-speeches-1} ({@link MethodLinks}) — and of the Telegram webhook when
 * {@code civic.telegram.webhook.public-url} is not set.
 *
 * @param publicUrl the gateway's public base URL, an absolute http or https URL such as {@code https://bot.example.org}
 *                  (a trailing slash is ignored, a path prefix is kept); when unset,
 *                  {@code http://localhost:<server.port>}, which only this machine can follow
 */
@ConfigurationProperties("civic")
@Validated
public record PublicUrlProperties(String publicUrl) {

    /** Refuses a relative or malformed URL at binding, naming the key: links built on it would lead nowhere. */
    public PublicUrlProperties {
        if (publicUrl != null && publicUrl.isBlank()) {
            publicUrl = null; // CIVIC_PUBLIC_URL= (empty) is unset
        }
        if (publicUrl != null) {
            try {
                publicUrl = MethodLinks.at(publicUrl).base();
            } catch (IllegalArgumentException e) {
                // Not chained: Boot reports the root cause, and it should name the key.
                throw new IllegalArgumentException("civic.public-url " + e.getMessage());
            }
        }
    }

    /** The public base URL without a trailing slash, or {@code http://localhost:<port>} when unset. */
    public String baseOr(int serverPort) {
        return publicUrl != null ? publicUrl : "http://localhost:" + serverPort;
    }
}
