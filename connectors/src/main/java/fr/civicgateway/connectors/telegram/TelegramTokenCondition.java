package fr.civicgateway.connectors.telegram;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Matches when {@code TELEGRAM_BOT_TOKEN} is set and not blank. A property condition would not do: a placeholder
 * with an empty default counts as present for {@code @ConditionalOnProperty}, and the token must come from the
 * environment only.
 */
final class TelegramTokenCondition extends SpringBootCondition {

    @Override
    public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
        String token = context.getEnvironment().getProperty(TelegramSecrets.BOT_TOKEN);
        return token == null || token.isBlank()
                ? ConditionOutcome.noMatch(TelegramSecrets.BOT_TOKEN + " is not set: the Telegram channel is off")
                : ConditionOutcome.match(TelegramSecrets.BOT_TOKEN + " is set");
    }
}
