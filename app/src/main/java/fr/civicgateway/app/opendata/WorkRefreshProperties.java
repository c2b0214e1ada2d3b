package fr.civicgateway.app.opendata;

import fr.civicgateway.opendata.assemblee.WorkRefresh;
import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The live archives of the deputies' record and the Assemblée's work ({@code civic.data.refresh.work.*}), refreshed
 * with the Assemblée's other archives when {@code civic.data.refresh.enabled} and {@code enabled} are true, on the same schedule,
 * timeouts and size cap ({@link RefreshProperties}). See docs/data.md.
 *
 * @param enabled          true to refresh these archives too (with {@code civic.data.refresh.enabled}); off by default
 *                         for now: they are then the shipped snapshot's, with their dates
 * @param comptesRendusUrl the comptes rendus des séances (Syceron XML zip)
 * @param dossiersUrl      the dossiers législatifs
 * @param agendaUrl        the agenda (réunions)
 * @param hatvpUrl         the HATVP's index of declarations
 * @param amendementsUrl   the Amendements archive (about 240 MB zipped: raise {@code max-download-size} to use it);
 *                         empty: the amendments stay "not available"
 */
@ConfigurationProperties("civic.data.refresh.work")
public record WorkRefreshProperties(@DefaultValue("false") boolean enabled,
                                    @DefaultValue(WorkRefresh.Sources.OFFICIAL_COMPTES_RENDUS) URI comptesRendusUrl,
                                    @DefaultValue(WorkRefresh.Sources.OFFICIAL_DOSSIERS) URI dossiersUrl,
                                    @DefaultValue(WorkRefresh.Sources.OFFICIAL_AGENDA) URI agendaUrl,
                                    @DefaultValue(WorkRefresh.Sources.OFFICIAL_HATVP) URI hatvpUrl,
                                    URI amendementsUrl) {

    public WorkRefreshProperties {
        httpUrl("comptes-rendus-url", comptesRendusUrl);
        httpUrl("dossiers-url", dossiersUrl);
        httpUrl("agenda-url", agendaUrl);
        httpUrl("hatvp-url", hatvpUrl);
        if (amendementsUrl != null && !amendementsUrl.toString().isBlank()) {
            httpUrl("amendements-url", amendementsUrl);
        }
    }

    private static void httpUrl(String name, URI url) {
        if (url == null || url.getHost() == null || !("https".equals(url.getScheme()) || "http".equals(url.getScheme()))) {
            throw new IllegalArgumentException("civic.data.refresh.work." + name + " must be an http(s) URL: " + url);
        }
    }
}
