package fr.civicgateway.app.methodology;

import static org.assertj.core.api.Assertions.assertThat;

import fr.civicgateway.core.parliament.work.Provenance;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** {@link MethodologyPage} without a server: what the rendering keeps, drops and escapes. */
class MethodologyRenderingTest {

    private static String html(MethodologyPage page) {
        return new String(page.html(), StandardCharsets.UTF_8);
    }

    @Test
    void linksToRepositoryFilesLoseTheirLinkButKeepTheirTextWhileSectionAndWebLinksStay() {
        String html = html(MethodologyPage.render("""
                # Title <of> the "page"

                See [`API.md` §4](../API.md#4-methodology), [data](../../data/SOURCES.md), [below](#a-section)
                and [the Assemblée](https://www.assemblee-nationale.fr/).

                ## <a id="an-speeches-1"></a>A section
                """, "https://bot.example.org/methodology"));

        assertThat(html).contains("<title>Title &lt;of&gt; the &quot;page&quot; — civic-gateway</title>",
                "See <code>API.md</code> §4, data, <a href=\"#a-section\">below</a>",
                "<a href=\"https://www.assemblee-nationale.fr/\">the Assemblée</a>",
                "<h2 id=\"a-section\"><a id=\"an-speeches-1\"></a>A section</h2>");
        assertThat(html).doesNotContain("API.md#", "SOURCES.md");
    }

    @Test
    void theETagChangesWithThePageAndOnlyWithIt() {
        MethodologyPage a = MethodologyPage.render("# A", "https://bot.example.org/methodology");

        assertThat(MethodologyPage.render("# A", "https://bot.example.org/methodology").etag()).isEqualTo(a.etag());
        assertThat(MethodologyPage.render("# B", "https://bot.example.org/methodology").etag()).isNotEqualTo(a.etag());
        assertThat(a.etag()).matches("[0-9a-f]{32}");
    }

    @Test
    void theBuildPackagesTheRepositorysMethodologyWithASectionForEveryMethod() {
        String html = html(MethodologyPage.fromClassPath("http://localhost:8080/methodology"));

        for (Provenance.Method m : Provenance.Method.values()) {
            assertThat(html).as(m.name()).containsPattern("<h2 id=\"[^\"]+\"><a id=\"" + m.id + "\"></a>");
        }
    }
}
