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

        List<GroupVote> groups = new ArrayList<>();
        List<String> refs = new ArrayList<>();
        List<String> refGroups = new ArrayList<>();
        ByteList codes = new ByteList();
        for (JsonNode g : Json.list(Json.at(s, "ventilationVotes.organe.groupes.groupe"))) {
            // PO0 (some December 2024 scrutins) and PO847173 (the former UDR group) are uids no organe file
            // describes: they are kept as given, and the snapshot names such groups by their uid.
            String groupUid = canonical(canonical, Json.requiredText(g, "organeRef"));
            JsonNode vote = g.path("vote");
            JsonNode voix = vote.path("decompteVoix");
            groups.add(new GroupVote(groupUid, Json.integer(g, "nombreMembresGroupe", 0),
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
        Scrutin scrutin = new Scrutin(number, date, type, title == null ? "" : title, outcome, counts, groups);
        return new ParsedScrutin(scrutin, refs.toArray(String[]::new), codes.toArray(), refGroups.toArray(String[]::new));
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
