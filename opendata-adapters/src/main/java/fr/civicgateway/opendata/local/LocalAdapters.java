package fr.civicgateway.opendata.local;

import com.github.benmanes.caffeine.cache.Ticker;
import fr.civicgateway.core.local.LocalDataException;
import fr.civicgateway.core.local.LocalDataSource;
import fr.civicgateway.core.local.LocalItem;
import fr.civicgateway.core.retry.Backoff;
import fr.civicgateway.opendata.http.ConditionalDownloader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.stream.Stream;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads every {@code *.yml} of the adapters directory into a local data source, in file-name order: a local file is
 * read at once ({@link FileLocalDataSource}), a URL or an OpenDataSoft dataset is fetched in the background
 * ({@link RemoteLocalDataSource}), and so is a town hall's news feed ({@code type: feed}, {@link RemoteFeed}). Every configuration is checked before anything is fetched, so that a mistake in
 * one stops the start-up at once, naming the file and the key; a remote that is down does not.
 */
public final class LocalAdapters {

    private static final Logger log = LoggerFactory.getLogger(LocalAdapters.class);

    private LocalAdapters() {
    }

    /**
     * What remote sources need, all injected (the app's shared client, its executor and clocks), so that tests point
     * them at MockWebServer and move time by hand.
     *
     * @param http           the gateway's shared client; each source derives its own with {@code newBuilder()}
     * @param executor       where fetches run: never a citizen's request thread
     * @param clock          for the statuses and back-off
     * @param ticker         Caffeine's time, the same as {@code clock}'s
     * @param cacheDirectory where last good copies are kept ({@code var/local-data})
     * @param backoff        the waits between the attempts of a failing source (each never longer than the source's
     *                       refresh interval)
     * @param timeout        the longest one HTTP call may take, all of it
     * @param maxBytes       the largest download a source may take, unless its {@code maxSize} says otherwise
     * @param firstLoadWait  how long the start-up waits for the first loads of sources without a copy; the rest goes
     *                       on in the background
     * @param environment    reads an environment variable (an API key), null when unset
     * @param zone           the town's time zone ({@code civic.town.time-zone}): the day a remote's data is dated
     */
    public record Remote(OkHttpClient http, Executor executor, Clock clock, Ticker ticker, Path cacheDirectory,
                         Backoff backoff, Duration timeout, long maxBytes, Duration firstLoadWait,
                         Function<String, String> environment, ZoneId zone) {

        public Remote {
            Objects.requireNonNull(http, "http");
            Objects.requireNonNull(executor, "executor");
            Objects.requireNonNull(clock, "clock");
            Objects.requireNonNull(ticker, "ticker");
            Objects.requireNonNull(cacheDirectory, "cacheDirectory");
            Objects.requireNonNull(backoff, "backoff");
            Objects.requireNonNull(environment, "environment");
            Objects.requireNonNull(zone, "zone");
            if (maxBytes <= 0) {
                throw new IllegalArgumentException("maxBytes must be positive, was " + maxBytes);
            }
        }
    }

    /** Local files only: a remote configuration is refused (benchmarks, tools, tests of files). */
    public static List<LocalDataSource> load(Path directory, Path baseDirectory) {
        return load(directory, baseDirectory, null);
    }

    /** As {@link #loadAll}, the local data sources only (a news feed's file is checked, not fetched). */
    public static List<LocalDataSource> load(Path directory, Path baseDirectory, Remote remote) {
        return loadAll(directory, baseDirectory, remote).data();
    }

    /**
     * What the adapters directory configures.
     *
     * @param data the local data sources (projects, worksites)
     * @param news the town's news feeds ({@code type: feed}), enabled ones only
     */
    public record Loaded(List<LocalDataSource> data, Feeds news) {
    }

    /**
     * @param directory     the adapters directory; absent means no local data (a town may have none)
     * @param baseDirectory what relative {@code file:} paths resolve against (the working directory in production)
     * @param remote        what remote sources need, or null to refuse them (a disabled feed is still checked)
     * @throws LocalDataException naming the file and key of the first bad configuration, a duplicate id, a local file
     *                            that does not match its configuration, or an API key variable that is not set
     */
    public static Loaded loadAll(Path directory, Path baseDirectory, Remote remote) {
        if (!Files.isDirectory(directory)) {
            return new Loaded(List.of(), new Feeds(List.of()));
        }
        List<Path> files;
        try (Stream<Path> s = Files.list(directory)) {
            files = s.filter(p -> p.getFileName().toString().endsWith(".yml")).sorted().toList();
        } catch (IOException e) {
            throw new LocalDataException("cannot list the adapters directory " + directory.getFileName(), e);
        }
        List<AdapterConfig> configs = new ArrayList<>();
        List<FeedConfig> feedConfigs = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (Path f : files) {
            String name = f.getFileName().toString();
            tools.jackson.databind.JsonNode root = AdapterConfig.tree(f);
            String id;
            if (AdapterConfig.isFeed(root)) {
                FeedConfig c = FeedConfig.read(name, root);
                if (c.enabled() && remote == null) {
                    throw new LocalDataException(name + ": a news feed, which this tool does not fetch");
                }
                id = c.id();
                if (c.enabled()) {
                    feedConfigs.add(c);
                }
            } else {
                AdapterConfig c = AdapterConfig.read(name, root, baseDirectory);
                if (c.isRemote() && remote == null) {
                    throw new LocalDataException(c.file() + ": a remote source, which this tool does not fetch");
                }
                id = c.id();
                configs.add(c);
            }
            if (!ids.add(id)) {
                throw new LocalDataException(name + ": id '" + id + "' is already used by another adapter configuration");
            }
        }
        List<LocalDataSource> out = new ArrayList<>();
        List<CompletableFuture<?>> firstLoads = new ArrayList<>();
        for (AdapterConfig c : configs) {
            if (!c.isRemote()) {
                out.add(new FileLocalDataSource(c, remote == null ? Instant.now() : remote.clock().instant()));
                continue;
            }
            RemoteLocalDataSource source = remote(c, remote);
            out.add(source);
            firstLoads.add(source.start());
        }
        List<RemoteFeed> feeds = new ArrayList<>();
        for (FeedConfig c : feedConfigs) {
            RemoteFeed feed = feed(c, remote);
            feeds.add(feed);
            firstLoads.add(feed.start());
        }
        awaitFirstLoads(firstLoads, remote);
        return new Loaded(List.copyOf(out), new Feeds(feeds));
    }

    static RemoteFeed feed(FeedConfig c, Remote remote) {
        OkHttpClient client = remote.http().newBuilder().callTimeout(remote.timeout()).build();
        long maxBytes = c.maxBytes() != null ? c.maxBytes() : remote.maxBytes();
        LastGoodCopy copy = new LastGoodCopy(remote.cacheDirectory(), c.id(), c.origin());
        Path work = workDirectory(copy, c.file(), remote, c.id());
        var fetcher = UrlFileFetcher.feed(c, new ConditionalDownloader(client, maxBytes), work,
                remote.clock().withZone(remote.zone()));
        return new RemoteFeed(c, fetcher, copy, remote.executor(), remote.clock(), remote.ticker(), remote.backoff());
    }

    private static Path workDirectory(LastGoodCopy copy, String file, Remote remote, String id) {
        try {
            return copy.workDirectory();
        } catch (IOException e) {
            throw new LocalDataException(file + ": cannot create the cache directory "
                    + remote.cacheDirectory().resolve(id) + " (" + e.getClass().getSimpleName() + ")", e);
        }
    }

    static RemoteLocalDataSource remote(AdapterConfig c, Remote remote) {
        return remote(c, remote, OpenDataSoftFetcher.RECORDS_API_LIMIT);
    }

    static RemoteLocalDataSource remote(AdapterConfig c, Remote remote, int odsRecordsLimit) {
        OkHttpClient.Builder http = remote.http().newBuilder().callTimeout(remote.timeout());
        if (c.ods() != null && c.ods().apiKeyVariable() != null) {
            String key = remote.environment().apply(c.ods().apiKeyVariable());
            if (key == null || key.isBlank()) {
                throw new LocalDataException(c.file() + ": apiKeyVariable names " + c.ods().apiKeyVariable()
                        + ", which is not set in the environment");
            }
            // OkHttp drops Authorization on a redirect to another host: the key goes to the portal only.
            String header = "Apikey " + key.strip();
            http.addInterceptor(chain -> chain.proceed(chain.request().newBuilder().header("Authorization", header).build()));
        }
        OkHttpClient client = http.build();
        long maxBytes = c.maxBytes() != null ? c.maxBytes() : remote.maxBytes();
        ConditionalDownloader downloader = new ConditionalDownloader(client, maxBytes);
        LastGoodCopy copy = new LastGoodCopy(remote.cacheDirectory(), c.id(), c.origin());
        Path work = workDirectory(copy, c.file(), remote, c.id());
        Fetcher<LocalItem> fetcher = c.type() == AdapterConfig.Type.OPENDATASOFT
                ? new OpenDataSoftFetcher(c, client, downloader, maxBytes, work, remote.clock().withZone(remote.zone()),
                        odsRecordsLimit)
                : UrlFileFetcher.records(c, downloader, work, remote.clock().withZone(remote.zone()));
        return new RemoteLocalDataSource(c, fetcher, copy, remote.executor(), remote.clock(), remote.ticker(),
                remote.backoff());
    }

    private static void awaitFirstLoads(List<CompletableFuture<?>> loads, Remote remote) {
        if (loads.isEmpty()) {
            return;
        }
        try {
            CompletableFuture.allOf(loads.toArray(CompletableFuture[]::new))
                    .get(remote.firstLoadWait().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            log.info("local data: some remote sources are still loading after {}; they answer once loaded",
                    remote.firstLoadWait());
        } catch (ExecutionException e) {
            // A source records its own failures; nothing escapes its loader.
            log.warn("local data: a first load failed unexpectedly", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
