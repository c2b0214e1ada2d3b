package fr.civicgateway.app.attachments;

import fr.civicgateway.app.NamedTask;
import fr.civicgateway.connectors.web.AttachmentStore;
import java.time.Clock;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.SchedulingConfigurer;

/** The web chat's photos in the gateway's database, and the periodic delete of those no report claimed. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AttachmentsProperties.class)
public class AttachmentsConfiguration {

    private static final Logger log = LoggerFactory.getLogger(AttachmentsConfiguration.class);

    @Bean
    @DependsOnDatabaseInitialization
    JdbcAttachmentStore attachmentStore(DataSource dataSource) {
        return new JdbcAttachmentStore(dataSource);
    }

    @Bean
    SchedulingConfigurer attachmentsCleanup(JdbcAttachmentStore store, AttachmentsProperties p, Clock clock) {
        return tasks -> tasks.addFixedDelayTask(new NamedTask("attachments-cleanup", () -> {
            try {
                int deleted = store.deleteUnclaimedBefore(clock.instant().minus(p.retention()));
                if (deleted > 0) {
                    log.info("deleted {} photos that no report claimed within {}", deleted, p.retention());
                }
            } catch (AttachmentStore.AttachmentStoreException e) {
                log.warn("photos past their retention not deleted (next try in {}): {}", p.cleanupInterval(), e.getMessage());
            }
        }), p.cleanupInterval());
    }
}
