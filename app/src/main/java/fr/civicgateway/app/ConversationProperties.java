package fr.civicgateway.app;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long and how many conversations the gateway remembers ({@code civic.conversations.*}).
 *
 * @param maximum    conversations kept at most; the least recently used are forgotten first
 * @param idleExpiry a conversation idle this long is forgotten
 */
@ConfigurationProperties("civic.conversations")
public record ConversationProperties(@DefaultValue("100000") long maximum, @DefaultValue("2h") Duration idleExpiry) {
}
