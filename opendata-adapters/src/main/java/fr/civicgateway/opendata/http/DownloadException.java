package fr.civicgateway.opendata.http;

import okhttp3.HttpUrl;

/**
 * A remote file could not be downloaded; the message names the URL and why. The query and any user info are left out
 * of the message: that is where an API key would be.
 */
public final class DownloadException extends Exception {

    public DownloadException(HttpUrl url, String why) {
        super(shown(url) + ": " + why);
    }

    public DownloadException(HttpUrl url, String why, Throwable cause) {
        super(shown(url) + ": " + why, cause);
    }

    static String shown(HttpUrl url) {
        return url.newBuilder().username("").password("").query(null).build().toString();
    }
}
