package fr.civicgateway.connectors.web;

import fr.civicgateway.connectors.edge.EdgeErrors;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Turns every failure of the API into a JSON error with the right status: bad JSON, wrong method or media type,
 * unknown path, a path number that is no number — and, as a last resort, an unexpected error without any detail of
 * the server. Not scoped to a package: a wrong media type or method fails before any controller is chosen, so the
 * body is in the format of the endpoint asked for ({@link EdgeErrors}: {@link ApiError} for the API, GeoReport v2's
 * for Open311), always {@code application/json} whatever the {@code Accept} header.
 */
@RestControllerAdvice
class ApiExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @ExceptionHandler(ApiException.class)
    ResponseEntity<Object> refused(ApiException e, HttpServletRequest request) {
        ResponseEntity<Object> answer = error(request, e.status(), e.code(), e.getMessage());
        if (e.retryAfter() == null) {
            return answer;
        }
        return ResponseEntity.status(answer.getStatusCode()).headers(answer.getHeaders())
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(Math.max(1, (e.retryAfter().toMillis() + 999) / 1000)))
                .body(answer.getBody());
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Object> unreadable(HttpMessageNotReadableException e, HttpServletRequest request) {
        return error(request, HttpStatus.BAD_REQUEST, "malformed_request",
                "The request body must be a JSON object as described in the API documentation.");
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<Object> mediaType(HttpMediaTypeNotSupportedException e, HttpServletRequest request) {
        String accepted = e.getSupportedMediaTypes().isEmpty() ? MediaType.APPLICATION_JSON_VALUE
                : e.getSupportedMediaTypes().stream().map(MediaType::toString).collect(Collectors.joining(" or "));
        return error(request, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type", "Send Content-Type: " + accepted + ".");
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    ResponseEntity<Object> notAcceptable(HttpMediaTypeNotAcceptableException e, HttpServletRequest request) {
        return error(request, HttpStatus.NOT_ACCEPTABLE, "not_acceptable", "This API answers application/json.");
    }

    /**
     * A 405 with its {@code Allow} header (RFC 9110 requires it; Spring's default resolver sets it, an advice must):
     * the path's methods as an {@code OPTIONS} answers them, HEAD with GET, and OPTIONS.
     */
    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<Object> method(HttpRequestMethodNotSupportedException e, HttpServletRequest request) {
        ResponseEntity<Object> answer = error(request, HttpStatus.METHOD_NOT_ALLOWED, "method_not_allowed", "Use "
                + String.join(", ", e.getSupportedMethods() == null ? new String[] {"POST"} : e.getSupportedMethods())
                + " on this path.");
        return ResponseEntity.status(answer.getStatusCode()).headers(answer.getHeaders())
                .allow(allowed(e).toArray(HttpMethod[]::new)).body(answer.getBody());
    }

    /** What {@code Allow} names for a path: its methods, HEAD where GET is, and OPTIONS (answered on every path). */
    private static Set<HttpMethod> allowed(HttpRequestMethodNotSupportedException e) {
        Set<HttpMethod> allowed = new LinkedHashSet<>();
        Set<HttpMethod> supported = e.getSupportedHttpMethods();
        allowed.addAll(supported == null ? Set.of(HttpMethod.POST) : supported);
        if (allowed.contains(HttpMethod.GET)) {
            allowed.add(HttpMethod.HEAD);
        }
        allowed.add(HttpMethod.OPTIONS);
        return allowed;
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<Object> notFound(NoResourceFoundException e, HttpServletRequest request) {
        return error(request, HttpStatus.NOT_FOUND, "not_found", "No such endpoint.");
    }

    /** {@code /api/v1/admin/reports/abc/status}, or a number past a long: the client's mistake, not ours. */
    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Object> typeMismatch(MethodArgumentTypeMismatchException e, HttpServletRequest request) {
        Class<?> type = e.getRequiredType();
        boolean number = type != null && (Number.class.isAssignableFrom(type) || type == long.class || type == int.class);
        return error(request, HttpStatus.BAD_REQUEST, "invalid_parameter", "\"" + e.getName() + "\" must be "
                + (number ? "a whole number between 1 and " + Long.MAX_VALUE : "a valid " + e.getName()) + ".");
    }

    /** Tomcat's query-string parse: a broken %-escape or bytes that are not UTF-8 (the values are not repeated). */
    @ExceptionHandler(InvalidParameterException.class)
    ResponseEntity<Object> badParameters(InvalidParameterException e, HttpServletRequest request) {
        if (e.getErrorCode() == HttpStatus.CONTENT_TOO_LARGE.value()) {
            return error(request, HttpStatus.CONTENT_TOO_LARGE, "payload_too_large", "The request's parameters are too large.");
        }
        return error(request, HttpStatus.BAD_REQUEST, "malformed_parameters", "The request's parameters are not valid: "
                + "every one needs a name, and a % must be followed by two hexadecimal digits of UTF-8 bytes.");
    }

    /**
     * The firewall's lazy checks (a control character in a parameter's or header's name, met when a handler reads
     * it): the client's mistake, answered without logging what it sent (a newline there would forge a log line).
     */
    @ExceptionHandler(RequestRejectedException.class)
    ResponseEntity<Object> rejected(RequestRejectedException e, HttpServletRequest request) {
        return error(request, HttpStatus.BAD_REQUEST, "rejected_request", REJECTED);
    }

    /** Said of a request the firewall refuses once a handler reads its parameters or headers. */
    public static final String REJECTED = "This request is refused: a parameter's or header's name contains a control "
            + "character.";

    /** An upload over the multipart limits (the edge lets through at most {@link WebAttachments#MAX_UPLOAD_BODY_BYTES}). */
    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<Object> uploadTooLarge(MaxUploadSizeExceededException e, HttpServletRequest request) {
        return error(request, HttpStatus.CONTENT_TOO_LARGE, "payload_too_large", WebAttachments.TOO_LARGE);
    }

    /** A multipart body that does not parse (a missing boundary, a cut part). */
    @ExceptionHandler(MultipartException.class)
    ResponseEntity<Object> badMultipart(MultipartException e, HttpServletRequest request) {
        return error(request, HttpStatus.BAD_REQUEST, "malformed_request",
                "The body must be multipart/form-data with the parts \"file\" and \"conversationId\".");
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception e, HttpServletRequest request) {
        log.error("unexpected error in the chat API", e);
        return error(request, HttpStatus.INTERNAL_SERVER_ERROR, "internal_error",
                "Something went wrong on our side. Please try again later.");
    }

    private static ResponseEntity<Object> error(HttpServletRequest request, HttpStatus status, String code, String message) {
        // A preset Content-Type is written whatever the Accept header: never a 406 about an error, never HTML.
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON)
                .body(EdgeErrors.body(request, status.value(), code, message));
    }
}
