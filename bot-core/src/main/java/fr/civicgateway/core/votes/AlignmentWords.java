package fr.civicgateway.core.votes;

import fr.civicgateway.core.text.Text;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Which of the vote figures a {@code representative_votes} question asks for, from its words (folded: no accents,
 * lower case): a deputy's loyalty to their group ("vote comme son groupe", "with their group", "loyal", "frondeur"),
 * or a group's cohesion ("le groupe LFI est-il uni / soudé ?", "is the RN group united?"). Two deputies named are a
 * closeness question whatever the words; that is read from the entities, not here. Stateless.
 */
final class AlignmentWords {

    /** Words that name a deputy's group. */
    private static final Set<String> GROUP = Set.of("groupe", "groupes", "group", "groups", "parti", "party");

    /** Words that ask whether a vote follows the group ("comme son groupe", "with their group", "la ligne"). */
    private static final Set<String> FOLLOWING = Set.of("comme", "avec", "suit", "suivent", "suivi", "ligne",
            "consigne", "consignes", "contre", "meme", "pareil", "aligne", "alignee", "alignes", "with", "like",
            "follow", "follows", "line", "against", "same", "along", "toe");

    /** Words of loyalty or its breach, group named or not. */
    private static final Set<String> LOYALTY = Set.of("loyal", "loyale", "loyaux", "loyales", "loyaute", "fidele",
            "fideles", "fidelite", "discipline", "disciplinee", "indiscipline", "indisciplinee", "frondeur",
            "frondeuse", "frondeurs", "dissident", "dissidente", "loyalty", "rebel", "rebels", "rebellious",
            "maverick", "disloyal");

    /** Words of a group's unity or division. */
    private static final Set<String> COHESION = Set.of("uni", "unis", "unie", "unies", "soude", "soudes", "soudee",
            "soudees", "cohesion", "cohesif", "cohesive", "coherent", "coherente", "divise", "divises", "divisee",
            "divisees", "division", "divisions", "homogene", "discipline", "disciplinee", "disciplined", "ensemble",
            "bloc", "unanime", "unanimes", "united", "unity", "divided", "split", "splits", "together", "rice",
            "fracture", "fractures", "unanimous");

    /** Words of the latest votes, which stay the latest votes' answer. */
    private static final Set<String> LATEST = Set.of("dernier", "derniers", "derniere", "dernieres", "recent",
            "recents", "recemment", "latest", "last", "recently", "lately");

    private AlignmentWords() {
    }

    /**
     * "Est-ce que X vote comme son groupe ?", "Does X vote with their group?", "X est-elle loyale ?"; with
     * {@code groupNamed} (a group entity in the message), "X vote-t-elle comme LFI ?".
     */
    static boolean asksLoyalty(String text, boolean groupNamed) {
        List<String> words = words(text);
        if (words.stream().anyMatch(LATEST::contains)) {
            return false;
        }
        return words.stream().anyMatch(LOYALTY::contains) || ((groupNamed || words.stream().anyMatch(GROUP::contains))
                && words.stream().anyMatch(FOLLOWING::contains));
    }

    /** "Le groupe LFI est-il uni ?", "Is the RN group united?". */
    static boolean asksCohesion(String text) {
        return words(text).stream().anyMatch(COHESION::contains);
    }

    private static List<String> words(String text) {
        String folded = Text.foldToWords(text);
        return folded.isEmpty() ? List.of() : Arrays.asList(folded.split(" "));
    }
}
