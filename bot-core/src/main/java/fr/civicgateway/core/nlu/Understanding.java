package fr.civicgateway.core.nlu;

import java.time.LocalDate;
import java.util.ArrayList;
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

    /**
     * The same understanding with every {@code date} mention's value an ISO date, its expression read on
     * {@code today} ("demain" read on 2026-12-31 is 2027-01-01). A value already ISO stays; this one when nothing
     * changes. Understanding is cached by text, so this is done after the cache, on each turn's day.
     */
    public Understanding withDatesOn(LocalDate today) {
        List<EntityMention> resolved = null;
        for (int k = 0; k < entities.size(); k++) {
            EntityMention m = entities.get(k);
            if (m.type() != EntityType.DATE) {
                continue;
            }
            String iso = DateExpression.parse(m.value()).map(e -> e.on(today).toString()).orElse(m.value());
            if (!iso.equals(m.value())) {
                if (resolved == null) {
                    resolved = new ArrayList<>(entities);
                }
                resolved.set(k, new EntityMention(m.type(), iso, m.text(), m.start(), m.end(), m.alternatives(),
                        m.certainty()));
            }
        }
        return resolved == null ? this : new Understanding(text, language, ranking, resolved);
    }

    /** The same understanding without its entities: for answering a follow-up from the conversation's context. */
    public Understanding withoutEntities() {
        return new Understanding(text, language, ranking, List.of());
    }
}
