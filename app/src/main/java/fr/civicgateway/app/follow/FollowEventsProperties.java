package fr.civicgateway.app.follow;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The follow events' queue ({@code civic.follow.events.*}).
 *
 * @param fanOutInterval how often an instance looks for recorded events to fan out to their followers
 * @param lease          how long a claim (an event being fanned out, deliveries being sent) holds before another
 *                       instance may take it over
 * @param retention      how long sent deliveries are kept before they are deleted
 * @param maxAge         a change older than this when found is not told (a start on old data)
 * @param purgeInterval  how often sent deliveries past their retention are deleted
 */
@ConfigurationProperties("civic.follow.events")
@Validated
public record FollowEventsProperties(@DefaultValue("5s") @NotNull Duration fanOutInterval,
                                     @DefaultValue("5m") @NotNull Duration lease,
                                     @DefaultValue("30d") @NotNull Duration retention,
                                     @DefaultValue("14d") @NotNull Duration maxAge,
                                     @DefaultValue("6h") @NotNull Duration purgeInterval) {
}
