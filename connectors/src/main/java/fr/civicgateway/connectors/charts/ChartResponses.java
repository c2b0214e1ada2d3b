package fr.civicgateway.connectors.charts;

import fr.civicgateway.connectors.web.ApiError;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The responses the four chart endpoints share in the OpenAPI document (200 in its three formats, 304, 400, 429);
 * each endpoint adds its own 404, which names what it is about. springdoc reads these through the meta-annotation,
 * so each operation is documented as when they were repeated on it.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ApiResponse(responseCode = "200", description = "The chart", content = {
        @Content(mediaType = "image/svg+xml", schema = @Schema(type = "string")),
        @Content(mediaType = "image/png", schema = @Schema(type = "string", format = "binary")),
        @Content(mediaType = "text/csv", schema = @Schema(type = "string"))},
        headers = {@Header(name = "ETag", description = "The data's version, the chart, the format and the language; "
                + "the gzipped answer's (SVG, CSV) ends in -gzip",
                schema = @Schema(type = "string")),
                @Header(name = "Content-Language", description = "fr or en",
                schema = @Schema(type = "string", allowableValues = {"fr", "en"})),
                @Header(name = "Content-Encoding", description = "gzip for an SVG or a CSV when Accept-Encoding takes it",
                schema = @Schema(type = "string", allowableValues = {"gzip"}))})
@ApiResponse(responseCode = "304", description = "Not modified since If-None-Match")
@ApiResponse(responseCode = "400", description = "A bad id or parameter", content = @Content(mediaType = "application/json", schema = @Schema(implementation = ApiError.class)))
@ApiResponse(responseCode = "429", description = "Too many requests: wait Retry-After seconds", content = @Content(mediaType = "application/json", schema = @Schema(implementation = ApiError.class)),
        headers = @Header(name = "Retry-After", description = "Seconds to wait", schema = @Schema(type = "integer")))
@interface ChartResponses {
}
