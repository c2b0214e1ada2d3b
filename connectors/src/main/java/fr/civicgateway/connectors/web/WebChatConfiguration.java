package fr.civicgateway.connectors.web;

import com.github.benmanes.caffeine.cache.Ticker;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.type.LogicalType;

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

    /**
     * The request bodies' strings are JSON strings: {@code "text": 12}, {@code true} or {@code 1.5} is a 400
     * {@code malformed_request}, not the text "12" (Jackson reads a scalar into a String by default). Only the
     * application's mapper (Spring MVC's bodies, the records' writing) is concerned; the adapters read the open data
     * and the Open311 peers with mappers of their own.
     */
    @Bean
    JsonMapperBuilderCustomizer stringsAreJsonStrings() {
        return builder -> builder.withCoercionConfig(LogicalType.Textual, c -> c
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail));
    }
}
