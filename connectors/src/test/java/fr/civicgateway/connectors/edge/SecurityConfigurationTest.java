package fr.civicgateway.connectors.edge;

import java.util.List;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SecurityConfigurationTest {

    @Test
    void frameAncestorsAreCspSourcesJoinedAndNothingElse() {
        assertThat(SecurityConfiguration.frameAncestors(List.of("'self'"))).isEqualTo("'self'");
        assertThat(SecurityConfiguration.frameAncestors(List.of("'self'", "https://www.annecy.fr", "https://*.example.fr:8443")))
                .isEqualTo("'self' https://www.annecy.fr https://*.example.fr:8443");
        assertThat(SecurityConfiguration.frameAncestors(List.of())).isEqualTo("'none'");
    }

    @Test
    void aSourceThatWouldRewriteThePolicyFailsAtStartUpNamingIt() {
        assertThatThrownBy(() -> SecurityConfiguration.frameAncestors(List.of("https://a.fr; script-src *")))
                .hasMessageContaining("civic.web.frame-ancestors: \"https://a.fr; script-src *\" is not a CSP source");
        assertThatThrownBy(() -> SecurityConfiguration.frameAncestors(List.of("self")))
                .as("self without its quotes is a host name nobody means").isInstanceOf(IllegalArgumentException.class);
    }
}
