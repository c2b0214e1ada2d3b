package fr.civicgateway.core.assembly;

import fr.civicgateway.core.nlu.Language;
import fr.civicgateway.core.text.Text;
import fr.civicgateway.core.text.TsvResource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a question names a bill: a dossier's uid ("DLR5L17N51670"), an Assemblée text's number ("le texte n° 482"),
 * or words of its title, once the words of the question itself ("où en est la loi sur …") are set aside. English
 * questions get their usual names of French bills translated first ({@code assembly/english-bill-words.tsv}: the
 * dossiers' titles are French). Stateless and thread-safe.
 */
public final class BillWords {

    private static final Pattern UID = Pattern.compile("(?i)\\bDLR5L\\d{2}N\\d{1,7}\\b");
    /** "texte n° 482", "proposition de loi n° 482", "bill no. 482", "text 482": a text's number, not a scrutin's. */
    private static final Pattern TEXT_NUMBER = Pattern.compile("\\b(?:texte|textes|text|proposition|projet|bill|ppl"
            + "|pjl)(?: de loi| de resolution| of law)?(?: organique| adopte| adopted)? (?:n|no|numero|number|nr)? ?"
            + "(\\d{1,5})\\b");

    /** The words of the question, never of a bill's title (folded; words of three letters or fewer are ignored anyway). */
    private static final Set<String> QUESTION_WORDS = Set.of("texte", "textes", "text", "texts", "projet", "projets",
            "proposition", "propositions", "dossier", "dossiers", "legislatif", "legislatifs", "legislative", "bill",
            "bills", "law", "laws", "stade", "etape", "etapes", "avancement", "parcours", "suivi", "status", "stage",
            "where", "stands", "stand", "what", "which", "about", "with", "this", "that", "there", "from", "does",
            "quelle", "quel", "quels", "quelles", "sont", "cette", "celui", "celle", "elle", "donc", "alors", "avec",
            "pour", "dans", "sans", "vers", "chez", "votee", "vote", "votes", "adopte", "adoptee", "adopted", "passe",
            "passee", "passed", "promulgue", "promulguee", "promulgated", "senat", "senate", "assemblee", "nationale",
            "parlement", "parliament", "lecture", "premiere", "deuxieme", "nouvelle", "examen", "examine", "examinee",
            "prochaine", "suivante", "next", "step", "steps", "been", "have", "going", "maintenant", "actuellement",
            "currently", "now", "encore", "still", "savoir", "dire", "dites", "tell", "please", "merci", "bonjour",
            "hello", "est-ce", "quoi", "reforme", "reform", "devenu", "devenue", "become", "scrutin", "ballot",
            "numero", "number", "stp", "svp", "moi", "know", "want", "veux", "voudrais", "aimerais", "comment",
            "progress", "doing");

    private static final Map<String, String> ENGLISH = english();

    private BillWords() {
    }

    /** The dossier uid the text names, upper-cased; null when none. */
    public static String uidIn(String text) {
        Matcher m = UID.matcher(text);
        return m.find() ? m.group().toUpperCase(Locale.ROOT) : null;
    }

    /** The Assemblée text number the text names ("le texte n° 482"); null when none. */
    public static Integer textNumber(String text) {
        Matcher m = TEXT_NUMBER.matcher(Text.foldToWords(text));
        return m.find() ? Integer.valueOf(m.group(1)) : null;
    }

    private static final Pattern YEAR = Pattern.compile("\\b(?:19|20)\\d{2}\\b");

    /** The years the text names ("pour 2027"), folded, in order, each once. */
    static List<String> years(String text) {
        List<String> out = new ArrayList<>();
        Matcher m = YEAR.matcher(Text.foldToWords(text));
        while (m.find()) {
            if (!out.contains(m.group())) {
                out.add(m.group());
            }
        }
        return out;
    }

    /**
     * The searches to try, in order: the topic the extractor found (the words after "sur", "on"), then every word of
     * the question but its own; each without the question's words. Empty when the question holds no title word.
     */
    public static List<String> searches(String topic, String text, Language lang) {
        List<String> out = new ArrayList<>();
        List<String> order = topic == null ? List.of(text) : List.of(topic, text);
        // "the finance bill": a name the whole message translates ("loi de finances") but its topic alone ("finance")
        // does not is searched translated first.
        if (topic != null && lang == Language.EN && translates(text) && !translates(topic)) {
            order = List.of(text, topic);
        }
        for (String s : order) {
            String words = titleWords(s, lang);
            if (!words.isEmpty() && !out.contains(words)) {
                out.add(words);
            }
        }
        return out;
    }

    /** Whether an English name of a French bill is in {@code s}. */
    private static boolean translates(String s) {
        String folded = " " + Text.foldToWords(s) + " ";
        return ENGLISH.keySet().stream().anyMatch(k -> folded.contains(" " + k + " "));
    }

    /** The words of {@code s} that may be a title's, folded; English names translated. */
    static String titleWords(String s, Language lang) {
        String folded = " " + Text.foldToWords(s) + " ";
        if (lang == Language.EN) {
            for (Map.Entry<String, String> e : ENGLISH.entrySet()) {
                folded = folded.replace(" " + e.getKey() + " ", " " + e.getValue() + " ");
            }
        }
        List<String> kept = new ArrayList<>();
        for (String w : folded.trim().split(" ")) {
            if (!w.isEmpty() && !QUESTION_WORDS.contains(w) && !w.chars().allMatch(Character::isDigit)) {
                kept.add(w);
            }
        }
        // Short words alone ("fin de vie") are searched as a phrase: keep them only when no longer word remains.
        List<String> longer = kept.stream().filter(w -> w.length() > 3).toList();
        if (!longer.isEmpty()) {
            return String.join(" ", longer);
        }
        List<String> phrase = stripArticles(kept);
        return phrase.size() >= 2 && !phrase.stream().allMatch(EDGE_WORDS::contains) ? String.join(" ", phrase) : "";
    }

    /** Words that are never a title on their own: articles, pronouns, the question's short words. */
    private static final Set<String> EDGE_WORDS = Set.of("le", "la", "les", "l", "de", "du", "des", "d", "sur", "on",
            "the", "of", "a", "et", "ou", "en", "est", "is", "it", "un", "une", "an", "and", "to", "au", "aux", "ce",
            "cet", "ces", "c", "ca", "il", "ils", "y", "qui", "que", "qu", "s", "n", "ne", "pas", "mon", "ma", "mes",
            "son", "sa", "ses", "its", "how", "now", "why", "who", "par", "by", "at", "in", "for", "se", "je", "j",
            "me", "moi", "vu", "lu", "eu");

    /** "la fin de vie" → "fin de vie": the phrase without the question's words at its ends. */
    private static List<String> stripArticles(List<String> words) {
        int from = 0;
        int to = words.size();
        while (from < to && EDGE_WORDS.contains(words.get(from))) {
            from++;
        }
        while (to > from && EDGE_WORDS.contains(words.get(to - 1))) {
            to--;
        }
        // "ou en est la loi sur la fin de vie": only what follows the last "sur" / "on" is the subject
        List<String> rest = new ArrayList<>(words.subList(from, to));
        for (int i = rest.size() - 1; i >= 0; i--) {
            if (rest.get(i).equals("sur") || rest.get(i).equals("on") || rest.get(i).equals("loi")) {
                return stripArticles(rest.subList(i + 1, rest.size()));
            }
        }
        return rest;
    }

    /** "DLR5L17N51670"'s title shortened for a button: at most {@code max} characters, cut at a word. */
    public static String shorten(String title, int max) {
        String t = title.strip();
        if (t.length() <= max) {
            return t;
        }
        int cut = t.lastIndexOf(' ', max - 1);
        return (cut > max / 2 ? t.substring(0, cut) : t.substring(0, max - 1)).strip() + "…";
    }

    private static Map<String, String> english() {
        Map<String, String> out = new LinkedHashMap<>();
        for (String[] f : TsvResource.rows("/assembly/english-bill-words.tsv", r -> r.length == 2,
                "two tab-separated columns")) {
            out.put(Text.foldToWords(f[0]), Text.foldToWords(f[1]));
        }
        // The longest names first: "end of life" before "life".
        Map<String, String> sorted = new LinkedHashMap<>();
        out.entrySet().stream().sorted((a, b) -> b.getKey().length() - a.getKey().length())
                .forEach(e -> sorted.put(e.getKey(), e.getValue()));
        return java.util.Collections.unmodifiableMap(sorted);
    }
}
