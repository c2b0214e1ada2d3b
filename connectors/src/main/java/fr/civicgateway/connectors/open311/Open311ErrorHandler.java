package fr.civicgateway.connectors.open311;

import java.util.List;
import java.util.Map;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Open311 errors in the GeoReport v2 format: a JSON array of {@code {code, description}}. Never a stack trace.
 * Errors raised before a controller is chosen (an unsupported media type or method) are answered in the same format by
 * the global advice, and those before Spring MVC (a body too large, a malformed form) by the HTTP edge.
 */
@RestControllerAdvice(basePackageClasses = Open311ErrorHandler.class)
@Order(Ordered.HIGHEST_PRECEDENCE) // before the chat API's global advice, for the Open311 controllers
class Open311ErrorHandler {

    private static final Logger log = LoggerFactory.getLogger(Open311ErrorHandler.class);

    @ExceptionHandler(Open311Exception.class)
    ResponseEntity<List<Map<String, Object>>> open311(Open311Exception e) {
        return error(e.status(), e.getMessage());
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<List<Map<String, Object>>> method(HttpRequestMethodNotSupportedException e) {
        return error(405, "Method " + e.getMethod() + " is not supported here.");
    }

    /** Tomcat's parse of the query string: a broken %-escape or bytes that are not UTF-8. Not logged: it is the client's. */
    @ExceptionHandler(InvalidParameterException.class)
    ResponseEntity<List<Map<String, Object>>> badParameters(InvalidParameterException e) {
        return e.getErrorCode() == 413 ? error(413, "The request's parameters are too large.")
                : error(400, "The request's parameters are not valid: every one needs a name, and a % must be followed "
                + "by two hexadecimal digits of UTF-8 bytes.");
    }

    /** A control character in a field's name, found by the firewall when the form is read. Not logged: the client's. */
    @ExceptionHandler(RequestRejectedException.class)
    ResponseEntity<List<Map<String, Object>>> rejected(RequestRejectedException e) {
        return error(400, "The request is refused: a field's or header's name contains a control character.");
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<List<Map<String, Object>>> other(Exception e) {
        log.error("Open311 request failed", e);
        return error(500, "Internal error; please try again later.");
    }

    private static Map<String, Object> orderedError(int status, String description) {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("code", status);
        m.put("description", description);
        return m;
    }

    static ResponseEntity<List<Map<String, Object>>> error(int status, String description) {
        return ResponseEntity.status(HttpStatus.valueOf(status)).contentType(MediaType.APPLICATION_JSON)
                .body(List.of(orderedError(status, description)));
    }
}
