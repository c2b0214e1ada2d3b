package fr.civicgateway.connectors.web;

import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/ping}: answers at once without touching the bot — for load balancers' liveness checks, and
 * as the baseline the load benchmark compares the chat path with.
 */
@RestController
class PingController {

    private static final Map<String, String> PONG = Map.of("status", "ok");

    @GetMapping(path = "/api/v1/ping", produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, String> ping() {
        return PONG;
    }
}
