package fr.civicgateway.opendata.local;

import fr.civicgateway.core.news.NewsItem;
import fr.civicgateway.opendata.http.ConditionalDownloader;
import fr.civicgateway.opendata.http.ConditionalDownloader.Downloaded;
import fr.civicgateway.opendata.http.ConditionalDownloader.NotModified;
import fr.civicgateway.opendata.http.ConditionalDownloader.Validators;
import fr.civicgateway.opendata.http.DownloadException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * A news feed by URL: a conditional GET through {@link ConditionalDownloader} (its size cap, its timeouts; redirects
 * followed as the shared client does), then {@link FeedReader}. Unlike a data file, an empty feed is accepted: a
 * valid feed with no item says the town published nothing, and the bot says so.
 */
final class FeedFetcher implements Fetcher<NewsItem> {

    private final FeedConfig config;
    private final ConditionalDownloader downloader;
    private final Path work;
    private final Clock clock;

    FeedFetcher(FeedConfig config, ConditionalDownloader downloader, Path work, Clock clock) {
        this.config = config;
        this.downloader = downloader;
        this.work = work;
        this.clock = clock;
    }

    @Override
    public Optional<Fetched<NewsItem>> fetch(Version<NewsItem> held) throws FetchException {
        ConditionalDownloader.Outcome outcome;
        try {
            outcome = downloader.download(config.feed(), held == null ? Validators.NONE : held.validators(), work);
        } catch (DownloadException e) {
            throw new FetchException(e.getMessage(), e);
        }
        if (outcome instanceof NotModified) {
            return Optional.empty();
        }
        Downloaded d = (Downloaded) outcome;
        try {
            List<NewsItem> items = read(config, d.file());
            return Optional.of(new Fetched<>(items, UrlFileFetcher.dataDate(d.validators(), clock), d.validators(),
                    null, d.file()));
        } catch (FetchException | RuntimeException e) {
            UrlFileFetcher.delete(d.file());
            if (e instanceof FetchException f) {
                throw f;
            }
            throw new FetchException(config.location() + ": " + e.getMessage(), e);
        }
    }

    static List<NewsItem> read(FeedConfig config, Path file) throws FetchException {
        return FeedReader.read(config.id(), file, config.location(), config.summaryLength());
    }
}
