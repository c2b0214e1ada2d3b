package fr.civicgateway.opendata.local;

import fr.civicgateway.core.local.LocalDataException;
import fr.civicgateway.core.news.NewsSource;
import fr.civicgateway.opendata.yaml.StrictYaml;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;
import okhttp3.HttpUrl;
import tools.jackson.databind.JsonNode;

/**
 * One {@code config/adapters/*.yml} file of {@code type: feed}: a town hall's RSS 2.0 or Atom news feed, fetched by URL
 * like any remote source (refresh, size cap, last good copy). Checked like the other adapter files: an unknown key, a
 * missing one or a bad value fails with the file's name and the key.
 *
 * @param file           the configuration's file name, for messages
 * @param source         what the citizen reads of it
 * @param feed           the feed's URL ({@code file:})
 * @param refresh        how often it is fetched again
 * @param maxBytes       the largest download accepted, or null for the gateway's default
 * @param enabled        false: checked at start-up, never fetched (a documented example, or a source switched off)
 * @param summaryLength  the longest summary kept, in characters
 */
record FeedConfig(String file, NewsSource source, HttpUrl feed, Duration refresh, Long maxBytes, boolean enabled,
                  int summaryLength) {

    static final int DEFAULT_SUMMARY_LENGTH = 280;

    /** The file as written. */
    record FeedFile(
            @NotBlank @Pattern(regexp = "[a-z0-9][a-z0-9-]*", message = "must be lower-case letters, digits and dashes")
            String id,
            String type,
            @NotBlank String title,
            @NotBlank String publisher,
            @NotBlank String licence,
            @NotBlank String url,
            @NotBlank String file,
            String refresh,
            String maxSize,
            Boolean enabled,
            @Min(value = 40, message = "must be at least 40 characters") @Max(value = 2000, message = "must be at most 2000 characters")
            Integer summaryLength) {
    }

    private static final StrictYaml YAML = StrictYaml.camelCase();

    static FeedConfig read(String name, JsonNode root) {
        FeedFile f;
        try {
            f = YAML.validate(name, YAML.bind(name, root, FeedFile.class));
        } catch (StrictYaml.Invalid e) {
            throw new LocalDataException(AdapterConfig.message(name, e), e);
        }
        HttpUrl feed = HttpUrl.parse(f.file().strip());
        if (feed == null || !(feed.scheme().equals("http") || feed.scheme().equals("https"))) {
            throw new LocalDataException(name + ": file '" + f.file() + "' is not an http(s) URL (a feed is read from"
                    + " its address)");
        }
        if (feed.username().length() > 0 || feed.password().length() > 0) {
            throw new LocalDataException(name + ": file must not hold a user name or password");
        }
        var source = new NewsSource(f.id(), f.title().strip(), f.publisher().strip(), f.licence().strip(),
                f.url().strip());
        return new FeedConfig(name, source, feed, AdapterConfig.duration(name, f.refresh()),
                f.maxSize() == null ? null : AdapterConfig.size(name, f.maxSize()),
                f.enabled() == null || f.enabled(),
                f.summaryLength() == null ? DEFAULT_SUMMARY_LENGTH : f.summaryLength());
    }

    String id() {
        return source.id();
    }

    /** The feed's URL as messages show it: without its query, where a token could be. */
    String location() {
        return feed.newBuilder().query(null).build().toString();
    }

    /** What the kept copy depends on. */
    String origin() {
        return "feed\n" + feed;
    }
}
