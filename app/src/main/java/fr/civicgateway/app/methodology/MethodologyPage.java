package fr.civicgateway.app.methodology;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;
import org.commonmark.Extension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.ext.heading.anchor.HeadingAnchorExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Heading;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.text.TextContentRenderer;

/**
 * The methodology page, rendered once from its one source, {@code docs/journalists/methodology.md}, which the build
 * packages as the class-path resource {@link #RESOURCE}: plain HTML (no script, no style), headings with GitHub's ids
 * (so that the document's own {@code #section} links work on the page too) and the explicit {@code <a id>} of each
 * method, named after the method's id. Links to other files of the repository are not on the site: their text stays,
 * without a link. Immutable.
 *
 * @param html the whole page, UTF-8
 * @param etag a strong validator of the page (its SHA-256, shortened)
 */
public record MethodologyPage(byte[] html, String etag) {

    /** Where the build puts {@code docs/journalists/methodology.md} (app/pom.xml). */
    public static final String RESOURCE = "methodology/methodology.md";

    private static final List<Extension> EXTENSIONS = List.of(HeadingAnchorExtension.create(), TablesExtension.create());
    private static final Pattern SCHEME = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*:");

    /**
     * The page from the packaged Markdown.
     *
     * @param canonical the page's public address ({@code <civic.public-url>/methodology})
     * @throws IllegalStateException when the resource is missing (a build that skipped Maven's resources)
     */
    public static MethodologyPage fromClassPath(String canonical) {
        try (InputStream in = MethodologyPage.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the class path: the app module's build copies "
                        + "docs/journalists/methodology.md there (maven-resources-plugin, execution 'methodology')");
            }
            return render(new String(in.readAllBytes(), StandardCharsets.UTF_8), canonical);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The page of a Markdown document; its first heading is the page's title. */
    public static MethodologyPage render(String markdown, String canonical) {
        Node document = Parser.builder().extensions(EXTENSIONS).build().parse(markdown);
        document.accept(new AbstractVisitor() {
            @Override
            public void visit(Link link) {
                visitChildren(link);
                if (leadsOutOfThePage(link.getDestination())) {
                    Node child = link.getFirstChild();
                    while (child != null) {
                        Node next = child.getNext();
                        link.insertBefore(child);
                        child = next;
                    }
                    link.unlink();
                }
            }
        });
        String body = HtmlRenderer.builder().extensions(EXTENSIONS).build().render(document);
        String html = """
                <!DOCTYPE html>
                <html lang="en">
                <head>
                <meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>%s — civic-gateway</title>
                <link rel="canonical" href="%s">
                </head>
                <body>
                <main>
                %s</main>
                </body>
                </html>
                """.formatted(escape(title(document)), escape(canonical), body);
        byte[] bytes = html.getBytes(StandardCharsets.UTF_8);
        return new MethodologyPage(bytes, HexFormat.of().formatHex(sha256(bytes), 0, 16));
    }

    /** A relative link to another file of the repository (API.md, data/SOURCES.md): not served by the gateway. */
    static boolean leadsOutOfThePage(String destination) {
        return destination != null && !destination.startsWith("#") && !SCHEME.matcher(destination).find()
                && !destination.startsWith("//");
    }

    private static String title(Node document) {
        for (Node n = document.getFirstChild(); n != null; n = n.getNext()) {
            if (n instanceof Heading h && h.getLevel() == 1) {
                return TextContentRenderer.builder().build().render(h).strip();
            }
        }
        return "Methodology";
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
