package fr.civicgateway.opendata.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * Downloads a remote file only when it changed: a conditional GET ({@code If-None-Match} / {@code If-Modified-Since}
 * from the previous download's validators), streamed to a temporary file beside the destination, with a size cap.
 * The caller validates the file (unzips, parses) before it replaces anything: a download never touches the last good
 * copy.
 *
 * <p>Threading: stateless apart from the shared client; safe to use from several threads for different targets.
 * Errors: every failure (unreachable, timeout, an error status, a body over the cap, a body shorter than its
 * {@code Content-Length}) throws {@link DownloadException} and leaves no temporary file behind.
 *
 * <pre>{@code
 * var downloader = new ConditionalDownloader(sharedClient, 200L << 20);
 * switch (downloader.download(url, previous, directory)) {
 *     case Downloaded d -> validateThenMove(d.file(), d.validators());
 *     case NotModified n -> markFresh();
 * }
 * }</pre>
 */
public final class ConditionalDownloader {

    private final OkHttpClient http;
    private final long maxBytes;

    /**
     * @param http     the application's client, with its timeouts (derive one with {@code newBuilder()} for others)
     * @param maxBytes the largest body accepted; a larger one is refused before or while it is read
     */
    public ConditionalDownloader(OkHttpClient http, long maxBytes) {
        this.http = Objects.requireNonNull(http, "http");
        if (maxBytes <= 0) {
            throw new IllegalArgumentException("maxBytes must be positive, was " + maxBytes);
        }
        this.maxBytes = maxBytes;
    }

    /** The HTTP validators of a downloaded version; either may be null when the server sent none. */
    public record Validators(String etag, String lastModified) {

        public static final Validators NONE = new Validators(null, null);

        boolean any() {
            return etag != null || lastModified != null;
        }
    }

    /** What a download found. */
    public sealed interface Outcome permits Downloaded, NotModified {
    }

    /**
     * A new version, in a temporary file of the target directory that the caller moves or deletes.
     *
     * @param file       the temporary file holding the whole body
     * @param bytes      its size
     * @param validators to send with the next download
     */
    public record Downloaded(Path file, long bytes, Validators validators) implements Outcome {
    }

    /** The server says the version the caller has is still current ({@code 304}). */
    public record NotModified() implements Outcome {
    }

    /**
     * @param url       what to fetch
     * @param previous  the validators of the version the caller holds, or {@link Validators#NONE}
     * @param directory where the temporary file is created (the destination's directory, so that a move is atomic)
     */
    public Outcome download(HttpUrl url, Validators previous, Path directory) throws DownloadException {
        Request.Builder request = new Request.Builder().url(url);
        if (previous.etag() != null) {
            request.header("If-None-Match", previous.etag());
        }
        if (previous.lastModified() != null) {
            request.header("If-Modified-Since", previous.lastModified());
        }
        try (Response response = http.newCall(request.build()).execute()) {
            if (response.code() == 304 && previous.any()) {
                return new NotModified();
            }
            if (!response.isSuccessful()) {
                throw new DownloadException(url, "HTTP " + response.code());
            }
            ResponseBody body = response.body();
            long declared = body.contentLength();
            if (declared > maxBytes) {
                throw new DownloadException(url, "announced " + declared + " bytes, more than the limit of "
                        + maxBytes);
            }
            Files.createDirectories(directory);
            Path temporary = Files.createTempFile(directory, ".download-", ".part");
            try {
                long bytes = copyAtMost(body.byteStream(), temporary, url);
                if (declared >= 0 && bytes != declared) {
                    throw new DownloadException(url, "truncated: " + bytes + " of " + declared + " bytes");
                }
                return new Downloaded(temporary, bytes,
                        new Validators(response.header("ETag"), response.header("Last-Modified")));
            } catch (DownloadException | IOException | RuntimeException e) {
                Files.deleteIfExists(temporary);
                throw e;
            }
        } catch (IOException e) {
            // Unreachable, timed out, or cut off mid-body (OkHttp: "unexpected end of stream").
            throw new DownloadException(url, e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()), e);
        }
    }

    private long copyAtMost(InputStream in, Path target, HttpUrl url) throws IOException, DownloadException {
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        try (OutputStream out = Files.newOutputStream(target)) {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                total += n;
                if (total > maxBytes) {
                    throw new DownloadException(url, "more than the limit of " + maxBytes + " bytes");
                }
                out.write(buffer, 0, n);
            }
        }
        return total;
    }
}
