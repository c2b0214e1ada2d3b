package fr.civicgateway.core.nlu;

import java.util.List;
import java.util.Optional;

/**
 * What the NLU understood of one message: its language, the intents ranked by confidence, and the entities.
 *
 * @param ranking  every intent, best first; never empty
 * @param entities in the order they appear in the text
 */
public record Understanding(String text, Language language, List<IntentScore> ranking, List<EntityMention> entities) {

    public Understanding {
        ranking = List.copyOf(ranking);
        entities = List.copyOf(entities);
        if (ranking.isEmpty()) {
            throw new IllegalArgumentException("ranking must not be empty");
        }
    }

    public Intent intent() {
        return ranking.getFirst().intent();
    }

    public double confidence() {
        return ranking.getFirst().confidence();
    }

    public Optional<EntityMention> first(EntityType type) {
        return entities.stream().filter(e -> e.type() == type).findFirst();
    }

    public List<EntityMention> all(EntityType type) {
        return entities.stream().filter(e -> e.type() == type).toList();
    }

    /** The same understanding without its entities: for answering a follow-up from the conversation's context. */
    public Understanding withoutEntities() {
        return new Understanding(text, language, ranking, List.of());
    }
}
