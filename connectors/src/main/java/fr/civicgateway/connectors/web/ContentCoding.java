package fr.civicgateway.connectors.web;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * The one content coding the gateway serves, gzip, for answers that are the same bytes for a version of the data
 * (compressed once, then kept, as nginx's {@code gzip_static}): whether a request's {@code Accept-Encoding} takes it,
 * and the compression itself. Stateless and thread-safe.
 *
 * <pre>{@code
 * if (ContentCoding.acceptsGzip(request.getHeader("Accept-Encoding"))) { … "Content-Encoding: gzip" … }
 * }</pre>
 */
public final class ContentCoding {

    /** The value of {@code Content-Encoding}, and the suffix of a gzipped answer's entity tag ({@code "…-gzip"}). */
    public static final String GZIP = "gzip";

    /** {@code coding [ OWS ";" OWS "q=" qvalue ]} (RFC 9110 §12.5.3, §12.4.2); the q name is case-insensitive. */
    private static final Pattern ELEMENT = Pattern.compile(
            "([!#$%&'*+.^_`|~0-9A-Za-z-]+)(?:[ \\t]*;[ \\t]*[qQ]=(0(?:\\.[0-9]{0,3})?|1(?:\\.0{0,3})?))?");

    private ContentCoding() {
    }

    /**
     * Whether to answer gzip: gzip (or its alias x-gzip), else {@code *}, has a weight above 0, and identity is not
     * explicitly preferred to it (RFC 9110 §12.5.3). No header, an empty one, or one that does not parse (any
     * malformed element): identity, which every client takes.
     */
    public static boolean acceptsGzip(String acceptEncoding) {
        if (acceptEncoding == null || acceptEncoding.isBlank()) {
            return false;
        }
        double gzip = -1;
        double identity = -1;
        double any = -1;
        for (String element : acceptEncoding.split(",", -1)) {
            String e = element.strip();
            if (e.isEmpty()) {
                continue; // the list syntax allows empty elements
            }
            Matcher m = ELEMENT.matcher(e);
            if (!m.matches()) {
                return false;
            }
            double q = m.group(2) == null ? 1 : Double.parseDouble(m.group(2));
            switch (m.group(1).toLowerCase(Locale.ROOT)) {
                case "gzip", "x-gzip" -> gzip = Math.max(gzip, q);
                case "identity" -> identity = Math.max(identity, q);
                case "*" -> any = Math.max(any, q);
                default -> {
                }
            }
        }
        double g = gzip >= 0 ? gzip : any;
        return g > 0 && g >= identity;
    }

    /** The bytes gzipped (the default level: the answers compressed are kept, so this runs once per version). */
    public static byte[] gzip(byte[] plain) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, plain.length / 8));
        try (GZIPOutputStream z = new GZIPOutputStream(out, 8192)) {
            z.write(plain);
        } catch (IOException e) {
            throw new UncheckedIOException("gzip into memory", e);
        }
        return out.toByteArray();
    }

    /** The bytes of a gzip member made by {@link #gzip}: for the clients that take identity. */
    public static byte[] gunzip(byte[] gzipped) {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzipped), 8192)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("gunzip bytes gzipped here", e);
        }
    }

    /** An entity tag's gzip variant: {@code "abc-json"} → {@code "abc-json-gzip"}, weak kept weak. */
    public static String gzipTag(String etag) {
        if (!etag.endsWith("\"")) {
            throw new IllegalArgumentException("not a quoted entity tag: " + etag);
        }
        return etag.substring(0, etag.length() - 1) + "-" + GZIP + "\"";
    }

    /**
     * The tag of {@code candidates} that {@code If-None-Match} names (weak comparison, RFC 9110 §13.1.2), or null.
     * {@code *} names the first candidate (the representation selected).
     */
    public static String matchingTag(String ifNoneMatch, String... candidates) {
        if (ifNoneMatch == null) {
            return null;
        }
        for (String t : ifNoneMatch.split(",")) {
            String tag = t.strip();
            if (tag.equals("*")) {
                return candidates[0];
            }
            String opaque = tag.startsWith("W/") ? tag.substring(2) : tag;
            for (String c : candidates) {
                String co = c.startsWith("W/") ? c.substring(2) : c;
                if (opaque.equals(co)) {
                    return c;
                }
            }
        }
        return null;
    }
}
