package fr.civicgateway.app.opendata;

import fr.civicgateway.opendata.assemblee.AssembleeRefresh;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Live refresh of the Assemblée's open data ({@code civic.data.refresh.*}). Off by default: the gateway then answers
 * from the shipped snapshot only and calls nothing.
 *
 * @param enabled         true to fetch the live archives on a schedule
 * @param interval        between a successful check of an archive and the next one
 * @param initialBackoff  the wait after a first failure of an archive; doubled at each failure in a row
 * @param maxBackoff      the longest wait between two attempts of a failing archive
 * @param timeout         connect, read and write timeout: a server silent this long is given up on
 * @param downloadTimeout the longest one download may take in all (a server that trickles)
 * @param maxDownloadSize a larger archive is refused (before or while it is read)
 * @param directory       where the last good archives are kept, used at the next start; relative to the working
 *                        directory
 * @param amo10Url        the live AMO10 archive (sitting deputies)
 * @param amo30Url        the live AMO30 archive (every acteur: the former deputies)
 * @param scrutinsUrl     the live Scrutins archive
 */
@ConfigurationProperties("civic.data.refresh")
@Validated
public record RefreshProperties(@DefaultValue("false") boolean enabled,
                                @DefaultValue("6h") @NotNull @DurationMin(nanos = 0, inclusive = false, message = "must be positive") Duration interval,
                                @DefaultValue("1m") @NotNull @DurationMin(nanos = 0, inclusive = false, message = "must be positive") Duration initialBackoff,
                                @DefaultValue("1h") @NotNull @DurationMin(nanos = 0, inclusive = false, message = "must be positive") Duration maxBackoff,
                                @DefaultValue("30s") @NotNull @DurationMin(nanos = 0, inclusive = false, message = "must be positive") Duration timeout,
                                @DefaultValue("10m") @NotNull @DurationMin(nanos = 0, inclusive = false, message = "must be positive") Duration downloadTimeout,
                                @DefaultValue("200MB") @NotNull DataSize maxDownloadSize,
                                @DefaultValue("var/opendata") @NotNull Path directory,
                                @DefaultValue(AssembleeRefresh.Sources.OFFICIAL_AMO10) @NotNull URI amo10Url,
                                @DefaultValue(AssembleeRefresh.Sources.OFFICIAL_AMO30) @NotNull URI amo30Url,
                                @DefaultValue(AssembleeRefresh.Sources.OFFICIAL_SCRUTINS) @NotNull URI scrutinsUrl) {

    /** What one key's constraint cannot say; the single keys are checked by Bean Validation ({@code @Validated}). */
    public RefreshProperties {
        if (maxBackoff != null && initialBackoff != null && maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException("civic.data.refresh.max-backoff (" + maxBackoff
                    + ") must not be shorter than civic.data.refresh.initial-backoff (" + initialBackoff + ")");
        }
        if (maxDownloadSize != null && maxDownloadSize.toBytes() <= 0) {
            throw new IllegalArgumentException("civic.data.refresh.max-download-size must be positive: " + maxDownloadSize);
        }
        httpUrl("amo10-url", amo10Url);
        httpUrl("amo30-url", amo30Url);
        httpUrl("scrutins-url", scrutinsUrl);
    }

    private static void httpUrl(String name, URI url) {
        if (url == null || url.getHost() == null || !("https".equals(url.getScheme()) || "http".equals(url.getScheme()))) {
            throw new IllegalArgumentException("civic.data.refresh." + name + " must be an http(s) URL: " + url);
        }
    }

    /** Where the Assemblée's archives are kept, in the shipped snapshot's layout name. */
    Path assemblee() {
        return directory.resolve("assemblee-nationale");
    }
}
