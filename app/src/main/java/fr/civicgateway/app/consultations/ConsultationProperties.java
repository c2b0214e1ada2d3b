package fr.civicgateway.app.consultations;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the operator defines consultations ({@code civic.consultations.*}).
 *
 * @param directory every {@code *.yml} / {@code *.yaml} file in it is one consultation; relative to the working
 *                  directory; a missing directory means no consultation
 *
 * <p>The opening and closing days are in the town's time zone, {@code civic.town.time-zone} (a consultation opens at
 * 00:00 of its opening day and closes at 24:00 of its closing day there).
 */
@ConfigurationProperties("civic.consultations")
public record ConsultationProperties(@DefaultValue("config/consultations") Path directory) {
}
