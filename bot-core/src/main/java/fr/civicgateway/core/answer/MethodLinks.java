package fr.civicgateway.core.answer;

import fr.civicgateway.core.dialogue.Turn;
import fr.civicgateway.core.parliament.work.Provenance;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Objects;

/**
 * Where the methods that answers cite are explained, as a link anyone can follow: the gateway's public methodology
 * page ({@code <public URL>/methodology}, one section per method, anchored by the method's id). The application
 * builds it from its public address ({@code civic.public-url}) and hands it to the handlers that ask for it in their
 * constructor; the core only holds the address as text.
 *
 * <p>A handler citing a method says it in one call, {@link #sourceLine}: its {@code *.source} sentence takes the
 * arguments {@code source}, {@code url}, {@code date}, {@code method} (the id) and {@code method_url} (the link).
 *
 * @param base the public base URL, absolute http(s), without a trailing slash ({@code https://bot.example.org})
 */
public record MethodLinks(String base) {

    /** The methodology page's path on the gateway. */
    public static final String PATH = "/methodology";

    public MethodLinks {
        Objects.requireNonNull(base, "base");
        base = normalised(base);
    }

    /** The links under {@code publicUrl}; a trailing slash is dropped. */
    public static MethodLinks at(String publicUrl) {
        return new MethodLinks(publicUrl);
    }

    /** The methodology page: {@code https://bot.example.org/methodology}. */
    public String page() {
        return base + PATH;
    }

    /** The section of one method: {@code https://bot.example.org/methodology#an-speeches-1}. */
    public String of(Provenance.Method method) {
        return page() + "#" + method.id;
    }

    /**
     * The source line of a figure, from the sentence {@code key} of the turn's catalogue with the arguments
     * {@code source}, {@code url}, {@code date} (the date the data goes to, written out), {@code method} and
     * {@code method_url}: "Source : …, https://… (données au 15 avril 2026). Méthode an-speeches-1 :
     * https://bot.example.org/methodology#an-speeches-1".
     */
    public String sourceLine(Turn turn, String key, Provenance p) {
        return turn.msg(key, "source", p.source(), "url", p.url(), "date", Formats.date(turn.language(), p.dataDate()),
                "method", p.method().id, "method_url", of(p.method()));
    }

    /**
     * The base as links are built on it: an absolute http or https URL with a host, without query, fragment or
     * trailing slash. A path is kept (a gateway published under {@code https://example.org/civic}).
     *
     * @throws IllegalArgumentException naming what is wrong, for anything else
     */
    static String normalised(String url) {
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("is not a URL (" + e.getReason() + "): " + url);
        }
        String scheme = uri.getScheme();
        if (!uri.isAbsolute() || !("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme))) {
            throw new IllegalArgumentException("must be an absolute http:// or https:// URL, such as "
                    + "https://bot.example.org: " + url);
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw new IllegalArgumentException("must name a host, such as https://bot.example.org: " + url);
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException("must have no query, fragment nor user name: " + url);
        }
        return uri.toString().strip().replaceAll("/+$", "");
    }
}
