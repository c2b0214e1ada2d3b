package fr.civicgateway.app;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The bot's sentences ({@code civic.messages.*}): the operator's rewording of any sentence of the shipped catalogue,
 * read and checked at start-up (docs/messages.md).
 *
 * @param overrides a directory of {@code <bundle>.<language>.properties} files (e.g. {@code greet.fr.properties}),
 *                  each replacing the sentences it lists; {@code config/messages} by default, ignored when absent
 */
@ConfigurationProperties("civic.messages")
public record MessagesProperties(@DefaultValue("config/messages") Path overrides) {
}
