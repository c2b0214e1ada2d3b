package fr.civicgateway.core.local;

import fr.civicgateway.core.answer.Formats;
import fr.civicgateway.core.conversation.QuickReply;
import fr.civicgateway.core.dialogue.Answer;
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
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Answers {@code local_projects} ("quels projets du budget participatif dans le 11e ?", "chantiers dans le 75015")
 * from every registered {@link LocalDataSource}: filters by place, street and kind, shows the first few and offers
 * "Voir plus". The page travels in the quick reply's text ("… (2)") rather than in the conversation state, so that
 * the next page is the same query run again and nothing is stored.
 */
public final class LocalProjectsHandler implements IntentHandler {

    static final int PAGE_SIZE = 3;
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final Pattern PAGE = Pattern.compile("\\s*\\((\\d{1,3})\\)\\s*$");
    private static final Pattern ORDINAL = Pattern.compile("\\b(\\d{1,2}) ?(?:e|eme|er|ere|th|st|nd|rd)\\b");
    private static final Pattern POSTCODE = Pattern.compile("\\b(\\d{5})\\b");
    private static final Pattern ARRONDISSEMENT_COMMUNE = Pattern.compile("751(\\d\\d)");
    private static final Pattern STREET = Pattern.compile(
            "\\b(rue|avenue|boulevard|place|quai|passage|allee|impasse|square|cours|street)"
                    + "((?: (?:de la|de l|du|des|de|d|la|le))? [a-z0-9]+(?: [a-z0-9]+){0,2})");
    private static final Set<String> STOP = Set.of("dans", "a", "au", "en", "pres", "in", "near", "on", "svp",
            "please", "paris", "arrondissement");
    private static final Pattern PROJECT_WORDS = Pattern.compile(
            "\\b(budget participatif|projets?|projects?|participatory)\\b");
    private static final Pattern WORKSITE_WORDS = Pattern.compile(
            "\\b(travaux|chantiers?|worksites?|works|roadworks|construction)\\b");

    private final List<LocalDataSource> sources;

    public LocalProjectsHandler(List<LocalDataSource> sources) {
        this.sources = List.copyOf(sources);
    }

    @Override
    public Intent intent() {
        return Intent.LOCAL_PROJECTS;
    }

    /** What the message asks for; every filter is optional. */
    record Query(Set<LocalItem.Kind> kinds, String postcode, String street, int page) {
    }

    static Query parse(String text, List<EntityMention> postcodes, List<EntityMention> communes) {
        int page = 1;
        Matcher pm = PAGE.matcher(text);
        if (pm.find()) {
            page = Math.max(1, Integer.parseInt(pm.group(1)));
            text = text.substring(0, pm.start());
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
        return new Query(kinds, place(words, postcodes, communes), street(words), page);
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

    @Override
    public Answer handle(Turn t) {
        String text = t.message().text();
        Query q = parse(text, t.entities(EntityType.POSTCODE), t.entities(EntityType.COMMUNE));
        LocalDate today = LocalDate.ofInstant(t.now(), PARIS);
        List<LocalDataSource> searched = sources.stream()
                .filter(s -> s.items().stream().anyMatch(i -> q.kinds().contains(i.kind()))).toList();
        List<LocalItem> hits = new ArrayList<>();
        boolean anyAddress = false;
        for (LocalDataSource s : searched) {
            for (LocalItem i : s.items()) {
                if (!q.kinds().contains(i.kind())) {
                    continue;
                }
                anyAddress |= i.address() != null;
                if (matches(i, q)) {
                    hits.add(i);
                }
            }
        }
        hits.sort(order(q, today));
        Language lang = t.language();
        String what = what(t, q);
        StringBuilder out = new StringBuilder();
        if (searched.isEmpty()) {
            return Answer.text(t.state(), t.say(
                    "Je n'ai pas encore de données locales sur " + what + " : votre commune peut les ajouter.",
                    "I have no local data about " + what + " yet: your town can add it."));
        }
        int from = (q.page() - 1) * PAGE_SIZE;
        if (hits.isEmpty() || from >= hits.size()) {
            out.append(hits.isEmpty()
                    ? t.say("Je n'ai trouvé aucun résultat pour " + what + " dans les données locales que je connais.",
                            "I found nothing for " + what + " in the local data I know.")
                    : t.say("Il n'y a plus d'autres résultats pour " + what + ".",
                            "There are no more results for " + what + "."));
            if (hits.isEmpty() && q.street() != null && !anyAddress) {
                out.append(t.say(" Ces données ne donnent pas d'adresse, seulement l'arrondissement : essayez par exemple « chantiers dans le 75001 ».",
                        " This data gives no street address, only the arrondissement: try for example \"worksites in 75001\"."));
            }
        } else {
            int to = Math.min(hits.size(), from + PAGE_SIZE);
            String count = Formats.count(lang, hits.size()) + " "
                    + Formats.plural(lang, hits.size(), "résultat", "résultats", "result", "results");
            out.append(count).append(t.say(" pour " + what + (from == 0 ? " :" : " (suite) :"),
                    " for " + what + (from == 0 ? ":" : " (continued):")));
            for (LocalItem i : hits.subList(from, to)) {
                out.append("\n• ").append(line(t, i));
            }
        }
        for (LocalDataSource s : searched) {
            out.append('\n').append(sourceLine(lang, s.description()));
        }
        List<QuickReply> more = from + PAGE_SIZE < hits.size()
                ? List.of(new QuickReply(t.say("Voir plus", "See more"),
                        PAGE.matcher(text).replaceFirst("").strip() + " (" + (q.page() + 1) + ")"))
                : List.of();
        return Answer.text(t.state(), out.toString(), more);
    }

    private static boolean matches(LocalItem i, Query q) {
        if (q.postcode() != null && !q.postcode().equals(i.postcode())) {
            return false;
        }
        if (q.street() != null) {
            return i.address() != null && (" " + Text.foldToWords(i.address()) + " ").contains(" " + q.street() + " ");
        }
        return true;
    }

    private static Comparator<LocalItem> order(Query q, LocalDate today) {
        Comparator<LocalItem> newest = Comparator.comparing(LocalItem::start,
                Comparator.nullsLast(Comparator.<LocalDate>reverseOrder()));
        if (q.kinds().equals(EnumSet.of(LocalItem.Kind.WORKSITE))) {
            // For works, what matters to a passer-by is what is happening now.
            return Comparator.comparing((LocalItem i) -> !i.ongoingOn(today)).thenComparing(newest)
                    .thenComparing(LocalItem::id);
        }
        return newest.thenComparing(LocalItem::id);
    }

    private static String what(Turn t, Query q) {
        String kind = q.kinds().size() == 1
                ? (q.kinds().contains(LocalItem.Kind.PROJECT)
                ? t.say("les projets", "projects") : t.say("les chantiers", "worksites"))
                : t.say("les projets et chantiers", "projects and worksites");
        StringBuilder s = new StringBuilder(kind);
        if (q.street() != null) {
            s.append(t.say(" ", " on ")).append(q.street());
        }
        if (q.postcode() != null) {
            s.append(t.say(" dans le ", " in ")).append(q.postcode());
        }
        return s.toString();
    }

    private static String line(Turn t, LocalItem i) {
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
        if (!facts.isEmpty()) {
            s.append(" — ").append(String.join(", ", facts));
        }
        if (i.link() != null) {
            s.append(" ").append(i.link());
        }
        return s.toString();
    }

    static String sourceLine(Language lang, LocalDataSource.Description d) {
        return lang == Language.EN
                ? "Source: " + d.publisher() + ", " + d.url() + ", licence " + d.licence() + " (data as of "
                + Formats.date(lang, d.dataDate()) + ")."
                : "Source : " + d.publisher() + ", " + d.url() + ", licence " + d.licence() + " (données au "
                + Formats.date(lang, d.dataDate()) + ").";
    }
}
