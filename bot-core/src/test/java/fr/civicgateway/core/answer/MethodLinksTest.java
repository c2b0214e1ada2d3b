package fr.civicgateway.core.answer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.civicgateway.core.parliament.work.Provenance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class MethodLinksTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            https://bot.example.org              | https://bot.example.org/methodology#an-speeches-1
            https://bot.example.org/             | https://bot.example.org/methodology#an-speeches-1
            https://bot.example.org//            | https://bot.example.org/methodology#an-speeches-1
            http://localhost:8080                | http://localhost:8080/methodology#an-speeches-1
            https://www.example.fr/civic/        | https://www.example.fr/civic/methodology#an-speeches-1
            """)
    void aMethodsLinkIsItsSectionOfTheMethodologyPageUnderThePublicUrl(String base, String link) {
        assertThat(MethodLinks.at(base).of(Provenance.Method.SPEECHES)).isEqualTo(link);
        assertThat(MethodLinks.at(base).page()).isEqualTo(link.substring(0, link.indexOf('#')));
    }

    @ParameterizedTest
    @ValueSource(strings = {"bot.example.org", "/methodology", "ftp://bot.example.org", "https://", "https:bot",
            "https://bot.example.org/?a=b", "https://bot.example.org/#top", "https://bot example.org",
            "https://user@bot.example.org"})
    void aRelativeOrMalformedUrlIsRefusedSayingWhatIsExpected(String base) {
        assertThatThrownBy(() -> MethodLinks.at(base)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(base.strip());
    }
}
