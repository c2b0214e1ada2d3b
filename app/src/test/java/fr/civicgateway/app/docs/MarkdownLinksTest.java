package fr.civicgateway.app.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every relative link of every Markdown file of the repository (README, CONTRIBUTING, ARCHITECTURE, BENCHMARKS,
 * docs/, data/…) leads somewhere: the file or directory exists inside the repository, and an anchor
 * ({@code page.md#section}, {@code #section}) names a heading of that page as GitHub spells its anchors, or an
 * explicit {@code <a id>}. Links to other sites are not fetched. Links inside code are not links.
 */
class MarkdownLinksTest {

    /**
     * Pages that other changes of the same round add; a link to one is accepted while it does not exist yet, and
     * checked like any other once it does. Remove an entry once its page is merged.
     */
    static final Set<String> ANNOUNCED = Set.of();

    private static final Set<String> SKIPPED_DIRECTORIES = Set.of(".git", "target", "node_modules", ".idea", "var");

    @Test
    void everyRelativeLinkAndAnchorOfTheRepositorysMarkdownResolves() {
        Checker checker = new Checker(repositoryRoot(), ANNOUNCED);

        List<String> problems = checker.check();

        assertThat(checker.files).as("Markdown files read").contains(
                "README.md", "CONTRIBUTING.md", "ARCHITECTURE.md", "BENCHMARKS.md", "docs/README.md");
        assertThat(checker.linksChecked).as("relative links checked").isGreaterThan(100);
        assertThat(problems).as("broken relative links").isEmpty();
    }

    @Test
    void findsABrokenFileABrokenAnchorAndALinkOutOfTheRepositoryButNotLinksInCode(@TempDir Path root)
            throws IOException {
        Files.createDirectories(root.resolve("docs/sub"));
        Files.writeString(root.resolve("README.md"), """
                # Title

                [ok](docs/guide.md#every-key), [ok too](docs/sub/), [self](#title), ![image](docs/guide.md)
                [missing file](docs/nowhere.md) and [missing anchor](docs/guide.md#no-such-section)
                [outside](../secret.md) [external](https://example.org/x.md#y) [mail](mailto:a@b.c)
                `[in code](docs/nowhere-inline.md)`

                ```md
                [in a fence](docs/nowhere-fenced.md)
                ```
                [announced](docs/later.md)
                [ref]: docs/guide.md#a-groups-position
                """);
        Files.writeString(root.resolve("docs/guide.md"), """
                # Guide
                ## Every key
                ## A group's position
                Back to [the readme](../README.md#title).
                """);

        Checker checker = new Checker(root, Set.of("docs/later.md"));
        List<String> problems = checker.check();

        assertThat(problems).containsExactlyInAnyOrder(
                "README.md:4: docs/nowhere.md: no such file",
                "README.md:4: docs/guide.md#no-such-section: no such anchor in docs/guide.md",
                "README.md:5: ../secret.md: outside the repository");
        assertThat(checker.linksChecked).isEqualTo(10);
    }

    @Test
    void anchorsAreSpeltAsGitHubSpellsThem() {
        assertThat(Checker.slug("Remote sources: refresh, failures, cache"))
                .isEqualTo("remote-sources-refresh-failures-cache");
        assertThat(Checker.slug("A group's position on a scrutin")).isEqualTo("a-groups-position-on-a-scrutin");
        assertThat(Checker.slug("4. Methodology: participation rate")).isEqualTo("4-methodology-participation-rate");
        assertThat(Checker.slug("Admin: consultations (`/api/v1/admin/consultations`)"))
                .isEqualTo("admin-consultations-apiv1adminconsultations");
        assertThat(Checker.slug("Données au 14 novembre — état")).isEqualTo("données-au-14-novembre--état");
        assertThat(Checker.slug("See [the guide](docs/guide.md) *now*")).isEqualTo("see-the-guide-now");
        assertThat(Checker.slug("snake_case_name")).isEqualTo("snake_case_name");
    }

    private static Path repositoryRoot() {
        String property = System.getProperty("civic.repository-root");
        if (property != null && Files.isRegularFile(Path.of(property, "README.md"))) {
            return Path.of(property);
        }
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("README.md")) && Files.isDirectory(p.resolve("docs"))) {
                return p;
            }
        }
        throw new IllegalStateException("cannot find the repository root (README.md and docs/)");
    }

    /** Reads every Markdown file under a root and checks its relative links. */
    static final class Checker {

        private static final Pattern FENCE = Pattern.compile("^\\s*(`{3,}|~{3,})");
        private static final Pattern INLINE_CODE = Pattern.compile("(`+)(?:(?!\\1).)+?\\1");
        /** {@code [text](destination)} and {@code ![alt](destination)}, with an optional title. */
        private static final Pattern INLINE_LINK =
                Pattern.compile("\\]\\(\\s*<?([^)\\s>]+)>?(?:\\s+\"[^\"]*\")?\\s*\\)");
        private static final Pattern REFERENCE = Pattern.compile("^ {0,3}\\[[^\\]]+\\]:\\s*<?(\\S+?)>?(?:\\s.*)?$");
        private static final Pattern HTML_LINK = Pattern.compile("<(?:a|img)\\s[^>]*?(?:href|src)=\"([^\"]+)\"");
        private static final Pattern HTML_ANCHOR = Pattern.compile("<[a-zA-Z]+\\s[^>]*?(?:id|name)=\"([^\"]+)\"");
        private static final Pattern ATX = Pattern.compile("^ {0,3}(#{1,6})\\s+(.*?)(?:\\s+#+)?\\s*$");
        private static final Pattern SETEXT = Pattern.compile("^ {0,3}(=+|-+)\\s*$");
        private static final Pattern SCHEME = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*:|^//");

        private final Path root;
        private final Set<String> announced;
        private final Map<Path, Set<String>> anchors = new HashMap<>();
        final List<String> files = new ArrayList<>();
        int linksChecked;

        Checker(Path root, Set<String> announced) {
            this.root = root.toAbsolutePath().normalize();
            this.announced = announced;
        }

        List<String> check() {
            List<String> problems = new ArrayList<>();
            for (Path file : markdownFiles()) {
                files.add(relative(file));
                List<String> lines = outsideCode(read(file));
                for (int i = 0; i < lines.size(); i++) {
                    for (String destination : links(lines.get(i))) {
                        String problem = problem(file, destination);
                        if (problem != null) {
                            problems.add(relative(file) + ":" + (i + 1) + ": " + destination + ": " + problem);
                        }
                    }
                }
            }
            return problems;
        }

        private List<Path> markdownFiles() {
            try (Stream<Path> walk = Files.walk(root)) {
                return walk.filter(p -> p.getFileName().toString().endsWith(".md"))
                        .filter(p -> {
                            for (Path part : root.relativize(p)) {
                                if (SKIPPED_DIRECTORIES.contains(part.toString())) {
                                    return false;
                                }
                            }
                            return Files.isRegularFile(p);
                        })
                        .sorted()
                        .toList();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private String problem(Path file, String destination) {
            if (SCHEME.matcher(destination).find()) {
                return null;
            }
            linksChecked++;
            int hash = destination.indexOf('#');
            String path = URLDecoder.decode(hash < 0 ? destination : destination.substring(0, hash),
                    StandardCharsets.UTF_8);
            String fragment = hash < 0 ? null : destination.substring(hash + 1);
            Path target = path.isEmpty() ? file : file.getParent().resolve(path).normalize();
            if (!target.startsWith(root)) {
                return "outside the repository";
            }
            if (!Files.exists(target)) {
                return announced.contains(relative(target)) ? null : "no such file";
            }
            if (fragment == null || fragment.isEmpty() || !target.getFileName().toString().endsWith(".md")) {
                return null;
            }
            String wanted = URLDecoder.decode(fragment, StandardCharsets.UTF_8);
            return anchorsOf(target).contains(wanted) ? null : "no such anchor in " + relative(target);
        }

        private Set<String> anchorsOf(Path file) {
            return anchors.computeIfAbsent(file, f -> {
                Set<String> found = new HashSet<>();
                Map<String, Integer> seen = new HashMap<>();
                List<String> lines = outsideCode(read(f));
                for (int i = 0; i < lines.size(); i++) {
                    String line = lines.get(i);
                    String heading = null;
                    Matcher atx = ATX.matcher(line);
                    if (atx.matches()) {
                        heading = atx.group(2);
                    } else if (i > 0 && SETEXT.matcher(line).matches() && isParagraphLine(lines.get(i - 1))
                            && (i < 2 || lines.get(i - 2).isBlank())) {
                        heading = lines.get(i - 1).strip();
                    }
                    if (heading != null) {
                        String slug = slug(heading);
                        int n = seen.merge(slug, 1, Integer::sum);
                        found.add(n == 1 ? slug : slug + "-" + (n - 1));
                    }
                    Matcher html = HTML_ANCHOR.matcher(line);
                    while (html.find()) {
                        found.add(html.group(1));
                    }
                }
                return found;
            });
        }

        private static boolean isParagraphLine(String line) {
            String s = line.strip();
            return !s.isEmpty() && !s.startsWith("#") && !s.startsWith("|") && !s.startsWith("-")
                    && !s.startsWith("*") && !s.startsWith(">") && !s.matches("\\d+\\..*");
        }

        /** GitHub's heading anchor: the heading's text, lower case, punctuation but {@code -} and {@code _} dropped. */
        static String slug(String heading) {
            String text = heading
                    .replaceAll("!?\\[([^\\]]*)\\]\\([^)]*\\)", "$1")
                    .replaceAll("<[^>]+>", "");
            return text.toLowerCase(Locale.ROOT)
                    .replaceAll("[^\\p{L}\\p{M}\\p{N}\\p{Pc} -]", "")
                    .replace(' ', '-');
        }

        /** The links of one line, code spans left out. */
        private static List<String> links(String line) {
            String text = INLINE_CODE.matcher(line).replaceAll("");
            List<String> found = new ArrayList<>();
            for (Pattern pattern : List.of(INLINE_LINK, HTML_LINK)) {
                Matcher m = pattern.matcher(text);
                while (m.find()) {
                    found.add(m.group(1));
                }
            }
            Matcher reference = REFERENCE.matcher(text);
            if (reference.matches()) {
                found.add(reference.group(1));
            }
            return found;
        }

        /** The file's lines, with the lines of fenced code blocks blanked (kept, so that line numbers hold). */
        private static List<String> outsideCode(String content) {
            List<String> lines = new ArrayList<>();
            String fence = null;
            for (String line : content.split("\n", -1)) {
                Matcher m = FENCE.matcher(line);
                if (fence == null && m.find()) {
                    fence = m.group(1);
                    lines.add("");
                } else if (fence != null) {
                    if (line.strip().startsWith(fence) && line.strip().replace(fence.substring(0, 1), "").isEmpty()) {
                        fence = null;
                    }
                    lines.add("");
                } else {
                    lines.add(line);
                }
            }
            return lines;
        }

        private String relative(Path file) {
            return root.relativize(file.toAbsolutePath().normalize()).toString().replace('\\', '/');
        }

        private static String read(Path file) {
            try {
                return Files.readString(file, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
