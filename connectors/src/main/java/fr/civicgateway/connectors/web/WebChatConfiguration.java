package fr.civicgateway.connectors.web;

import com.github.benmanes.caffeine.cache.Ticker;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires the HTTP chat channel's rate limits from {@link WebChatProperties}. (The body limit of every request is
 * the HTTP edge's: {@code fr.civicgateway.connectors.edge}.)
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WebChatProperties.class)
class WebChatConfiguration {

    @Bean
    ClientRateLimits clientRateLimits(WebChatProperties p, Ticker ticker) {
        return new ClientRateLimits(
                new ConversationRateLimiter(p.rateLimitBurst(), p.rateLimitInterval(), p.maxTrackedConversations(), ticker),
                new ConversationRateLimiter(p.addressRateLimitBurst(), p.addressRateLimitInterval(), p.maxTrackedConversations(), ticker));
    }
}
