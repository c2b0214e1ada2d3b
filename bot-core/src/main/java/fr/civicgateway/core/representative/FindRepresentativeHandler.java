package fr.civicgateway.core.representative;

import fr.civicgateway.core.answer.Agreement;
import fr.civicgateway.core.answer.PageLinks;
import fr.civicgateway.core.answer.Places;
import fr.civicgateway.core.answer.Sources;
import fr.civicgateway.core.conversation.QuickReply;
import fr.civicgateway.core.dialogue.Answer;
import fr.civicgateway.core.dialogue.ConversationState;
import fr.civicgateway.core.dialogue.Dialogue;
import fr.civicgateway.core.dialogue.IntentHandler;
import fr.civicgateway.core.dialogue.PendingChoice;
import fr.civicgateway.core.dialogue.Turn;
import fr.civicgateway.core.geo.Commune;
import fr.civicgateway.core.geo.ConstituencyShare;
import fr.civicgateway.core.geo.Departement;
import fr.civicgateway.core.geo.GeoDirectory;
import fr.civicgateway.core.nlu.EntityMention;
import fr.civicgateway.core.nlu.EntityType;
import fr.civicgateway.core.nlu.Intent;
import fr.civicgateway.core.parliament.Constituency;
import fr.civicgateway.core.parliament.Deputy;
import fr.civicgateway.core.parliament.ParliamentData;
import fr.civicgateway.core.text.Text;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * {@code find_representative}: from a constituency, a commune or arrondissement, a postcode or a département to
 * the sitting deputy. When the place does not decide (a postcode serving several communes, homonym communes, a
 * commune split between constituencies, a département with several), it asks back with quick replies.
 */
public final class FindRepresentativeHandler implements IntentHandler {

    /** Twice this many communes are offered as buttons at most; the others are typed. */
    private static final int MAX_OPTIONS = 8;
    /** The Assemblée's list of sitting deputies, the source of a list of deputies by constituency. */
    static final String DEPUTIES_URL = "https://www.assemblee-nationale.fr/dyn/deputes";

    private final ParliamentData data;
    private final GeoDirectory geo;
    private final ProfileHandler profile;

    /** The gateway's public pages: the deputy found is linked to their page, as "Qui est … ?" links it. */
    private final PageLinks pages;

    /** @param pages the gateway's public pages (the profile's own answer links the deputy's) */
    public FindRepresentativeHandler(ParliamentData data, GeoDirectory geo, PageLinks pages) {
        this.data = data;
        this.geo = geo;
        this.profile = new ProfileHandler(data, pages);
        this.pages = pages;
    }

    @Override
    public Intent intent() {
        return Intent.FIND_REPRESENTATIVE;
    }

    @Override
    public Answer handle(Turn turn) {
        Optional<EntityMention> circo = turn.entity(EntityType.CIRCONSCRIPTION);
        if (circo.isPresent()) {
            return answerConstituency(turn, circo.get().value(), null);
        }
        Optional<EntityMention> commune = turn.entity(EntityType.COMMUNE);
        if (commune.isPresent()) {
            EntityMention m = commune.get();
            Optional<String> person = NameGuess.askedAbout(turn.message().text());
            if (person.isPresent() && startsWithPlace(person.get(), m.text())) {
                // "Qui est Marie Dupontel ?": a person's name whose first name is a commune's (Marie, Alpes-Maritimes)
                return new DeputyResolver(data).answerUnresolved(turn, Intent.REPRESENTATIVE_PROFILE,
                        new DeputyResolver.Resolution.UnknownName(person.get()));
            }
            if (m.guessed()) {
                // "Anecy": one typing error from several commune names
                List<Commune> close = m.candidates().stream().map(geo::commune).flatMap(Optional::stream).toList();
                return askCommuneInOrder(turn, turn.msg("find_representative.commune_guessed", "text", m.text()), close);
            }
            if (m.ambiguous()) {
                List<Commune> homonyms = m.alternatives().stream().map(geo::commune).flatMap(Optional::stream).toList();
                // a corrected spelling ("Saint-Deni") is named as the communes are, not as it was typed
                String name = m.certainty() == EntityMention.Certainty.CORRECTED && !homonyms.isEmpty()
                        ? homonyms.getFirst().name() : m.text();
                return askCommune(turn, turn.msg("find_representative.commune_homonyms", "name", name), homonyms);
            }
            return geo.commune(m.value()).map(c -> answerCommune(turn, c)).orElseGet(() -> unknownPlace(turn, m.text()));
        }
        Optional<EntityMention> postcode = turn.entity(EntityType.POSTCODE);
        if (postcode.isPresent()) {
            return answerPostcode(turn, postcode.get());
        }
        Optional<EntityMention> dep = turn.entity(EntityType.DEPARTEMENT);
        if (dep.isPresent()) {
            return answerDepartement(turn, dep.get().value());
        }
        if (turn.message().location() != null) {
            // No constituency contours nor commune coordinates are in the loaded data: a position cannot be placed.
            return Answer.text(waiting(turn),
                    turn.msg("find_representative.location"));
        }
        Optional<String> unknown = PlacePhrase.unknownPlace(turn.understanding(), turn.message().text());
        if (unknown.isPresent()) {
            // "J'habite à Xyzville": the gazetteer knows no such place; say so rather than ask for a place again
            return unknownPlace(turn, unknown.get());
        }
        if (turn.state().pendingIntent() != null && turn.understanding().entities().isEmpty()
                && Dialogue.looksLikeAPlaceReply(turn.message().text())) {
            // "Dans quelle commune ?" → "Trifouillis-les-Oies", "99999": unknown, said so; the question keeps waiting
            // for a place (or, when a question about a deputy waits, a deputy's name).
            String text = turn.message().text().strip();
            // "Eu", "Y": a commune's whole name, too short to be read in free text, is read when a town is awaited
            List<Commune> named = geo.communesByName(text);
            if (named.isEmpty() && text.length() <= 3) {
                // "Ay": the usual short name of Ay-Champagne and Ay-sur-Moselle (rare path: one pass over the communes)
                String head = Text.foldToWords(text) + " ";
                named = geo.communes().stream().filter(c -> Text.foldToWords(c.name()).startsWith(head))
                        .sorted(Comparator.comparing(Commune::name)).toList();
            }
            if (named.size() == 1) {
                return answerCommune(turn, named.getFirst());
            }
            if (named.size() > 1) {
                return askCommune(turn, turn.msg("find_representative.commune_homonyms", "name", text), named);
            }
            return ConversationState.ABOUT_A_DEPUTY.contains(turn.state().pendingIntent())
                    ? Answer.text(waiting(turn), turn.msg("find_representative.unknown_reply", "text", text,
                            "source", geo.sourceDescription()))
                    : unknownPlace(turn, text);
        }
        Optional<String> name = NameGuess.find(turn.message().text());
        if (name.isPresent()) {
            // "Qui est Jean-Luc Mélenchon ?" reads like "who is my deputy" to the classifier: say no deputy has that name.
            return new DeputyResolver(data).answerUnresolved(turn, Intent.REPRESENTATIVE_PROFILE,
                    new DeputyResolver.Resolution.UnknownName(name.get()));
        }
        return Answer.text(waiting(turn), turn.msg("find_representative.ask_place"));
    }

    /**
     * One commune: its constituency. Several all in one constituency: that constituency at once. Several in more
     * than one: which commune, with every commune offered (the first ones as buttons) and grouped by constituency.
     */
    private Answer answerPostcode(Turn turn, EntityMention postcode) {
        String code = postcode.value();
        List<Commune> communes = geo.communesByPostcode(code);
        if (communes.isEmpty()) {
            return unknownPlace(turn, postcode.text());
        }
        if (communes.size() == 1) {
            return answerCommune(turn, communes.getFirst());
        }
        Map<String, List<Commune>> byConstituency = new TreeMap<>();
        boolean allPlaced = true;
        for (Commune c : communes) {
            List<ConstituencyShare> shares = geo.constituenciesOf(c.inseeCode());
            allPlaced &= !shares.isEmpty() && geo.cityPlacingOnly(c.inseeCode()).isEmpty();
            for (ConstituencyShare share : shares) {
                byConstituency.computeIfAbsent(share.constituencyId(), k -> new ArrayList<>()).add(c);
            }
        }
        String names = names(communes, 6, turn);
        if (allPlaced && byConstituency.size() == 1) {
            String id = byConstituency.keySet().iterator().next();
            String where = data.deputyOf(id).map(d -> Places.constituency(turn.language(), d.constituency())).orElse(id);
            String intro = turn.msg("find_representative.postcode_one_constituency",
                    "count", Integer.toString(communes.size()), "names", names, "constituency", where);
            return answerConstituency(turn, id, ignored -> intro);
        }
        StringBuilder question = new StringBuilder(turn.msg("find_representative.postcode_which", "code", code,
                "count", Integer.toString(communes.size())));
        if (communes.size() > MAX_OPTIONS * 2) {
            // Too many for buttons alone: say which constituency each commune is in, so the list itself answers.
            if (allPlaced) {
                for (Map.Entry<String, List<Commune>> e : byConstituency.entrySet()) {
                    String listed = names(e.getValue(), Integer.MAX_VALUE, turn);
                    question.append("\n• ").append(data.deputyOf(e.getKey())
                            .map(d -> turn.msg("find_representative.postcode_item",
                                    "constituency", Places.constituency(turn.language(), d.constituency()),
                                    "deputy", d.fullName(), "communes", listed))
                            .orElseGet(() -> turn.msg("find_representative.postcode_item_vacant",
                                    "constituency", e.getKey(), "communes", listed)));
                }
            } else {
                question.append(" ").append(turn.msg("find_representative.postcode_communes",
                        "communes", names(communes, Integer.MAX_VALUE, turn)));
            }
            if (allPlaced) {
                // the list names deputies: like every list of deputies, it ends with its source and date
                question.append("\n").append(listSource(turn));
            }
            question.append("\n").append(turn.msg("find_representative.postcode_type"));
        }
        return askCommune(turn, question.toString(), communes);
    }

    /** Whether {@code name} is the place's words followed by more words ("Marie Dupontel" after "Marie"). */
    private static boolean startsWithPlace(String name, String place) {
        String words = Text.foldToWords(name);
        String head = Text.foldToWords(place);
        return !head.isEmpty() && words.startsWith(head + " ");
    }

    /** "Bourg-en-Bresse, Saint-Denis-lès-Bourg", the first {@code max} and "… et 3 autres". */
    private static String names(List<Commune> communes, int max, Turn turn) {
        List<String> shown = communes.stream().map(Commune::name).sorted().limit(max).toList();
        String list = String.join(", ", shown);
        int more = communes.size() - shown.size();
        return more <= 0 ? list : turn.msg("find_representative.names_more", "names", list, "count", more);
    }

    private Answer answerCommune(Turn turn, Commune c) {
        List<ConstituencyShare> shares = geo.constituenciesOf(c.inseeCode());
        if (shares.isEmpty()) {
            return Answer.text(turn.state(), turn.msg("find_representative.commune_no_constituency",
                    "commune", c.name(), "source", geo.sourceDescription()));
        }
        if (shares.size() == 1) {
            return answerConstituency(turn, shares.getFirst().constituencyId(),
                    where -> turn.msg("find_representative.commune_in", "commune", c.name(), "constituency", where));
        }
        Optional<Commune> city = geo.cityPlacingOnly(c.inseeCode());
        if (city.isPresent()) {
            // The official tables place Lyon's and Marseille's arrondissements only as part of the city: listing the
            // city's constituencies as the arrondissement's would be false, so say what the data cannot tell.
            String example = Places.constituency(turn.language(),
                    new Constituency(c.departementCode(), departementName(c), 1));
            return Answer.text(waiting(turn),
                    turn.msg("find_representative.city_placing_only", "commune", c.name(), "city", city.get().name(),
                            "count", Integer.toString(shares.size()), "example", example)
                    + "\n" + geoSource(turn));
        }
        // "Annecy est partagée" (a ville), "Paris 11e arrondissement est partagé": the name's own gender
        String kind = c.name().toLowerCase(java.util.Locale.ROOT).contains("arrondissement") ? "arrondissement" : "town";
        StringBuilder text = new StringBuilder(turn.msg("find_representative.commune_split", "commune", c.name(),
                "count", Integer.toString(shares.size()), "kind", kind));
        List<PendingChoice.Option> options = new ArrayList<>();
        List<QuickReply> buttons = new ArrayList<>();
        for (ConstituencyShare share : shares) {
            Optional<Deputy> d = data.deputyOf(share.constituencyId());
            String label = d.map(x -> constituencyLabel(turn, x.constituency())).orElse(share.constituencyId());
            text.append("\n• ").append(d.map(x -> splitItem(turn, label, x))
                    .orElseGet(() -> turn.msg("find_representative.split_item_vacant", "constituency", label)));
            EntityMention chosen = new EntityMention(EntityType.CIRCONSCRIPTION, share.constituencyId(), label, 0, label.length());
            options.add(new PendingChoice.Option(label, label, chosen));
            buttons.add(new QuickReply(label, label));
        }
        text.append("\n").append(listSource(turn));
        ConversationState state = turn.state().withPendingChoice(new PendingChoice(Intent.FIND_REPRESENTATIVE, List.of(), options));
        return Answer.text(state, text.toString(), buttons);
    }

    /**
     * The state of an answer that asks for the place again: the question about the deputy that waits for the place
     * ("Comment contacter mon député ?") keeps waiting, else finding the deputy does.
     */
    private static ConversationState waiting(Turn turn) {
        return turn.state().pendingIntent() != null ? turn.state()
                : turn.state().withPendingIntent(Intent.FIND_REPRESENTATIVE);
    }

    private String departementName(Commune c) {
        return geo.departement(c.departementCode()).map(Departement::name).orElse(c.departementCode());
    }

    /**
     * The source line of a list of deputies by constituency: the Assemblée's deputies with the date of their data,
     * and the official tables that draw the constituencies.
     */
    private String listSource(Turn turn) {
        return Sources.line(turn.messages(), turn.language(), DEPUTIES_URL, data.info().deputiesDataDate()) + " " + geoSource(turn);
    }

    private String geoSource(Turn turn) {
        return turn.msg("find_representative.geo_source", "source", geo.sourceDescription());
    }

    private Answer answerDepartement(Turn turn, String code) {
        String name = geo.departement(code).map(Departement::name).orElse(code);
        List<Deputy> deputies = data.deputies().stream()
                .filter(d -> d.current() && d.constituency() != null && d.constituency().departementCode().equals(code))
                .sorted(Comparator.comparingInt(d -> d.constituency().number()))
                .toList();
        if (deputies.isEmpty()) {
            return unknownPlace(turn, name);
        }
        if (deputies.size() == 1) {
            return answerConstituency(turn, deputies.getFirst().constituency().id(),
                    where -> turn.msg("find_representative.departement_single", "name", name, "constituency", where));
        }
        StringBuilder text = new StringBuilder(turn.msg("find_representative.departement_which", "name", name,
                "count", Integer.toString(deputies.size())));
        List<PendingChoice.Option> options = new ArrayList<>();
        List<QuickReply> buttons = new ArrayList<>();
        for (Deputy d : deputies) {
            String label = constituencyLabel(turn, d.constituency());
            text.append("\n• ").append(turn.msg("find_representative.departement_item", "constituency", label,
                    "deputy", d.fullName()));
            if (options.size() < MAX_OPTIONS * 2) {
                EntityMention chosen = new EntityMention(EntityType.CIRCONSCRIPTION, d.constituency().id(), label, 0, label.length());
                options.add(new PendingChoice.Option(label, label, chosen));
                buttons.add(new QuickReply(label, label));
            }
        }
        text.append("\n").append(Sources.line(turn.messages(), turn.language(), DEPUTIES_URL, data.info().deputiesDataDate()));
        ConversationState state = waiting(turn)
                .withPendingChoice(new PendingChoice(Intent.FIND_REPRESENTATIVE, List.of(), options));
        return Answer.text(state, text.toString(), buttons);
    }

    /**
     * @param intro the answer's first sentence from the constituency's name ("Mende fait partie de la 1re
     *              circonscription de la Lozère."); null for "Circonscription : …."
     */
    private Answer answerConstituency(Turn turn, String constituencyId, Function<String, String> intro) {
        Optional<Deputy> deputy = data.deputyOf(constituencyId);
        if (deputy.isEmpty()) {
            return Answer.text(turn.state(), turn.msg("find_representative.vacant", "id", constituencyId));
        }
        Deputy d = deputy.get();
        String where = Places.constituency(turn.language(), d.constituency());
        String first = intro == null ? turn.msg("find_representative.constituency", "constituency", where)
                : intro.apply(where);
        if (turn.state().waitsForTheDeputy()) {
            // "Comment contacter mon député ? J'habite à Tulle": the place says which deputy and why; the question
            // asked (answered right after by the dialogue) is the answer, not the deputy's profile
            return Answer.text(found(turn, d).withPendingIntent(null).withPendingChoice(null),
                    first + " " + turn.msg("find_representative.your_deputy", "deputy", d.fullName(),
                            "gender", Agreement.gender(d))
                            + "\n" + turn.msg("deputies.page_link", "url", pages.deputy(d.uid())));
        }
        return Answer.text(found(turn, d).withPendingIntent(null).withPendingChoice(null),
                first + "\n" + profile.describeWithPage(turn, d), DeputyQuickReplies.about(turn, d, false, true, true));
    }

    /**
     * The state with the deputy found. The citizen's own deputy when the place is where they live: said so ("J'habite
     * à Bobigny", "qui est mon député ? Bobigny"), or given when the bot asked for it (a question waited for it);
     * "qui est le député de Tulle ?" is a deputy talked about, which a lasting "mon député" request never takes.
     */
    private static ConversationState found(Turn turn, Deputy d) {
        return turn.state().pendingIntent() != null || OWN_PLACE.matcher(Text.foldToWords(turn.message().text())).find()
                ? turn.state().withOwnDeputy(d.uid()) : turn.state().withDeputy(d.uid());
    }

    /** Words by which a citizen says the place is theirs (folded text). */
    private static final Pattern OWN_PLACE = Pattern.compile(
            "\\b(?:mon|ma|notre) (?:depute|deputee|circonscription|commune|ville|village|code postal)\\b"
            + "|\\b(?:j habite|je vis|je reside|nous habitons|chez moi|chez nous|i live|we live|i m from)\\b"
            + "|\\bmy (?:mp|deputy|representative|constituency|town|city|village|postcode)\\b");

    /** "4e circonscription de la Gironde : Jean Dupont (EPR)", without the group when it is unknown. */
    private String splitItem(Turn turn, String constituency, Deputy d) {
        String abbreviation = ProfileHandler.groupAbbreviation(data, d.groupUid());
        return abbreviation == null
                ? turn.msg("find_representative.split_item_no_group", "constituency", constituency, "deputy", d.fullName())
                : turn.msg("find_representative.split_item", "constituency", constituency, "deputy", d.fullName(),
                        "group", abbreviation);
    }

    private static String constituencyLabel(Turn turn, Constituency c) {
        return Places.constituency(turn.language(), c);
    }

    /**
     * Offers every commune: all of them can be chosen by name or number, the first {@code 2 × MAX_OPTIONS} (by name)
     * are buttons. A name typed that is not an option still reaches the commune through the understanding.
     */
    private Answer askCommune(Turn turn, String question, List<Commune> communes) {
        return askCommuneInOrder(turn, question, communes.stream().sorted(Comparator.comparing(Commune::name)).toList());
    }

    /** As {@link #askCommune}, the communes offered in the given order (the likeliest first). */
    private Answer askCommuneInOrder(Turn turn, String question, List<Commune> communes) {
        List<PendingChoice.Option> options = new ArrayList<>();
        List<QuickReply> buttons = new ArrayList<>();
        for (Commune c : communes) {
            String label = c.name() + " (" + c.departementCode() + ")";
            options.add(new PendingChoice.Option(label, label,
                    new EntityMention(EntityType.COMMUNE, c.inseeCode(), label, 0, label.length())));
            if (buttons.size() < MAX_OPTIONS * 2) {
                buttons.add(new QuickReply(label, label));
            }
        }
        // A typed name answers the place question; a question still waiting for the place keeps waiting.
        ConversationState state = (turn.state().pendingIntent() == null
                ? turn.state().withPendingIntent(Intent.FIND_REPRESENTATIVE) : turn.state())
                .withPendingChoice(new PendingChoice(Intent.FIND_REPRESENTATIVE, List.of(), options));
        return Answer.text(state, question, buttons);
    }

    private Answer unknownPlace(Turn turn, String text) {
        return Answer.text(waiting(turn),
                turn.msg("find_representative.unknown_place", "text", text, "source", geo.sourceDescription()));
    }
}
