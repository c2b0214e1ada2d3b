package fr.civicgateway.connectors.admin;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Guards every admin endpoint ({@code /api/v1/admin/**}): the request must carry
 * {@code Authorization: Bearer <token>} with the token of the environment variable {@code CIVIC_ADMIN_TOKEN}.
 * Without that variable no token can match: every admin request answers 401, never data.
 */
final class AdminTokenFilter extends OncePerRequestFilter {

    static final String PATH_PREFIX = "/api/v1/admin/";

    private final byte[] token;

    /** @param token the admin token, or null/blank when none is configured (then everything is refused) */
    AdminTokenFilter(String token) {
        this.token = token == null || token.isBlank() ? null : token.strip().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith(PATH_PREFIX);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (authorised(request.getHeader(HttpHeaders.AUTHORIZATION))) {
            chain.doFilter(request, response);
            return;
        }
        response.setStatus(401);
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"civic-gateway admin\"");
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(token == null
                ? "{\"error\":\"unauthorized\",\"message\":\"Admin endpoints are disabled: no CIVIC_ADMIN_TOKEN is configured.\"}"
                : "{\"error\":\"unauthorized\",\"message\":\"Send Authorization: Bearer <admin token>.\"}");
    }

    private boolean authorised(String header) {
        if (token == null || header == null || !header.startsWith("Bearer ")) {
            return false;
        }
        byte[] given = header.substring("Bearer ".length()).strip().getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(given, token); // constant time: the comparison leaks nothing of the token
    }
}
