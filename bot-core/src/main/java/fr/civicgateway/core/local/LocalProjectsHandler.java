package fr.civicgateway.core.local;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import fr.civicgateway.core.answer.Formats;
import fr.civicgateway.core.conversation.GeoPoint;
import fr.civicgateway.core.conversation.QuickReply;
import fr.civicgateway.core.dialogue.Answer;
import fr.civicgateway.core.dialogue.ConversationState;
import fr.civicgateway.core.dialogue.IntentHandler;
import fr.civicgateway.core.dialogue.Turn;
import fr.civicgateway.core.nlu.EntityMention;
import fr.civicgateway.core.nlu.EntityType;
import fr.civicgateway.core.nlu.Intent;
import fr.civicgateway.core.nlu.Language;
import fr.civicgateway.core.text.Text;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Answers {@code local_projects} ("quels projets du budget participatif dans le 11e ?", "chantiers dans le 75015",
 * "des travaux rue de Rivoli ?", a shared position) from every registered {@link LocalDataSource}: filters by place,
 * street and kind, ranks by distance when a position is known (else newest first, worksites under way first), shows
 * the first few and offers "Voir plus". It names each source and the date of its data; a source that holds no data
 * yet is said to be unavailable, never searched and found empty; a filter a source cannot answer (a street where the
 * data has no address, a position where it has no coordinates) is said so, never guessed.
 *
 * <p>It keeps nothing between messages: the page travels in the quick reply's text ("… (2)"), so the next page is the
 * same query run again. A shared position travels the same way, rounded to three decimals (about 100 m), for the
 * least personal data stored: the conversation state (kept in the database for hours) never holds it, the text is
 * short enough to ride inline in a Telegram button (not in the connector's map of long payloads), the dialogue does
 * not let the NLU's cache of recent texts keep it (the handler {@linkplain #claims claims} it), and the rounded form is
 * what page 1 ranks by too, so that page 2 continues page 1 exactly.
 */
public final class LocalProjectsHandler implements IntentHandler {

    static final int PAGE_SIZE = 3;
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final Pattern PAGE = Pattern.compile("\\s*\\((\\d{1,3})\\)\\s*$");
    /** A position written in the text, as the "Voir plus" of a position query writes it: "près de 48.857,2.352". */
    private static final Pattern POINT = Pattern.compile(
            "(?:\\b(?:près de|pres de|near|autour de)\\s+)?(-?\\d{1,2}\\.\\d{1,15})\\s*,\\s*(-?\\d{1,3}\\.\\d{1,15})",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern NEAR_POINT = Pattern.compile(
            "\\b(?:près de|pres de|near|autour de)\\s+-?\\d{1,2}\\.\\d{1,15}\\s*,\\s*-?\\d{1,3}\\.\\d{1,15}",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    /** The form of {@link #nextPage}: a kind first, a page last. */
    private static final Pattern NEXT_PAGE = Pattern.compile(
            "(?:projets et chantiers|projects and worksites|projets|chantiers|projects|worksites)(?: .+)? \\(\\d{1,3}\\)");
    private static final Pattern NEAR_ME = Pattern.compile("\\b(?:(?:pres|autour|pas loin) de (?:moi|chez moi)"
            + "|a proximite|dans les environs|near me|nearby|around me|close to me|near my (?:home|place))\\b");
    private static final Pattern ORDINAL = Pattern.compile("\\b(\\d{1,2}) ?(?:e|eme|er|ere|th|st|nd|rd)\\b");
    private static final Pattern POSTCODE = Pattern.compile("\\b(\\d{5})\\b");
    private static final Pattern ARRONDISSEMENT_COMMUNE = Pattern.compile("751(\\d\\d)");
    private static final Pattern STREET = Pattern.compile(
            "\\b(rue|avenue|boulevard|place|quai|passage|allee|impasse|square|cours|street)"
                    + "((?: (?:de la|de l|du|des|de|d|la|le))? [a-z0-9]+(?: [a-z0-9]+){0,2})");
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");
    private static final Set<String> STOP = Set.of("dans", "a", "au", "en", "pres", "in", "near", "on", "svp",
            "please", "paris", "arrondissement");
    private static final Pattern PROJECT_WORDS = Pattern.compile(
            "\\b(budget participatif|projets?|projects?|participatory)\\b");
    private static final Pattern WORKSITE_WORDS = Pattern.compile(
            "\\b(travaux|chantiers?|worksites?|works|roadworks|construction)\\b");

    private final List<LocalDataSource> sources;
    /**
     * What queries need of a source's items, computed once per version of them: keyed by the list's identity (weak
     * keys compare with ==), so a remote source's new version gets a new index and the old one is collected.
     */
    private final Cache<List<LocalItem>, Index> indexes = Caffeine.newBuilder().weakKeys().maximumSize(64).build();

    public LocalProjectsHandler(List<LocalDataSource> sources) {
        this.sources = List.copyOf(sources);
    }

    /**
     * One version of a source's items, prepared for queries: folded addresses (" 69 bis rue de richelieu "), and each
     * position as a point of the unit sphere, whose straight-line (chord) distance to another ranks exactly as the
     * great-circle distance does, with no trigonometry per item and per question.
     */
    private static final class Index {
        final String[] addresses;
        final double[] x;
        final double[] y;
        final double[] z;
        final boolean anyAddress;
        final boolean anyPosition;
        final boolean anyPostcode;
        /** Postcode → the positions of its items, ascending: a question about one postcode visits only those. */
        final Map<String, int[]> byPostcode;

        Index(List<LocalItem> items) {
            int n = items.size();
            addresses = new String[n];
            x = new double[n];
            y = new double[n];
            z = new double[n];
            boolean address = false;
            boolean position = false;
            boolean postcode = false;
            Map<String, List<Integer>> positions = new HashMap<>();
            for (int i = 0; i < n; i++) {
                LocalItem item = items.get(i);
                if (item.address() != null) {
                    addresses[i] = " " + Text.foldToWords(item.address()) + " ";
                    address = true;
                }
                if (hasPosition(item)) {
                    double[] v = unit(item.latitude(), item.longitude());
                    x[i] = v[0];
                    y[i] = v[1];
                    z[i] = v[2];
                    position = true;
                } else {
                    x[i] = Double.NaN;
                }
                postcode |= item.postcode() != null;
                if (item.postcode() != null) {
                    positions.computeIfAbsent(item.postcode(), k -> new ArrayList<>()).add(i);
                }
            }
            Map<String, int[]> byCode = new HashMap<>();
            positions.forEach((code, list) -> byCode.put(code, list.stream().mapToInt(Integer::intValue).toArray()));
            byPostcode = Map.copyOf(byCode);
            anyAddress = address;
            anyPosition = position;
            anyPostcode = postcode;
        }
    }

    private Index index(List<LocalItem> items) {
        return indexes.get(items, Index::new);
    }

    private static double[] unit(double latitude, double longitude) {
        double lat = Math.toRadians(latitude);
        double lon = Math.toRadians(longitude);
        return new double[] {Math.cos(lat) * Math.cos(lon), Math.cos(lat) * Math.sin(lon), Math.sin(lat)};
    }

    @Override
    public Intent intent() {
        return Intent.LOCAL_PROJECTS;
    }

    /**
     * Its own "Voir plus" ("chantiers dans le 75015 (2)", "chantiers près de 48.872,2.393 (2)"), a position written
     * after "près de" or "near", and, when it asked where (see {@link #askWhere}), a bare place: "75011", "dans le 11e".
     */
    @Override
    public boolean claims(String text, ConversationState state) {
        if (text.length() > 200) {
            return false;
        }
        if (NEAR_POINT.matcher(text).find() || NEXT_PAGE.matcher(text).matches()) {
            return true;
        }
        if (state.pendingIntent() != Intent.LOCAL_PROJECTS) {
            return false;
        }
        String words = Text.foldToWords(text);
        return words.split(" ").length <= 4 && place(words, List.of(), List.of()) != null;
    }

    /**
     * What the message asks for; every filter is optional.
     *
     * @param street        folded ("rue de rivoli"), as it is matched against folded addresses
     * @param streetWritten the same words as the citizen wrote them ("rue de Rivoli"), for the answer
     * @param near          a position to rank by (rounded), or null
     * @param nearMe        the citizen asked for what is near them ("près de chez moi") without giving a position
     */
    record Query(Set<LocalItem.Kind> kinds, String postcode, String street, String streetWritten, int page,
                 GeoPoint near, boolean nearMe) {

        Query withNear(GeoPoint p) {
            return new Query(kinds, postcode, street, streetWritten, page, rounded(p), false);
        }
    }

    static Query parse(String text, List<EntityMention> postcodes, List<EntityMention> communes) {
        int page = 1;
        Matcher pm = PAGE.matcher(text);
        if (pm.find()) {
            page = Math.max(1, Integer.parseInt(pm.group(1)));
            text = text.substring(0, pm.start());
        }
        GeoPoint near = null;
        Matcher point = POINT.matcher(text);
        if (point.find()) {
            try {
                near = rounded(new GeoPoint(Double.parseDouble(point.group(1)), Double.parseDouble(point.group(2))));
                text = text.substring(0, point.start()) + " " + text.substring(point.end());
            } catch (IllegalArgumentException outOfRange) {
                // not a position after all: leave the text as it is
            }
        }
        String words = Text.foldToWords(text);
        Set<LocalItem.Kind> kinds = EnumSet.noneOf(LocalItem.Kind.class);
        if (PROJECT_WORDS.matcher(words).find()) {
            kinds.add(LocalItem.Kind.PROJECT);
        }
        if (WORKSITE_WORDS.matcher(words).find()) {
            kinds.add(LocalItem.Kind.WORKSITE);
        }
        if (kinds.isEmpty()) {
            kinds = EnumSet.allOf(LocalItem.Kind.class);
        }
        String street = street(words);
        return new Query(kinds, place(words, postcodes, communes), street, street == null ? null : asWritten(text, street),
                page, near, near == null && NEAR_ME.matcher(words).find());
    }

    private static String place(String words, List<EntityMention> postcodes, List<EntityMention> communes) {
        if (!postcodes.isEmpty()) {
            return postcodes.getFirst().value();
        }
        for (EntityMention c : communes) {
            // A Paris arrondissement's INSEE code (75111) is not its postcode (75011), which is what sources carry.
            Matcher m = ARRONDISSEMENT_COMMUNE.matcher(c.value());
            if (m.matches() && Integer.parseInt(m.group(1)) <= 20) {
                return "750" + m.group(1);
            }
        }
        Matcher p = POSTCODE.matcher(words);
        if (p.find()) {
            return p.group(1);
        }
        // "dans le 11e": the NLU may not see a commune there, the arrondissement is still meant.
        Matcher o = ORDINAL.matcher(words);
        while (o.find()) {
            int n = Integer.parseInt(o.group(1));
            if (n >= 1 && n <= 20) {
                return String.format("750%02d", n);
            }
        }
        return null;
    }

    private static String street(String words) {
        Matcher m = STREET.matcher(words);
        if (!m.find()) {
            return null;
        }
        List<String> name = new ArrayList<>();
        for (String w : m.group(2).trim().split(" ")) {
            if (STOP.contains(w)) {
                break;
            }
            name.add(w);
        }
        return name.isEmpty() ? null : m.group(1) + " " + String.join(" ", name);
    }

    /** The words of {@code folded} as they appear in {@code text}, accents and capitals kept ("rue de l'Église"). */
    static String asWritten(String text, String folded) {
        List<int[]> spans = new ArrayList<>();
        List<String> words = new ArrayList<>();
        Matcher w = WORD.matcher(text);
        while (w.find()) {
            for (String part : Text.foldToWords(w.group()).split(" ")) {
                if (!part.isEmpty()) {
                    spans.add(new int[] {w.start(), w.end()});
                    words.add(part);
                }
            }
        }
        String[] wanted = folded.split(" ");
        for (int i = 0; i + wanted.length <= words.size(); i++) {
            if (words.subList(i, i + wanted.length).equals(List.of(wanted))) {
                return text.substring(spans.get(i)[0], spans.get(i + wanted.length - 1)[1]);
            }
        }
        return folded;
    }

    private static GeoPoint rounded(GeoPoint p) {
        return new GeoPoint(Math.round(p.latitude() * 1000) / 1000.0, Math.round(p.longitude() * 1000) / 1000.0);
    }

    /**
     * An item that matched, with the squared chord between its position and the query's on the unit sphere (NaN
     * without a position): it ranks as the distance does, and becomes metres only for the items shown.
     */
    private record Hit(LocalItem item, double chord2) {

        double metres() {
            return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(chord2) / 2));
        }
    }

    private static final double EARTH_RADIUS_M = 6_371_000;
    private static final int[] NONE = new int[0];

    /** The first {@code k} hits in {@code order}, without sorting them all (a page needs 3 of 4,710). */
    private static List<Hit> first(List<Hit> hits, Comparator<Hit> order, int k) {
        if (hits.size() <= Math.max(k, 64)) {
            List<Hit> all = new ArrayList<>(hits);
            all.sort(order);
            return all.subList(0, Math.min(k, all.size()));
        }
        PriorityQueue<Hit> worstFirst = new PriorityQueue<>(k + 1, order.reversed());
        for (Hit h : hits) {
            if (worstFirst.size() < k) {
                worstFirst.add(h);
            } else if (order.compare(h, worstFirst.peek()) < 0) {
                worstFirst.poll();
                worstFirst.add(h);
            }
        }
        List<Hit> top = new ArrayList<>(worstFirst);
        top.sort(order);
        return top;
    }

    @Override
    public Answer handle(Turn t) {
        Query parsed = parse(t.message().text(), t.entities(EntityType.POSTCODE), t.entities(EntityType.COMMUNE));
        Query q = t.message().location() != null ? parsed.withNear(t.message().location()) : parsed;
        // Answered here: a question that waited for a place (see askWhere) is closed.
        ConversationState state = t.state().withPendingIntent(null);
        if (q.nearMe()) {
            return askWhere(t, q);
        }
        String what = what(t, q);
        List<LocalDataSource> relevant = sources.stream()
                .filter(s -> !Collections.disjoint(s.kinds(), q.kinds())).toList();
        if (relevant.isEmpty()) {
            return Answer.text(state, t.say(
                    "Je n'ai pas encore de données locales sur " + what + " : votre commune peut les ajouter.",
                    "I have no local data about " + what + " yet: your town can add it."));
        }
        List<LocalDataSource> searched = new ArrayList<>();
        List<LocalDataSource> unavailable = new ArrayList<>();
        List<LocalDataSource> withoutStreets = new ArrayList<>();
        List<LocalDataSource> withoutPositions = new ArrayList<>();
        List<Hit> hits = new ArrayList<>();
        for (LocalDataSource s : relevant) {
            if (!s.available()) {
                unavailable.add(s);
                continue;
            }
            List<LocalItem> items = s.items();
            Index ix = index(items);
            searched.add(s);
            if (q.street() != null && !ix.anyAddress) {
                withoutStreets.add(s);
                continue;
            }
            if (q.near() != null && !ix.anyPosition) {
                withoutPositions.add(s);
                continue;
            }
            double[] origin = q.near() == null ? null : unit(q.near().latitude(), q.near().longitude());
            String street = q.street() == null ? null : " " + q.street() + " ";
            int[] candidates = q.postcode() == null ? null : ix.byPostcode.getOrDefault(q.postcode(), NONE);
            int count = candidates == null ? items.size() : candidates.length;
            for (int c = 0; c < count; c++) {
                int n = candidates == null ? c : candidates[c];
                LocalItem i = items.get(n);
                // The postcode's own items only (the index holds them): no postcode to compare.
                if (!q.kinds().contains(i.kind())
                        || (street != null && (ix.addresses[n] == null || !ix.addresses[n].contains(street)))) {
                    continue;
                }
                if (origin == null) {
                    hits.add(new Hit(i, Double.NaN));
                } else if (!Double.isNaN(ix.x[n])) {
                    double dx = ix.x[n] - origin[0];
                    double dy = ix.y[n] - origin[1];
                    double dz = ix.z[n] - origin[2];
                    hits.add(new Hit(i, dx * dx + dy * dy + dz * dz));
                }
            }
        }
        Language lang = t.language();
        StringBuilder out = new StringBuilder();
        List<QuickReply> replies = new ArrayList<>();
        int from = (q.page() - 1) * PAGE_SIZE;
        if (searched.isEmpty()) {
            out.append(unavailableLines(t, unavailable));
            return Answer.text(state, out.toString());
        }
        if (!hits.isEmpty() && from < hits.size()) {
            List<Hit> page = first(hits, order(q, LocalDate.ofInstant(t.now(), PARIS)), from + PAGE_SIZE);
            if (q.near() != null) {
                // Named by what is ranked: "projets et chantiers" asked, only worksites have a position.
                Set<LocalItem.Kind> ranked = EnumSet.noneOf(LocalItem.Kind.class);
                hits.forEach(h -> ranked.add(h.item().kind()));
                out.append(t.say("Les " + kindNoun(t, ranked) + " les plus proches de votre position"
                                + (from == 0 ? " :" : " (suite) :"),
                        "The nearest " + kindNoun(t, ranked) + " to your location" + (from == 0 ? ":" : " (continued):")));
            } else {
                out.append(Formats.count(lang, hits.size())).append(' ')
                        .append(Formats.plural(lang, hits.size(), "résultat", "résultats", "result", "results"))
                        .append(t.say(" pour " + what + (from == 0 ? " :" : " (suite) :"),
                                " for " + what + (from == 0 ? ":" : " (continued):")));
            }
            for (Hit h : page.subList(from, page.size())) {
                out.append("\n• ").append(line(t, h));
            }
            if (from + PAGE_SIZE < hits.size()) {
                replies.add(new QuickReply(t.say("Voir plus", "See more"), nextPage(t, q)));
            }
        } else if (!hits.isEmpty()) {
            out.append(t.say("Il n'y a plus d'autres résultats pour " + what + ".",
                    "There are no more results for " + what + "."));
        } else if (withoutStreets.isEmpty() && withoutPositions.isEmpty()) {
            out.append(t.say("Je n'ai trouvé aucun résultat pour " + what + " dans les données locales que je connais.",
                    "I found nothing for " + what + " in the local data I know."));
        }
        for (LocalDataSource s : withoutStreets) {
            out.append(out.isEmpty() ? "" : "\n").append(noStreet(t, s, q));
        }
        if (!withoutStreets.isEmpty() && hits.isEmpty()) {
            out.append(' ').append(instead(t, q, withoutStreets));
            elsewhereOnTheStreet(t, q).ifPresent(e -> {
                out.append('\n').append(e.text());
                replies.addAll(e.replies());
                if (e.source() != null) {
                    searched.add(e.source());
                }
            });
        }
        for (LocalDataSource s : withoutPositions) {
            out.append(out.isEmpty() ? "" : "\n").append(noPosition(t, s));
        }
        if (!unavailable.isEmpty()) {
            out.append('\n').append(unavailableLines(t, unavailable));
        }
        for (LocalDataSource s : searched) {
            out.append('\n').append(sourceLine(lang, s.description()));
        }
        return Answer.text(state, out.toString(), replies);
    }

    /** "chantiers près de chez moi" without a position: ask for one where the channel can send it, else a place. */
    private static Answer askWhere(Turn t, Query q) {
        String noun = kindNoun(t, q.kinds());
        String text = t.message().capabilities().shareLocation()
                ? t.say("Pour vous donner les " + noun + " les plus proches, partagez votre position (trombone 📎 → "
                                + "Position), ou dites-moi l'arrondissement ou le code postal. Votre position ne sert qu'à"
                                + " cette recherche : elle n'est pas gardée dans la conversation.",
                        "To give you the nearest " + noun + ", share your location (paperclip 📎 → Location), or tell"
                                + " me the arrondissement or the postcode. Your location serves this search only: it is"
                                + " not kept in the conversation.")
                : t.say("Je ne connais pas votre position : dites-moi l'arrondissement ou le code postal, par exemple"
                                + " « " + noun + " dans le 75011 ».",
                        "I do not know your location: tell me the arrondissement or the postcode, for example \""
                                + noun + " in 75011\".");
        // The place or the position that comes next continues this question (Dialogue routes it back here).
        return Answer.text(t.state().withPendingIntent(Intent.LOCAL_PROJECTS), text);
    }

    /** What a source whose data has no street address says to a street question. */
    private String noStreet(Turn t, LocalDataSource s, Query q) {
        Index ix = index(s.items());
        boolean positions = ix.anyPosition;
        boolean postcodes = ix.anyPostcode;
        String has = t.say(postcodes ? (positions ? "seulement l'arrondissement et la position sur la carte"
                        : "seulement l'arrondissement") : positions ? "seulement la position sur la carte" : "aucun lieu",
                postcodes ? (positions ? "only the arrondissement and the position on the map" : "only the arrondissement")
                        : positions ? "only the position on the map" : "no place");
        return t.say("Les données des " + kindNoun(t, s.kinds()) + " de " + s.description().publisher()
                        + " ne donnent pas la rue, " + has + " : je ne peux pas y chercher « " + q.streetWritten() + " ».",
                s.description().publisher() + "'s " + singularNoun(s.kinds()) + " data gives no street, " + has
                        + ": I cannot search it for \"" + q.streetWritten() + "\".");
    }

    /** What to ask instead of a street the data cannot answer. */
    private String instead(Turn t, Query q, List<LocalDataSource> withoutStreets) {
        String noun = kindNoun(t, q.kinds());
        boolean positions = withoutStreets.stream().anyMatch(s -> index(s.items()).anyPosition);
        boolean shareLocation = t.message().capabilities().shareLocation();
        return positions && shareLocation
                ? t.say("Dites-moi plutôt l'arrondissement (par exemple « " + noun + " dans le 75001 »), ou partagez"
                                + " une position (trombone 📎 → Position) pour voir les " + noun + " les plus proches.",
                        "Tell me the arrondissement instead (for example \"" + noun + " in 75001\"), or share a location"
                                + " (paperclip 📎 → Location) to see the nearest " + noun + ".")
                : t.say("Dites-moi plutôt l'arrondissement, par exemple « " + noun + " dans le 75001 ».",
                        "Tell me the arrondissement instead, for example \"" + noun + " in 75001\".");
    }

    private record Elsewhere(String text, List<QuickReply> replies, LocalDataSource source) {
    }

    /**
     * A street the asked data cannot answer may still be in another local source that gives addresses (the
     * participatory budget for a question about works): say how many of its items are on that street, and offer them.
     */
    private Optional<Elsewhere> elsewhereOnTheStreet(Turn t, Query q) {
        for (LocalDataSource s : sources) {
            if (!s.available() || !Collections.disjoint(s.kinds(), q.kinds()) || !index(s.items()).anyAddress) {
                continue;
            }
            List<LocalItem> items = s.items();
            String[] addresses = index(items).addresses;
            String street = " " + q.street() + " ";
            long n = 0;
            for (int i = 0; i < items.size(); i++) {
                if (addresses[i] != null && addresses[i].contains(street)
                        && (q.postcode() == null || q.postcode().equals(items.get(i).postcode()))) {
                    n++;
                }
            }
            String noun = kindNoun(t, s.kinds());
            String text = n == 0
                    ? t.say("Les " + noun + " de " + s.description().publisher() + ", eux, donnent une adresse : aucun"
                                    + " n'a d'adresse « " + q.streetWritten() + " ».",
                            s.description().publisher() + "'s " + noun + " do give an address: none is on \""
                                    + q.streetWritten() + "\".")
                    : t.say("Les " + noun + " de " + s.description().publisher() + ", eux, donnent une adresse : "
                                    + Formats.count(t.language(), n) + " " + (n == 1 ? "a son" : "ont leur")
                                    + " adresse « " + q.streetWritten() + " ».",
                            s.description().publisher() + "'s " + noun + " do give an address: "
                                    + Formats.count(t.language(), n) + " " + (n == 1 ? "is" : "are") + " on \""
                                    + q.streetWritten() + "\".");
            List<QuickReply> replies = n == 0 ? List.of()
                    : List.of(new QuickReply(t.say("Voir ces " + noun, "See these " + noun),
                            kindNoun(t, s.kinds()) + " " + q.streetWritten()));
            return Optional.of(new Elsewhere(text, replies, s));
        }
        return Optional.empty();
    }

    private static String noPosition(Turn t, LocalDataSource s) {
        String noun = kindNoun(t, s.kinds());
        return t.say("Les " + noun + " de " + s.description().publisher() + " ne donnent pas de position : je ne peux"
                        + " pas les classer par distance. Demandez-les par arrondissement, par exemple « " + noun
                        + " dans le 75011 ».",
                s.description().publisher() + "'s " + noun + " give no position: I cannot rank them by distance. Ask"
                        + " for them by arrondissement, for example \"" + noun + " in 75011\".");
    }

    private static String unavailableLines(Turn t, List<LocalDataSource> unavailable) {
        List<String> lines = new ArrayList<>();
        for (LocalDataSource s : unavailable) {
            LocalDataSource.Description d = s.description();
            lines.add(t.say("Les données des " + kindNoun(t, s.kinds()) + " de " + d.publisher() + " (" + d.url()
                            + ") sont momentanément indisponibles : je ne peux pas y chercher pour le moment. Réessayez"
                            + " un peu plus tard.",
                    d.publisher() + "'s " + singularNoun(s.kinds()) + " data (" + d.url() + ") is unavailable at the"
                            + " moment: I cannot search it right now. Please try again a little later."));
        }
        return String.join("\n", lines);
    }

    /**
     * The question again, one page further, written from the query rather than copied from the message: "chantiers
     * dans le 75015 (2)", "projets rue de Richelieu (2)", "chantiers près de 48.872,2.393 (2)". It then holds all the
     * query (a bare "75011" that answered "where?" does not), only the rounded position, and a form the handler
     * {@linkplain #claims claims} back.
     */
    private static String nextPage(Turn t, Query q) {
        StringBuilder s = new StringBuilder(kindNoun(t, q.kinds()));
        if (q.postcode() != null) {
            s.append(t.say(" dans le ", " in ")).append(q.postcode());
        }
        if (q.street() != null) {
            s.append(' ').append(q.streetWritten());
        }
        if (q.near() != null) {
            s.append(t.say(" près de ", " near "))
                    .append(String.format(Locale.ROOT, "%.3f,%.3f", q.near().latitude(), q.near().longitude()));
        }
        return s.append(" (").append(q.page() + 1).append(')').toString();
    }

    private static boolean hasPosition(LocalItem i) {
        return i.latitude() != null && i.longitude() != null;
    }

    private static Comparator<Hit> order(Query q, LocalDate today) {
        Comparator<Hit> byId = Comparator.comparing(h -> h.item().id());
        if (q.near() != null) {
            return Comparator.comparingDouble(Hit::chord2).thenComparing(byId);
        }
        Comparator<Hit> newest = Comparator.comparing(h -> h.item().start(),
                Comparator.nullsLast(Comparator.<LocalDate>reverseOrder()));
        if (q.kinds().equals(EnumSet.of(LocalItem.Kind.WORKSITE))) {
            // For works, what matters to a passer-by is what is happening now.
            return Comparator.comparing((Hit h) -> !h.item().ongoingOn(today)).thenComparing(newest).thenComparing(byId);
        }
        return newest.thenComparing(byId);
    }

    /**
     * "à 350 m", "à 1,2 km": to 50 m under a kilometre, as the position is itself rounded to about 100 m; no finer
     * figure would be true.
     */
    static String distance(Language lang, double metres) {
        if (metres < 50) {
            return lang == Language.EN ? "less than 50 m away" : "à moins de 50 m";
        }
        long m = Math.round(metres / 50) * 50;
        if (m < 1000) {
            return lang == Language.EN ? m + " m away" : "à " + m + " m";
        }
        double km = Math.round(metres / 100) / 10.0;
        String figure = km < 10 ? String.format(Locale.ROOT, "%.1f", km) : Long.toString(Math.round(km));
        return lang == Language.EN ? figure + " km away" : "à " + figure.replace('.', ',') + " km";
    }

    private static String kindNoun(Turn t, Set<LocalItem.Kind> kinds) {
        if (kinds.size() == 1) {
            return kinds.contains(LocalItem.Kind.PROJECT) ? t.say("projets", "projects") : t.say("chantiers", "worksites");
        }
        return t.say("projets et chantiers", "projects and worksites");
    }

    private static String singularNoun(Set<LocalItem.Kind> kinds) {
        return kinds.size() == 1 && kinds.contains(LocalItem.Kind.PROJECT) ? "project"
                : kinds.size() == 1 ? "worksite" : "project and worksite";
    }

    private static String what(Turn t, Query q) {
        StringBuilder s = new StringBuilder(t.say("les ", "")).append(kindNoun(t, q.kinds()));
        if (q.street() != null) {
            s.append(t.say(" ", " on ")).append(q.streetWritten());
        }
        if (q.postcode() != null) {
            s.append(t.say(" dans le ", " in ")).append(q.postcode());
        }
        if (q.near() != null) {
            s.append(t.say(" près de votre position", " near your location"));
        }
        return s.toString();
    }

    private static String line(Turn t, Hit h) {
        LocalItem i = h.item();
        Language lang = t.language();
        StringBuilder s = new StringBuilder(i.title());
        List<String> facts = new ArrayList<>();
        if (i.status() != null) {
            facts.add(i.status());
        }
        if (i.start() != null && i.end() != null) {
            facts.add(t.say("du ", "from ") + Formats.shortDate(lang, i.start()) + t.say(" au ", " to ")
                    + Formats.shortDate(lang, i.end()));
        } else if (i.start() != null) {
            facts.add(t.say("depuis le ", "since ") + Formats.shortDate(lang, i.start()));
        } else if (i.end() != null) {
            facts.add(t.say("jusqu'au ", "until ") + Formats.shortDate(lang, i.end()));
        }
        String where = i.address() != null
                ? i.address() + (i.postcode() != null ? " (" + i.postcode() + ")" : "")
                : i.postcode();
        if (where != null) {
            facts.add(where);
        }
        if (!Double.isNaN(h.chord2())) {
            facts.add(distance(lang, h.metres()));
        }
        if (!facts.isEmpty()) {
            s.append(" — ").append(String.join(", ", facts));
        }
        if (i.link() != null) {
            s.append(" ").append(i.link());
        }
        return s.toString();
    }

    static String sourceLine(Language lang, LocalDataSource.Description d) {
        String date = d.dataDate() == null ? "" : Formats.date(lang, d.dataDate());
        return lang == Language.EN
                ? "Source: " + d.publisher() + ", " + d.url() + ", licence " + d.licence() + " (data as of " + date + ")."
                : "Source : " + d.publisher() + ", " + d.url() + ", licence " + d.licence() + " (données au " + date
                + ").";
    }
}
