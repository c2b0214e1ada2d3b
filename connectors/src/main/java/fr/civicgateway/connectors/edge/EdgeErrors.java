package fr.civicgateway.connectors.edge;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import tools.jackson.databind.json.JsonMapper;

/**
 * The error body of the endpoint a request was for, for every layer that answers an error itself (the body
 * limit, the security chain, the error page, Tomcat's error report, the controllers' advice): Open311 paths get
 * GeoReport v2's {@code [{"code": 413, "description": "…"}]}, every other path the API's
 * {@code {"error": "<code>", "message": "…"}} (docs/API.md). Never a stack trace, never a value the client sent.
 */
public final class EdgeErrors {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String OPEN311_PREFIX = "/open311/";

    private EdgeErrors() {
    }

    /** Whether the request is for the Open311 server, by its decoded path (or the original one on an error dispatch). */
    public static boolean isOpen311(HttpServletRequest request) {
        Object original = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String path = original instanceof String uri ? uri : request.getServletPath()
                + (request.getPathInfo() == null ? "" : request.getPathInfo());
        if (path.isEmpty()) {
            path = request.getRequestURI() == null ? "" : request.getRequestURI();
        }
        return path.startsWith(OPEN311_PREFIX);
    }

    /** The body of an error answer for this request's endpoint. */
    public static Object body(HttpServletRequest request, int status, String code, String message) {
        if (isOpen311(request)) {
            Map<String, Object> error = new LinkedHashMap<>();
            error.put("code", status);
            error.put("description", message);
            return List.of(error);
        }
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("error", code);
        error.put("message", message);
        return error;
    }

    /** Writes the error answer, unless the response is already committed (then nothing can be said any more). */
    public static void write(HttpServletRequest request, HttpServletResponse response, int status, String code,
                             String message) throws IOException {
        write(request, response, status, code, message, null);
    }

    /**
     * Writes the error answer with this Content-Security-Policy: for the layers that answer before Spring Security's
     * header writer runs (its firewall, the body limit), which would otherwise send none.
     */
    public static void write(HttpServletRequest request, HttpServletResponse response, int status, String code,
                             String message, String contentSecurityPolicy) throws IOException {
        if (response.isCommitted()) {
            return;
        }
        response.resetBuffer();
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.setHeader("X-Content-Type-Options", "nosniff");
        if (response.getHeader("Referrer-Policy") == null) {
            response.setHeader("Referrer-Policy", SecurityConfiguration.REFERRER_POLICY.getPolicy());
        }
        if (contentSecurityPolicy != null) {
            response.setHeader("Content-Security-Policy", contentSecurityPolicy);
        }
        byte[] bytes = JSON.writeValueAsBytes(body(request, status, code, message));
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
        response.flushBuffer();
    }

    /** The error code API.md gives a status when no more specific one applies. */
    public static String codeOf(int status) {
        return switch (status) {
            case 400 -> "bad_request";
            case 401 -> "unauthorized";
            case 403 -> "forbidden";
            case 404 -> "not_found";
            case 405 -> "method_not_allowed";
            case 406 -> "not_acceptable";
            case 408 -> "request_timeout";
            case 413 -> "payload_too_large";
            case 414 -> "uri_too_long";
            case 415 -> "unsupported_media_type";
            case 429 -> "rate_limited";
            case 431 -> "headers_too_large";
            case 501 -> "not_implemented";
            case 503 -> "unavailable";
            case 505 -> "http_version_not_supported";
            default -> status >= 500 ? "internal_error" : "bad_request";
        };
    }

    /** A message for a status when nothing more precise may be said (no detail of the server, nothing echoed). */
    public static String messageOf(int status) {
        return switch (status) {
            case 400 -> "The request is malformed.";
            case 401 -> "Send Authorization: Bearer <admin token>.";
            case 403 -> "This request is not allowed.";
            case 404 -> "No such endpoint.";
            case 405 -> "This method is not allowed on this path.";
            case 406 -> "This API answers application/json.";
            case 408 -> "The request took too long to arrive.";
            case 413 -> "The request body is too large.";
            case 414 -> "The request's address is too long.";
            case 415 -> "This media type is not accepted here.";
            case 429 -> "Too many requests; wait a moment.";
            case 431 -> "The request's headers are too large.";
            case 501 -> "This server does not support the request's method or transfer encoding: send GET or POST, "
                    + "with a body plain or chunked.";
            case 503 -> "The service is momentarily unavailable. Please try again later.";
            case 505 -> "This server speaks HTTP/1.1 (and HTTP/1.0): send the request line with one of them.";
            default -> status >= 500 ? "Something went wrong on our side. Please try again later." : "The request is malformed.";
        };
    }
}
