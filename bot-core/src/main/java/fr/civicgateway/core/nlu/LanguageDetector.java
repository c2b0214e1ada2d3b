package fr.civicgateway.core.nlu;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Tells French from English in short chat messages ("slt", "who is my MP?", "et lui ?").
 *
 * <p>Statistical detectors (OpenNLP's langdetect model included) are unreliable on one or two words, which is
 * what citizens type, so this is a lexicon vote: each token that is a typical French or English word (function
 * words, chat abbreviations, the bot's domain words) scores for its language; accented letters favour French; a tie
 * (including no evidence at all) goes to French, the bot's first language. Words common to both ("a", "vote",
 * "on", "me") count for neither.
 *
 * <p>Stateless and thread-safe; never throws for a non-null text.
 *
 * <pre>{@code
 * LanguageDetector.detect("ki est mon depute");   // FR
 * LanguageDetector.detect("and her group?");      // EN
 * }</pre>
 */
public final class LanguageDetector {

    private static final Set<String> FRENCH = setOf(
            "le", "la", "les", "l", "un", "une", "des", "du", "de", "d", "et", "est", "sont", "etait", "ete", "qui",
            "que", "qu", "quoi", "quel", "quelle", "quels", "quelles", "comment", "ou", "mon", "ma", "mes", "ton",
            "ta", "tes", "son", "sa", "ses", "leur", "il", "elle", "ils", "elles", "nous", "vous", "je", "j", "tu",
            "au", "aux", "pour", "sur", "dans", "avec", "par", "pas", "ne", "n", "plus", "ce", "cet", "cette", "ces",
            "c", "y", "en", "ai", "avez", "avons", "ont", "fait", "faire", "bonjour", "bonsoir", "salut",
            "merci", "depute", "deputee", "deputes", "vote", "votee", "scrutin", "scrutins", "loi", "resultat",
            "habite", "vis", "ville", "rue", "travaux", "projet", "projets", "avis", "signaler", "probleme", "aide",
            "peux", "pouvez", "sais", "savoir", "kel", "kelle", "ki", "koi", "stp", "svp", "slt", "bjr", "pr", "cc",
            "semaine", "dernier", "derniere", "derniers", "mois", "jour", "aujourd", "hui", "oui", "non", "lui",
            "chez", "moi", "toi", "suis", "etes", "sommes", "quand", "pourquoi", "combien", "ca", "cela",
            "ceci", "tous", "tout", "toute", "toutes", "taux", "groupe", "circonscription", "circo", "commune",
            "adoptee", "adopte", "rejete", "rejetee", "motion", "censure", "retraites", "budget", "aussi", "alors",
            "donc", "mais", "veux", "voudrais", "aimerais", "dire", "donner", "trou", "nid", "poule", "eclairage",
            "trottoir", "poubelle", "mairie", "quartier", "participe", "participation", "votes", "vu", "bien",
            "tres", "coucou", "wesh", "yo", "envoie", "moyen", "propos", "concernant", "sujet",
            "derniere", "recemment", "assemblee", "nationale", "parlement", "elu", "elue", "elus");

    private static final Set<String> ENGLISH = setOf(
            "the", "an", "and", "is", "are", "was", "were", "who", "whos", "what", "whats", "which", "how", "where",
            "when", "my", "your", "his", "her", "their", "its", "i", "you", "he", "she", "we", "they", "to", "of",
            "in", "at", "for", "with", "about", "by", "from", "not", "do", "does", "did", "can", "could", "please",
            "hi", "hello", "hey", "thanks", "thank", "mp", "mps", "deputy", "deputies", "voted", "result", "results", "bill",
            "law", "week", "last", "recent", "latest", "recently", "constituency", "town", "live", "living", "city",
            "report", "problem", "help", "tell", "show", "any", "there", "this", "that", "these", "those", "be",
            "been", "has", "have", "had", "will", "would", "should", "representative", "member", "parliament",
            "street", "works", "project", "projects", "opinion", "give", "want", "know", "pothole", "broken",
            "light", "rubbish", "it", "him", "them", "whom", "why", "much", "many", "often", "attendance",
            "turnout", "rate", "ballot", "ballots", "passed", "adopted", "rejected", "motion", "group", "party",
            "morning", "evening", "afternoon", "good", "weather", "joke", "u", "ur", "pls", "plz", "thx", "wat",
            "wut", "hows", "happening", "going", "doing", "did", "lately", "today", "yesterday", "some",
            "near", "home", "house", "road", "say", "like", "need", "just", "also", "then", "so", "or", "if",
            "stand", "stands", "pension", "pensions", "budget", "housing", "health", "climate", "censure",
            "vote", "votes",
            // the verbs of following, which open short commands ("follow Mathilde Panot", "unfollow agriculture")
            // whose other words are a name or a topic, evidence for neither language
            "follow", "unfollow", "following", "subscribe", "unsubscribe", "notify", "alert", "track");

    // Compiled once: String.matches compiles its pattern on every call, and this runs on every message.
    private static final Pattern APOSTROPHE_ENDING = Pattern.compile("(?i)\\b\\p{L}+['’](s|t|re|ve|ll|m)\\b");
    private static final Pattern ENGLISH_CONTRACTION = Pattern.compile(
            "\\b(what|who|it|that|there|he|she|don|doesn|didn|can|isn|i|you|we|they)['’](s|t|re|ve|ll|m)\\b");

    private LanguageDetector() {
    }

    /** Like {@link Set#of} but tolerant of repeats, for hand-kept word lists. */
    private static Set<String> setOf(String... words) {
        return Set.copyOf(List.of(words));
    }

    /** The language of the message; French when the evidence is even or absent. */
    public static Language detect(String text) {
        return detect(FoldingTokenizer.tokenize(text), text);
    }

    static Language detect(List<Token> tokens, String text) {
        double fr = 0;
        double en = 0;
        for (Token t : tokens) {
            if (t.isPlaceholder() || t.isNumber()) {
                continue;
            }
            String w = t.folded();
            boolean inFr = FRENCH.contains(w);
            boolean inEn = ENGLISH.contains(w);
            if (inFr && !inEn) {
                fr += 1;
            } else if (inEn && !inFr) {
                en += 1;
            } else if (!inFr && !inEn && w.length() > 4 && w.endsWith("ing")) {
                en += 0.5;
            }
            if (!t.original().toLowerCase(java.util.Locale.ROOT).equals(w)) {
                fr += 1; // the token carries an accent or a ligature: French words do, English ones do not
            }
        }
        // "what's", "who's", "don't": the English apostrophe-s and n't
        if (APOSTROPHE_ENDING.matcher(text).find()) {
            String lower = text.toLowerCase(java.util.Locale.ROOT);
            if (ENGLISH_CONTRACTION.matcher(lower).find()) {
                en += 1;
            }
        }
        return en > fr ? Language.EN : Language.FR;
    }
}
