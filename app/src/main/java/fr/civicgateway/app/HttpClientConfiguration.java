package fr.civicgateway.app;

import java.time.Duration;
import okhttp3.OkHttpClient;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one {@link OkHttpClient} of the gateway: every remote call (open-data archives, a town's datasets, the Bot API,
 * a municipality's Open311 endpoint) derives its client from it with {@code newBuilder()}, so that they share one
 * connection pool and one dispatcher, and each sets only the timeouts it needs.
 */
@Configuration(proxyBeanMethods = false)
class HttpClientConfiguration {

    @Bean
    OkHttpClient sharedHttpClient() {
        return new OkHttpClient.Builder()
                .connectTimeout(Duration.ofSeconds(10))
                .readTimeout(Duration.ofSeconds(30))
                .writeTimeout(Duration.ofSeconds(30))
                .build();
    }

    /** Lets the JVM stop at once: idle pooled connections and dispatcher threads would otherwise linger. */
    @Bean
    DisposableBean sharedHttpClientShutdown(OkHttpClient sharedHttpClient) {
        return () -> {
            sharedHttpClient.dispatcher().executorService().shutdown();
            sharedHttpClient.connectionPool().evictAll();
        };
    }
}
