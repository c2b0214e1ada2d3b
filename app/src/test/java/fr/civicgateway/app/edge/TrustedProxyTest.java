package fr.civicgateway.app.edge;

import fr.civicgateway.app.support.RawHttp;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Behind a proxy the operator trusts (Spring Boot's forwarded-headers support, {@code native}: Tomcat's
 * RemoteIpValve, here for the loopback address the test connects from), the per-address limit applies to the
 * client's address the proxy forwards, not to the proxy's. (Without that setting, the default, a forwarded address
 * is ignored: {@code EdgeOverHttpTest}.)
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "civic.data.directory=${civic.repository-root}/data",
        "server.forward-headers-strategy=native",
        "server.tomcat.remoteip.internal-proxies=127\\\\.0\\\\.0\\\\.1|0:0:0:0:0:0:0:1",
        "civic.web.address-rate-limit-burst=2",
        "civic.web.address-rate-limit-interval=1h"})
class TrustedProxyTest {

    @LocalServerPort
    int port;

    private int parse(RawHttp http, String forwardedFor) {
        return http.send("POST", "/api/v1/nlu/parse", "application/json", "{\"text\":\"bonjour\"}",
                "X-Forwarded-For", forwardedFor).status();
    }

    @Test
    void eachForwardedClientHasItsOwnLimitAndAClientCannotPrependItsWayOut() {
        RawHttp http = new RawHttp(port);
        String one = "198.51.100.10";

        assertThat(parse(http, one)).isEqualTo(200);
        assertThat(parse(http, one)).isEqualTo(200);
        assertThat(parse(http, one)).as("the third request of one client").isEqualTo(429);
        assertThat(parse(http, "203.0.113.7")).as("another client behind the same proxy").isEqualTo(200);
        // The proxy appends the address it saw; what the client wrote before it is not believed.
        assertThat(parse(http, "192.0.2.99, " + one)).as("a forged address in front of the real one").isEqualTo(429);
    }
}
