package fr.civicgateway.connectors.records;

import fr.civicgateway.core.answer.MethodLinks;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.servers.Server;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.web.servlet.config.annotation.CorsRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The records API's CORS rule and its OpenAPI document's header. Any site may read the records from a browser: they
 * are public data, the answers use no cookie and carry nothing of the reader, so {@code *} exposes nothing a site
 * could not fetch itself. Only {@code GET} (and {@code HEAD}, and the preflight of a conditional {@code GET}) on the
 * records' own paths: the chat's rule ({@code civic.web.allowed-origins}) stays as it was.
 */
@Configuration(proxyBeanMethods = false)
class RecordsConfiguration implements WebMvcConfigurer {

    /** The records' paths, and the charts under them (another package's, same rule). */
    static final List<String> PATHS = List.of(Records.BASE + "/deputies", Records.BASE + "/deputies/**",
            Records.BASE + "/scrutins", Records.BASE + "/scrutins/**", Records.BASE + "/groups/**",
            Records.BASE + "/dossiers/**", "/api/docs/openapi.json");

    @Override
    public void addCorsMappings(CorsRegistry registry) {
        for (String path : PATHS) {
            registry.addMapping(path)
                    .allowedOrigins("*")
                    .allowedMethods("GET", "HEAD")
                    .allowedHeaders(HttpHeaders.ACCEPT, HttpHeaders.IF_NONE_MATCH, HttpHeaders.IF_MODIFIED_SINCE)
                    .exposedHeaders(HttpHeaders.ETAG, HttpHeaders.LAST_MODIFIED, HttpHeaders.LINK, HttpHeaders.RETRY_AFTER,
                            HttpHeaders.CONTENT_DISPOSITION, "X-Total-Count", "X-Data-Date")
                    .allowCredentials(false)
                    .maxAge(3600);
        }
    }

    @Bean
    OpenAPI recordsOpenApi(MethodLinks links) {
        return new OpenAPI()
                .info(new Info().title("civic-gateway records API")
                        .version("v1")
                        .description("Read-only, public records of the Assemblée nationale's deputies, votes, groups "
                                + "and dossiers: the same figures as the chat's answers, as JSON or CSV, each with its "
                                + "source, the date of its data and its method (" + links.page() + "). Paged with "
                                + "`page` and `size`; `ETag`/`Last-Modified` and 304s; a rate limit per client "
                                + "address (429 with `Retry-After`). Guide: docs/journalists/records-api.md.")
                        .license(new License().name("Data: Licence Ouverte 2.0 (Etalab)")
                                .url("https://www.etalab.gouv.fr/licence-ouverte-open-licence/")))
                .servers(List.of(new Server().url(links.base())));
    }
}
