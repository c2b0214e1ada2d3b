package fr.civicgateway.connectors.edge;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Caps every request body at {@code civic.web.max-body-bytes}, on every path however it is spelled, as it is read:
 * <ul>
 *   <li>a declared {@code Content-Length} over the limit is refused at once (Tomcat never reads past a declared
 *       length, so a smaller one needs nothing more);</li>
 *   <li>a body of unknown length (chunked) is read here, at most limit + 1 bytes, and handed on from memory; one
 *       byte more and the request is refused, the rest never read by the application (Tomcat swallows a little
 *       then closes the connection);</li>
 *   <li>a form ({@code application/x-www-form-urlencoded}) is parsed by Tomcat itself, whose {@code maxPostSize}
 *       is set to the same limit ({@link EdgeConfiguration}) and counts chunked bodies too; its parse is forced here
 *       so a form too large or malformed (an empty name, a broken {@code %}-escape, bytes that are not UTF-8) is
 *       refused with a clear 400 or 413 before any controller, and without logging the values.</li>
 * </ul>
 * The refusal is in the endpoint's own error format ({@link EdgeErrors}). Memory per request stays under the limit.
 *
 * <p>One path has a larger limit: {@code POST} of a multipart upload to the web chat's attachments
 * ({@code /api/v1/attachments}, a photo of up to 5 MB plus the form's envelope). It is matched on the servlet path
 * (decoded, normalised, path parameters dropped); a spelling that only reaches it by those means is refused by the
 * firewall right after, so the larger limit opens nothing else.
 */
final class RequestBodyLimitFilter extends OncePerRequestFilter {

    private final int maxBodyBytes;
    private final String contentSecurityPolicy;
    private final String uploadPath;
    private final int uploadMaxBytes;
    private final String uploadTooLarge;

    /** @param contentSecurityPolicy sent with its refusals, which Spring Security's header writer never sees */
    RequestBodyLimitFilter(int maxBodyBytes, String contentSecurityPolicy) {
        this(maxBodyBytes, contentSecurityPolicy, null, maxBodyBytes, null);
    }

    /**
     * @param uploadPath     the one path whose multipart {@code POST} may be larger, or null
     * @param uploadMaxBytes its limit (never below {@code maxBodyBytes})
     * @param uploadTooLarge what its refusal says: the documented limit of the file, not this transport allowance
     *                       (which includes the multipart envelope)
     */
    RequestBodyLimitFilter(int maxBodyBytes, String contentSecurityPolicy, String uploadPath, int uploadMaxBytes,
                           String uploadTooLarge) {
        if (maxBodyBytes < 1) {
            throw new IllegalArgumentException("civic.web.max-body-bytes must be at least 1: " + maxBodyBytes);
        }
        this.maxBodyBytes = maxBodyBytes;
        this.contentSecurityPolicy = contentSecurityPolicy;
        this.uploadPath = uploadPath;
        this.uploadMaxBytes = Math.max(maxBodyBytes, uploadMaxBytes);
        this.uploadTooLarge = uploadTooLarge;
    }

    private boolean isUpload(HttpServletRequest request) {
        String type = request.getContentType();
        return uploadPath != null && "POST".equals(request.getMethod()) && uploadPath.equals(request.getServletPath())
                && type != null && type.regionMatches(true, 0, MediaType.MULTIPART_FORM_DATA_VALUE, 0,
                MediaType.MULTIPART_FORM_DATA_VALUE.length());
    }

    private int limitOf(HttpServletRequest request) {
        return isUpload(request) ? uploadMaxBytes : maxBodyBytes;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        int limit = limitOf(request);
        long declared = request.getContentLengthLong();
        if (declared > limit) {
            tooLarge(request, response, limit);
            return;
        }
        if (isForm(request)) {
            try {
                request.getParameterMap();
            } catch (InvalidParameterException e) {
                if (e.getErrorCode() == 413) {
                    tooLarge(request, response, limit);
                } else {
                    EdgeErrors.write(request, response, 400, "malformed_form", "The form is not valid "
                            + "application/x-www-form-urlencoded UTF-8: every field needs a name, and a % must be "
                            + "followed by two hexadecimal digits of UTF-8 bytes.", contentSecurityPolicy);
                }
                return;
            }
            chain.doFilter(request, response);
            return;
        }
        if (declared < 0 && request.getHeader(HttpHeaders.TRANSFER_ENCODING) != null) {
            byte[] body = request.getInputStream().readNBytes(limit + 1);
            if (body.length > limit) {
                tooLarge(request, response, limit);
                return;
            }
            chain.doFilter(new BufferedBody(request, body), response);
            return;
        }
        chain.doFilter(request, response);
    }

    /** Tomcat parses the body's parameters of a POST form only (its default {@code parseBodyMethods}). */
    private static boolean isForm(HttpServletRequest request) {
        String type = request.getContentType();
        return "POST".equals(request.getMethod()) && type != null
                && type.regionMatches(true, 0, MediaType.APPLICATION_FORM_URLENCODED_VALUE, 0,
                MediaType.APPLICATION_FORM_URLENCODED_VALUE.length());
    }

    private void tooLarge(HttpServletRequest request, HttpServletResponse response, int limit) throws IOException {
        // The connection cannot be reused once an unread body is left behind: say so rather than let Tomcat guess.
        response.setHeader(HttpHeaders.CONNECTION, "close");
        String message = uploadTooLarge != null && isUpload(request) ? uploadTooLarge
                : "The request body must be at most " + limit + " bytes.";
        EdgeErrors.write(request, response, 413, "payload_too_large", message, contentSecurityPolicy);
    }

    /** The request with its body already read into memory. */
    private static final class BufferedBody extends HttpServletRequestWrapper {

        private final byte[] body;
        private boolean used;

        BufferedBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            return stream();
        }

        @Override
        public BufferedReader getReader() {
            String encoding = getCharacterEncoding();
            Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
            return new BufferedReader(new InputStreamReader(stream(), charset));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }

        private ServletInputStream stream() {
            if (used) {
                throw new IllegalStateException("the request body was already read");
            }
            used = true;
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("the body is already in memory: read it directly");
                }
            };
        }
    }
}
