package fr.civicgateway.connectors.web;

import java.time.Duration;
import org.springframework.http.HttpStatus;

/**
 * A request the API refuses, with the status and the error code API.md names; {@link ApiExceptionHandler} answers it
 * as an {@link ApiError} (and a {@code Retry-After} header when it has a wait). Public for the records API.
 */
public final class ApiException extends RuntimeException {

    private final HttpStatus status;
    private final String code;
    private final Duration retryAfter;

    public ApiException(HttpStatus status, String code, String message) {
        this(status, code, message, null);
    }

    public ApiException(HttpStatus status, String code, String message, Duration retryAfter) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
        this.retryAfter = retryAfter;
    }

    HttpStatus status() {
        return status;
    }

    String code() {
        return code;
    }

    Duration retryAfter() {
        return retryAfter;
    }
}
