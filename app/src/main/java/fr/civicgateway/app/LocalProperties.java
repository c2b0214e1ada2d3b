package fr.civicgateway.app;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Local data sources ({@code civic.local.*}): one {@code *.yml} adapter configuration per source in
 * {@code directory}, read at start-up; remote ones (a file by URL, an OpenDataSoft dataset) fetched in the background.
 *
 * @param directory      the adapter configurations, {@code config/adapters} by default
 * @param baseDirectory  what the configurations' relative {@code file:} paths resolve against; the working
 *                       directory by default
 * @param cacheDirectory where the last good copy of each remote source is kept, and read at the next start
 * @param initialBackoff the wait before retrying a failing remote source, doubled at each further failure
 * @param maxBackoff     the longest wait between two attempts (never longer than the source's own refresh)
 * @param timeout        the longest one HTTP call of a remote source may take
 * @param maxSize        the largest download a remote source may take, unless its {@code maxSize} says otherwise
 * @param firstLoadWait  how long the start-up waits for remote sources that have no last good copy yet
 * @param checkInterval  how often the refresh and retry times of remote sources are checked
 */
@ConfigurationProperties("civic.local")
@Validated
public record LocalProperties(@DefaultValue("config/adapters") @NotNull Path directory,
                              @DefaultValue(".") @NotBlank String baseDirectory,
                              @DefaultValue("var/local-data") @NotBlank String cacheDirectory,
                              @DefaultValue("1m") @NotNull @DurationMin(nanos = 0, inclusive = false, message = "must be positive") Duration initialBackoff,
                              @DefaultValue("1h") @NotNull @DurationMin(nanos = 0, inclusive = false, message = "must be positive") Duration maxBackoff,
                              @DefaultValue("30s") @NotNull @DurationMin(nanos = 0, inclusive = false, message = "must be positive") Duration timeout,
                              @DefaultValue("20MB") @NotNull DataSize maxSize,
                              @DefaultValue("20s") @NotNull @DurationMin(nanos = 0, message = "must not be negative") Duration firstLoadWait,
                              @DefaultValue("30s") @NotNull @DurationMin(nanos = 0, inclusive = false, message = "must be positive") Duration checkInterval) {

    /** A String, not a Path, on purpose: Spring binds "." as a resource, which in a web app is the servlet root. */
    public Path base() {
        return Path.of(baseDirectory);
    }

    public Path cache() {
        return Path.of(cacheDirectory);
    }
}
