package fr.civicgateway.opendata.assemblee;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import fr.civicgateway.core.parliament.GroupVote;
import fr.civicgateway.core.parliament.NonVotingCause;
import fr.civicgateway.core.parliament.Outcome;
import fr.civicgateway.core.parliament.Position;
import fr.civicgateway.core.parliament.Scrutin;
import fr.civicgateway.core.parliament.ScrutinType;
import fr.civicgateway.core.parliament.VoteCounts;
import tools.jackson.databind.JsonNode;

/**
 * Reads one {@code json/VTANR5L17V<n>.json} entry: the scrutin's metadata and its nominative votes, each with the
 * group it is listed under in the ventilation.
 */
final class ScrutinReader {

    /** The votes of one scrutin, as parallel arrays (one slot per listed deputy). */
    record ParsedScrutin(Scrutin scrutin, String[] acteurRefs, byte[] codes, String[] groupUids) {
    }

    /** The four categories of {@code decompteNominatif} and the position each one means. */
    private static final String[] CATEGORIES = {"pours", "contres", "abstentions", "nonVotants"};
    private static final Position[] CATEGORY_POSITIONS = {
        Position.FOR, Position.AGAINST, Position.ABSTENTION, Position.NON_VOTING
    };

    private ScrutinReader() {
    }

    /**
     * @param canonical shares equal values across scrutins (group uids, dates, group counts): tens of thousands of
     *                  them repeat a few hundred distinct ones, and the snapshot keeps them all
     */
    static ParsedScrutin read(JsonNode root, Map<Object, Object> canonical) {
        return read(root, canonical, (acteur, date) -> null);
    }

    /**
     * The group an acteur belonged to on a date, from their GP mandates; null when the mandates do not say.
     * Called from the loading thread only.
     */
    @FunctionalInterface
    interface GroupMandates {
        String groupOn(String acteurUid, LocalDate date);
    }

    /** The uid the Assemblée writes in a group block whose organe it did not fill in (scrutins 489, 491–501). */
    static final String PLACEHOLDER_GROUP = "PO0";

    /**
     * @param groups the group of each acteur at a date, to name the blocks published as {@link #PLACEHOLDER_GROUP}
     */
    static ParsedScrutin read(JsonNode root, Map<Object, Object> canonical, GroupMandates groups) {
        JsonNode s = root.path("scrutin");
        if (!s.isObject()) {
            throw new Json.Malformed("missing root element scrutin");
        }
        int number = Json.requiredInteger(s, "numero");
        LocalDate date = Json.date(s, "dateScrutin");
        if (date == null) {
            throw new Json.Malformed("missing dateScrutin");
        }
        date = canonical(canonical, date);
        ScrutinType type = ScrutinType.fromCode(Json.requiredText(s, "typeVote.codeTypeVote"));
        Outcome outcome = outcome(Json.requiredText(s, "sort.code"));
        String title = Json.text(s, "titre");
        JsonNode synthese = s.path("syntheseVote");
        VoteCounts counts = new VoteCounts(
                Json.integer(synthese, "nombreVotants", 0),
                Json.integer(synthese, "suffragesExprimes", 0),
                Json.integer(synthese, "nbrSuffragesRequis", 0),
                Json.integer(synthese, "decompte.pour", 0),
                Json.integer(synthese, "decompte.contre", 0),
                Json.integer(synthese, "decompte.abstentions", 0),
                Json.integer(synthese, "decompte.nonVotants", 0));

        List<JsonNode> blocks = Json.list(Json.at(s, "ventilationVotes.organe.groupes.groupe"));
        List<String> blockUids = new ArrayList<>();
        for (JsonNode g : blocks) {
            blockUids.add(Json.requiredText(g, "organeRef"));
        }
        resolvePlaceholders(blocks, blockUids, date, groups);

        List<GroupVote> groupVotes = new ArrayList<>();
        List<String> refs = new ArrayList<>();
        List<String> refGroups = new ArrayList<>();
        ByteList codes = new ByteList();
        for (int b = 0; b < blocks.size(); b++) {
            JsonNode g = blocks.get(b);
            // PO847173 (the former UDR group) is a uid no organe file describes: kept as given, never shown.
            String groupUid = canonical(canonical, blockUids.get(b));
            JsonNode vote = g.path("vote");
            JsonNode voix = vote.path("decompteVoix");
            groupVotes.add(new GroupVote(groupUid, Json.integer(g, "nombreMembresGroupe", 0),
                    majority(Json.text(vote, "positionMajoritaire")),
                    canonical(canonical, new VoteCounts(0, 0, 0, Json.integer(voix, "pour", 0),
                            Json.integer(voix, "contre", 0), Json.integer(voix, "abstentions", 0),
                            Json.integer(voix, "nonVotants", 0)))));
            JsonNode nominatif = vote.path("decompteNominatif");
            for (int c = 0; c < CATEGORIES.length; c++) {
                for (JsonNode votant : Json.list(Json.at(nominatif, CATEGORIES[c] + ".votant"))) {
                    String ref = Json.requiredText(votant, "acteurRef");
                    if (!ref.startsWith("PA")) {
                        throw new Json.Malformed("acteurRef is not an acteur uid: \"" + ref + "\"");
                    }
                    NonVotingCause cause = CATEGORY_POSITIONS[c] == Position.NON_VOTING
                            ? NonVotingCause.fromCode(Json.text(votant, "causePositionVote"))
                            : NonVotingCause.NONE;
                    refs.add(ref);
                    refGroups.add(groupUid);
                    codes.add(VoteCode.encode(CATEGORY_POSITIONS[c], Json.bool(votant, "parDelegation"), cause));
                }
            }
        }
        Scrutin scrutin = new Scrutin(number, date, type, title == null ? "" : title, outcome, counts, groupVotes);
        return new ParsedScrutin(scrutin, refs.toArray(String[]::new), codes.toArray(), refGroups.toArray(String[]::new));
    }

    /**
     * A block published as {@code PO0} is still one group's block (its members and counts are right), only its
     * organe is missing: it takes the group its voters belonged to on the vote's day by their GP mandates, when
     * every voter whose mandates say agrees, and no other block of the scrutin is that group's. Otherwise it stays
     * {@code PO0}, which answers never show.
     */
    private static void resolvePlaceholders(List<JsonNode> blocks, List<String> blockUids, LocalDate date,
                                            GroupMandates groups) {
        if (!blockUids.contains(PLACEHOLDER_GROUP)) {
            return;
        }
        List<String> resolved = new ArrayList<>();
        for (int b = 0; b < blocks.size(); b++) {
            String found = null;
            boolean agree = blockUids.get(b).equals(PLACEHOLDER_GROUP);
            JsonNode nominatif = blocks.get(b).path("vote").path("decompteNominatif");
            for (int c = 0; c < CATEGORIES.length && agree; c++) {
                for (JsonNode votant : Json.list(Json.at(nominatif, CATEGORIES[c] + ".votant"))) {
                    String group = groups.groupOn(Json.text(votant, "acteurRef"), date);
                    if (group != null && found != null && !group.equals(found)) {
                        agree = false;
                        break;
                    }
                    found = group == null ? found : group;
                }
            }
            resolved.add(agree ? found : null);
        }
        for (int b = 0; b < blocks.size(); b++) {
            String group = resolved.get(b);
            if (group != null && !blockUids.contains(group)
                    && resolved.stream().filter(group::equals).count() == 1) {
                blockUids.set(b, group);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> T canonical(Map<Object, Object> canonical, T value) {
        return (T) canonical.computeIfAbsent(value, v -> v);
    }

    private static Outcome outcome(String code) {
        return switch (code) {
            case "adopté" -> Outcome.ADOPTED;
            case "rejeté" -> Outcome.REJECTED;
            default -> throw new Json.Malformed("unknown sort.code: \"" + code + "\"");
        };
    }

    private static Position majority(String position) {
        if (position == null) {
            return Position.ABSENT;
        }
        return switch (position) {
            case "pour" -> Position.FOR;
            case "contre" -> Position.AGAINST;
            case "abstention" -> Position.ABSTENTION;
            case "nonVotant", "nonVotants" -> Position.NON_VOTING;
            default -> throw new Json.Malformed("unknown positionMajoritaire: \"" + position + "\"");
        };
    }

    /** A growable byte array: avoids boxing the few hundred votes of each scrutin. */
    private static final class ByteList {
        private byte[] bytes = new byte[640];
        private int size;

        void add(byte b) {
            if (size == bytes.length) {
                bytes = java.util.Arrays.copyOf(bytes, size * 2);
            }
            bytes[size++] = b;
        }

        byte[] toArray() {
            return java.util.Arrays.copyOf(bytes, size);
        }
    }
}
