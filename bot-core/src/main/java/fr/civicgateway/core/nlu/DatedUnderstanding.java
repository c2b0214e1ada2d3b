package fr.civicgateway.core.nlu;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;

/**
 * Places the days a message names in time ({@link Understanding#withDatesOn}) against today in the town's zone,
 * over an understanding that may be cached: the cache keeps "demain" as an expression, and this turns it into
 * tomorrow's date at each call, so that a text understood before midnight is not answered with yesterday's
 * tomorrow after it. Thread-safe when its delegate is.
 *
 * <pre>{@code
 * NaturalLanguageUnderstanding nlu = new DatedUnderstanding(new CachingUnderstanding(openNlp, 20_000), clock, zone);
 * nlu.parse("l'ordre du jour de demain", null).first(EntityType.DATE); // date 2026-12-08 "demain"
 * }</pre>
 */
public final class DatedUnderstanding implements NaturalLanguageUnderstanding {

    private final NaturalLanguageUnderstanding delegate;
    private final Clock clock;
    private final ZoneId zone;

    /**
     * @param clock the gateway's clock, the dialogue's too, so that the turn and its days agree
     * @param zone  the town's zone ({@code civic.town.time-zone}): where "today" is
     */
    public DatedUnderstanding(NaturalLanguageUnderstanding delegate, Clock clock, ZoneId zone) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    @Override
    public Understanding parse(String text, Language languageHint) {
        return delegate.parse(text, languageHint).withDatesOn(today());
    }

    @Override
    public Understanding parseWithoutRemembering(String text, Language languageHint) {
        return delegate.parseWithoutRemembering(text, languageHint).withDatesOn(today());
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), zone);
    }
}
