package fr.civicgateway.app;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Local data sources ({@code civic.local.*}): one {@code *.yml} adapter configuration per source in
 * {@code directory}, read at start-up.
 *
 * @param directory     the adapter configurations, {@code config/adapters} by default
 * @param baseDirectory what the configurations' relative {@code file:} paths resolve against; the working
 *                      directory by default
 */
@ConfigurationProperties("civic.local")
public record LocalProperties(@DefaultValue("config/adapters") Path directory, @DefaultValue(".") String baseDirectory) {

    /** A String, not a Path, on purpose: Spring binds "." as a resource, which in a web app is the servlet root. */
    public Path base() {
        return Path.of(baseDirectory);
    }
}
