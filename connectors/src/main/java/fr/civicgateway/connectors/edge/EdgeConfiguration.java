package fr.civicgateway.connectors.edge;

import fr.civicgateway.connectors.web.WebAttachments;
import fr.civicgateway.connectors.web.WebChatProperties;
import org.apache.catalina.Host;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * The HTTP edge below Spring MVC: the body limit on every request, and Tomcat set to agree with it (its form
 * limit) and to report its own errors in JSON.
 */
@Configuration(proxyBeanMethods = false)
class EdgeConfiguration {

    @Bean
    FilterRegistrationBean<RequestBodyLimitFilter> requestBodyLimitFilter(WebChatProperties web) {
        FilterRegistrationBean<RequestBodyLimitFilter> bean = new FilterRegistrationBean<>(
                new RequestBodyLimitFilter(Math.toIntExact(web.maxBodyBytes()),
                        SecurityConfiguration.apiPolicy(web.frameAncestors()), WebAttachments.PATH,
                        WebAttachments.MAX_UPLOAD_BODY_BYTES, WebAttachments.TOO_LARGE));
        bean.addUrlPatterns("/*");
        // Right after the character-encoding filter (first), so a form is decoded as UTF-8; before Spring Security.
        bean.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return bean;
    }

    @Bean
    EdgeTomcat edgeTomcat(WebChatProperties web) {
        return new EdgeTomcat(Math.toIntExact(web.maxBodyBytes()), SecurityConfiguration.apiPolicy(web.frameAncestors()));
    }

    /** Runs after Spring Boot's own Tomcat settings ({@link Ordered#LOWEST_PRECEDENCE}), so these win. */
    static final class EdgeTomcat implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

        private final int maxBodyBytes;
        private final String contentSecurityPolicy;

        EdgeTomcat(int maxBodyBytes, String contentSecurityPolicy) {
            this.maxBodyBytes = maxBodyBytes;
            this.contentSecurityPolicy = contentSecurityPolicy;
        }

        @Override
        public void customize(TomcatServletWebServerFactory factory) {
            // Tomcat reads form bodies itself (request.getParameter), chunked ones too, up to maxPostSize.
            factory.addConnectorCustomizers(connector -> connector.setMaxPostSize(maxBodyBytes));
            factory.addContextCustomizers(context -> {
                Host host = (Host) context.getParent();
                for (Valve valve : host.getPipeline().getValves()) {
                    if (valve instanceof ErrorReportValve) {
                        host.getPipeline().removeValve(valve);
                    }
                }
                host.getPipeline().addValve(new JsonErrorReportValve(contentSecurityPolicy));
                if (host instanceof StandardHost standard) {
                    // the host finds this instance by its class and so adds no HTML report of its own
                    standard.setErrorReportValveClass(JsonErrorReportValve.class.getName());
                }
            });
        }

        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE;
        }
    }
}
