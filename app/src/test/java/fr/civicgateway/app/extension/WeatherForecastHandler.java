package fr.civicgateway.app.extension;

import fr.civicgateway.core.dialogue.Answer;
import fr.civicgateway.core.dialogue.IntentHandler;
import fr.civicgateway.core.dialogue.Turn;
import fr.civicgateway.core.nlu.Intent;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import org.springframework.context.annotation.Profile;

/**
 * An intent added from test code only, as docs/contributing-intents.md says: this class, its corpus
 * ({@code nlu/intents/weather_forecast.fr.tsv} and {@code .en.tsv} in the test resources) and its sentences
 * ({@code messages/weather_forecast.fr.properties} and {@code .en.properties}), nothing else. The app
 * discovers it (it implements {@link IntentHandler} under {@code fr.civicgateway}), autowires its constructor and
 * trains the classifier on its corpus.
 *
 * <p>{@code @Profile} only keeps it out of the other tests' application context (a real handler has none).
 */
@Profile(AddAnIntentTest.PROFILE)
public final class WeatherForecastHandler implements IntentHandler {

    /** The intent's name, owned by this handler. */
    public static final Intent WEATHER_FORECAST = Intent.named("weather_forecast");

    private final Clock clock;

    /** The clock bean, autowired: a discovered handler gets the ports and beans its constructor asks for. */
    public WeatherForecastHandler(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Intent intent() {
        return WEATHER_FORECAST;
    }

    @Override
    public Answer handle(Turn t) {
        LocalDate tomorrow = LocalDate.now(clock.withZone(ZoneId.of("Europe/Paris"))).plusDays(1);
        return Answer.text(t.state(), t.msg("weather_forecast.answer", "day", tomorrow.toString()));
    }
}
