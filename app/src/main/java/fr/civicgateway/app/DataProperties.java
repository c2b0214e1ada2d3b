package fr.civicgateway.app;

import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where the open-data snapshot lives ({@code civic.data.*}). The directory keeps the official layouts:
 * {@code assemblee-nationale/} (AMO10, AMO50 extract, Scrutins zip) and {@code geo/} (La Poste, INSEE,
 * Ministère de l'Intérieur tables). Relative paths resolve against the working directory.
 *
 * @param directory the data snapshot's root, {@code data} by default (the one shipped in the repository)
 */
@ConfigurationProperties("civic.data")
@Validated
public record DataProperties(@DefaultValue("data") @NotNull Path directory) {

    public Path assemblee() {
        return directory.resolve("assemblee-nationale");
    }

    public Path geo() {
        return directory.resolve("geo");
    }
}
