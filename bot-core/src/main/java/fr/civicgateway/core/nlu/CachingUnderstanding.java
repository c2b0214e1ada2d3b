package fr.civicgateway.core.nlu;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.Objects;

/**
 * Remembers what was understood of recent texts. Citizens send the same texts over and over — every quick reply's
 * payload, "bonjour", the questions of the demo page — and understanding is a pure function of the text, the
 * declared language and the data the gazetteers were built from, so the answer can be reused as it is. Bounded;
 * thread-safe. What citizens write inside a flow (reports, consultations) goes through
 * {@link #parseWithoutRemembering} and is never kept.
 *
 * <p>When the data is refreshed, the new gazetteers get a new instance with the next data version over the same
 * cache: entries of older versions are never read again and age out (or the owner removes them), and an
 * understanding computed from old data can never be served for the new.
 *
 * <pre>{@code
 * Cache<CachingUnderstanding.Key, Understanding> texts = Caffeine.newBuilder().maximumSize(20_000).recordStats().build();
 * NaturalLanguageUnderstanding nlu = new CachingUnderstanding(openNlp, texts, data.version());
 * }</pre>
 */
public final class CachingUnderstanding implements NaturalLanguageUnderstanding {

    /** What an understanding is kept under: the data version of the gazetteers, the text, the declared language. */
    public record Key(long dataVersion, String text, Language hint) {
    }

    private final NaturalLanguageUnderstanding delegate;
    private final Cache<Key, Understanding> cache;
    private final long dataVersion;

    /** Over its own cache of at most {@code maximumTexts} texts, for data that never changes. */
    public CachingUnderstanding(NaturalLanguageUnderstanding delegate, long maximumTexts) {
        this(delegate, Caffeine.newBuilder().maximumSize(requirePositive(maximumTexts)).build(), 0);
    }

    /**
     * @param cache       bounded by its owner, possibly shared with the instances of other data versions
     * @param dataVersion the version of the data the delegate's gazetteers were built from
     */
    public CachingUnderstanding(NaturalLanguageUnderstanding delegate, Cache<Key, Understanding> cache, long dataVersion) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.cache = Objects.requireNonNull(cache, "cache");
        this.dataVersion = dataVersion;
    }

    private static long requirePositive(long maximumTexts) {
        if (maximumTexts < 1) {
            throw new IllegalArgumentException("maximumTexts must be at least 1: " + maximumTexts);
        }
        return maximumTexts;
    }

    @Override
    public Understanding parse(String text, Language languageHint) {
        return cache.get(new Key(dataVersion, text, languageHint), k -> delegate.parse(k.text(), k.hint()));
    }

    @Override
    public Understanding parseWithoutRemembering(String text, Language languageHint) {
        return delegate.parseWithoutRemembering(text, languageHint);
    }
}
