package fr.civicgateway.opendata.local;

import fr.civicgateway.core.local.LocalItem;
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

/**
 * A CSV or GeoJSON file by URL ({@code file: https://…}): a conditional GET through {@link ConditionalDownloader}
 * (unchanged since the held version → nothing to do), then the same reading as a local file. The date of the data is
 * the file's {@code Last-Modified}, else the day it was downloaded. A file with no record at all is refused: an empty
 * download is far more often a broken export than a town with no works.
 */
final class UrlFileFetcher implements Fetcher<LocalItem> {


    private final AdapterConfig config;
    private final ConditionalDownloader downloader;
    private final Path work;
    private final Clock clock;

    UrlFileFetcher(AdapterConfig config, ConditionalDownloader downloader, Path work, Clock clock) {
        this.config = config;
        this.downloader = downloader;
        this.work = work;
        this.clock = clock;
    }

    @Override
    public Optional<Fetched<LocalItem>> fetch(Version<LocalItem> held) throws FetchException {
        ConditionalDownloader.Outcome outcome;
        try {
            outcome = downloader.download(config.remote(), held == null ? Validators.NONE : held.validators(), work);
        } catch (DownloadException e) {
            throw new FetchException(e.getMessage(), e);
        }
        if (outcome instanceof NotModified) {
            return Optional.empty();
        }
        Downloaded d = (Downloaded) outcome;
        String shown = shown(config);
        try {
            List<LocalItem> items = Records.read(config, d.file(), shown);
            if (items.isEmpty()) {
                throw new FetchException(shown + ": no record (an empty download is taken for a broken one)");
            }
            return Optional.of(new Fetched<>(items, dataDate(d.validators(), clock), d.validators(), null, d.file()));
        } catch (FetchException | RuntimeException e) {
            delete(d.file());
            if (e instanceof FetchException f) {
                throw f;
            }
            throw new FetchException(e.getMessage(), e);
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
