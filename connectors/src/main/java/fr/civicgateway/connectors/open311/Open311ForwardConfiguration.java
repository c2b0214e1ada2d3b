package fr.civicgateway.connectors.open311;

import fr.civicgateway.core.answer.MethodLinks;
import fr.civicgateway.core.reports.ReportStore;
import fr.civicgateway.core.retry.Backoff;
import java.time.Clock;
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
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;

/** Forwarding to the municipality's Open311 endpoint, when {@code civic.open311.forward.enabled} is true. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(Open311ForwardProperties.class)
@ConditionalOnProperty(name = "civic.open311.forward.enabled", havingValue = "true")
@EnableScheduling
class Open311ForwardConfiguration {

    static final String API_KEY_VARIABLE = "CIVIC_OPEN311_FORWARD_API_KEY";
    private static final Logger log = LoggerFactory.getLogger(Open311ForwardConfiguration.class);

    @Bean
    Open311Forwarding open311Forwarding(Open311ForwardProperties p, ReportStore store, Clock clock,
                                        ObjectProvider<OkHttpClient> shared, Environment env, MethodLinks links) {
        OkHttpClient base = shared.getIfUnique();
        OkHttpClient http = (base == null ? new OkHttpClient.Builder() : base.newBuilder())
                .connectTimeout(p.timeout()).readTimeout(p.timeout()).writeTimeout(p.timeout()).build();
        String url = p.endpoint().toString();
        HttpUrl endpoint = HttpUrl.get(url.endsWith("/") ? url : url + "/");
        String key = env.getProperty(API_KEY_VARIABLE);
        Open311Client client = new Open311Client(http, endpoint, p.jurisdictionId(), key == null || key.isBlank() ? null : key.strip(),
                links.base());
        return new Open311Forwarding(store, client, clock, new Backoff(p.initialBackoff(), p.maxBackoff()), p.batchSize(),
                p.serviceCodes());
    }

    /**
     * The outbox's pass, on Spring's {@code TaskScheduler} as a fixed-delay task (listed by Actuator's
     * {@code scheduledtasks} endpoint; Spring stops it at shutdown). A pass never overlaps the next: the delay runs
     * from the end of one to the start of the other. What is due stays in the database between passes, so a kill
     * loses no report.
     */
    @Bean
    SchedulingConfigurer open311ForwardingSchedule(Open311Forwarding forwarding, Open311ForwardProperties p) {
        return tasks -> tasks.addFixedDelayTask(new ForwardingPass(forwarding), p.pollInterval());
    }

    /** Named, so that Actuator's {@code scheduledtasks} endpoint says what runs. */
    record ForwardingPass(Open311Forwarding forwarding) implements Runnable {
        @Override
        public void run() {
            try {
                forwarding.forwardDue();
            } catch (RuntimeException e) {
                // The store failed: the reports stay in the outbox; the next pass tries again.
                log.error("Open311 forwarding pass failed", e);
            }
        }

        @Override
        public String toString() {
            return "open311-forwarding";
        }
    }
}
