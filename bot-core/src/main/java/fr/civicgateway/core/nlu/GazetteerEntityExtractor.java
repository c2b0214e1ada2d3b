package fr.civicgateway.core.nlu;

import fr.civicgateway.core.geo.Arrondissements;
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
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Finds deputies, scrutins, postcodes, communes, départements, constituencies, political groups, vote topics and days
 * ({@link DateExtractor}, unresolved: see {@link DateExpression}) in a message, from gazetteers built once from {@link ParliamentData} and {@link GeoDirectory}.
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
    /** The cities with municipal arrondissements, by folded name: from the data file {@link Arrondissements} reads. */
    private static final Map<String, Arrondissements.City> ARRONDISSEMENT_CITIES = arrondissementCities();
    private static final Set<String> ARRONDISSEMENT_WORDS = Set.of("arrondissement", "arr", "arrdt", "arrt",
            "district");
    /**
     * Group aliases (folded) and the abbreviations (folded, as a prefix, "|"-separated) of the group they name, from
     * the data file {@code /nlu/group-aliases.tsv} (its comment gives its origin). The data's own abbreviations and
     * names are indexed too; these add what citizens say.
     */
    private static final Map<String, String> GROUP_ALIASES = new LinkedHashMap<>();
    /** Aliases that are ordinary words or letters in lower case: taken only as written in capitals. */
    private static final Set<String> GROUP_ALIASES_NEEDING_CAPITALS = new HashSet<>();

    static {
        readGroupAliases("/nlu/group-aliases.tsv");
    }
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
    private static final java.util.regex.Pattern DOSSIER_UID = java.util.regex.Pattern.compile("dlr5l\\d{2}n\\d{1,7}");

    private static final Set<String> NAMES_A_SCRUTIN = Set.of("scrutin", "scrutins", "ballot");

    private final ParliamentData parliament;
    private final GeoDirectory geo;
    private final Set<String> ordinaryWords;
    private final int newestScrutin;

    private final NameIndex deputyNames = new NameIndex();
    /** Last names alone: sitting deputies' uids, or former ones' when no sitting deputy has the name. */
    private final Map<String, List<String>> lastNames = new HashMap<>();
    /** Every word of every deputy's given and family names (particles aside), for spotting a name's extent. */
    private final Set<String> deputyNameWords = new HashSet<>();
    /** Deputies' given names: one alone never selects a deputy, even one typing error away from a family name. */
    private final Set<String> givenNames = new HashSet<>();
    /** "given family" and "family given" of every deputy, for misspelt full names. */
    private final OneTypoIndex misspeltFullNames = new OneTypoIndex();
    /** Family names alone (sitting deputies' first, as {@link #lastNames}), for a misspelt family name. */
    private final OneTypoIndex misspeltLastNames = new OneTypoIndex();
    /** Each word of the given names, then of the family names, to the deputies bearing it: "Sandrinne Rouseau". */
    private final OneTypoIndex givenNameWords = new OneTypoIndex();
    private final OneTypoIndex familyNameWords = new OneTypoIndex();
    /** Folded given name to its deputies' folded family names and ids: "Mathilde Panotte" suggests Mathilde Panot. */
    private final Map<String, List<Map.Entry<String, String>>> familyNamesByGivenName = new HashMap<>();

    private final NameIndex communeNames = new NameIndex();
    /** Communes' usual short names ("Brive" for Brive-la-Gaillarde), read where no full name matches. */
    private final NameIndex communeShortNames = new NameIndex();
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
            String name = Text.foldToWords(d.name());
            departementNames.add(name, d.code());
            // "la 1re circonscription de la Réunion": the article of "La Réunion" may be taken as a link word
            for (String article : List.of("la ", "le ", "les ", "l ")) {
                if (name.startsWith(article)) {
                    departementNames.addIfAbsent(name.substring(article.length()), d.code());
                }
            }
            departementCodes.add(d.code().toLowerCase(Locale.ROOT));
        }
        indexShortNames(geo.communes());
    }

    /**
     * A first word shared by more communes than this ("Saint", "Pont", "Villers", "Bourg") is a word of place names,
     * not one town's short name. Up to it, the communes are offered to choose from, as homonyms are.
     */
    static final int MAX_SHORT_NAME_COMMUNES = 8;

    /**
     * "Brive" for Brive-la-Gaillarde, "Charleville" for Charleville-Mézières: the first word of a compound commune
     * name, from the loaded tables rather than a hand list, when it is read as nothing else — at least four letters,
     * no commune's or département's own name, no ordinary word of the corpus, no deputy's name word, and the head of
     * {@value #MAX_SHORT_NAME_COMMUNES} communes at most (several: asked back with their names). The communes with
     * more postcodes first, as for a misspelt name.
     */
    private void indexShortNames(Collection<Commune> communes) {
        Map<String, List<Commune>> byHead = new HashMap<>();
        for (Commune c : communes) {
            String key = Text.foldToWords(c.name());
            int space = key.indexOf(' ');
            if (space > 0) {
                byHead.computeIfAbsent(key.substring(0, space), h -> new ArrayList<>()).add(c);
            }
        }
        byHead.forEach((head, named) -> {
            if (head.length() >= 4 && named.size() <= MAX_SHORT_NAME_COMMUNES && !communeNames.contains(head)
                    && !departementNames.contains(head) && !ordinaryWords.contains(head)
                    && !deputyNameWords.contains(head) && !givenNames.contains(head) && !lastNames.containsKey(head)
                    && head.chars().allMatch(Character::isLetter)) {
                named.stream().sorted(Comparator.comparingInt((Commune c) -> c.postcodes().size()).reversed()
                                .thenComparing(Commune::inseeCode))
                        .forEach(c -> communeShortNames.add(head, c.inseeCode()));
            }
        });
    }

    /** The entity mentions of the text, in text order, non-overlapping. */
    public List<EntityMention> extract(String text) {
        return extract(text, FoldingTokenizer.tokenize(text));
    }

    List<EntityMention> extract(String text, List<Token> tokens) {
        List<Candidate> candidates = new ArrayList<>();
        structural(text, tokens, candidates);
        // Days claim their words first: "15 avril 2026", "15-04-2026" (not the constituency 15-4)
        for (DateExtractor.Found d : DateExtractor.find(text, tokens)) {
            candidates.add(new Candidate(EntityType.DATE, List.of(d.expression().value()), d.from(), d.to(),
                    d.from(), d.to(), 0));
        }
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
                    alternatives, c.certainty));
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
                if (num.isNumber() && !(bareN && afterABillText(tokens, i)) && num.folded().length() <= 5
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
            // DLR5L17N51670: a dossier législatif's uid (what the bill answers' quick replies send)
            if (DOSSIER_UID.matcher(w).matches()) {
                out.add(new Candidate(EntityType.DOSSIER, List.of(w.toUpperCase(Locale.ROOT)), i, i + 1, i, i + 1, 0));
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
            if (ARRONDISSEMENT_CITIES.containsKey(w) && i + 1 < n) {
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
                if (number > 0 && j < n && ARRONDISSEMENT_CITIES.containsKey(tokens.get(j).folded())) {
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
        int links = j;
        while (j < n && LINK_WORDS.contains(tokens.get(j).folded())) {
            j++;
        }
        if (j < n && DEPARTEMENT_WORDS.contains(tokens.get(j).folded())) {
            j++;
            links = j;
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
            // the name may begin with what looked like a link word: "de La Réunion", "des Hauts-de-Seine"
            for (int x = links; x <= j && code == null; x++) {
                Match m = departementNames.longest(x, n, y -> tokens.get(y).folded());
                if (m != null && m.to > j) {
                    code = m.values.getFirst();
                    to = m.to;
                }
            }
        }
        if (code != null) {
            out.add(new Candidate(EntityType.CIRCONSCRIPTION, List.of(code + "-" + number), from, to, from, to, 0));
        }
    }

    private void addArrondissement(String city, int number, int from, int to, List<Candidate> out) {
        ARRONDISSEMENT_CITIES.get(city).inseeCodeOf(number).filter(code -> geo.commune(code).isPresent())
                .ifPresent(code -> out.add(new Candidate(EntityType.COMMUNE, List.of(code), from, to, from, to, 0)));
    }

    // ---------------------------------------------------------------------------------------------- gazetteers

    private void gazetteers(String text, List<Token> tokens, List<Candidate> out) {
        int n = tokens.size();
        String[] deputyWords = new String[n];
        for (int i = 0; i < n; i++) {
            deputyWords[i] = tokens.get(i).folded();
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
                if (uids != null && properEnough(tokens, i, i + 1)) {
                    out.add(new Candidate(EntityType.DEPUTY, uids, i, i + 1, i, i + 1, 2));
                }
            }
            Match commune = communeNames.longest(i, n, k -> tokens.get(k).folded());
            if (commune == null && shortNameStands(tokens, i)) {
                commune = communeShortNames.longest(i, n, k -> tokens.get(k).folded());
            }
            if (commune != null && properEnough(tokens, i, commune.to) && placeLike(tokens, i, commune.to)
                    && wholeWord(text, tokens, i, commune.to) && !streetName(tokens, i)) {
                // on the same words, a commune beats a département unless an article says "the département", or
                // the commune lies elsewhere: "La Réunion" is the département 974 before the village of Lot-et-Garonne
                int priority = i > 0 && DEPARTEMENT_ARTICLES.contains(tokens.get(i - 1).folded())
                        || namesAnotherDepartement(commune) ? 3 : 2;
                out.add(new Candidate(EntityType.COMMUNE, commune.values, i, commune.to, i, commune.to, priority));
            }
            Match departement = departementNames.longest(i, n, k -> tokens.get(k).folded());
            if (departement != null && properEnough(tokens, i, departement.to)
                    && wholeWord(text, tokens, i, departement.to) && !streetName(tokens, i)) {
                out.add(new Candidate(EntityType.DEPARTEMENT, departement.values, i, departement.to, i,
                        departement.to, departement.to - i == 1
                        && (i == 0 || !DEPARTEMENT_ARTICLES.contains(tokens.get(i - 1).folded())) ? 3 : 2));
            }
            Match group = groupNames.longest(i, n, k -> tokens.get(k).folded());
            if (group != null && groupWrittenAsName(tokens, i, group.to)) {
                out.add(new Candidate(EntityType.GROUP, group.values, i, group.to, i, group.to, 2));
            }
        }
        misspeltDeputies(text, tokens, out);
        misspeltCommunes(text, tokens, out);
    }

    // ---------------------------------------------------------------------------------------------- misspellings

    /** The longest run of words read as one person's name ("Agnès Firmin Le Bodo", "Jean-Pierre Vigier"). */
    private static final int MAX_NAME_WORDS = 6;
    /** Words of one message compared with the commune names for a misspelling, at most. */
    private static final int MAX_MISSPELT_PLACE_TRIES = 6;

    /** Words that may stand inside a name ("Marine Le Pen", "Charles de Courson") but never start or end one. */
    private static final Set<String> NAME_LINKS = Set.of("de", "du", "des", "d", "le", "la", "les", "l", "van",
            "von", "el", "ben");
    /** Capitalised words that open questions or address people: never part of a name. */
    private static final Set<String> NOT_NAME_WORDS = Set.of("monsieur", "madame", "mademoiselle", "mme", "mlle",
            "m", "mr", "mrs", "ms", "miss", "dr", "depute", "deputee", "deputes", "mp", "president", "presidente",
            "ministre", "senateur", "senatrice", "maire");

    /**
     * Names written with one typing error. A run of name-like words ("Thierry Tesosn", "David Hbib", "Jean Dupont")
     * that the exact names do not wholly explain is compared with every deputy's full name, and a single word with
     * every family name: one deputy one typing error away is {@link EntityMention.Certainty#CORRECTED}, several are
     * {@link EntityMention.Certainty#GUESSED} and asked back. A run that matches no deputy while one of its words is
     * a deputy's family name ("Jean Dupont") is asked back too, never answered as that deputy; a given name alone
     * never selects one.
     */
    private void misspeltDeputies(String text, List<Token> tokens, List<Candidate> out) {
        int n = tokens.size();
        int i = 0;
        while (i < n) {
            // a run starts at a name-like word, or at a capitalised particle before one: "Le Gall", "El Gac"
            boolean particleFirst = NAME_LINKS.contains(tokens.get(i).folded()) && tokens.get(i).capitalised()
                    && i + 1 < n && joined(text, tokens, i + 1) && nameLike(tokens, i + 1);
            if (!particleFirst && !nameLike(tokens, i)) {
                i++;
                continue;
            }
            int j = i + 1;
            while (j < n && joined(text, tokens, j) && (nameLike(tokens, j)
                    || ((NAME_LINKS.contains(tokens.get(j).folded()) || initial(tokens.get(j)))
                    && j + 1 < n && joined(text, tokens, j + 1) && nameLike(tokens, j + 1)))) {
                j++;
            }
            // a person's name is a few words: a longer run of capitalised words (a pasted title) is no name, and
            // comparing all its sub-runs would make one long message cost seconds
            if (j - i <= MAX_NAME_WORDS) {
                misspeltDeputy(tokens, i, j, out);
            }
            i = j;
        }
    }

    private void misspeltDeputy(List<Token> tokens, int from, int to, List<Candidate> out) {
        List<Candidate> exact = new ArrayList<>();
        for (Candidate c : out) {
            if (c.type == EntityType.DEPUTY && c.from >= from && c.to <= to) {
                exact.add(c);
            }
        }
        // explained when one exact name spans the whole run: one person's name is one mention, so "Davi Taupiac"
        // is not Hendrik Davi beside David Taupiac, and "Thierry Tesosn" not Nicolas Thierry. A full name written
        // exactly (two words or more) also explains the words around it that are in lower case or open the message:
        // "Qu'a fait Mathilde Panot", "le salaire de Gabriel Attal", "Selon Gabriel Attal"
        boolean explained = false;
        for (Candidate c : exact) {
            boolean whole = true;
            boolean fullName = c.to - c.from >= 2;
            for (int k = from; k < to; k++) {
                Token t = tokens.get(k);
                whole &= (k >= c.from && k < c.to) || NAME_LINKS.contains(t.folded()) || initial(t)
                        || (fullName && (!t.capitalised() || k == 0));
            }
            explained |= whole;
        }
        if (explained) {
            return;
        }
        Candidate closest = closestDeputy(tokens, from, to);
        if (closest == null && exact.isEmpty()) {
            closest = givenNameAndFamilyNameTwoEditsAway(tokens, from, to);
        }
        if (closest != null) {
            out.add(closest);
        } else if (!exact.isEmpty()) {
            // "Jean Dupont": a deputy's family name beside a given name that is not theirs is somebody else
            Set<String> values = new LinkedHashSet<>();
            exact.forEach(c -> values.addAll(c.values));
            out.add(new Candidate(EntityType.DEPUTY, List.copyOf(values), from, to, from, to, 1,
                    EntityMention.Certainty.GUESSED));
        }
    }

    /** The deputies one typing error away from tokens [from, to), or from its longest sub-run that has any. */
    private Candidate closestDeputy(List<Token> tokens, int from, int to) {
        for (int length = to - from; length >= Math.min(2, to - from); length--) {
            for (int a = from; a + length <= to; a++) {
                int b = a + length;
                boolean linkFirst = NAME_LINKS.contains(tokens.get(a).folded()) && !tokens.get(a).capitalised();
                if (linkFirst || NAME_LINKS.contains(tokens.get(b - 1).folded())) {
                    continue;
                }
                // an exact name the exact pass left out (a lower-case ordinary word) was left out on purpose
                List<OneTypoIndex.Hit> hits = deputiesNear(tokens, a, b).stream().filter(h -> h.distance() > 0).toList();
                if (!hits.isEmpty()) {
                    int best = hits.getFirst().distance();
                    Set<String> uids = new LinkedHashSet<>();
                    for (OneTypoIndex.Hit h : hits) {
                        if (h.distance() == best) {
                            uids.addAll(h.values());
                        }
                    }
                    return new Candidate(EntityType.DEPUTY, List.copyOf(uids), a, b, a, b, 1, uids.size() == 1
                            ? EntityMention.Certainty.CORRECTED : EntityMention.Certainty.GUESSED);
                }
            }
        }
        return null;
    }

    /** The shortest family name two edits may reach: "Panot" (5) from "Panotte", but no short name from another. */
    private static final int TWO_EDITS_MIN_LENGTH = 5;

    /**
     * "Mathilde Panotte": a deputy's exact given name then a family name two edits from theirs (one is
     * {@link #closestDeputy}'s) is only suggested, never answered ({@link EntityMention.Certainty#GUESSED}).
     */
    private Candidate givenNameAndFamilyNameTwoEditsAway(List<Token> tokens, int from, int to) {
        for (int split = from + 1; split < to; split++) {
            List<Map.Entry<String, String>> sameGiven = familyNamesByGivenName.get(folded(tokens, from, split));
            if (sameGiven == null) {
                continue;
            }
            String family = folded(tokens, split, to);
            List<String> uids = sameGiven.stream()
                    .filter(e -> e.getKey().length() >= TWO_EDITS_MIN_LENGTH && family.length() >= TWO_EDITS_MIN_LENGTH
                            && editDistance(family, e.getKey()) <= 2)
                    .map(Map.Entry::getValue).distinct().toList();
            if (!uids.isEmpty()) {
                return new Candidate(EntityType.DEPUTY, uids, from, to, from, to, 1, EntityMention.Certainty.GUESSED);
            }
        }
        return null;
    }

    private static String folded(List<Token> tokens, int from, int to) {
        StringBuilder q = new StringBuilder();
        for (int k = from; k < to; k++) {
            q.append(k > from ? " " : "").append(tokens.get(k).folded());
        }
        return q.toString();
    }

    /** Levenshtein distance (insertions, deletions, substitutions), for short names only. */
    static int editDistance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }

    private List<OneTypoIndex.Hit> deputiesNear(List<Token> tokens, int from, int to) {
        if (to - from == 1) {
            Token t = tokens.get(from);
            String w = t.folded();
            // a short word, a given name, a place or a lower-case word is too easily one letter from a family name
            if (w.length() < 4 || givenNames.contains(w) || communeNames.contains(w) || departementNames.contains(w)
                    || !(t.capitalised() || w.length() >= 7)) {
                return List.of();
            }
            return misspeltLastNames.lookup(w);
        }
        StringBuilder q = new StringBuilder();
        for (int k = from; k < to; k++) {
            q.append(k > from ? " " : "").append(tokens.get(k).folded());
        }
        List<OneTypoIndex.Hit> hits = new ArrayList<>(misspeltFullNames.lookup(q.toString()));
        hits.addAll(misspeltLastNames.lookup(q.toString()));
        if (hits.isEmpty()) {
            hits.addAll(deputiesNearWordByWord(tokens, from, to));
        }
        hits.sort(Comparator.comparingInt(OneTypoIndex.Hit::distance));
        return hits;
    }

    /**
     * A typing error in each word ("Sandrinne Rouseau"): the deputies whose name has, for every word of the run, a
     * word at most one error away — one of them from the family name, so that given names alone select no one.
     * Their distance is counted as the run's worst word, at most 1, so they rank beside whole-name matches.
     */
    private List<OneTypoIndex.Hit> deputiesNearWordByWord(List<Token> tokens, int from, int to) {
        Set<String> common = null;
        Set<String> byFamilyName = new HashSet<>();
        for (int k = from; k < to; k++) {
            String w = tokens.get(k).folded();
            if (NAME_LINKS.contains(w)) {
                continue;
            }
            Set<String> near = new HashSet<>();
            givenNameWords.lookup(w).forEach(h -> near.addAll(h.values()));
            for (OneTypoIndex.Hit h : familyNameWords.lookup(w)) {
                near.addAll(h.values());
                byFamilyName.addAll(h.values());
            }
            if (common == null) {
                common = near;
            } else {
                common.retainAll(near);
            }
            if (common.isEmpty()) {
                return List.of();
            }
        }
        if (common == null) {
            return List.of();
        }
        common.retainAll(byFamilyName);
        return common.stream().map(uid -> new OneTypoIndex.Hit(uid, 1, List.of(uid))).toList();
    }

    /**
     * A word that may be part of a person's name: a deputy's given or family name in any case, or a capitalised
     * word that is neither an ordinary word nor a title; a lower-case unknown word counts beside a deputy's name
     * word ("david hbib").
     */
    private boolean nameLike(List<Token> tokens, int k) {
        Token t = tokens.get(k);
        String w = t.folded();
        if (t.isNumber() || t.isPlaceholder() || w.length() < 2 || NOT_NAME_WORDS.contains(w)
                || NAME_LINKS.contains(w) || groupNames.containsWord(w)) {
            return false;
        }
        if (deputyNameWords.contains(w)) {
            return true;
        }
        if (ordinaryWords.contains(w)) {
            // "Sylvie Bonne", "Nicolas Sans": an ordinary word written as a name right after a deputy's name word
            return t.capitalised() && k > 0 && deputyNameWords.contains(tokens.get(k - 1).folded());
        }
        if (t.capitalised() || w.length() >= 7) {
            return true;
        }
        // an unknown lower-case word beside a deputy's name word: "david hbib", "Thierry tesosn"
        return w.length() >= 3 && ((k > 0 && deputyNameWords.contains(tokens.get(k - 1).folded()))
                || (k + 1 < tokens.size() && deputyNameWords.contains(tokens.get(k + 1).folded())));
    }

    /** A single capital letter inside a name: an initial, or what is left of a mistyped particle ("Firmin E Bodo"). */
    private static boolean initial(Token t) {
        return t.original().length() == 1 && t.capitalised();
    }

    /** True when nothing but spaces, hyphens and apostrophes separate token {@code k} from the one before. */
    private static boolean joined(String text, List<Token> tokens, int k) {
        for (int c = tokens.get(k - 1).end(); c < tokens.get(k).start(); c++) {
            char ch = text.charAt(c);
            if (ch != ' ' && ch != '-' && ch != '\'' && ch != '’' && ch != '\u00a0') {
                return false;
            }
        }
        return true;
    }

    /**
     * Communes written with one typing error ("Anecy", "Marseile"): a word after a place word ("député d'Anecy",
     * "j'habite à Marseile") or capitalised, that no exact name claims, compared with every commune name. One name
     * one error away is {@link EntityMention.Certainty#CORRECTED} (its homonyms stay alternatives, asked back as
     * usual); several are {@link EntityMention.Certainty#GUESSED}.
     */
    private void misspeltCommunes(String text, List<Token> tokens, List<Candidate> out) {
        int n = tokens.size();
        int tried = 0;
        boolean[] taken = new boolean[n];
        for (Candidate c : out) {
            for (int k = c.claimFrom; k < c.claimTo; k++) {
                taken[k] = true;
            }
        }
        for (int i = 0; i < n; i++) {
            Token t = tokens.get(i);
            if (taken[i] || t.isNumber() || t.isPlaceholder() || t.folded().length() < 4
                    || ordinaryWords.contains(t.folded()) || deputyNameWords.contains(t.folded())) {
                continue;
            }
            // a capitalised word anywhere but first; a lower-case one only where nothing but a place can stand
            // ("j'habite à anecy", "député d'anecy", "anecy" alone): "au milieu" is no misspelt Bilieu
            if ((!(t.capitalised() && i > 0) && !surelyAPlace(tokens, i)) || streetName(tokens, i)) {
                continue;
            }
            // each try probes a few thousand spellings: a message is not a list of places, so a few tries suffice
            if (++tried > MAX_MISSPELT_PLACE_TRIES) {
                return;
            }
            for (int to = Math.min(n, i + 4); to > i; to--) {
                if (!free(taken, i, to) || !joinedRun(text, tokens, i, to)) {
                    continue;
                }
                StringBuilder q = new StringBuilder();
                for (int k = i; k < to; k++) {
                    q.append(k > i ? " " : "").append(tokens.get(k).folded());
                }
                // an exact name left out by the exact pass ("Jean-Annecy") was left out on purpose
                if (communeNames.contains(q.toString()) || !wholeWord(text, tokens, i, to)) {
                    continue;
                }
                List<OneTypoIndex.Hit> hits = OneTypoIndex.lookupByVariants(q.toString(), communeNames::get);
                if (hits.isEmpty()) {
                    continue;
                }
                Set<String> codes = new LinkedHashSet<>();
                hits.forEach(h -> codes.addAll(h.values()));
                // the town more people mean first: more postcodes is the loaded tables' sign of a larger commune
                List<String> ranked = codes.stream().sorted(Comparator.comparingInt((String code) ->
                        geo.commune(code).map(c -> c.postcodes().size()).orElse(0)).reversed()).toList();
                out.add(new Candidate(EntityType.COMMUNE, ranked, i, to, i, to, 2, hits.size() == 1
                        ? EntityMention.Certainty.CORRECTED : EntityMention.Certainty.GUESSED));
                for (int k = i; k < to; k++) {
                    taken[k] = true;
                }
                break;
            }
        }
    }

    /** Words that open a street's name: what follows is the street ("rue Carnot"), not a commune. */
    private static final Set<String> STREET_WORDS = Set.of("rue", "avenue", "av", "bd", "boulevard", "place", "pl",
            "chemin", "allee", "impasse", "quai", "route", "rte", "cours", "square", "passage", "voie", "faubourg",
            "esplanade", "parvis", "promenade", "sentier", "street", "st", "road", "rd", "lane");

    /** Token {@code i} begins a street's name: "rue Carnot", "avenue de Genève", "place du Général-de-Gaulle". */
    private static boolean streetName(List<Token> tokens, int i) {
        int k = i - 1;
        while (k >= 0 && k >= i - 2 && Set.of("de", "du", "des", "la", "le", "l", "d").contains(tokens.get(k).folded())) {
            k--;
        }
        return k >= 0 && STREET_WORDS.contains(tokens.get(k).folded());
    }

    /** Token {@code i} can only be a place: the message's only word, or after "habite (à)" or "député de". */
    private static boolean surelyAPlace(List<Token> tokens, int i) {
        if (tokens.size() == 1) {
            return true;
        }
        for (int back = 1; back <= 2 && i - back >= 0; back++) {
            String w = tokens.get(i - back).folded();
            if (PLACE_PREPOSITIONS.contains(w) || w.equals("depute") || w.equals("deputee") || w.equals("mp")) {
                return true;
            }
            if (!Set.of("a", "de", "d", "du", "en", "in", "at", "of", "for").contains(w)) {
                return false;
            }
        }
        return false;
    }

    private static boolean joinedRun(String text, List<Token> tokens, int from, int to) {
        for (int k = from + 1; k < to; k++) {
            if (!joined(text, tokens, k) || tokens.get(k).isNumber()) {
                return false;
            }
        }
        return true;
    }

    private boolean namesAnotherDepartement(Match commune) {
        List<String> departements = null;
        StringBuilder key = new StringBuilder();
        for (String code : commune.values) {
            Optional<Commune> c = geo.commune(code);
            if (c.isEmpty()) {
                return false;
            }
            if (departements == null) {
                departements = departementNames.get(Text.foldToWords(c.get().name()));
                if (departements == null) {
                    return false;
                }
            }
            if (departements.contains(c.get().departementCode())) {
                return false;
            }
        }
        return departements != null;
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

    /** Words that, before "de" / "d'", say a place follows: "député de brive". */
    private static final Set<String> OF_A_PLACE = Set.of("depute", "deputee", "circonscription", "circo", "ville",
            "commune", "mp");

    /** The words around a place given alone as a follow-up: "et à Brive ?", "what about Brive?". */
    private static final Set<String> AROUND_A_BARE_PLACE = Set.of("et", "a", "and", "what", "about", "in", "at",
            "puis", "alors", "ou", "or");

    /**
     * Where a commune's short name may be read: capitalised away from the start of the message ("député de Brive",
     * "J'habite Brive"), alone or as a bare follow-up ("brive", "Brive", "et à Brive ?"), or in lower case only where
     * a place surely stands ("j'habite brive", "député de brive"). "Sept députés", "le chef du groupe" are no towns.
     */
    private static boolean shortNameStands(List<Token> tokens, int i) {
        if (tokens.get(i).capitalised() && i > 0) {
            return true;
        }
        boolean alone = true;
        for (int k = 0; k < tokens.size() && alone; k++) {
            alone = k == i || AROUND_A_BARE_PLACE.contains(tokens.get(k).folded());
        }
        if (alone) {
            return true;
        }
        String before = i > 0 ? tokens.get(i - 1).folded() : "";
        return Set.of("habite", "habitons", "habitez", "vis").contains(before)
                || i > 1 && NAME_PARTICLES.contains(before) && OF_A_PLACE.contains(tokens.get(i - 2).folded());
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
            misspeltFullNames.add(first + " " + last, d.uid());
            misspeltFullNames.add(last + " " + first, d.uid());
            familyNamesByGivenName.computeIfAbsent(first, k -> new ArrayList<>()).add(Map.entry(last, d.uid()));
            for (String w : (first + " " + last).split(" ")) {
                if (w.length() >= 2 && !NAME_LINKS.contains(w)) {
                    deputyNameWords.add(w);
                }
            }
            for (String w : first.split(" ")) {
                givenNames.add(w);
                givenNameWords.add(w, d.uid());
            }
            for (String w : last.split(" ")) {
                if (!NAME_LINKS.contains(w)) {
                    familyNameWords.add(w, d.uid());
                }
            }
        }
        formerByLast.forEach((last, uids) -> lastNames.put(last, List.copyOf(new LinkedHashSet<>(uids))));
        // a last name alone means the sitting deputy when there is one, whatever former deputies share it
        sittingByLast.forEach((last, uids) -> lastNames.put(last, List.copyOf(new LinkedHashSet<>(uids))));
        lastNames.forEach((last, uids) -> uids.forEach(uid -> misspeltLastNames.add(last, uid)));
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

    private static Map<String, Arrondissements.City> arrondissementCities() {
        Map<String, Arrondissements.City> cities = new HashMap<>();
        Arrondissements.cities().forEach(c -> cities.put(Text.foldToWords(c.name()), c));
        return Map.copyOf(cities);
    }

    private static void readGroupAliases(String resource) {
        InputStream in = GazetteerEntityExtractor.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("data file not found on the classpath: " + resource);
        }
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t");
                if (f.length < 2 || f.length > 3 || (f.length == 3 && !f[2].equals("capitals"))) {
                    throw new IllegalStateException(resource + ": alias, abbreviations[, capitals] expected: " + line);
                }
                GROUP_ALIASES.put(f[0], f[1]);
                if (f.length == 3) {
                    GROUP_ALIASES_NEEDING_CAPITALS.add(f[0]);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
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

    /** Words that make a following "n° 482" a bill text's number, not a scrutin's. */
    private static final Set<String> BILL_TEXT_WORDS = Set.of("texte", "textes", "text", "texts", "proposition",
            "propositions", "projet", "projets", "bill", "bills", "ppl", "pjl", "loi", "law", "resolution");

    /** "le texte n° 482", "la proposition de loi organique n° 12": a bill text word just before the "n°" at i. */
    private static boolean afterABillText(List<Token> tokens, int i) {
        for (int k = i - 1; k >= Math.max(0, i - 4); k--) {
            String w = tokens.get(k).folded();
            if (BILL_TEXT_WORDS.contains(w)) {
                return true;
            }
            if (!Set.of("de", "d", "organique", "adopte", "adoptee", "of").contains(w)) {
                return false;
            }
        }
        return false;
    }

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
                             int priority, EntityMention.Certainty certainty) {

        Candidate(EntityType type, List<String> values, int from, int to, int claimFrom, int claimTo, int priority) {
            this(type, values, from, to, claimFrom, claimTo, priority, EntityMention.Certainty.EXACT);
        }
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

        boolean contains(String key) {
            return names.containsKey(key);
        }

        List<String> get(String key) {
            return names.get(key);
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
