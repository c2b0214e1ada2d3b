package fr.civicgateway.core.representative;

import fr.civicgateway.core.answer.Places;
import fr.civicgateway.core.conversation.QuickReply;
import fr.civicgateway.core.dialogue.Answer;
import fr.civicgateway.core.dialogue.ConversationState;
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
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * {@code find_representative}: from a constituency, a commune or arrondissement, a postcode or a département to
 * the sitting deputy. When the place does not decide (a postcode serving several communes, homonym communes, a
 * commune split between constituencies, a département with several), it asks back with quick replies.
 */
public final class FindRepresentativeHandler implements IntentHandler {

    /** Above this many communes, asking for the postcode reads better than a wall of buttons. */
    private static final int MAX_OPTIONS = 8;

    private final ParliamentData data;
    private final GeoDirectory geo;
    private final ProfileHandler profile;

    public FindRepresentativeHandler(ParliamentData data, GeoDirectory geo) {
        this.data = data;
        this.geo = geo;
        this.profile = new ProfileHandler(data);
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
            if (m.guessed()) {
                // "Anecy": one typing error from several commune names
                List<Commune> close = m.candidates().stream().map(geo::commune).flatMap(Optional::stream).toList();
                return askCommune(turn, turn.say("Je ne trouve pas de commune nommée « " + m.text()
                                + " ». Vouliez-vous dire l'une de celles-ci ?",
                        "I find no commune called \"" + m.text() + "\". Did you mean one of these?"), close);
            }
            if (m.ambiguous()) {
                List<Commune> homonyms = m.alternatives().stream().map(geo::commune).flatMap(Optional::stream).toList();
                // a corrected spelling ("Saint-Deni") is named as the communes are, not as it was typed
                String name = m.certainty() == EntityMention.Certainty.CORRECTED && !homonyms.isEmpty()
                        ? homonyms.getFirst().name() : m.text();
                return askCommune(turn, turn.say("Plusieurs communes s'appellent « " + name + " ». Laquelle ?",
                        "Several communes are called \"" + name + "\". Which one?"), homonyms);
            }
            return geo.commune(m.value()).map(c -> answerCommune(turn, c)).orElseGet(() -> unknownPlace(turn, m.text()));
        }
        Optional<EntityMention> postcode = turn.entity(EntityType.POSTCODE);
        if (postcode.isPresent()) {
            List<Commune> communes = geo.communesByPostcode(postcode.get().value());
            if (communes.isEmpty()) {
                return unknownPlace(turn, postcode.get().text());
            }
            if (communes.size() == 1) {
                return answerCommune(turn, communes.getFirst());
            }
            return askCommune(turn, turn.say(
                    "Le code postal " + postcode.get().value() + " dessert " + communes.size() + " communes. Laquelle est la vôtre ?",
                    "Postcode " + postcode.get().value() + " serves " + communes.size() + " communes. Which one is yours?"),
                    communes);
        }
        Optional<EntityMention> dep = turn.entity(EntityType.DEPARTEMENT);
        if (dep.isPresent()) {
            return answerDepartement(turn, dep.get().value());
        }
        if (turn.message().location() != null) {
            // No constituency contours nor commune coordinates are in the loaded data: a position cannot be placed.
            return Answer.text(turn.state().withPendingIntent(Intent.FIND_REPRESENTATIVE), turn.say(
                    "Merci pour votre position. Je ne peux pas encore en déduire votre circonscription : les contours "
                            + "des circonscriptions ne font pas partie des données chargées. Dites-moi votre commune ou "
                            + "votre code postal.",
                    "Thank you for your location. I cannot tell your constituency from it yet: the constituencies' "
                            + "boundaries are not in the loaded data. Tell me your town or your postcode."));
        }
        Optional<String> name = NameGuess.find(turn.message().text());
        if (name.isPresent()) {
            // "Qui est Jean-Luc Mélenchon ?" reads like "who is my deputy" to the classifier: say no deputy has that name.
            return new DeputyResolver(data).answerUnresolved(turn, Intent.REPRESENTATIVE_PROFILE,
                    new DeputyResolver.Resolution.UnknownName(name.get()));
        }
        return Answer.text(turn.state().withPendingIntent(Intent.FIND_REPRESENTATIVE), turn.say(
                "Pour trouver votre député, dites-moi votre commune ou votre code postal (par exemple « J'habite à "
                        + "Annecy » ou « 74000 »), ou une circonscription (« 4e circonscription de la Gironde »).",
                "To find your deputy, tell me your town or postcode (for example \"I live in Annecy\" or \"74000\"), "
                        + "or a constituency (\"4th constituency of Gironde\")."));
    }

    private Answer answerCommune(Turn turn, Commune c) {
        List<ConstituencyShare> shares = geo.constituenciesOf(c.inseeCode());
        if (shares.isEmpty()) {
            return Answer.text(turn.state(), turn.say(
                    "Je ne trouve pas la circonscription de " + c.name() + " dans les tables géographiques chargées ("
                            + geo.sourceDescription() + ").",
                    "I cannot find the constituency of " + c.name() + " in the loaded geographic tables ("
                            + geo.sourceDescription() + ")."));
        }
        if (shares.size() == 1) {
            return answerConstituency(turn, shares.getFirst().constituencyId(), c.name());
        }
        // The loaded tables place Paris, Lyon and Marseille by city, not by arrondissement: say so rather than guess.
        String why = placedOnlyByCity(c.inseeCode())
                ? turn.say(" Les tables officielles chargées ne donnent pas la circonscription par arrondissement.",
                        " The loaded official tables do not give the constituency by arrondissement.")
                : "";
        StringBuilder text = new StringBuilder(turn.say(
                c.name() + " est partagée entre " + shares.size() + " circonscriptions ; votre député dépend de votre "
                        + "adresse." + why + " Laquelle est la vôtre ?",
                c.name() + " is split between " + shares.size() + " constituencies; your deputy depends on your "
                        + "address." + why + " Which one is yours?"));
        List<PendingChoice.Option> options = new ArrayList<>();
        List<QuickReply> buttons = new ArrayList<>();
        for (ConstituencyShare share : shares) {
            Optional<Deputy> d = data.deputyOf(share.constituencyId());
            String label = d.map(x -> constituencyLabel(turn, x.constituency())).orElse(share.constituencyId());
            text.append("\n• ").append(label).append(" : ")
                    .append(d.map(x -> x.fullName() + groupSuffix(x)).orElse(turn.say("siège vacant dans les données", "no sitting deputy in the data")));
            EntityMention chosen = new EntityMention(EntityType.CIRCONSCRIPTION, share.constituencyId(), label, 0, label.length());
            options.add(new PendingChoice.Option(label, label, chosen));
            buttons.add(new QuickReply(label, label));
        }
        ConversationState state = turn.state().withPendingChoice(new PendingChoice(Intent.FIND_REPRESENTATIVE, List.of(), options));
        return Answer.text(state, text.toString(), buttons);
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
            return answerConstituency(turn, deputies.getFirst().constituency().id(), name);
        }
        StringBuilder text = new StringBuilder(turn.say(
                "Le département " + name + " compte " + deputies.size() + " circonscriptions. Dites-moi votre commune "
                        + "ou votre code postal pour trouver votre député, ou choisissez :",
                name + " has " + deputies.size() + " constituencies. Tell me your town or postcode to find your deputy, "
                        + "or choose:"));
        List<PendingChoice.Option> options = new ArrayList<>();
        List<QuickReply> buttons = new ArrayList<>();
        for (Deputy d : deputies) {
            String label = constituencyLabel(turn, d.constituency());
            text.append("\n• ").append(label).append(" : ").append(d.fullName());
            if (options.size() < MAX_OPTIONS * 2) {
                EntityMention chosen = new EntityMention(EntityType.CIRCONSCRIPTION, d.constituency().id(), label, 0, label.length());
                options.add(new PendingChoice.Option(label, label, chosen));
                buttons.add(new QuickReply(label, label));
            }
        }
        ConversationState state = turn.state().withPendingIntent(Intent.FIND_REPRESENTATIVE)
                .withPendingChoice(new PendingChoice(Intent.FIND_REPRESENTATIVE, List.of(), options));
        return Answer.text(state, text.toString(), buttons);
    }

    private Answer answerConstituency(Turn turn, String constituencyId, String placeName) {
        Optional<Deputy> deputy = data.deputyOf(constituencyId);
        if (deputy.isEmpty()) {
            return Answer.text(turn.state(), turn.say(
                    "Les données de l'Assemblée ne donnent aucun député en exercice pour la circonscription "
                            + constituencyId + (placeName == null ? "" : " (" + placeName + ")") + " : le siège est peut-être vacant.",
                    "The Assemblée's data gives no sitting deputy for constituency " + constituencyId
                            + (placeName == null ? "" : " (" + placeName + ")") + ": the seat may be vacant."));
        }
        Deputy d = deputy.get();
        String where = Places.constituency(turn.language(), d.constituency());
        String intro = placeName == null
                ? turn.say("Circonscription : " + where + ".", "Constituency: " + where + ".")
                : turn.say(placeName + " fait partie de la " + where + ".", placeName + " is in the " + where + ".");
        return Answer.text(turn.state().withDeputy(d.uid()).withPendingIntent(null).withPendingChoice(null),
                intro + "\n" + profile.describe(turn, d), DeputyQuickReplies.about(turn, d, false, true, true));
    }

    /** Paris, Lyon, Marseille (75056, 69123, 13055) and their arrondissements (75101–75120, 69381–69389, 13201–13216). */
    private static boolean placedOnlyByCity(String insee) {
        return insee.matches("75056|69123|13055|751(0[1-9]|1\\d|20)|132(0[1-9]|1[0-6])|6938[1-9]");
    }

    /** " (EPR)", or nothing when the group is unknown. */
    private String groupSuffix(Deputy d) {
        String abbreviation = ProfileHandler.groupAbbreviation(data, d.groupUid());
        return abbreviation == null ? "" : " (" + abbreviation + ")";
    }

    private static String constituencyLabel(Turn turn, Constituency c) {
        return Places.constituency(turn.language(), c);
    }

    private Answer askCommune(Turn turn, String question, List<Commune> communes) {
        if (communes.size() > MAX_OPTIONS * 2) {
            return Answer.text(turn.state().withPendingIntent(Intent.FIND_REPRESENTATIVE), question + turn.say(
                    " Précisez le code postal.", " Please give the postcode."));
        }
        List<PendingChoice.Option> options = new ArrayList<>();
        List<QuickReply> buttons = new ArrayList<>();
        for (Commune c : communes) {
            String label = c.name() + " (" + c.departementCode() + ")";
            options.add(new PendingChoice.Option(label, label,
                    new EntityMention(EntityType.COMMUNE, c.inseeCode(), label, 0, label.length())));
            buttons.add(new QuickReply(label, label));
        }
        ConversationState state = turn.state().withPendingChoice(new PendingChoice(Intent.FIND_REPRESENTATIVE, List.of(), options));
        return Answer.text(state, question, buttons);
    }

    private Answer unknownPlace(Turn turn, String text) {
        return Answer.text(turn.state().withPendingIntent(Intent.FIND_REPRESENTATIVE), turn.say(
                "Je ne trouve pas « " + text + " » dans les tables géographiques (" + geo.sourceDescription()
                        + "). Donnez-moi le nom exact de votre commune ou votre code postal.",
                "I cannot find \"" + text + "\" in the geographic tables (" + geo.sourceDescription()
                        + "). Give me your town's exact name or your postcode."));
    }
}
