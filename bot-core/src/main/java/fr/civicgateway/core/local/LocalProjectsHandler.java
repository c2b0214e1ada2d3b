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
import fr.civicgateway.core.geo.Arrondissements;
import fr.civicgateway.core.text.MessageCatalogue;
import fr.civicgateway.core.text.Text;
import fr.civicgateway.core.town.Town;
import java.time.LocalDate;
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
    private static final Pattern STREET = Pattern.compile(
            "\\b(rue|avenue|boulevard|place|quai|passage|allee|impasse|square|cours|street)"
                    + "((?: (?:de la|de l|du|des|de|d|la|le))? [a-z0-9]+(?: [a-z0-9]+){0,2})");
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");
    private static final Set<String> STOP = Set.of("dans", "a", "au", "en", "pres", "in", "near", "on", "svp",
            "please", "arrondissement");
    private static final Pattern PROJECT_WORDS = Pattern.compile(
            "\\b(budget participatif|projets?|projects?|participatory)\\b");
    private static final Pattern WORKSITE_WORDS = Pattern.compile(
            "\\b(travaux|chantiers?|worksites?|works|roadworks|construction)\\b");

    private final List<LocalDataSource> sources;
    private final Town town;
    /**
     * What queries need of a source's items, computed once per version of them: keyed by the list's identity (weak
     * keys compare with ==), so a remote source's new version gets a new index and the old one is collected.
     */
    private final Cache<List<LocalItem>, Index> indexes = Caffeine.newBuilder().weakKeys().maximumSize(64).build();

    /** @param town how its citizens name places, the examples the wording gives, its time zone */
    public LocalProjectsHandler(List<LocalDataSource> sources, Town town) {
        this.sources = List.copyOf(sources);
        this.town = java.util.Objects.requireNonNull(town, "town");
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
        return words.split(" ").length <= 4 && place(words, List.of(), List.of(), town) != null;
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

    static Query parse(String text, List<EntityMention> postcodes, List<EntityMention> communes, Town town) {
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
        String street = street(words, town);
        return new Query(kinds, place(words, postcodes, communes, town), street, street == null ? null : asWritten(text, street),
                page, near, near == null && NEAR_ME.matcher(words).find());
    }

    private static String place(String words, List<EntityMention> postcodes, List<EntityMention> communes,
                                Town town) {
        if (!postcodes.isEmpty()) {
            return postcodes.getFirst().value();
        }
        for (EntityMention c : communes) {
            // An arrondissement's INSEE code (75111) is not its postcode (75011), which is what sources carry.
            Optional<String> postcode = Arrondissements.ofArrondissement(c.value())
                    .flatMap(city -> city.postcodeOf(city.numberOf(c.value())));
            if (postcode.isPresent()) {
                return postcode.get();
            }
        }
        Matcher p = POSTCODE.matcher(words);
        if (p.find()) {
            return p.group(1);
        }
        // "dans le 11e": the NLU may not see a commune there, the arrondissement is still meant, in a town that has
        // arrondissements (elsewhere "le 11e" is no place).
        Optional<Arrondissements.City> city = town.arrondissements();
        Matcher o = ORDINAL.matcher(words);
        while (city.isPresent() && o.find()) {
            Optional<String> postcode = city.get().postcodeOf(Integer.parseInt(o.group(1)));
            if (postcode.isPresent()) {
                return postcode.get();
            }
        }
        return null;
    }

    private static String street(String words, Town town) {
        // "rue de Rivoli Paris", "rue Saint-Jean Saint-Étienne": the town's whole name ends the street's (as a stop
        // word does), never one of its words alone.
        words = (" " + words + " ").replace(" " + String.join(" ", town.nameWords()) + " ", " dans ").strip();
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
        Query parsed = parse(t.message().text(), t.entities(EntityType.POSTCODE), t.entities(EntityType.COMMUNE),
                town);
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
            return Answer.text(state, t.msg("local_projects.no_data", "what", what));
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
        StringBuilder out = new StringBuilder();
        List<QuickReply> replies = new ArrayList<>();
        int from = (q.page() - 1) * PAGE_SIZE;
        if (searched.isEmpty()) {
            out.append(unavailableLines(t, unavailable));
            return Answer.text(state, out.toString());
        }
        if (!hits.isEmpty() && from < hits.size()) {
            List<Hit> page = first(hits, order(q, LocalDate.ofInstant(t.now(), town.zone())), from + PAGE_SIZE);
            if (q.near() != null) {
                // Named by what is ranked: "projets et chantiers" asked, only worksites have a position.
                Set<LocalItem.Kind> ranked = EnumSet.noneOf(LocalItem.Kind.class);
                hits.forEach(h -> ranked.add(h.item().kind()));
                out.append(t.msg("local_projects.nearest", "kind", kind(ranked), "more", from == 0 ? "no" : "yes"));
            } else {
                out.append(t.msg("local_projects.results", "count", hits.size(), "what", what,
                        "more", from == 0 ? "no" : "yes"));
            }
            for (Hit h : page.subList(from, page.size())) {
                out.append("\n• ").append(line(t, h));
            }
            if (from + PAGE_SIZE < hits.size()) {
                replies.add(new QuickReply(t.msg("local_projects.see_more"), nextPage(t, q)));
            }
        } else if (!hits.isEmpty()) {
            out.append(t.msg("local_projects.no_more", "what", what));
        } else if (withoutStreets.isEmpty() && withoutPositions.isEmpty()) {
            out.append(t.msg("local_projects.nothing", "what", what));
        }
        for (LocalDataSource s : withoutStreets) {
            out.append(out.isEmpty() ? "" : "\n").append(noStreet(t, s, q));
        }
        if (!withoutStreets.isEmpty() && hits.isEmpty()) {
            out.append(' ').append(instead(t, q, withoutStreets));
            if (withoutStreets.stream().anyMatch(s -> index(s.items()).anyPosition)) {
                replies.addAll(shareButton(t));
            }
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
            out.append('\n').append(sourceLine(t, s.description()));
        }
        return Answer.text(state, out.toString(), replies);
    }

    /** "chantiers près de chez moi" without a position: ask for one where the channel can send it, else a place. */
    private Answer askWhere(Turn t, Query q) {
        String text = t.message().capabilities().shareLocation()
                ? t.msg("local_projects.ask_where_share", "kind", kind(q.kinds()), "places", places())
                : t.msg("local_projects.ask_where", "kind", kind(q.kinds()), "places", places(),
                        "example", town.example());
        // The place or the position that comes next continues this question (Dialogue routes it back here).
        return Answer.text(t.state().withPendingIntent(Intent.LOCAL_PROJECTS), text, shareButton(t));
    }

    /** The button that shares a position, where the channel has one (the sentences name it). */
    private static List<QuickReply> shareButton(Turn t) {
        return t.message().capabilities().shareLocation()
                ? List.of(QuickReply.shareLocation(t.msg("local_projects.button_share_location")))
                : List.of();
    }

    /** What a source whose data has no street address says to a street question. */
    private String noStreet(Turn t, LocalDataSource s, Query q) {
        Index ix = index(s.items());
        String has = ix.anyPostcode ? (ix.anyPosition ? "place_and_map" : "place") : ix.anyPosition ? "map" : "none";
        return t.msg("local_projects.no_street", "kind", kind(s.kinds()), "publisher", s.description().publisher(),
                "has", has, "places", places(), "street", q.streetWritten());
    }

    /** What to ask instead of a street the data cannot answer. */
    private String instead(Turn t, Query q, List<LocalDataSource> withoutStreets) {
        boolean positions = withoutStreets.stream().anyMatch(s -> index(s.items()).anyPosition);
        boolean shareLocation = t.message().capabilities().shareLocation();
        return t.msg(positions && shareLocation ? "local_projects.instead_share" : "local_projects.instead",
                "kind", kind(q.kinds()), "places", places(), "example", town.secondExample());
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
            String kind = kind(s.kinds());
            String text = t.msg("local_projects.elsewhere", "kind", kind, "publisher", s.description().publisher(),
                    "count", n, "street", q.streetWritten());
            List<QuickReply> replies = n == 0 ? List.of()
                    : List.of(new QuickReply(t.msg("local_projects.see_these", "kind", kind),
                            t.msg("local_projects.see_these_text", "kind", kind, "street", q.streetWritten())));
            return Optional.of(new Elsewhere(text, replies, s));
        }
        return Optional.empty();
    }

    private String noPosition(Turn t, LocalDataSource s) {
        return t.msg("local_projects.no_position", "kind", kind(s.kinds()), "publisher", s.description().publisher(),
                "places", places(), "example", town.example());
    }

    /**
     * How the citizens name a place, as the sentences select on it: "arrondissements" in a town of arrondissements
     * ("l'arrondissement ou le code postal"), "postcodes" elsewhere ("le code postal").
     */
    private String places() {
        return town.places() == Town.Places.ARRONDISSEMENTS ? "arrondissements" : "postcodes";
    }

    private static String unavailableLines(Turn t, List<LocalDataSource> unavailable) {
        List<String> lines = new ArrayList<>();
        for (LocalDataSource s : unavailable) {
            LocalDataSource.Description d = s.description();
            lines.add(t.msg("local_projects.unavailable", "kind", kind(s.kinds()), "publisher", d.publisher(),
                    "url", d.url()));
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
        return t.msg("local_projects.next_page", "kind", kind(q.kinds()),
                "postcode", q.postcode() != null ? "yes" : "no", "code", q.postcode() != null ? q.postcode() : "",
                "street", q.street() != null ? "yes" : "no",
                "street_name", q.street() != null ? q.streetWritten() : "",
                "near", q.near() != null ? "yes" : "no",
                "point", q.near() != null
                        ? String.format(Locale.ROOT, "%.3f,%.3f", q.near().latitude(), q.near().longitude()) : "",
                "page", Integer.toString(q.page() + 1));
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
        return distance(MessageCatalogue.shipped(), lang, metres);
    }

    /** As {@link #distance(Language, double)}, in the wording of {@code messages}. */
    static String distance(MessageCatalogue messages, Language lang, double metres) {
        if (metres < 50) {
            return messages.format(lang, "local_projects.distance_near");
        }
        long m = Math.round(metres / 50) * 50;
        if (m < 1000) {
            return messages.format(lang, "local_projects.distance_m", "metres", Long.toString(m));
        }
        double km = Math.round(metres / 100) / 10.0;
        String figure = km < 10 ? String.format(Locale.ROOT, "%.1f", km) : Long.toString(Math.round(km));
        return messages.format(lang, "local_projects.distance_km",
                "km", lang == Language.EN ? figure : figure.replace('.', ','));
    }

    /** The kinds asked or held, as the sentences select on them: project, worksite, or both. */
    private static String kind(Set<LocalItem.Kind> kinds) {
        if (kinds.size() == 1) {
            return kinds.contains(LocalItem.Kind.PROJECT) ? "project" : "worksite";
        }
        return "both";
    }

    /** What was asked, {@code local_projects.what}: "les chantiers rue de Rivoli dans le 75001". */
    private static String what(Turn t, Query q) {
        return t.msg("local_projects.what", "kind", kind(q.kinds()),
                "street", q.street() != null ? "yes" : "no", "street_name", q.street() != null ? q.streetWritten() : "",
                "postcode", q.postcode() != null ? "yes" : "no", "code", q.postcode() != null ? q.postcode() : "",
                "near", q.near() != null ? "yes" : "no");
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
            facts.add(t.msg("local_projects.dates", "start", Formats.shortDate(lang, i.start()),
                    "end", Formats.shortDate(lang, i.end())));
        } else if (i.start() != null) {
            facts.add(t.msg("local_projects.since", "start", Formats.shortDate(lang, i.start())));
        } else if (i.end() != null) {
            facts.add(t.msg("local_projects.until", "end", Formats.shortDate(lang, i.end())));
        }
        String where = i.address() != null
                ? i.address() + (i.postcode() != null ? " (" + i.postcode() + ")" : "")
                : i.postcode();
        if (where != null) {
            facts.add(where);
        }
        if (!Double.isNaN(h.chord2())) {
            facts.add(distance(t.messages(), lang, h.metres()));
        }
        if (!facts.isEmpty()) {
            s.append(" — ").append(String.join(", ", facts));
        }
        if (i.link() != null) {
            s.append(" ").append(i.link());
        }
        return s.toString();
    }

    static String sourceLine(Turn t, LocalDataSource.Description d) {
        String date = d.dataDate() == null ? "" : Formats.date(t.language(), d.dataDate());
        return t.msg("local_projects.source", "publisher", d.publisher(), "url", d.url(), "licence", d.licence(),
                "date", date);
    }
}
