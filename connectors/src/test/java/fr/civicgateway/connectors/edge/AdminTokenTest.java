package fr.civicgateway.connectors.edge;

import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AdminTokenTest {

    @Test
    void theRightTokenMakesTheAdminAndAnyOtherIsRefused() {
        AdminToken token = new AdminToken(" s3cret-admin ");

        Authentication admin = token.authenticate(new AdminToken.Bearer("s3cret-admin"));
        assertThat(admin.isAuthenticated()).isTrue();
        assertThat(admin.getAuthorities()).extracting(Object::toString).containsExactly("ROLE_ADMIN");
        for (String wrong : new String[] {"s3cret-admiN", "s3cret-admin2", "", "s3cret"}) {
            assertThatThrownBy(() -> token.authenticate(new AdminToken.Bearer(wrong))).isInstanceOf(BadCredentialsException.class);
        }
    }

    @Test
    void withoutAConfiguredTokenNothingMatchesNotEvenAnEmptyOne() {
        for (String unset : new String[] {null, "", "   "}) {
            AdminToken token = new AdminToken(unset);
            assertThat(token.configured()).isFalse();
            assertThatThrownBy(() -> token.authenticate(new AdminToken.Bearer(""))).isInstanceOf(BadCredentialsException.class);
            assertThat(token.toString()).isEqualTo("AdminToken[none]");
        }
        assertThat(new AdminToken("x").toString()).as("never the token itself").isEqualTo("AdminToken[set]");
    }
}
