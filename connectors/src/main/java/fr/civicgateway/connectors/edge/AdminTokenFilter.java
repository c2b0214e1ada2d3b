package fr.civicgateway.connectors.edge;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Reads {@code Authorization: Bearer <token>} and, when the {@link AdminToken} accepts it, makes the request the
 * admin's. A missing or wrong token leaves the request anonymous: the authorization rules then answer 401 on the
 * admin API and Actuator, and the public endpoints go on as for anyone.
 */
final class AdminTokenFilter extends OncePerRequestFilter {

    private static final String PREFIX = "Bearer ";

    private final AuthenticationManager manager;
    private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

    AdminTokenFilter(AuthenticationManager manager) {
        this.manager = manager;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header != null && header.startsWith(PREFIX)) {
            try {
                var context = contexts.createEmptyContext();
                context.setAuthentication(manager.authenticate(new AdminToken.Bearer(header.substring(PREFIX.length()).strip())));
                contexts.setContext(context);
            } catch (AuthenticationException e) {
                contexts.clearContext();
            }
        }
        chain.doFilter(request, response);
    }
}
