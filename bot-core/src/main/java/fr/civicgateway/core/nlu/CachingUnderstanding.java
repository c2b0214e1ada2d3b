package fr.civicgateway.core.nlu;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * Remembers what was understood of recent texts. Citizens send the same texts over and over — every quick reply's
 * payload, "bonjour", the questions of the demo page — and understanding is a pure function of the text and the
 * declared language, so the answer can be reused as it is. Bounded; thread-safe. What citizens write inside a flow
 * (reports, consultations) goes through {@link #parseWithoutRemembering} and is never kept.
 */
public final class CachingUnderstanding implements NaturalLanguageUnderstanding {

    private record Key(String text, Language hint) {
    }

    private final NaturalLanguageUnderstanding delegate;
    private final Cache<Key, Understanding> cache;

    public CachingUnderstanding(NaturalLanguageUnderstanding delegate, long maximumTexts) {
        if (maximumTexts < 1) {
            throw new IllegalArgumentException("maximumTexts must be at least 1: " + maximumTexts);
        }
        this.delegate = delegate;
        this.cache = Caffeine.newBuilder().maximumSize(maximumTexts).build();
    }

    @Override
    public Understanding parse(String text, Language languageHint) {
        return cache.get(new Key(text, languageHint), k -> delegate.parse(k.text(), k.hint()));
    }

    @Override
    public Understanding parseWithoutRemembering(String text, Language languageHint) {
        return delegate.parseWithoutRemembering(text, languageHint);
    }
}
