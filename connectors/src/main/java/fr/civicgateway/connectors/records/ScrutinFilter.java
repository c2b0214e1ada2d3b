package fr.civicgateway.connectors.records;

import fr.civicgateway.core.parliament.Scrutin;
import fr.civicgateway.core.parliament.ScrutinType;
import fr.civicgateway.core.votes.TopicSearch;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The scrutins a list asks for by {@code from}, {@code to}, {@code q} and {@code type}: one reading of these
 * parameters (and one set of their 400s) for the scrutins' list and a deputy's vote list.
 *
 * @param onTopic the numbers the chat's topic search finds for {@code q}; null when no topic was asked
 * @param types   null when no type was asked
 */
record ScrutinFilter(LocalDate start, LocalDate end, Set<Integer> onTopic, Set<ScrutinType> types) {

    static final List<String> TYPES = List.of("ordinary", "solemn", "censure-motion", "other");

    /** Reads and checks the parameters; a bad one is {@code 400 invalid_parameter} naming it. */
    static ScrutinFilter of(String from, String to, String q, String type, TopicSearch topics, int scrutins) {
        LocalDate start = Params.date("from", from);
        LocalDate end = Params.date("to", to);
        Params.period(start, end);
        String words = Params.text("q", q);
        Set<ScrutinType> types = Params.values("type", type, ScrutinType.class, ScrutinFilter::type, TYPES);
        Set<Integer> onTopic = null;
        if (words != null) {
            onTopic = new HashSet<>();
            for (Scrutin s : topics.find(words, scrutins).best()) {
                onTopic.add(s.number());
            }
        }
        return new ScrutinFilter(start, end, onTopic, types);
    }

    boolean accepts(Scrutin s) {
        return (start == null || !s.date().isBefore(start)) && (end == null || !s.date().isAfter(end))
                && (types == null || types.contains(s.type())) && (onTopic == null || onTopic.contains(s.number()));
    }

    private static ScrutinType type(String word) {
        return switch (word) {
            case "ordinary", "spo" -> ScrutinType.ORDINARY;
            case "solemn", "sps" -> ScrutinType.SOLEMN;
            case "censure-motion", "moc" -> ScrutinType.CENSURE_MOTION;
            case "other" -> ScrutinType.OTHER;
            default -> null;
        };
    }
}
