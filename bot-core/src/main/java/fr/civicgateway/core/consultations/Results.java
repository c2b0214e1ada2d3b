package fr.civicgateway.core.consultations;

import java.util.Map;

/**
 * Aggregate counts of one consultation's answers, without any individual answer.
 *
 * @param submissions   how many people answered
 * @param choiceCounts  question id → (option id, or "1".."5" for a scale) → how many chose it
 * @param textCounts    question id → how many free texts were given (hidden ones included)
 * @param hiddenCounts  question id → how many of those a moderator hid
 */
public record Results(String consultationId, long submissions, Map<String, Map<String, Long>> choiceCounts,
                      Map<String, Long> textCounts, Map<String, Long> hiddenCounts) {

    public Results {
        choiceCounts = Map.copyOf(choiceCounts);
        textCounts = Map.copyOf(textCounts);
        hiddenCounts = Map.copyOf(hiddenCounts);
    }

    public long count(String questionId, String choice) {
        return choiceCounts.getOrDefault(questionId, Map.of()).getOrDefault(choice, 0L);
    }
}
