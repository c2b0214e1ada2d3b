package fr.civicgateway.connectors.open311;

import fr.civicgateway.core.reports.ReportStore;
import fr.civicgateway.core.retry.Backoff;
import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** Forwarding to the municipality's Open311 endpoint, when {@code civic.open311.forward.enabled} is true. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(Open311ForwardProperties.class)
@ConditionalOnProperty(name = "civic.open311.forward.enabled", havingValue = "true")
class Open311ForwardConfiguration {

    static final String API_KEY_VARIABLE = "CIVIC_OPEN311_FORWARD_API_KEY";
    private static final Logger log = LoggerFactory.getLogger(Open311ForwardConfiguration.class);

    @Bean
    Open311Forwarding open311Forwarding(Open311ForwardProperties p, ReportStore store, Clock clock,
                                        ObjectProvider<OkHttpClient> shared, Environment env) {
        OkHttpClient base = shared.getIfUnique();
        OkHttpClient http = (base == null ? new OkHttpClient.Builder() : base.newBuilder())
                .connectTimeout(p.timeout()).readTimeout(p.timeout()).writeTimeout(p.timeout()).build();
        String url = p.endpoint().toString();
        HttpUrl endpoint = HttpUrl.get(url.endsWith("/") ? url : url + "/");
        String key = env.getProperty(API_KEY_VARIABLE);
        Open311Client client = new Open311Client(http, endpoint, p.jurisdictionId(), key == null || key.isBlank() ? null : key.strip());
        return new Open311Forwarding(store, client, clock, new Backoff(p.initialBackoff(), p.maxBackoff()), p.batchSize(),
                p.serviceCodes());
    }

    /** The one thread that runs the outbox; a record, not an executor bean, so no one else can be handed it. */
    record ForwardingScheduler(ScheduledExecutorService executor) implements AutoCloseable {
        @Override
        public void close() {
            executor.shutdownNow();
        }
    }

    @Bean
    ForwardingScheduler open311ForwardingScheduler(Open311Forwarding forwarding, Open311ForwardProperties p) {
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "open311-forwarding");
            t.setDaemon(true);
            return t;
        });
        long every = p.pollInterval().toMillis();
        scheduler.scheduleWithFixedDelay(() -> {
            try {
                forwarding.forwardDue();
            } catch (RuntimeException e) {
                // The store failed: the reports stay in the outbox; the next pass tries again.
                log.error("Open311 forwarding pass failed", e);
            }
        }, every, every, TimeUnit.MILLISECONDS);
        return new ForwardingScheduler(scheduler);
    }
}
