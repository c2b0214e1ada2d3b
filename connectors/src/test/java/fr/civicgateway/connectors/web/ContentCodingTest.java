package fr.civicgateway.connectors.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class ContentCodingTest {

    @ParameterizedTest
    @ValueSource(strings = {"gzip", "GZIP", "x-gzip", "gzip, deflate, br", "*", "br;q=1, gzip;q=0.001", "gzip;q=1.000",
            "gzip ; q=0.5", "gzip;Q=1", "identity;q=0.5, gzip", "identity;q=0.5, *;q=0.8", "gzip, , deflate",
            "gzip;q=0.8, identity;q=0.8"})
    void gzipWhenTheClientTakesItAndDoesNotPreferIdentity(String header) {
        assertThat(ContentCoding.acceptsGzip(header)).isTrue();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"identity", "br", "deflate, br", "gzip;q=0", "gzip;q=0.000", "*;q=0", "gzip;q=0, *",
            "gzip;q=0.5, identity", "gzip;q=1.5", "gzip;q=2", "gzip;q=0.0001", "gzip;q=abc", "gzip;q=", "gzip;;",
            "gzip;level=9", "g zip", "\"gzip\"", ";q=1", "gzip\u0000", "   "})
    void identityWhenTheClientRefusesGzipPrefersIdentityOrSendsGarbage(String header) {
        assertThat(ContentCoding.acceptsGzip(header)).isFalse();
    }

    @Test
    void gunzipGivesBackTheBytesGzipped() {
        byte[] plain = "scrutin,date\r\n3876,2025-11-17\r\n".repeat(500).getBytes(StandardCharsets.UTF_8);

        byte[] gzipped = ContentCoding.gzip(plain);

        assertThat(gzipped).startsWith(0x1f, 0x8b);
        assertThat(gzipped.length).isLessThan(plain.length / 10);
        assertThat(ContentCoding.gunzip(gzipped)).isEqualTo(plain);
    }

    @Test
    void theGzipVariantsTagIsThePlainOnesWithASuffixInsideTheQuotes() {
        assertThat(ContentCoding.gzipTag("\"a1b2-json\"")).isEqualTo("\"a1b2-json-gzip\"");
        assertThat(ContentCoding.gzipTag("W/\"a1\"")).isEqualTo("W/\"a1-gzip\"");
        assertThatThrownBy(() -> ContentCoding.gzipTag("a1")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("a1");
    }

    @Test
    void ifNoneMatchNamesTheTagItMatchesWeaklyOrTheSelectedOneForAStar() {
        String plain = "\"a1-json\"";
        String gzip = "\"a1-json-gzip\"";

        assertThat(ContentCoding.matchingTag(null, gzip, plain)).isNull();
        assertThat(ContentCoding.matchingTag("\"other\"", gzip, plain)).isNull();
        assertThat(ContentCoding.matchingTag("\"other\", " + plain, gzip, plain)).isEqualTo(plain);
        assertThat(ContentCoding.matchingTag("W/" + gzip, gzip, plain)).isEqualTo(gzip);
        assertThat(ContentCoding.matchingTag("*", gzip, plain)).isEqualTo(gzip);
        assertThat(ContentCoding.matchingTag("\"a1-json-gz\"", gzip, plain)).isNull();
    }
}
