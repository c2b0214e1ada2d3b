package fr.civicgateway.connectors.web;

/**
 * The body of every error answer of the public API: {@code {"error": "<code>", "message": "<human readable>"}}.
 * Never a stack trace.
 */
public record ApiError(String error, String message) {
}
