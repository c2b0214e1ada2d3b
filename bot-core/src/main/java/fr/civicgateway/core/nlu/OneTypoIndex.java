package fr.civicgateway.core.nlu;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.apache.commons.text.similarity.DamerauLevenshteinDistance;

/**
 * Folded names within one typing error of a query: a letter missing, added or replaced, or two neighbours swapped
 * (a Damerau–Levenshtein distance of 1, measured by Commons Text). Candidates come from a symmetric-deletion index
 * (each name and each query with one letter removed meet on a shared key), so a look-up costs a few dozen hash
 * probes instead of a scan of every name; the library's distance then confirms each candidate.
 *
 * <p>Built once per data version, then read-only and thread-safe.
 */
final class OneTypoIndex {

    private static final DamerauLevenshteinDistance WITHIN_ONE = new DamerauLevenshteinDistance(1);

    /** One name close to the query: its folded key, its distance (0 or 1) and the values it names. */
    record Hit(String key, int distance, List<String> values) {
    }

    private final Map<String, List<String>> values = new HashMap<>();
    private final Map<String, List<String>> keysByDeletion = new HashMap<>();

    void add(String key, String value) {
        if (key.isBlank()) {
            return;
        }
        List<String> named = values.computeIfAbsent(key, k -> new ArrayList<>(1));
        if (named.contains(value)) {
            return;
        }
        named.add(value);
        if (named.size() == 1) {
            for (String d : withOneDeletion(key)) {
                List<String> keys = keysByDeletion.computeIfAbsent(d, k -> new ArrayList<>(1));
                if (!keys.contains(key)) {
                    keys.add(key);
                }
            }
        }
    }

    /** The names within one typing error of {@code query}, the closest first. */
    List<Hit> lookup(String query) {
        Set<String> seen = new LinkedHashSet<>();
        for (String d : withOneDeletion(query)) {
            List<String> keys = keysByDeletion.get(d);
            if (keys != null) {
                seen.addAll(keys);
            }
        }
        return confirm(query, seen, values::get);
    }

    /**
     * Without an index: every string one typing error away from {@code query} (over {@code a–z} and the space),
     * looked up in an exact map. For the 35,000 commune names, whose deletion index would cost tens of megabytes,
     * this spends a few hundred hash probes on the rare message that names no known place.
     */
    static List<Hit> lookupByVariants(String query, Function<String, List<String>> exact) {
        Set<String> seen = new LinkedHashSet<>();
        for (String v : variants(query)) {
            if (exact.apply(v) != null) {
                seen.add(v);
            }
        }
        return confirm(query, seen, exact);
    }

    private static List<Hit> confirm(String query, Set<String> keys, Function<String, List<String>> valuesOf) {
        List<Hit> hits = new ArrayList<>();
        for (String key : keys) {
            int distance = WITHIN_ONE.apply(query, key);
            if (distance >= 0) {
                hits.add(new Hit(key, distance, List.copyOf(valuesOf.apply(key))));
            }
        }
        hits.sort((a, b) -> Integer.compare(a.distance(), b.distance()));
        return hits;
    }

    /** The string itself and each string with one character removed. */
    private static Set<String> withOneDeletion(String s) {
        Set<String> out = new LinkedHashSet<>();
        out.add(s);
        for (int k = 0; k < s.length(); k++) {
            out.add(s.substring(0, k) + s.substring(k + 1));
        }
        return out;
    }

    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz ";

    private static Set<String> variants(String s) {
        Set<String> out = withOneDeletion(s);
        StringBuilder b = new StringBuilder(s.length() + 1);
        for (int k = 0; k + 1 < s.length(); k++) {
            b.setLength(0);
            b.append(s, 0, k).append(s.charAt(k + 1)).append(s.charAt(k)).append(s, k + 2, s.length());
            out.add(b.toString());
        }
        for (int k = 0; k <= s.length(); k++) {
            for (int c = 0; c < ALPHABET.length(); c++) {
                char ch = ALPHABET.charAt(c);
                if (k < s.length()) {
                    out.add(s.substring(0, k) + ch + s.substring(k + 1));
                }
                out.add(s.substring(0, k) + ch + s.substring(k));
            }
        }
        return out;
    }
}
