package fr.civicgateway.connectors.admin;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Protects the admin API with the token of the environment variable {@code CIVIC_ADMIN_TOKEN} (never a
 * configuration file). Admin controllers only need to live under {@code /api/v1/admin/}.
 */
@Configuration(proxyBeanMethods = false)
class AdminConfiguration {

    static final String TOKEN_VARIABLE = "CIVIC_ADMIN_TOKEN";

    @Bean
    FilterRegistrationBean<AdminTokenFilter> adminTokenFilter(Environment env) {
        FilterRegistrationBean<AdminTokenFilter> bean = new FilterRegistrationBean<>(new AdminTokenFilter(env.getProperty(TOKEN_VARIABLE)));
        bean.addUrlPatterns(AdminTokenFilter.PATH_PREFIX + "*");
        bean.setOrder(0);
        return bean;
    }
}
