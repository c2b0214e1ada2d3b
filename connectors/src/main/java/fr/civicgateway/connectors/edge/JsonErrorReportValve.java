package fr.civicgateway.connectors.edge;

import java.io.IOException;
import java.io.Writer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tomcat's own error report (a request refused before Spring sees it, such as {@code %00} in the path) in JSON and
 * the endpoint's format, instead of Tomcat's HTML page with its version.
 */
final class JsonErrorReportValve extends ErrorReportValve {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String contentSecurityPolicy;

    /** For Tomcat, should it ever create one by its class name: the strictest policy. */
    public JsonErrorReportValve() {
        this("default-src 'none'; frame-ancestors 'none'");
    }

    JsonErrorReportValve(String contentSecurityPolicy) {
        this.contentSecurityPolicy = contentSecurityPolicy;
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(false);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        String uri = request.getRequestURI();
        boolean encodedPath = status == 400 && refusedEncoding(request.getCoyoteRequest().requestURI().toString());
        // Tomcat refuses an encoded '/', '\\' or NUL before the firewall: the same refusal, the same code as its.
        String code = encodedPath ? "rejected_path" : EdgeErrors.codeOf(status);
        String message = encodedPath ? SecurityConfiguration.REJECTED_PATH_MESSAGE : EdgeErrors.messageOf(status);
        Object body = uri != null && uri.startsWith("/open311/")
                ? List.of(ordered("code", status, "description", message))
                : ordered("error", code, "message", message);
        try {
            response.setContentType("application/json");
            response.setCharacterEncoding("utf-8");
            response.setHeader("X-Content-Type-Options", "nosniff");
            response.setHeader("Referrer-Policy", SecurityConfiguration.REFERRER_POLICY.getPolicy());
            response.setHeader("Content-Security-Policy", contentSecurityPolicy);
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(JSON.writeValueAsString(body));
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // the client is gone or the response closed: nothing more can be said
        }
    }

    /** Whether the raw request target holds an encoded '/', '\\' or NUL, which Tomcat refuses itself. */
    static boolean refusedEncoding(String rawUri) {
        String u = rawUri == null ? "" : rawUri.toLowerCase(java.util.Locale.ROOT);
        return u.contains("%2f") || u.contains("%5c") || u.contains("%00");
    }

    private static Map<String, Object> ordered(String k1, Object v1, String k2, Object v2) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(k1, v1);
        m.put(k2, v2);
        return m;
    }
}
