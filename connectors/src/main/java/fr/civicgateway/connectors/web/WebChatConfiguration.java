package fr.civicgateway.connectors.web;

import com.github.benmanes.caffeine.cache.Ticker;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the HTTP chat channel: its rate limiter and request-size guard, from {@link WebChatProperties}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WebChatProperties.class)
class WebChatConfiguration {

    @Bean
    ConversationRateLimiter conversationRateLimiter(WebChatProperties p, Ticker ticker) {
        return new ConversationRateLimiter(p.rateLimitBurst(), p.rateLimitInterval(), p.maxTrackedConversations(), ticker);
    }

    @Bean
    FilterRegistrationBean<RequestSizeFilter> requestSizeFilter(WebChatProperties p) {
        FilterRegistrationBean<RequestSizeFilter> bean = new FilterRegistrationBean<>(new RequestSizeFilter(p.maxBodyBytes()));
        bean.addUrlPatterns("/api/*");
        return bean;
    }
}
