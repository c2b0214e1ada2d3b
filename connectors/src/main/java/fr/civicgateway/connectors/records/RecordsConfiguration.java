package fr.civicgateway.connectors.records;

import fr.civicgateway.core.answer.MethodLinks;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.servers.Server;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.util.List;
import java.util.TreeMap;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.converter.HttpMessageConverters;
import org.springframework.web.servlet.config.annotation.CorsRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The records API's CORS rule and its OpenAPI document's header. Any site may read the records from a browser: they
 * are public data, the answers use no cookie and carry nothing of the reader, so {@code *} exposes nothing a site
 * could not fetch itself. Only {@code GET} (and {@code HEAD}, and the preflight of a conditional {@code GET}) on the
 * records' own paths: the chat's rule ({@code civic.web.allowed-origins}) stays as it was.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RecordsProperties.class)
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

    /** Vote lists are sent as their kept parts (ahead of the defaults: Jackson would take any object). */
    @Override
    public void configureMessageConverters(HttpMessageConverters.ServerBuilder converters) {
        converters.addCustomConverter(new VoteListPartsConverter());
    }

    /** What the records' paths answer: the {@code Allow} of an OPTIONS or a 405 names no method that would 405. */
    static final String ALLOW = "GET, HEAD, OPTIONS";

    /**
     * On the records' paths, {@code Allow} is {@link #ALLOW} whoever writes it (the servlet's own OPTIONS answer lists
     * every method it has, POST and PUT included, which these read-only paths refuse).
     */
    @Bean
    FilterRegistrationBean<Filter> recordsAllowHeader() {
        Filter filter = (request, response, chain) -> {
            if (request instanceof HttpServletRequest http && response instanceof HttpServletResponse out
                    && isRecordsPath(http.getRequestURI())) {
                chain.doFilter(request, new HttpServletResponseWrapper(out) {
                    @Override
                    public void setHeader(String name, String value) {
                        super.setHeader(name, HttpHeaders.ALLOW.equalsIgnoreCase(name) ? ALLOW : value);
                    }

                    @Override
                    public void addHeader(String name, String value) {
                        if (HttpHeaders.ALLOW.equalsIgnoreCase(name)) {
                            super.setHeader(name, ALLOW);
                        } else {
                            super.addHeader(name, value);
                        }
                    }
                });
            } else {
                chain.doFilter(request, response);
            }
        };
        FilterRegistrationBean<Filter> bean = new FilterRegistrationBean<>(filter);
        bean.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
        return bean;
    }

    static boolean isRecordsPath(String uri) {
        if (uri == null) {
            return false;
        }
        return uri.equals("/api/docs/openapi.json") || uri.equals(Records.BASE + "/deputies")
                || uri.equals(Records.BASE + "/scrutins") || uri.startsWith(Records.BASE + "/deputies/")
                || uri.startsWith(Records.BASE + "/scrutins/") || uri.startsWith(Records.BASE + "/groups/")
                || uri.startsWith(Records.BASE + "/dossiers/");
    }

    /**
     * Every operation's responses in the order of their codes. springdoc lists an operation's own responses before
     * those of a meta-annotation (the charts' shared {@code ChartResponses}); without this a chart's 404 would come
     * first in the document and in Swagger UI. Every other operation declares them in that order already.
     */
    @Bean
    OpenApiCustomizer responsesInCodeOrder() {
        return api -> {
            if (api.getPaths() == null) {
                return;
            }
            api.getPaths().values().forEach(item -> item.readOperations().forEach(op -> {
                ApiResponses responses = op.getResponses();
                if (responses != null) {
                    ApiResponses sorted = new ApiResponses();
                    new TreeMap<>(responses).forEach(sorted::addApiResponse);
                    sorted.setExtensions(responses.getExtensions());
                    op.setResponses(sorted);
                }
            }));
        };
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
