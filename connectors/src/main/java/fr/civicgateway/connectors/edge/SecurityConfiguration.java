package fr.civicgateway.connectors.edge;

import fr.civicgateway.connectors.web.WebChatProperties;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.header.writers.ContentSecurityPolicyHeaderWriter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Spring Security in front of everything: the admin API ({@code /api/v1/admin/**}) and Actuator (but the bare
 * health status) need the admin token ({@link AdminToken}); the chat, NLU, Open311, Telegram webhook (its own
 * secret header), widget and demo page stay public. Paths are matched as Spring MVC routes them (decoded, path
 * parameters dropped), and Spring Security's {@code StrictHttpFirewall} (its default, kept) refuses before any
 * rule the spellings that could tell them apart: {@code ;}, encoded {@code /}, {@code .} or {@code %}, {@code //},
 * {@code ..}, {@code /./} — with a JSON 400 in the endpoint's format.
 *
 * <p>No session, no cookie, no CSRF token: the API authenticates each request by its header alone, and the public
 * endpoints carry nothing a forged cross-site request could abuse. Security headers on every answer:
 * {@code X-Content-Type-Options: nosniff}, {@code Referrer-Policy: no-referrer}, and a Content-Security-Policy whose
 * {@code frame-ancestors} is {@code civic.web.frame-ancestors}; the demo page's policy allows its own scripts and
 * styles only, as the widget needs, and Swagger UI's ({@code /api/docs}, the records API's documentation) its own
 * scripts and styles too. The records API ({@code /api/v1/deputies}, {@code /scrutins}, {@code /groups},
 * {@code /dossiers}) is public GETs, like the chat.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    static final ReferrerPolicy REFERRER_POLICY = ReferrerPolicy.NO_REFERRER;
    private static final Pattern SOURCE = Pattern.compile("'self'|'none'|\\*|(https?://)?[A-Za-z0-9*][A-Za-z0-9.*-]*(:[0-9]{1,5}|:\\*)?");

    @Bean
    AdminToken adminToken(Environment env) {
        return new AdminToken(env.getProperty(AdminToken.VARIABLE));
    }

    /**
     * No Micrometer observation of Spring Security's own work. With an {@code ObservationRegistry} in the context
     * (Actuator's), Spring Security otherwise wraps each of its filters in an observation that records a "before"
     * and an "after" event, each registered as a counter with its tags, and observes every authorization: under
     * load that was about a third of the CPU of a {@code GET /api/v1/ping} (JFR, BENCHMARKS.md "The edge's cost").
     * Boot's {@code management.observations.enable.spring.security=false} makes those observations no-ops but
     * leaves every filter wrapped; this bean removes the wrapping. The request itself is still observed once
     * ({@code http.server.requests}); 401s and 403s are in its {@code status} tag.
     */
    @Bean
    static SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    SecurityFilterChain gatewaySecurity(HttpSecurity http, AdminToken token, WebChatProperties web) throws Exception {
        String ancestors = frameAncestors(web.frameAncestors());
        // The demo page's policy also fits the deputy and scrutin pages (connectors' pages): own styles, own images
        // (the charts) and the widget's script.
        RequestMatcher demoPage = new OrRequestMatcher(PathPatternRequestMatcher.pathPattern("/"),
                PathPatternRequestMatcher.pathPattern("/index.html"),
                PathPatternRequestMatcher.pathPattern("/deputes/*"), PathPatternRequestMatcher.pathPattern("/scrutins/*"));
        // Swagger UI (the records API's documentation, springdoc): its own scripts and styles, and the spec it fetches.
        // springdoc serves the UI beside the configured path's parent: /api/docs → /api/swagger-ui/index.html.
        RequestMatcher docsPages = new OrRequestMatcher(PathPatternRequestMatcher.pathPattern("/api/swagger-ui/**"),
                PathPatternRequestMatcher.pathPattern("/api/docs"), PathPatternRequestMatcher.pathPattern("/api/docs/"));
        http.csrf(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .addFilterBefore(new AdminTokenFilter(new ProviderManager(token)), AuthorizationFilter.class)
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/actuator/health").permitAll()
                        .requestMatchers("/api/v1/admin/**", "/actuator/**").hasRole(AdminToken.ROLE)
                        .anyRequest().permitAll())
                .exceptionHandling(e -> e
                        .authenticationEntryPoint((request, response, failure) -> {
                            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"civic-gateway admin\"");
                            EdgeErrors.write(request, response, 401, "unauthorized", token.configured()
                                    ? "Send Authorization: Bearer <admin token>."
                                    : "Admin endpoints are disabled: no CIVIC_ADMIN_TOKEN is configured.");
                        })
                        .accessDeniedHandler((request, response, denied) ->
                                EdgeErrors.write(request, response, 403, "forbidden", "This request is not allowed.")))
                .headers(h -> h
                        .frameOptions(f -> f.disable()) // superseded by frame-ancestors, which can name the sites
                        .referrerPolicy(r -> r.policy(REFERRER_POLICY))
                        .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(demoPage,
                                new ContentSecurityPolicyHeaderWriter("default-src 'self'; script-src 'self'; "
                                        + "style-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; "
                                        + "base-uri 'none'; form-action 'none'; frame-ancestors " + ancestors)))
                        .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(docsPages,
                                new ContentSecurityPolicyHeaderWriter("default-src 'self'; script-src 'self'; "
                                        + "style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; "
                                        + "object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors " + ancestors)))
                        .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(
                                new NegatedRequestMatcher(new OrRequestMatcher(demoPage, docsPages)),
                                new ContentSecurityPolicyHeaderWriter(apiPolicy(web.frameAncestors())))));
        return http.build();
    }

    /** A firewall's refusal, in JSON and the endpoint's format, instead of an exception and Tomcat's HTML page. */
    @Bean
    RequestRejectedHandler requestRejectedHandler(WebChatProperties web) {
        String policy = apiPolicy(web.frameAncestors());
        return (request, response, rejected) -> EdgeErrors.write(request, response, 400, "rejected_path",
                REJECTED_PATH_MESSAGE, policy);
    }

    /** The firewall's refusal, and Tomcat's of an encoded '/', '\\' or NUL: one message for both. */
    static final String REJECTED_PATH_MESSAGE = "This request is refused: write its path plainly, without ';', '//', "
            + "'..', '/./' or an encoded '/', '\\', '.', '%' or NUL.";

    /** The Content-Security-Policy of every answer but the demo page's: nothing may load, framed as configured. */
    static String apiPolicy(List<String> frameAncestors) {
        return "default-src 'none'; frame-ancestors " + frameAncestors(frameAncestors);
    }

    /** The sources of {@code civic.web.frame-ancestors}, checked: a stray ';' or space would rewrite the policy. */
    static String frameAncestors(List<String> sources) {
        if (sources.isEmpty()) {
            return "'none'";
        }
        for (String s : sources) {
            if (s.equals("self") || s.equals("none")) {
                throw new IllegalArgumentException("civic.web.frame-ancestors: write '" + s + "' with its single quotes ("
                        + "in YAML: \"'" + s + "'\"); without them it names a host called " + s);
            }
            if (!SOURCE.matcher(s).matches()) {
                throw new IllegalArgumentException("civic.web.frame-ancestors: \"" + s + "\" is not a CSP source; write "
                        + "'self', 'none' or an origin such as https://www.example.fr");
            }
        }
        return String.join(" ", sources);
    }
}
