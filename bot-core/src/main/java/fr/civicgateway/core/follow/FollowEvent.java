package fr.civicgateway.core.follow;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One change in the data that followers may be told about: a new scrutin, a new step of a dossier, a deputy's speech
 * in a new compte rendu, a new question, a new item of a town's feed. Found by comparing two versions of the data
 * ({@link FollowChanges}); recorded once however many instances find it, by its {@link #key()}.
 *
 * <p>It holds ids only, never wording: what is sent is rendered later from the data, in each follower's language.
 *
 * @param key     unique and stable for the change, whoever finds it: {@code scrutin:3877},
 *                {@code dossier-step:<dossier uid>:<step code>}, {@code speech:<deputy uid>:<seance uid>},
 *                {@code question:<deputy uid>:<seance uid>:<n>}, {@code news:<source id>:<item id>}
 * @param kind    what changed
 * @param targets the followed things it concerns (a scrutin: every deputy with a position, the topics whose words
 *                match its title), each once, in a stable order
 * @param date    the day of the change in the data (the scrutin's day, the step's day, the sitting's day), or the day
 *                it was found when the data has none
 * @param foundAt when an instance found it
 * @param payload a few ids the delivery needs to render it ({@code number}, {@code dossier}, {@code step},
 *                {@code deputy}, {@code seance}, {@code source}, {@code item}); small: at most {@value #MAX_PAYLOAD}
 *                entries of short values
 */
public record FollowEvent(String key, Kind kind, List<FollowTarget> targets, LocalDate date, Instant foundAt,
                          Map<String, String> payload) {

    /** Longest key the table keeps. */
    public static final int MAX_KEY_LENGTH = 400;
    public static final int MAX_PAYLOAD = 8;
    private static final int MAX_VALUE = 200;

    /** What changed; the key's prefix. */
    public enum Kind {
        SCRUTIN("scrutin"), DOSSIER_STEP("dossier-step"), SPEECH("speech"), QUESTION("question"), NEWS("news");

        private final String prefix;

        Kind(String prefix) {
            this.prefix = prefix;
        }

        public String prefix() {
            return prefix;
        }

        /** @throws IllegalArgumentException for a key of no known kind */
        public static Kind ofKey(String key) {
            int colon = key.indexOf(':');
            String p = colon < 0 ? key : key.substring(0, colon);
            for (Kind k : values()) {
                if (k.prefix.equals(p)) {
                    return k;
                }
            }
            throw new IllegalArgumentException("follow event key of no known kind: " + key);
        }
    }

    public FollowEvent {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(kind, "kind");
        if (!key.startsWith(kind.prefix() + ":") || key.length() > MAX_KEY_LENGTH) {
            throw new IllegalArgumentException("follow event key must start with '" + kind.prefix()
                    + ":' and be at most " + MAX_KEY_LENGTH + " characters: " + key);
        }
        targets = List.copyOf(new java.util.LinkedHashSet<>(targets));
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(foundAt, "foundAt");
        if (payload.size() > MAX_PAYLOAD) {
            throw new IllegalArgumentException("follow event payload too large: " + payload.size() + " entries");
        }
        for (Map.Entry<String, String> e : payload.entrySet()) {
            if (e.getKey().isBlank() || e.getValue() == null || e.getValue().length() > MAX_VALUE
                    || e.getKey().contains("=") || e.getKey().contains("\n") || e.getValue().contains("\n")) {
                throw new IllegalArgumentException("bad follow event payload entry: " + e.getKey());
            }
        }
        payload = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(payload));
    }

    /** The same event concerning other targets (the topics are added once the followed topics are known). */
    public FollowEvent withTargets(List<FollowTarget> others) {
        return new FollowEvent(key, kind, others, date, foundAt, payload);
    }
}
