package fr.civicgateway.connectors.edge;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * The admin token of the environment variable {@code CIVIC_ADMIN_TOKEN} (never a configuration file) and the
 * {@link AuthenticationProvider} that checks a bearer token against it, in constant time. Without the variable no
 * token matches: every admin request answers 401, never data.
 */
final class AdminToken implements AuthenticationProvider {

    static final String VARIABLE = "CIVIC_ADMIN_TOKEN";
    static final String ROLE = "ADMIN";

    private final byte[] token;

    /** @param token the admin token, or null/blank when none is configured (then everything is refused) */
    AdminToken(String token) {
        this.token = token == null || token.isBlank() ? null : token.strip().getBytes(StandardCharsets.UTF_8);
    }

    boolean configured() {
        return token != null;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        byte[] given = ((Bearer) authentication).token.getBytes(StandardCharsets.UTF_8);
        // MessageDigest.isEqual runs in constant time: the comparison leaks nothing of the token.
        if (token == null || !MessageDigest.isEqual(given, token)) {
            throw new BadCredentialsException("wrong admin token");
        }
        return new Admin();
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return Bearer.class.isAssignableFrom(authentication);
    }

    @Override
    public String toString() {
        return "AdminToken[" + (token == null ? "none" : "set") + "]";
    }

    /** A bearer token as received, not yet checked. */
    static final class Bearer extends AbstractAuthenticationToken {

        private final String token;

        Bearer(String token) {
            super(List.of());
            this.token = token;
        }

        @Override
        public Object getCredentials() {
            return token;
        }

        @Override
        public Object getPrincipal() {
            return "admin";
        }

        @Override
        public String toString() {
            return "Bearer[…]";
        }
    }

    /** The operator, authenticated by the admin token. */
    static final class Admin extends AbstractAuthenticationToken {

        Admin() {
            super(List.of(new SimpleGrantedAuthority("ROLE_" + ROLE)));
            setAuthenticated(true);
        }

        @Override
        public Object getCredentials() {
            return null;
        }

        @Override
        public Object getPrincipal() {
            return "admin";
        }
    }
}
