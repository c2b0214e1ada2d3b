package fr.civicgateway.opendata.local;

import fr.civicgateway.core.local.LocalItem;
import fr.civicgateway.core.news.NewsItem;
import fr.civicgateway.opendata.http.ConditionalDownloader;
import fr.civicgateway.opendata.http.ConditionalDownloader.Downloaded;
import fr.civicgateway.opendata.http.ConditionalDownloader.NotModified;
import fr.civicgateway.opendata.http.ConditionalDownloader.Validators;
import fr.civicgateway.opendata.http.DownloadException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import okhttp3.HttpUrl;

/**
 * A file by URL ({@code file: https://…}), a CSV or GeoJSON dataset or a news feed: a conditional GET through
 * {@link ConditionalDownloader} (its size cap, its timeouts; unchanged since the held version → nothing to do), then
 * the reading its kind needs ({@link #records}, {@link #feed}). The date of the data is the file's
 * {@code Last-Modified}, else the day it was downloaded. A file that cannot be read is deleted and refused.
 *
 * @param <T> what the file holds
 */
final class UrlFileFetcher<T> implements Fetcher<T> {

    /** Reads a downloaded file into its items, or refuses it. */
    @FunctionalInterface
    interface FileReader<T> {
        List<T> read(Path file) throws FetchException;
    }

    private final HttpUrl url;
    private final FileReader<T> reader;
    private final String errorPrefix;
    private final ConditionalDownloader downloader;
    private final Path work;
    private final Clock clock;

    /** {@code errorPrefix} goes before the message of a reader's unexpected failure (its own refusals say the file). */
    private UrlFileFetcher(HttpUrl url, FileReader<T> reader, String errorPrefix, ConditionalDownloader downloader,
                           Path work, Clock clock) {
        this.url = url;
        this.reader = reader;
        this.errorPrefix = errorPrefix;
        this.downloader = downloader;
        this.work = work;
        this.clock = clock;
    }

    /**
     * A CSV or GeoJSON dataset, read as a local file is. A file with no record at all is refused: an empty download
     * is far more often a broken export than a town with no works.
     */
    static UrlFileFetcher<LocalItem> records(AdapterConfig config, ConditionalDownloader downloader, Path work,
                                             Clock clock) {
        String shown = shown(config);
        return new UrlFileFetcher<>(config.remote(), file -> {
            List<LocalItem> items = Records.read(config, file, shown);
            if (items.isEmpty()) {
                throw new FetchException(shown + ": no record (an empty download is taken for a broken one)");
            }
            return items;
        }, "", downloader, work, clock);
    }

    /**
     * A news feed, read by {@link FeedReader}. Unlike a dataset, an empty feed is accepted: a valid feed with no item
     * says the town published nothing, and the bot says so.
     */
    static UrlFileFetcher<NewsItem> feed(FeedConfig config, ConditionalDownloader downloader, Path work, Clock clock) {
        return new UrlFileFetcher<>(config.feed(), file -> FeedReader.read(config, file), config.location() + ": ",
                downloader, work, clock);
    }

    @Override
    public Optional<Fetched<T>> fetch(Version<T> held) throws FetchException {
        ConditionalDownloader.Outcome outcome;
        try {
            outcome = downloader.download(url, held == null ? Validators.NONE : held.validators(), work);
        } catch (DownloadException e) {
            throw new FetchException(e.getMessage(), e);
        }
        if (outcome instanceof NotModified) {
            return Optional.empty();
        }
        Downloaded d = (Downloaded) outcome;
        try {
            List<T> items = reader.read(d.file());
            return Optional.of(new Fetched<>(items, dataDate(d.validators(), clock), d.validators(), null, d.file()));
        } catch (FetchException | RuntimeException e) {
            delete(d.file());
            if (e instanceof FetchException f) {
                throw f;
            }
            throw new FetchException(errorPrefix + e.getMessage(), e);
        }
    }

    /** The URL as messages show it: without its query, where a token could be. */
    static String shown(AdapterConfig c) {
        return c.remote().newBuilder().query(null).build().toString();
    }

    static LocalDate dataDate(Validators v, Clock clock) {
        if (v.lastModified() != null) {
            try {
                return ZonedDateTime.parse(v.lastModified(), DateTimeFormatter.RFC_1123_DATE_TIME)
                        .withZoneSameInstant(clock.getZone()).toLocalDate();
            } catch (DateTimeParseException e) {
                // a server's odd date: the day of the download is still true
            }
        }
        return LocalDate.ofInstant(clock.instant(), clock.getZone());
    }

    static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // a stray temporary file in the cache directory; the next download does not need it
        }
    }
}
