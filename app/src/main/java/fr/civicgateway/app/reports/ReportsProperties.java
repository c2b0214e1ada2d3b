package fr.civicgateway.app.reports;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Problem reports ({@code civic.reports.*}).
 *
 * @param servicesFile the categories (Open311 services), see {@code config/open311-services.yml}
 * @param recipientFr  who receives the reports, as the chat names them in French
 * @param recipientEn  the same in English
 * @param noticeCheckInterval how often this instance reads which conversations have untold status changes (a change
 *                     made on another instance reaches its citizen at their first message after that)
 */
@ConfigurationProperties("civic.reports")
public record ReportsProperties(@DefaultValue("config/open311-services.yml") Path servicesFile,
                                @DefaultValue("les services techniques de la mairie") String recipientFr,
                                @DefaultValue("the town hall's technical services") String recipientEn,
                                @DefaultValue("5s") Duration noticeCheckInterval) {
}
