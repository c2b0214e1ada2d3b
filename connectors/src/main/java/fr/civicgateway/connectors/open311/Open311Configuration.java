package fr.civicgateway.connectors.open311;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** The Open311 server's secret, read from the environment only. */
@Configuration(proxyBeanMethods = false)
class Open311Configuration {

    @Bean
    Open311ApiKey open311ApiKey(Environment env) {
        return new Open311ApiKey(env.getProperty(Open311ApiKey.VARIABLE));
    }
}
