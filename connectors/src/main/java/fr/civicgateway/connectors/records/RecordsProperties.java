package fr.civicgateway.connectors.records;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the records API and its charts ({@code civic.records.*}), documented in {@code config/application.yml}.
 *
 * @param gzipCacheSize  the gzipped vote lists kept (a deputy's whole list as JSON is about 70 KB gzipped, as CSV
 *                       about 30 KB: 64 MB holds both for every deputy of a legislature, with room for pages)
 * @param chartCacheSize the drawn charts kept: SVG and CSV gzipped, PNG as drawn
 */
@ConfigurationProperties("civic.records")
@Validated
public record RecordsProperties(
        @DefaultValue("64MB") DataSize gzipCacheSize,
        @DefaultValue("64MB") DataSize chartCacheSize) {

    public RecordsProperties {
        gzipCacheSize = positive("gzip-cache-size", gzipCacheSize);
        chartCacheSize = positive("chart-cache-size", chartCacheSize);
    }

    private static DataSize positive(String name, DataSize size) {
        if (size == null || size.toBytes() <= 0) {
            throw new IllegalArgumentException("civic.records." + name + " must be a positive size (64MB); got " + size);
        }
        return size;
    }
}
