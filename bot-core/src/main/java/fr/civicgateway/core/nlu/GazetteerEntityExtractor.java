package fr.civicgateway.core.nlu;

import fr.civicgateway.core.geo.Commune;
import fr.civicgateway.core.geo.Departement;
import fr.civicgateway.core.geo.GeoDirectory;
import fr.civicgateway.core.parliament.Deputy;
import fr.civicgateway.core.parliament.ParliamentData;
import fr.civicgateway.core.parliament.PoliticalGroup;
import fr.civicgateway.core.text.Text;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Finds deputies, scrutins, postcodes, communes, départements, constituencies, political groups and vote topics in a
 * message, from gazetteers built once from {@link ParliamentData} and {@link GeoDirectory}.
 *
 * <p>Every look-up is a hash probe on folded token n-grams (a prefix set stops each n-gram early), so a message
 * costs a few dozen probes whatever the size of the 35,000-commune table. Mentions never overlap: structural
 * patterns (a scrutin number, "4e circonscription de la Gironde", "Paris 11e", a postcode) claim their words first,
 * then the longest gazetteer names, then the topic takes what is left after "sur", "about", "on"...
 *
 * <p>Names that are also ordinary words ("Vote", "Pour", "Y", a deputy called "Petit") are only taken when written
 * with a capital letter away from the start of the message, or after a place preposition ("à", "habite", "in"):
 * the ordinary-word list is the intent corpus's own vocabulary, function words and {@code nlu/ordinary-words.txt}.
 * Since no list holds every word that is also one of 35,000 commune names ("Fillé"), a one-word commune written in
 * lower case inside a longer message also needs a place word before it ("député de lille"). Small typos in
 * deputies' names are tolerated (edit distance 1 from 5 letters, 2 from 9, through a deletion index rather than a
 * scan), against deputies' name words only; a corrected word standing alone must be capitalised or 7 letters long.
 * A last name alone means the sitting deputies who bear it (several: an ambiguous mention with alternatives), or
 * the former ones when no sitting deputy does.
 *
 * <p>Immutable and thread-safe once built; build a new one when the data are refreshed. {@link #extract} never
 * throws for a non-null text.
 *
 * <pre>{@code
 * var extractor = new GazetteerEntityExtractor(parliament, geo);
 * extractor.extract("Comment a voté Mathilde Panot au scrutin 3876 ?");
 * // [deputy PA720892 "Mathilde Panot" 15-29, scrutin 3876 "3876" 42-46]
 * }</pre>
 */
public final class GazetteerEntityExtractor {

    private static final Set<String> SCRUTIN_WORDS = Set.of("scrutin", "scrutins", "vote", "votes", "ballot",
            "ballots", "division");
    /** Words before a number that make it a problem report's tracking number ("signalement 42", "report #42"). */
    private static final Set<String> REPORT_WORDS = Set.of("signalement", "signalements", "report", "reports",
            "ticket", "incident", "requete", "request");
    private static final Set<String> NUMBER_WORDS = Set.of("n", "no", "numero", "number", "nr", "num");
    private static final Set<String> CIRCO_WORDS = Set.of("circonscription", "circonscriptions", "circo", "circ",
            "constituency", "district");
    private static final Set<String> LINK_WORDS = Set.of("de", "du", "des", "la", "le", "l", "d", "of", "the", "in",
            "en", "dans");
    private static final Set<String> DEPARTEMENT_WORDS = Set.of("departement", "dept", "dpt", "dep", "department");
    /**
     * Words after which a name is a place even when it is also an ordinary word ("habite Y"). "à" counts only
     * written with its accent: a bare "a" is mostly the verb ("a voté").
     */
    private static final Set<String> PLACE_PREPOSITIONS = Set.of("habite", "habitons", "habitez", "vis", "vit",
            "in", "at", "near", "reside");
    /** Words before a name that make it a département rather than the homonymous commune ("la Vienne"). */
    private static final Set<String> DEPARTEMENT_ARTICLES = Set.of("la", "le", "les", "l", "en", "dans", "du",
            "departement", "dept");
    private static final Set<String> TOPIC_TRIGGERS = Set.of("sur", "concernant", "about", "on", "regarding",
            "propos", "sujet", "re");
    private static final String[][] SAINT_FORMS = {{"saint", "st"}, {"sainte", "ste"}, {"st", "saint"},
            {"ste", "sainte"}, {"saintes", "stes"}, {"saints", "sts"}};
    /** After "on", these words make it the French pronoun ("on a voté"), not the English preposition. */
    private static final Set<String> FRENCH_AFTER_ON = Set.of("a", "est", "va", "peut", "doit", "fait", "voit",
            "vit", "habite", "sait", "dit", "n", "ne", "y", "en", "le", "la", "les", "l", "m", "s", "t", "se", "me",
            "te", "veut", "aimerait", "voudrait", "avait", "etait", "sera", "aura", "pourrait", "vote", "votait");
    /** Words before a bare number that make it a scrutin in a follow-up ("et sur le 3876 ?"). */
    private static final Set<String> BARE_SCRUTIN_CONTEXT = Set.of("le", "au", "du", "the", "sur", "on");
    /** Words after which a lower-case name in a long message is still a place: "député de lille", "in brest". */
    private static final Set<String> PLACE_CONTEXT = Set.of("a", "de", "du", "d", "des", "habite", "vis", "in", "at",
            "for", "of", "pour", "depute", "deputee", "deputes", "mp", "near", "en", "au", "circonscription", "circo",
            "ville", "commune");
    private static final Set<String> NAME_PARTICLES = Set.of("de", "du", "des", "d");
    private static final Map<String, Integer> ARRONDISSEMENT_BASE = Map.of("paris", 75100, "lyon", 69380,
            "marseille", 13200);
    private static final Map<String, Integer> ARRONDISSEMENT_COUNT = Map.of("paris", 20, "lyon", 9,
            "marseille", 16);
    private static final Set<String> ARRONDISSEMENT_WORDS = Set.of("arrondissement", "arr", "arrdt", "arrt",
            "district");
    /**
     * Group aliases (folded) and the abbreviations (folded, as a prefix, "|"-separated) of the group they name.
     * The data's own abbreviations and names are indexed too; these add what citizens say. The UDR's abbreviation
     * in the AMO data is {@code UDDPLR}.
     */
    private static final Map<String, String> GROUP_ALIASES = Map.ofEntries(
            Map.entry("lfi", "lfi"), Map.entry("insoumis", "lfi"), Map.entry("insoumise", "lfi"),
            Map.entry("insoumises", "lfi"), Map.entry("france insoumise", "lfi"),
            Map.entry("la france insoumise", "lfi"), Map.entry("rn", "rn"),
            Map.entry("rassemblement national", "rn"), Map.entry("epr", "epr"), Map.entry("renaissance", "epr"),
            Map.entry("ensemble pour la republique", "epr"), Map.entry("macronistes", "epr"),
            Map.entry("soc", "soc"), Map.entry("ps", "soc"), Map.entry("socialistes", "soc"),
            Map.entry("socialiste", "soc"), Map.entry("parti socialiste", "soc"), Map.entry("dr", "dr"),
            Map.entry("lr", "dr"), Map.entry("republicains", "dr"), Map.entry("les republicains", "dr"),
            Map.entry("droite republicaine", "dr"), Map.entry("ecos", "ecos"), Map.entry("ecologistes", "ecos"),
            Map.entry("ecologiste", "ecos"), Map.entry("ecolos", "ecos"), Map.entry("verts", "ecos"),
            Map.entry("dem", "dem"), Map.entry("modem", "dem"), Map.entry("democrates", "dem"),
            Map.entry("hor", "hor"), Map.entry("horizons", "hor"), Map.entry("liot", "liot"),
            Map.entry("gdr", "gdr"), Map.entry("communistes", "gdr"), Map.entry("communiste", "gdr"),
            Map.entry("pcf", "gdr"), Map.entry("udr", "udr|uddplr"), Map.entry("ciottistes", "udr|uddplr"),
            Map.entry("union des droites", "udr|uddplr"),
            Map.entry("ni", "ni"), Map.entry("non inscrits", "ni"), Map.entry("non inscrit", "ni"));
    /** Aliases that are ordinary words or letters in lower case: taken only as written in capitals. */
    private static final Set<String> GROUP_ALIASES_NEEDING_CAPITALS = Set.of("ni", "dem", "soc", "dr", "hor",
            "ps", "lr", "verts", "horizons", "renaissance", "democrates");
    private static final Set<String> FUNCTION_WORDS = setOf(
            "le", "la", "les", "l", "un", "une", "des", "du", "de", "d", "et", "ou", "a", "au", "aux", "en", "y",
            "sur", "sous", "pour", "par", "dans", "avec", "sans", "chez", "vers", "ce", "cet", "cette", "ces",
            "mon", "ma", "mes", "ton", "ta", "tes", "son", "sa", "ses", "notre", "nos", "votre", "vos", "leur",
            "leurs", "je", "j", "tu", "il", "elle", "on", "nous", "vous", "ils", "elles", "me", "m", "te", "t",
            "se", "s", "qui", "que", "qu", "quoi", "quel", "quelle", "quels", "quelles", "comment", "est", "sont",
            "ete", "a", "ont", "pas", "ne", "n", "plus", "tres", "bien", "tout", "tous", "the", "an", "and", "or",
            "of", "to", "in", "on", "at", "for", "with", "by", "from", "about", "is", "are", "was", "were", "be",
            "who", "what", "how", "which", "my", "his", "her", "their", "our", "your", "it", "he", "she", "they",
            "we", "you", "i", "did", "do", "does", "has", "have", "had", "this", "that", "these", "those", "not",
            "concernant", "propos", "sujet", "regarding", "re", "si", "car", "mais", "donc", "ni", "or",
            "vote", "votes", "vote", "voter", "voted", "votee", "scrutin", "scrutins", "ballot", "ballots",
            "depute", "deputee", "deputes", "mp", "mps", "deputy", "resultat", "result", "adopte", "adoptee",
            "rejete", "rejetee", "passe", "passee", "pass", "passed", "adopted", "rejected", "stp", "svp",
            "please", "pls", "alors", "aussi", "also", "then", "ca", "cela", "lui", "him", "them", "eux",
            "recemment", "recently", "lately", "dernier", "derniers", "derniere", "last", "latest", "position",
            "groupe", "group", "pr", "ki", "kel", "koi", "c", "quoi", "t", "il", "elle", "was", "as", "how",
            "voting", "votre", "vote", "contre", "against", "abstenu", "abstenue", "abstained");

    /**
     * How far beyond the newest loaded scrutin a number named as a scrutin ("scrutin 3880") is still taken: the
     * Assemblée holds about 300 public votes a month, and data refreshed every few hours, or not at all, lags behind
     * it. Taken, the number gets the honest "the data goes up to ..." answer instead of "which scrutin?"; further off
     * ("vote 9999") it is no scrutin, unless a noun of {@link #NAMES_A_SCRUTIN} introduces it.
     */
    static final int COMING_SCRUTINS = 1_000;
    /**
     * The nouns that name a scrutin whatever number follows ("le scrutin 5000"): the number is taken even when the
     * data has no such scrutin, so that the answer says it does not exist instead of asking "which scrutin?" again.
     * ("vote" is also a verb and a count, so after it only a real or coming number is taken.)
     */
    private static final Set<String> NAMES_A_SCRUTIN = Set.of("scrutin", "scrutins", "ballot");

    private final ParliamentData parliament;
    private final GeoDirectory geo;
    private final Set<String> ordinaryWords;
    private final int newestScrutin;

    private final NameIndex deputyNames = new NameIndex();
    /** Last names alone: sitting deputies' uids, or former ones' when no sitting deputy has the name. */
    private final Map<String, List<String>> lastNames = new HashMap<>();
    private final Set<String> deputyNameWords = new HashSet<>();
    private final Map<String, Set<String>> deputyWordDeletions = new HashMap<>();

    private final NameIndex communeNames = new NameIndex();
    private final NameIndex departementNames = new NameIndex();
    private final NameIndex groupNames = new NameIndex();
    private final Set<String> departementCodes = new HashSet<>();
    private final Set<String> topicKeywords;

    public GazetteerEntityExtractor(ParliamentData parliament, GeoDirectory geo) {
        this.parliament = parliament;
        this.geo = geo;
        this.newestScrutin = parliament.scrutins().isEmpty() ? 0 : parliament.scrutins().getLast().number();
        this.ordinaryWords = ordinaryWords();
        this.topicKeywords = topicKeywords();
        indexDeputies(parliament.deputies());
        indexGroups(parliament.groups());
        for (Commune c : geo.communes()) {
            String key = Text.foldToWords(c.name());
            communeNames.add(key, c.inseeCode());
            // "Saint-Denis" is also written "St-Denis", and La Poste's file writes "ST DENIS": index both forms
            String padded = " " + key + " ";
            for (String[] pair : SAINT_FORMS) {
                if (padded.contains(" " + pair[0] + " ")) {
                    communeNames.add(padded.replace(" " + pair[0] + " ", " " + pair[1] + " ").trim(), c.inseeCode());
                }
            }
        }
        for (Departement d : geo.departements()) {
            departementNames.add(Text.foldToWords(d.name()), d.code());
            departementCodes.add(d.code().toLowerCase(Locale.ROOT));
        }
    }

    /** The entity mentions of the text, in text order, non-overlapping. */
    public List<EntityMention> extract(String text) {
        return extract(text, FoldingTokenizer.tokenize(text));
    }

    List<EntityMention> extract(String text, List<Token> tokens) {
        List<Candidate> candidates = new ArrayList<>();
        structural(text, tokens, candidates);
        gazetteers(text, tokens, candidates);
        candidates.sort(Comparator.comparingInt(Candidate::priority)
                .thenComparing(Comparator.comparingInt((Candidate c) -> c.claimTo - c.claimFrom).reversed())
                .thenComparingInt(c -> c.type.ordinal()));
        boolean[] claimed = new boolean[tokens.size()];
        List<Candidate> accepted = new ArrayList<>();
        for (Candidate c : candidates) {
            if (free(claimed, c.claimFrom, c.claimTo)) {
                for (int k = c.claimFrom; k < c.claimTo; k++) {
                    claimed[k] = true;
                }
                accepted.add(c);
            }
        }
        Candidate topic = topic(text, tokens, claimed);
        if (topic != null) {
            accepted.add(topic);
        }
        accepted.sort(Comparator.comparingInt(Candidate::from));
        List<EntityMention> mentions = new ArrayList<>(accepted.size());
        for (Candidate c : accepted) {
            int start = tokens.get(c.from).start();
            int end = tokens.get(c.to - 1).end();
            List<String> alternatives = c.values.size() > 1 ? c.values : List.of();
            mentions.add(new EntityMention(c.type, c.values.getFirst(), text.substring(start, end), start, end,
                    alternatives));
        }
        return mentions;
    }

    // ---------------------------------------------------------------------------------------------- patterns

    private void structural(String text, List<Token> tokens, List<Candidate> out) {
        int n = tokens.size();
        for (int i = 0; i < n; i++) {
            Token t = tokens.get(i);
            String w = t.folded();
            // scrutin 3876, scrutin n° 3876, vote numéro 3700, ballot 3876, n°3876
            // "voté"/"votée" is the verb ("il a voté 12 fois"): only the noun "vote" introduces a number
            boolean verb = w.startsWith("vote") && !t.original().toLowerCase(Locale.ROOT).startsWith("vote");
            if ((SCRUTIN_WORDS.contains(w) || NUMBER_WORDS.contains(w)) && !verb && i + 1 < n) {
                int j = i + 1;
                if (SCRUTIN_WORDS.contains(w) && j + 1 < n && NUMBER_WORDS.contains(tokens.get(j).folded())) {
                    j++;
                }
                Token num = tokens.get(j);
                boolean bareN = !SCRUTIN_WORDS.contains(w);
                if (num.isNumber() && num.folded().length() <= 5
                        && (isScrutin(num.folded()) || (!bareN && isComing(num.folded()))
                        || NAMES_A_SCRUTIN.contains(w))) {
                    // "n 3876" counts only as written "n°3876" / "no 3876" right before the number
                    if (!bareN || j == i + 1) {
                        out.add(new Candidate(EntityType.SCRUTIN, List.of(num.folded()), j, j + 1, i, j + 1, 0));
                    }
                }
            }
            // signalement 42, signalement n° 42, report #42: claims the number before a scrutin pattern can
            if (REPORT_WORDS.contains(w) && i + 1 < n) {
                int j = i + 1;
                if (j + 1 < n && NUMBER_WORDS.contains(tokens.get(j).folded())) {
                    j++;
                }
                Token num = tokens.get(j);
                if (num.isNumber() && num.folded().length() <= 9) {
                    String value = String.valueOf(Long.parseLong(num.folded()));
                    out.add(new Candidate(EntityType.REPORT, List.of(value), j, j + 1, i, j + 1, 0));
                }
            }
            // et sur le 3876 ? — a bare number after an article, when it is a real scrutin and not a postcode
            if (t.isNumber() && i > 0 && w.length() >= 3 && w.length() <= 4
                    && BARE_SCRUTIN_CONTEXT.contains(tokens.get(i - 1).folded()) && isScrutin(w)) {
                out.add(new Candidate(EntityType.SCRUTIN, List.of(w), i, i + 1, i, i + 1, 1));
            }
            // 4e circonscription de la Gironde, circonscription 4 du 33
            if (CIRCO_WORDS.contains(w)) {
                circonscription(tokens, i, out);
            }
            // 33-4, 2A-1
            if (i + 1 < n && t.end() < text.length() && text.charAt(t.end()) == '-'
                    && tokens.get(i + 1).start() == t.end() + 1 && departementCodes.contains(w)
                    && (t.isNumber() || w.equals("2a") || w.equals("2b"))) {
                Token num = tokens.get(i + 1);
                int number = smallNumber(num.folded(), 30);
                if (number > 0) {
                    out.add(new Candidate(EntityType.CIRCONSCRIPTION,
                            List.of(codeOf(w) + "-" + number), i, i + 2, i, i + 2, 0));
                }
            }
            // Paris 11e, Lyon 3e, Marseille 8e, Paris XIe; 11e arrondissement de Paris
            if (ARRONDISSEMENT_BASE.containsKey(w) && i + 1 < n) {
                int number = arrondissementNumber(tokens.get(i + 1).folded(), w);
                if (number > 0) {
                    int to = i + 2;
                    if (to < n && ARRONDISSEMENT_WORDS.contains(tokens.get(to).folded())) {
                        to++;
                    }
                    addArrondissement(w, number, i, to, out);
                }
            }
            if (ARRONDISSEMENT_WORDS.contains(w) && i >= 1) {
                int number = arrondissementNumber(tokens.get(i - 1).folded(), null);
                int j = i + 1;
                while (j < n && LINK_WORDS.contains(tokens.get(j).folded())) {
                    j++;
                }
                if (number > 0 && j < n && ARRONDISSEMENT_BASE.containsKey(tokens.get(j).folded())) {
                    addArrondissement(tokens.get(j).folded(), number, i - 1, j + 1, out);
                }
            }
            // 75011
            if (t.isNumber() && w.length() == 5 && !geo.communesByPostcode(w).isEmpty()) {
                out.add(new Candidate(EntityType.POSTCODE, List.of(w), i, i + 1, i, i + 1, 1));
            }
            // département 33, dpt 2A
            if (DEPARTEMENT_WORDS.contains(w) && i + 1 < n) {
                int j = i + 1;
                while (j < n - 1 && LINK_WORDS.contains(tokens.get(j).folded())) {
                    j++;
                }
                String code = tokens.get(j).folded();
                if (departementCodes.contains(code)) {
                    out.add(new Candidate(EntityType.DEPARTEMENT, List.of(codeOf(code)), j, j + 1, i, j + 1, 1));
                }
            }
        }
    }

    private void circonscription(List<Token> tokens, int k, List<Candidate> out) {
        int n = tokens.size();
        int number = -1;
        int from = k;
        if (k >= 1) {
            number = ordinal(tokens.get(k - 1).folded());
            if (number > 0) {
                from = k - 1;
                // "dix septieme": the tens word before the unit
                if (k >= 2 && tokens.get(k - 2).folded().equals("dix") && number < 10) {
                    number += 10;
                    from = k - 2;
                }
            }
        }
        int j = k + 1;
        if (number <= 0) {
            if (j < n && NUMBER_WORDS.contains(tokens.get(j).folded())) {
                j++;
            }
            if (j < n) {
                number = ordinal(tokens.get(j).folded());
                j++;
            }
        }
        if (number <= 0 || number > 30) {
            return;
        }
        while (j < n && LINK_WORDS.contains(tokens.get(j).folded())) {
            j++;
        }
        if (j < n && DEPARTEMENT_WORDS.contains(tokens.get(j).folded())) {
            j++;
            while (j < n && LINK_WORDS.contains(tokens.get(j).folded())) {
                j++;
            }
        }
        if (j >= n) {
            return;
        }
        String code = null;
        int to = j + 1;
        String w = tokens.get(j).folded();
        if (departementCodes.contains(w)) {
            code = codeOf(w);
        } else {
            Match m = departementNames.longest(j, n, x -> tokens.get(x).folded());
            if (m != null) {
                code = m.values.getFirst();
                to = m.to;
            }
        }
        if (code != null) {
            out.add(new Candidate(EntityType.CIRCONSCRIPTION, List.of(code + "-" + number), from, to, from, to, 0));
        }
    }

    private void addArrondissement(String city, int number, int from, int to, List<Candidate> out) {
        if (number > ARRONDISSEMENT_COUNT.get(city)) {
            return;
        }
        String code = String.valueOf(ARRONDISSEMENT_BASE.get(city) + number);
        if (geo.commune(code).isPresent()) {
            out.add(new Candidate(EntityType.COMMUNE, List.of(code), from, to, from, to, 0));
        }
    }

    // ---------------------------------------------------------------------------------------------- gazetteers

    private void gazetteers(String text, List<Token> tokens, List<Candidate> out) {
        int n = tokens.size();
        String[] deputyWords = new String[n];
        for (int i = 0; i < n; i++) {
            deputyWords[i] = correctedDeputyWord(tokens.get(i));
        }
        for (int i = 0; i < n; i++) {
            Token first = tokens.get(i);
            if (first.isNumber() || first.isPlaceholder()) {
                continue;
            }
            Match deputy = deputyNames.longest(i, n, k -> deputyWords[k]);
            if (deputy != null && (deputy.to - i > 1 || properEnough(tokens, i, deputy.to))) {
                out.add(new Candidate(EntityType.DEPUTY, deputy.values, i, deputy.to, i, deputy.to, 2));
            } else {
                List<String> uids = lastNames.get(deputyWords[i]);
                // a corrected word alone ("matin" → "martin") is a name only if written like one, or long enough
                boolean corrected = !deputyWords[i].equals(first.folded());
                if (uids != null && properEnough(tokens, i, i + 1)
                        && (!corrected || first.capitalised() || first.folded().length() >= 7)) {
                    out.add(new Candidate(EntityType.DEPUTY, uids, i, i + 1, i, i + 1, 2));
                }
            }
            Match commune = communeNames.longest(i, n, k -> tokens.get(k).folded());
            if (commune != null && properEnough(tokens, i, commune.to) && placeLike(tokens, i, commune.to)
                    && wholeWord(text, tokens, i, commune.to)) {
                // on the same words, a commune beats a département unless an article says "the département"
                int priority = i > 0 && DEPARTEMENT_ARTICLES.contains(tokens.get(i - 1).folded()) ? 3 : 2;
                out.add(new Candidate(EntityType.COMMUNE, commune.values, i, commune.to, i, commune.to, priority));
            }
            Match departement = departementNames.longest(i, n, k -> tokens.get(k).folded());
            if (departement != null && properEnough(tokens, i, departement.to)
                    && wholeWord(text, tokens, i, departement.to)) {
                out.add(new Candidate(EntityType.DEPARTEMENT, departement.values, i, departement.to, i,
                        departement.to, departement.to - i == 1
                        && (i == 0 || !DEPARTEMENT_ARTICLES.contains(tokens.get(i - 1).folded())) ? 3 : 2));
            }
            Match group = groupNames.longest(i, n, k -> tokens.get(k).folded());
            if (group != null && groupWrittenAsName(tokens, i, group.to)) {
                out.add(new Candidate(EntityType.GROUP, group.values, i, group.to, i, group.to, 2));
            }
        }
    }

    /**
     * An ordinary word or a very short name is a name only when written like one (capital letter, not the first
     * word) or right after a place preposition; any other name is taken as written, even in lower case.
     */
    private boolean properEnough(List<Token> tokens, int from, int to) {
        boolean ordinary = true;
        int letters = 0;
        for (int k = from; k < to; k++) {
            String w = tokens.get(k).folded();
            letters += w.length();
            if (!ordinaryWords.contains(w)) {
                ordinary = false;
            }
        }
        if (!ordinary && letters >= 4) {
            return true;
        }
        if (from > 0) {
            Token before = tokens.get(from - 1);
            if (PLACE_PREPOSITIONS.contains(before.folded()) || before.original().equalsIgnoreCase("à")) {
                return true;
            }
            // "j'habite a nice", "je vis en Arles": a small word between the verb and the name
            if (from > 1 && Set.of("a", "au", "en").contains(before.folded())
                    && PLACE_PREPOSITIONS.contains(tokens.get(from - 2).folded())) {
                return true;
            }
        }
        boolean allCapitalised = true;
        for (int k = from; k < to; k++) {
            allCapitalised &= tokens.get(k).capitalised();
        }
        // a capital on the first word of a message proves nothing, on two words in a row ("Marie Petit") it does
        return allCapitalised && (from > 0 || to - from > 1);
    }

    /**
     * Thousands of communes are named like words no list can hold ("Fille", "Matin", "Bruit"): a one-word name
     * written in lower case inside a longer message is taken only after a place word ("député de lille", "in
     * brest"). Capitalised names, multi-word names and short messages ("depute lille", "Chatillon") always count.
     */
    private static boolean placeLike(List<Token> tokens, int from, int to) {
        if (to - from > 1 || tokens.size() <= 3 || (from > 0 && tokens.get(from).capitalised())) {
            return true;
        }
        return from > 0 && PLACE_CONTEXT.contains(tokens.get(from - 1).folded());
    }

    /**
     * A place name is not the hyphenated half of a longer word outside the gazetteer: "Luc" in "Jean-Luc",
     * "Paris" in "Paris-Saclay" when only "Paris" matched.
     */
    private static boolean wholeWord(String text, List<Token> tokens, int from, int to) {
        int start = tokens.get(from).start();
        int end = tokens.get(to - 1).end();
        boolean gluedBefore = from > 0 && start > 0 && text.charAt(start - 1) == '-'
                && tokens.get(from - 1).end() == start - 1;
        boolean gluedAfter = to < tokens.size() && end < text.length() && text.charAt(end) == '-'
                && tokens.get(to).start() == end + 1;
        return !gluedBefore && !gluedAfter;
    }

    private boolean groupWrittenAsName(List<Token> tokens, int from, int to) {
        StringBuilder key = new StringBuilder();
        for (int k = from; k < to; k++) {
            key.append(k > from ? " " : "").append(tokens.get(k).folded());
        }
        if (!GROUP_ALIASES_NEEDING_CAPITALS.contains(key.toString())) {
            return true;
        }
        String original = tokens.get(from).original();
        // "NI", "PS", "LR" in capitals; "Horizons", "Dem", "Renaissance" capitalised
        return original.length() <= 2 ? original.equals(original.toUpperCase(Locale.ROOT))
                : tokens.get(from).capitalised();
    }

    private String correctedDeputyWord(Token t) {
        String w = t.folded();
        if (w.length() < 5 || t.isNumber() || t.isPlaceholder() || deputyNameWords.contains(w)
                || ordinaryWords.contains(w) || communeNames.containsWord(w)) {
            return w;
        }
        int max = w.length() >= 9 ? 2 : 1;
        Set<String> candidates = new HashSet<>();
        for (String d : deletions(w, max)) {
            Set<String> words = deputyWordDeletions.get(d);
            if (words != null) {
                candidates.addAll(words);
            }
        }
        String best = null;
        int bestDistance = max + 1;
        boolean tie = false;
        for (String c : candidates) {
            int d = Text.editDistance(w, c, max);
            if (d < bestDistance) {
                best = c;
                bestDistance = d;
                tie = false;
            } else if (d == bestDistance) {
                tie = true;
            }
        }
        return best != null && !tie ? best : w;
    }

    // ---------------------------------------------------------------------------------------------- topic

    /**
     * The subject of a vote question: the content words after "sur", "concernant", "à propos de", "about", "on",
     * up to the next entity or punctuation; failing a trigger, a known topic keyword anywhere ("budget").
     */
    private Candidate topic(String text, List<Token> tokens, boolean[] claimed) {
        int n = tokens.size();
        for (int i = 0; i < n; i++) {
            if (claimed[i] || !TOPIC_TRIGGERS.contains(tokens.get(i).folded())) {
                continue;
            }
            if (tokens.get(i).folded().equals("on") && i + 1 < n
                    && FRENCH_AFTER_ON.contains(tokens.get(i + 1).folded())) {
                continue;
            }
            int first = -1;
            int last = -1;
            for (int j = i + 1; j < n && !claimed[j]; j++) {
                if (j > i + 1 && breaksClause(text, tokens.get(j - 1).end(), tokens.get(j).start())) {
                    break;
                }
                String w = tokens.get(j).folded();
                if (!FUNCTION_WORDS.contains(w) && !TOPIC_TRIGGERS.contains(w) && !tokens.get(j).isPlaceholder()
                        && !tokens.get(j).isNumber()) {
                    if (first < 0) {
                        first = j;
                    }
                    last = j;
                }
            }
            if (first >= 0) {
                String value = text.substring(tokens.get(first).start(), tokens.get(last).end());
                return new Candidate(EntityType.TOPIC, List.of(value), first, last + 1, first, last + 1, 9);
            }
        }
        for (int i = 0; i < n; i++) {
            if (!claimed[i] && topicKeywords.contains(tokens.get(i).folded())) {
                return new Candidate(EntityType.TOPIC, List.of(tokens.get(i).original()), i, i + 1, i, i + 1, 9);
            }
        }
        return null;
    }

    private static boolean breaksClause(String text, int from, int to) {
        for (int k = from; k < to; k++) {
            char c = text.charAt(k);
            if (c == '?' || c == '!' || c == '.' || c == ',' || c == ';' || c == ':') {
                return true;
            }
        }
        return false;
    }

    // ---------------------------------------------------------------------------------------------- building

    private void indexDeputies(Collection<Deputy> deputies) {
        Map<String, List<String>> sittingByLast = new HashMap<>();
        Map<String, List<String>> formerByLast = new HashMap<>();
        for (Deputy d : deputies) {
            if (d.unresolved()) {
                continue;
            }
            String first = Text.foldToWords(d.firstName());
            String last = Text.foldToWords(d.lastName());
            List<String> lastForms = new ArrayList<>(List.of(last));
            String[] lastWords = last.split(" ");
            if (lastWords.length > 1 && NAME_PARTICLES.contains(lastWords[0])) {
                // "de Courson": citizens also say "Courson"
                lastForms.add(last.substring(lastWords[0].length() + 1));
            }
            for (String l : lastForms) {
                deputyNames.add(first + " " + l, d.uid());
                deputyNames.add(l + " " + first, d.uid());
                (d.current() ? sittingByLast : formerByLast).computeIfAbsent(l, k -> new ArrayList<>()).add(d.uid());
            }
            for (String w : (first + " " + last).split(" ")) {
                if (w.length() >= 5 && !NAME_PARTICLES.contains(w)) {
                    deputyNameWords.add(w);
                    for (String del : deletions(w, w.length() >= 9 ? 2 : 1)) {
                        deputyWordDeletions.computeIfAbsent(del, k -> new HashSet<>()).add(w);
                    }
                }
            }
        }
        formerByLast.forEach((last, uids) -> lastNames.put(last, List.copyOf(new LinkedHashSet<>(uids))));
        // a last name alone means the sitting deputy when there is one, whatever former deputies share it
        sittingByLast.forEach((last, uids) -> lastNames.put(last, List.copyOf(new LinkedHashSet<>(uids))));
        // a multi-word last name ("le pen", "dupont aignan") alone is matched as an n-gram, not a single word
        for (Map.Entry<String, List<String>> e : lastNames.entrySet()) {
            if (e.getKey().contains(" ")) {
                for (String uid : e.getValue()) {
                    deputyNames.add(e.getKey(), uid);
                }
            }
        }
    }

    private void indexGroups(Collection<PoliticalGroup> groups) {
        for (PoliticalGroup g : groups) {
            if (!g.abbreviation().equals(g.uid())) {
                groupNames.add(Text.foldToWords(g.abbreviation()), g.uid());
            }
            if (!g.name().equals(g.uid())) {
                groupNames.add(Text.foldToWords(g.name()), g.uid());
            }
        }
        for (Map.Entry<String, String> alias : GROUP_ALIASES.entrySet()) {
            for (PoliticalGroup g : groups) {
                String abbreviation = Text.foldToWords(g.abbreviation());
                for (String target : alias.getValue().split("\\|")) {
                    if (abbreviation.equals(target) || abbreviation.startsWith(target + " ")) {
                        groupNames.addIfAbsent(alias.getKey(), g.uid());
                    }
                }
            }
        }
    }

    private Set<String> ordinaryWords() {
        Set<String> words = new HashSet<>(FUNCTION_WORDS);
        InputStream in = GazetteerEntityExtractor.class.getResourceAsStream("/nlu/ordinary-words.txt");
        if (in == null) {
            throw new IllegalStateException("word list not found on the classpath: /nlu/ordinary-words.txt");
        }
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (!line.startsWith("#")) {
                    for (String w : Text.foldToWords(line).split(" ")) {
                        if (!w.isEmpty()) {
                            words.add(w);
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the ordinary word list", e);
        }
        for (IntentExample e : IntentCorpus.load().all()) {
            for (Token t : FoldingTokenizer.tokenize(e.text())) {
                if (!t.isPlaceholder() && !t.isNumber()) {
                    words.add(t.folded());
                }
            }
        }
        return Set.copyOf(words);
    }

    private static Set<String> topicKeywords() {
        Set<String> words = new HashSet<>();
        InputStream in = GazetteerEntityExtractor.class.getResourceAsStream("/parliament/topic-lexicon.tsv");
        if (in == null) {
            throw new IllegalStateException("topic lexicon not found on the classpath: /parliament/topic-lexicon.tsv");
        }
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                for (String alias : line.split("\t")[0].split("\\|")) {
                    String folded = Text.foldToWords(alias);
                    if (!folded.contains(" ")) {
                        words.add(folded);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the topic lexicon", e);
        }
        return Set.copyOf(words);
    }

    // ---------------------------------------------------------------------------------------------- helpers

    private boolean isScrutin(String digits) {
        try {
            return parliament.scrutin(Integer.parseInt(digits)).isPresent();
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** A number just beyond the newest loaded scrutin: one the data has not caught up with yet. */
    private boolean isComing(String digits) {
        int n = Integer.parseInt(digits);
        return newestScrutin > 0 && n > newestScrutin && n <= newestScrutin + COMING_SCRUTINS;
    }

    private String codeOf(String foldedCode) {
        return foldedCode.toUpperCase(Locale.ROOT);
    }

    private static int smallNumber(String w, int max) {
        if (w.isEmpty() || w.length() > 2 || !w.chars().allMatch(Character::isDigit)) {
            return -1;
        }
        int v = Integer.parseInt(w);
        return v >= 1 && v <= max ? v : -1;
    }

    private static final Map<String, Integer> ORDINAL_WORDS = Map.ofEntries(
            Map.entry("premiere", 1), Map.entry("premier", 1), Map.entry("first", 1), Map.entry("deuxieme", 2),
            Map.entry("seconde", 2), Map.entry("second", 2), Map.entry("troisieme", 3), Map.entry("third", 3),
            Map.entry("quatrieme", 4), Map.entry("fourth", 4), Map.entry("cinquieme", 5), Map.entry("fifth", 5),
            Map.entry("sixieme", 6), Map.entry("sixth", 6), Map.entry("septieme", 7), Map.entry("seventh", 7),
            Map.entry("huitieme", 8), Map.entry("eighth", 8), Map.entry("neuvieme", 9), Map.entry("ninth", 9),
            Map.entry("dixieme", 10), Map.entry("tenth", 10), Map.entry("onzieme", 11), Map.entry("eleventh", 11),
            Map.entry("douzieme", 12), Map.entry("twelfth", 12), Map.entry("treizieme", 13),
            Map.entry("quatorzieme", 14), Map.entry("quinzieme", 15), Map.entry("seizieme", 16));

    /** "4e", "4eme", "4ème", "1re", "1er", "4th", "quatrième", "4" → 4; anything else → -1. */
    // Compiled once: these run on every token that could be a number (String.matches compiles on each call).
    private static final Set<String> ORDINAL_SUFFIXES = Set.of("", "e", "eme", "er", "ere", "re", "th", "st", "nd",
            "rd", "em", "ieme");
    private static final Pattern ROMAN_SUFFIX = Pattern.compile("(eme|e|er)$");
    private static final Pattern ROMAN_DIGITS = Pattern.compile("[ivx]+");

    static int ordinal(String w) {
        Integer word = ORDINAL_WORDS.get(w);
        if (word != null) {
            return word;
        }
        int k = 0;
        while (k < w.length() && Character.isDigit(w.charAt(k))) {
            k++;
        }
        if (k == 0 || k > 2) {
            return -1;
        }
        String suffix = w.substring(k);
        if (!ORDINAL_SUFFIXES.contains(suffix)) {
            return -1;
        }
        int v = Integer.parseInt(w.substring(0, k));
        return v >= 1 ? v : -1;
    }

    /** "11e", "11", "11eme", "1er", "xie", "xi" → 11 when it fits the city; -1 otherwise. */
    private static int arrondissementNumber(String w, String city) {
        int v = ordinal(w);
        if (v < 0) {
            String roman = ROMAN_SUFFIX.matcher(w).replaceFirst("");
            v = roman(roman);
            if (v > 0 && city == null && roman.length() == w.length()) {
                v = -1; // a bare "xi" before "arrondissement" is fine, but only with its suffix elsewhere
            }
        }
        return v > 0 && v <= 20 ? v : -1;
    }

    private static int roman(String s) {
        if (!ROMAN_DIGITS.matcher(s).matches()) {
            return -1;
        }
        int total = 0;
        int prev = 0;
        for (int k = s.length() - 1; k >= 0; k--) {
            int v = switch (s.charAt(k)) {
                case 'i' -> 1;
                case 'v' -> 5;
                default -> 10;
            };
            total += v < prev ? -v : v;
            prev = Math.max(prev, v);
        }
        return total;
    }

    private static Set<String> deletions(String w, int max) {
        Set<String> out = new HashSet<>();
        out.add(w);
        Set<String> frontier = Set.of(w);
        for (int d = 0; d < max; d++) {
            Set<String> next = new HashSet<>();
            for (String s : frontier) {
                for (int k = 0; k < s.length(); k++) {
                    next.add(s.substring(0, k) + s.substring(k + 1));
                }
            }
            out.addAll(next);
            frontier = next;
        }
        return out;
    }

    /** Like {@link Set#of} but tolerant of repeats, for hand-kept word lists. */
    private static Set<String> setOf(String... words) {
        return Set.copyOf(List.of(words));
    }

    private static boolean free(boolean[] claimed, int from, int to) {
        for (int k = from; k < to; k++) {
            if (claimed[k]) {
                return false;
            }
        }
        return true;
    }

    /** A mention under consideration: value(s), mention tokens [from, to), claimed tokens [claimFrom, claimTo). */
    private record Candidate(EntityType type, List<String> values, int from, int to, int claimFrom, int claimTo,
                             int priority) {
    }

    private record Match(List<String> values, int to) {
    }

    /** Folded names (words joined by one space) → values, with every word-prefix of every name to stop early. */
    private static final class NameIndex {
        private final Map<String, List<String>> names = new HashMap<>();
        private final Set<String> prefixes = new HashSet<>();
        private final Set<String> words = new HashSet<>();

        void add(String key, String value) {
            if (key.isBlank()) {
                return;
            }
            List<String> values = names.computeIfAbsent(key, k -> new ArrayList<>(1));
            if (!values.contains(value)) {
                values.add(value);
            }
            int space = key.indexOf(' ');
            while (space > 0) {
                prefixes.add(key.substring(0, space));
                space = key.indexOf(' ', space + 1);
            }
            if (key.indexOf(' ') < 0) {
                words.add(key);
            }
        }

        void addIfAbsent(String key, String value) {
            if (!names.containsKey(key)) {
                add(key, value);
            }
        }

        boolean containsWord(String w) {
            return words.contains(w);
        }

        /** The longest name starting at token {@code from}, or null. */
        Match longest(int from, int n, java.util.function.IntFunction<String> word) {
            StringBuilder key = new StringBuilder();
            Match best = null;
            for (int k = from; k < n; k++) {
                if (k > from) {
                    key.append(' ');
                }
                key.append(word.apply(k));
                String s = key.toString();
                List<String> values = names.get(s);
                if (values != null) {
                    best = new Match(List.copyOf(new LinkedHashSet<>(values)), k + 1);
                }
                if (!prefixes.contains(s)) {
                    break;
                }
            }
            return best;
        }
    }
}
