package fr.civicgateway.connectors.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class WebCorsConfigurationTest {

    @Test
    void acceptsOriginsAsBrowsersSendThem() {
        assertThat(WebCorsConfiguration.checkedOrigin("https://www.annecy.fr")).isEqualTo("https://www.annecy.fr");
        assertThat(WebCorsConfiguration.checkedOrigin("http://localhost:8080")).isEqualTo("http://localhost:8080");
        assertThat(WebCorsConfiguration.checkedOrigin("*")).isEqualTo("*");
    }

    @Test
    void refusesAtStartUpAnEntryThatCouldNeverMatchNamingIt() {
        for (String bad : new String[] {"https://www.annecy.fr/", "https://www.annecy.fr/chat", "www.annecy.fr",
                "ftp://annecy.fr", "https://www.annecy.fr?x=1", ""}) {
            assertThatIllegalArgumentException().isThrownBy(() -> WebCorsConfiguration.checkedOrigin(bad))
                    .withMessageContaining("civic.web.allowed-origins")
                    .withMessageContaining("\"" + bad + "\"");
        }
    }
}
