package fr.civicgateway.core.votes;

import fr.civicgateway.core.answer.Formats;
import fr.civicgateway.core.dialogue.Turn;
import fr.civicgateway.core.nlu.Language;
import fr.civicgateway.core.parliament.Deputy;
import fr.civicgateway.core.parliament.DeputyVote;
import fr.civicgateway.core.parliament.GroupVote;
import fr.civicgateway.core.parliament.NonVotingCause;
import fr.civicgateway.core.parliament.Outcome;
import fr.civicgateway.core.parliament.ParliamentData;
import fr.civicgateway.core.parliament.Position;
import fr.civicgateway.core.parliament.Scrutin;
import fr.civicgateway.core.parliament.ScrutinType;
import fr.civicgateway.core.parliament.VoteCounts;
import java.util.Optional;

import static fr.civicgateway.core.answer.Agreement.gender;

/**
 * The sentences that state votes, exactly as API.md §3 fixes them: "a voté pour", "a voté contre",
 * "s'est abstenu(e)", "n'a pas pris part au vote" (en: "voted for", "voted against", "abstained",
 * "did not take part in the vote"); "adopté"/"rejeté" with the counts. Their wording is the shared bundle
 * {@code votes} of the message catalogue; this class picks the keys and the arguments.
 */
final class VoteWords {

    private VoteWords() {
    }

    /** "la motion de rejet préalable … (première lecture)" without the trailing period. */
    static String title(Scrutin s) {
        String t = s.title().strip();
        return t.endsWith(".") ? t.substring(0, t.length() - 1) : t;
    }

    /** The scrutin's number, as the sentences name it ("n° {number}"): a string, never grouped as a count. */
    static String number(Scrutin s) {
        return Integer.toString(s.number());
    }

    /** The scrutin's date, written in the turn's language: "17 novembre 2025". */
    static String date(Turn turn, Scrutin s) {
        return Formats.date(turn.language(), s.date());
    }

    /** The verb phrase of a deputy's position, {@code votes.position}: "a voté contre (par délégation)". */
    static String positionPhrase(Turn turn, Deputy d, DeputyVote v) {
        boolean voted = v.position() != Position.NON_VOTING && v.position() != Position.ABSENT;
        return turn.msg("votes.position", "position", positionKey(v.position()), "gender", gender(d),
                "proxy", voted && v.byProxy() ? "yes" : "no");
    }

    /** The {@code position} a sentence selects on: for, against, abstention, non_voting. */
    static String positionKey(Position p) {
        return switch (p) {
            case FOR -> "for";
            case AGAINST -> "against";
            case ABSTENTION -> "abstention";
            case NON_VOTING, ABSENT -> "non_voting";
        };
    }

    /** Why a deputy did not vote, when the data says or implies it; empty when it says nothing more. */
    static Optional<String> whyNotVoting(Turn turn, Deputy d, DeputyVote v, Scrutin s) {
        String gender = gender(d);
        if (v.position() == Position.NON_VOTING) {
            return Optional.of(switch (v.cause()) {
                case PRESIDENT_OF_ASSEMBLY -> turn.msg("votes.not_voting_president", "gender", gender);
                case SESSION_CHAIR -> turn.msg("votes.not_voting_chair", "gender", gender);
                case GOVERNMENT_MEMBER -> turn.msg("votes.not_voting_government", "gender", gender);
                case NONE, OTHER -> turn.msg("votes.not_voting_listed", "gender", gender);
            });
        }
        if (v.position() == Position.ABSENT) {
            if (d.mandateStart() != null && s.date().isBefore(d.mandateStart())) {
                return Optional.of(turn.msg("votes.absent_before_mandate", "gender", gender,
                        "start", Formats.date(turn.language(), d.mandateStart())));
            }
            if (d.mandateEnd() != null && s.date().isAfter(d.mandateEnd())) {
                return Optional.of(turn.msg("votes.absent_after_mandate",
                        "end", Formats.date(turn.language(), d.mandateEnd())));
            }
            if (s.type() == ScrutinType.CENSURE_MOTION) {
                return Optional.of(turn.msg("votes.absent_censure", "gender", gender));
            }
            return Optional.of(turn.msg("votes.absent", "gender", gender));
        }
        return Optional.empty();
    }

    /**
     * "Son groupe (LFI-NFP) a majoritairement voté pour." — the group under which the vote is listed (for a deputy
     * not listed, the current one). The position is computed from the group's nominal votes ({@link
     * GroupVote#majority()}); a group nobody of which voted "n'a pas pris part au vote", a tie has no majority. A
     * group the data does not name is worded without a name; a block the data cannot tell apart gives no sentence.
     * When the deputy voted otherwise than the majority, a second sentence says so.
     */
    static Optional<String> groupSentence(Turn turn, ParliamentData data, Deputy d, DeputyVote v, Scrutin s) {
        String groupUid = v.groupUid() != null ? v.groupUid() : d.groupUid();
        if (groupUid == null) {
            return Optional.empty();
        }
        java.util.List<GroupVote> blocks = s.groups().stream().filter(g -> g.groupUid().equals(groupUid)).toList();
        if (blocks.size() != 1) {
            // Absent, or several blocks the Assemblée published under one placeholder uid: none is surely theirs.
            return Optional.empty();
        }
        GroupVote gv = blocks.getFirst();
        Optional<String> abbreviation = data.groupAbbreviation(groupUid);
        Object[] group = {"gender", gender(d), "named", abbreviation.isPresent() ? "yes" : "no",
                "group", abbreviation.orElse("")};
        if (s.type() == ScrutinType.CENSURE_MOTION) {
            return Optional.of(turn.msg("votes.group_censure", with(group, "count", gv.counts().forVotes())));
        }
        if (gv.noneTookPart()) {
            return Optional.of(turn.msg("votes.group_no_vote", group));
        }
        Optional<Position> majority = gv.majority();
        if (majority.isEmpty()) {
            return Optional.of(turn.msg("votes.group_split", with(group, "counts", countsOf(gv))));
        }
        String sentence = turn.msg("votes.group_majority", with(group, "position", positionKey(majority.get())));
        if (v.tookPart() && majority.get() != v.position()) {
            sentence += " " + turn.msg("votes.group_departed", "gender", gender(d));
        }
        return Optional.of(sentence);
    }

    private static Object[] with(Object[] args, String name, Object value) {
        Object[] out = java.util.Arrays.copyOf(args, args.length + 2);
        out[args.length] = name;
        out[args.length + 1] = value;
        return out;
    }

    /** "12/3/0": for, against, abstentions. */
    static String countsOf(GroupVote g) {
        return g.counts().forVotes() + "/" + g.counts().against() + "/" + g.counts().abstentions();
    }

    /** "adopté (47 pour, 169 contre, 88 abstentions)" / "adopted (47 for, 169 against, 88 abstentions)". */
    static String result(Turn turn, Scrutin s) {
        VoteCounts c = s.counts();
        String outcome = s.outcome() == Outcome.ADOPTED ? "adopted" : "rejected";
        Language lang = turn.language();
        if (s.type() == ScrutinType.CENSURE_MOTION) {
            return turn.msg("votes.result_censure", "outcome", outcome, "for_count", Formats.count(lang, c.forVotes()),
                    "required", Formats.count(lang, c.required()));
        }
        return turn.msg("votes.result", "outcome", outcome, "for_count", Formats.count(lang, c.forVotes()),
                "against_count", Formats.count(lang, c.against()), "abstentions", c.abstentions());
    }

    /** The kind of vote a sentence selects on: ordinary, solemn, censure, other. */
    static String kind(Scrutin s) {
        return switch (s.type()) {
            case ORDINARY -> "ordinary";
            case SOLEMN -> "solemn";
            case CENSURE_MOTION -> "censure";
            case OTHER -> "other";
        };
    }

    static String capitalise(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    static boolean excused(NonVotingCause c) {
        return c.excusedByFunction();
    }
}
