package fr.civicgateway.core.nlu;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CachingUnderstandingTest {

    private final AtomicInteger parses = new AtomicInteger();
    private final NaturalLanguageUnderstanding counting = (text, hint) -> {
        parses.incrementAndGet();
        return new Understanding(text, Language.FR, List.of(new IntentScore(Intent.GREET, 1.0)), List.of());
    };

    @Test
    void aRepeatedTextIsUnderstoodOnce() {
        CachingUnderstanding nlu = new CachingUnderstanding(counting, 100);

        nlu.parse("Résultat du scrutin 3876", null);
        nlu.parse("Résultat du scrutin 3876", null);
        nlu.parse("Résultat du scrutin 3876", Language.EN);

        assertThat(parses).as("the declared language is part of the key").hasValue(2);
    }

    @Test
    void whatIsWrittenInsideAFlowIsNeverKept() {
        CachingUnderstanding nlu = new CachingUnderstanding(counting, 100);

        nlu.parseWithoutRemembering("Ma voisine Mme X laisse ses poubelles", null);
        nlu.parse("Ma voisine Mme X laisse ses poubelles", null);

        assertThat(parses).as("not served from a cache, so it was never in one").hasValue(2);
    }

    @Test
    void whatWasUnderstoodWithOldDataIsNeverServedForTheNew() {
        Cache<CachingUnderstanding.Key, Understanding> shared = Caffeine.newBuilder().maximumSize(100).build();
        NaturalLanguageUnderstanding before = new CachingUnderstanding(counting, shared, 1);
        NaturalLanguageUnderstanding after = new CachingUnderstanding(counting, shared, 2);

        before.parse("Résultat du scrutin 3876", null);
        after.parse("Résultat du scrutin 3876", null);
        after.parse("Résultat du scrutin 3876", null);

        assertThat(parses).as("understood once per version of the data").hasValue(2);
    }
}
