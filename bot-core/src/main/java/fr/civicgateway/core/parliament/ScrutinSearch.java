package fr.civicgateway.core.parliament;

import fr.civicgateway.core.text.Text;
import fr.civicgateway.core.text.TsvResource;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Finds the scrutins whose title is about a topic a citizen named, in French or English: "budget", "la réforme des
 * retraites", "pensions", "immigration", "the censure motion".
 *
 * <p>The topic is cut into concepts with a small bilingual lexicon ({@code parliament/topic-lexicon.tsv}: "budget"
 * looks for "loi de finances", "pensions" for "retraite"...); a word the lexicon does not know is looked for as
 * itself. A scrutin matches when its title has every concept (folded words, singular and plural alike); when no
 * title has them all, titles with the most concepts are returned. Results come most meaningful first: votes on a
 * whole text ("l'ensemble du projet de loi ...") and solemn votes and censure motions before amendments and
 * articles, then the newest.
 *
 * <p>Immutable and thread-safe; everything that depends only on the data is done once at construction, so build
 * one per loaded data set (the app builds it with each version of the data, before the version answers): titles are
 * folded and indexed (word → titles), the titles holding each concept of the lexicon are found, and the titles are
 * kept in the order results come in. A search is then a few set intersections and a walk over the first matches,
 * whatever their number: a few microseconds over the snapshot's 3,876 scrutins, even for "budget" (857 matches;
 * sorting them at each search took a quarter of a millisecond). Never throws for any topic; a blank or meaningless
 * topic gives an empty result.
 *
 * <pre>{@code
 * ScrutinSearch.Result r = new ScrutinSearch(data).search("budget", 5);
 * r.scrutins().getFirst().title();   // "l'ensemble du projet de loi de finances pour 2026 (première lecture)."
 * r.total();                         // every scrutin about the budget, not only the 5 returned
 * }</pre>
 */
public final class ScrutinSearch {

    /**
     * @param scrutins the best {@code limit} matches, most meaningful first
     * @param total    how many scrutins match in all
     */
    public record Result(List<Scrutin> scrutins, int total) {
        public Result {
            scrutins = List.copyOf(scrutins);
        }
    }

    /** Words that say nothing of the subject: dropped from the topic unless nothing else is left. */
    private static final Set<String> GENERIC = Set.copyOf(List.of("le", "la", "les", "l", "un", "une", "des", "du", "de", "d",
            "a", "au", "aux", "sur", "pour", "et", "en", "the", "of", "on", "about", "for", "and", "to", "a", "an",
            "loi", "lois", "projet", "projets", "proposition", "texte", "textes", "reforme", "reformes", "bill",
            "bills", "law", "laws", "reform", "vote", "votes", "scrutin", "scrutins", "ballot", "ballots", "sujet",
            "concernant", "propos", "regarding", "question", "questions", "ce", "cette", "son", "sa", "ses", "mon",
            "ma", "mes", "this", "that", "my", "her", "his", "their", "its"));

    private static final Lexicon LEXICON = Lexicon.load();

    /** The order results come in: the most meaningful first, then the newest (numbers are unique: a total order). */
    private static final Comparator<Indexed> MEANING = Comparator.comparingInt(Indexed::rank).reversed()
            .thenComparing((Indexed t) -> t.scrutin.date(), Comparator.reverseOrder())
            .thenComparing((Indexed t) -> t.scrutin.number(), Comparator.reverseOrder());

    /** Every title, in {@link #MEANING} order: a title's position is its place in any result. */
    private final List<Indexed> titles;
    /** Stemmed title word → the titles (by position in {@link #titles}) that hold it. */
    private final Map<String, BitSet> postings = new HashMap<>();
    /**
     * Each concept of the lexicon (by identity: the phrase lists {@link #concepts} hands out) → the titles holding one
     * of its phrases. Never modified after construction: searches clone before they change a set.
     */
    private final Map<List<String[]>, BitSet> lexiconTitles = new IdentityHashMap<>();

    public ScrutinSearch(ParliamentData data) {
        Objects.requireNonNull(data, "data");
        List<Indexed> indexed = new ArrayList<>();
        for (Scrutin s : data.scrutins()) {
            indexed.add(new Indexed(s, stems(Text.foldToWords(s.title())), rank(s)));
        }
        // A stable sort, as the sort of each search's matches was: equal titles keep the data's order.
        indexed.sort(MEANING);
        this.titles = List.copyOf(indexed);
        for (int i = 0; i < titles.size(); i++) {
            for (String w : titles.get(i).stems) {
                postings.computeIfAbsent(w, k -> new BitSet()).set(i);
            }
        }
        // Aliases of one concept have equal phrase lists: one set for them all.
        Map<String, BitSet> byPhrases = new HashMap<>();
        for (List<String[]> phrases : LEXICON.aliases.values()) {
            String key = String.join("|", phrases.stream().map(p -> String.join(" ", p)).toList());
            lexiconTitles.put(phrases, byPhrases.computeIfAbsent(key, k -> matching(phrases)));
        }
    }

    /**
     * @param topic the subject as the citizen wrote it
     * @param limit how many scrutins to return at most (the total is counted anyway)
     * @throws IllegalArgumentException for a negative limit
     */
    public Result search(String topic, int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit must not be negative: " + limit);
        }
        List<List<String[]>> concepts = concepts(topic == null ? "" : topic);
        if (concepts.isEmpty()) {
            return new Result(List.of(), 0);
        }
        BitSet[] matches = new BitSet[concepts.size()];
        BitSet all = null;
        for (int c = 0; c < matches.length; c++) {
            matches[c] = titlesWith(concepts.get(c));
            if (all == null) {
                all = (BitSet) matches[c].clone();
            } else {
                all.and(matches[c]);
            }
        }
        if (all.isEmpty()) {
            // no title has every concept: keep those with the most of them
            int[] counts = new int[titles.size()];
            int most = 0;
            for (BitSet m : matches) {
                for (int i = m.nextSetBit(0); i >= 0; i = m.nextSetBit(i + 1)) {
                    most = Math.max(most, ++counts[i]);
                }
            }
            for (int i = 0; i < counts.length; i++) {
                if (most > 0 && counts[i] == most) {
                    all.set(i);
                }
            }
        }
        // Titles are kept in the order of results: the first set bits are the best matches.
        List<Scrutin> best = new ArrayList<>(Math.min(limit, 16));
        for (int i = all.nextSetBit(0); i >= 0 && best.size() < limit; i = all.nextSetBit(i + 1)) {
            best.add(titles.get(i).scrutin);
        }
        return new Result(best, all.cardinality());
    }

    /**
     * Whether a title is about a topic in the strict sense of {@link #search}: it holds every concept of the topic
     * (the same lexicon, folding and plurals). Unlike a search, no "most concepts" fallback: a followed topic is told
     * only of scrutins that are about it. Build once per topic; thread-safe.
     */
    public static java.util.function.Predicate<String> titleMatcher(String topic) {
        List<List<String[]>> concepts = concepts(topic == null ? "" : topic);
        if (concepts.isEmpty()) {
            return title -> false;
        }
        return title -> {
            String[] stems = stems(Text.foldToWords(title == null ? "" : title));
            for (List<String[]> phrases : concepts) {
                boolean any = false;
                for (String[] phrase : phrases) {
                    if (contains(stems, phrase)) {
                        any = true;
                        break;
                    }
                }
                if (!any) {
                    return false;
                }
            }
            return true;
        };
    }

    private static final Pattern ARTICLE_NUMBER = Pattern.compile("\\b\\d{1,4}[.-]\\d{1,3}\\b");

    /**
     * Whether a topic names a subject: one of its words has three letters or more and is not one of the words that say
     * nothing of the subject (the search drops them). "agriculture", "IVG", "loi de finances", "49.3" do; "' OR 1=1 --"
     * ("or 1 1"), "le la", "vote" do not, and as a followed topic they would match almost any title or none.
     */
    public static boolean hasSubject(String topic) {
        // an article of the Constitution or of a code ("49.3", "49-3"), a subject of its own
        if (topic != null && ARTICLE_NUMBER.matcher(topic).find()) {
            return true;
        }
        for (String w : Text.foldToWords(topic == null ? "" : topic).split(" ")) {
            if (!GENERIC.contains(w) && w.codePoints().filter(Character::isLetter).count() >= 3) {
                return true;
            }
        }
        return false;
    }

    /** Each concept is the list of phrases (stemmed word arrays) any of which may stand for it in a title. */
    private static List<List<String[]>> concepts(String topic) {
        String[] words = Text.foldToWords(topic).split(" ");
        List<List<String[]>> concepts = new ArrayList<>();
        List<String> generic = new ArrayList<>();
        int i = 0;
        while (i < words.length) {
            if (words[i].isEmpty()) {
                i++;
                continue;
            }
            int matched = 0;
            List<String[]> phrases = null;
            // the longest lexicon alias starting here: "reforme des retraites", "motion de censure"
            for (int len = Math.min(LEXICON.maxAliasWords, words.length - i); len >= 1; len--) {
                String key = String.join(" ", stems(String.join(" ", java.util.Arrays.copyOfRange(words, i, i + len))));
                phrases = LEXICON.aliases.get(key);
                if (phrases != null) {
                    matched = len;
                    break;
                }
            }
            if (phrases != null) {
                concepts.add(phrases);
                i += matched;
            } else if (GENERIC.contains(words[i])) {
                generic.add(words[i]);
                i++;
            } else {
                concepts.add(List.<String[]>of(stems(words[i])));
                i++;
            }
        }
        if (concepts.isEmpty()) {
            for (String g : generic) {
                if (g.length() > 3) {
                    concepts.add(List.<String[]>of(stems(g)));
                }
            }
        }
        return concepts;
    }

    /** The titles holding one of the phrases; the caller must not modify the set. */
    private BitSet titlesWith(List<String[]> phrases) {
        BitSet known = lexiconTitles.get(phrases);
        return known != null ? known : matching(phrases);
    }

    /** The titles holding one of the phrases: the postings of the phrase's words, then a check of their order. */
    private BitSet matching(List<String[]> phrases) {
        BitSet out = new BitSet(titles.size());
        for (String[] phrase : phrases) {
            BitSet candidates = null;
            for (String w : phrase) {
                BitSet p = postings.get(w);
                if (p == null) {
                    candidates = null;
                    break;
                }
                if (candidates == null) {
                    candidates = (BitSet) p.clone();
                } else {
                    candidates.and(p);
                }
            }
            if (candidates == null) {
                continue;
            }
            if (phrase.length > 1) {
                for (int i = candidates.nextSetBit(0); i >= 0; i = candidates.nextSetBit(i + 1)) {
                    if (!contains(titles.get(i).stems, phrase)) {
                        candidates.clear(i);
                    }
                }
            }
            out.or(candidates);
        }
        return out;
    }

    private static boolean contains(String[] title, String[] phrase) {
        outer:
        for (int i = 0; i + phrase.length <= title.length; i++) {
            for (int k = 0; k < phrase.length; k++) {
                if (!title[i + k].equals(phrase[k])) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    /**
     * The meaning of a scrutin for a citizen: the vote on a whole text first, then solemn votes and censure
     * motions, then motions to reject, then articles and amendments.
     */
    private static int rank(Scrutin s) {
        String title = Text.foldToWords(s.title());
        int rank = 0;
        if (title.startsWith("l ensemble") || title.contains(" l ensemble du ") || title.contains(" l ensemble de ")) {
            rank += 4;
        }
        if (s.type() == ScrutinType.SOLEMN || s.type() == ScrutinType.CENSURE_MOTION) {
            rank += 2;
        }
        if (title.startsWith("la motion")) {
            rank += 1;
        }
        return rank;
    }

    /** Folded words with a final plural "s" or "x" dropped, so that "retraites" finds "retraite". */
    private static String[] stems(String foldedWords) {
        String[] words = foldedWords.isEmpty() ? new String[0] : foldedWords.split(" ");
        for (int k = 0; k < words.length; k++) {
            String w = words[k];
            if (w.length() > 3 && (w.endsWith("s") || w.endsWith("x"))) {
                words[k] = w.substring(0, w.length() - 1);
            }
        }
        return words;
    }

    private record Indexed(Scrutin scrutin, String[] stems, int rank) {
    }

    /** Stemmed alias (words joined by a space) → the title phrases of its concept. */
    private record Lexicon(Map<String, List<String[]>> aliases, int maxAliasWords) {

        static Lexicon load() {
            Map<String, List<String[]>> aliases = new HashMap<>();
            int max = 1;
            for (String[] columns : TsvResource.rows("/parliament/topic-lexicon.tsv", r -> r.length == 2,
                    "aliases<TAB>phrases")) {
                List<String[]> phrases = new ArrayList<>();
                for (String p : columns[1].split("\\|")) {
                    phrases.add(stems(Text.foldToWords(p)));
                }
                for (String alias : columns[0].split("\\|")) {
                    String[] stemmed = stems(Text.foldToWords(alias));
                    max = Math.max(max, stemmed.length);
                    // a later line adds phrases to an alias rather than replacing them
                    aliases.computeIfAbsent(String.join(" ", stemmed), k -> new ArrayList<>()).addAll(phrases);
                }
            }
            aliases.replaceAll((k, v) -> List.copyOf(v));
            return new Lexicon(Map.copyOf(aliases), max);
        }
    }
}
