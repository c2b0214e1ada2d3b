package fr.civicgateway.core.votes;

import fr.civicgateway.core.parliament.Scrutin;
import java.util.List;

/**
 * Finds the scrutins a topic is about ("le budget", "pensions"), most meaningful first. Implemented over the
 * scrutin titles by {@link fr.civicgateway.core.parliament.ScrutinSearch}; an interface here so the vote handlers
 * do not depend on how matching works.
 */
@FunctionalInterface
public interface TopicSearch {

    /**
     * @param topic the topic words as the user wrote them, French or English
     * @param limit how many of the best matches to return
     */
    Matches find(String topic, int limit);

    /**
     * @param best  at most {@code limit} scrutins, most meaningful first
     * @param total how many scrutins matched in all
     */
    record Matches(List<Scrutin> best, int total) {
        public Matches {
            best = List.copyOf(best);
        }
    }
}
