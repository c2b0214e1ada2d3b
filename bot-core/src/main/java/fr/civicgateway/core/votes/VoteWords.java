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

import static fr.civicgateway.core.answer.Agreement.e;

/**
 * The sentences that state votes, exactly as API.md §3 fixes them: "a voté pour", "a voté contre",
 * "s'est abstenu(e)", "n'a pas pris part au vote" (en: "voted for", "voted against", "abstained",
 * "did not take part in the vote"); "adopté"/"rejeté" with the counts.
 */
final class VoteWords {

    private VoteWords() {
    }

    /** "la motion de rejet préalable … (première lecture)" without the trailing period. */
    static String title(Scrutin s) {
        String t = s.title().strip();
        return t.endsWith(".") ? t.substring(0, t.length() - 1) : t;
    }

    /** "n° 3876 du 17 novembre 2025" / "no. 3876 of 17 November 2025". */
    static String reference(Turn turn, Scrutin s) {
        return turn.say("n° " + s.number() + " du ", "no. " + s.number() + " of ") + Formats.date(turn.language(), s.date());
    }

    /** The verb phrase of a deputy's position: "a voté contre (par délégation)". */
    static String positionPhrase(Turn turn, Deputy d, DeputyVote v) {
        String proxy = v.byProxy() ? turn.say(" (par délégation)", " (by proxy)") : "";
        return switch (v.position()) {
            case FOR -> turn.say("a voté pour", "voted for") + proxy;
            case AGAINST -> turn.say("a voté contre", "voted against") + proxy;
            case ABSTENTION -> turn.say("s'est abstenu" + e(d), "abstained") + proxy;
            case NON_VOTING, ABSENT -> turn.say("n'a pas pris part au vote", "did not take part in the vote");
        };
    }

    /** Why a deputy did not vote, when the data says or implies it; empty when it says nothing more. */
    static Optional<String> whyNotVoting(Turn turn, Deputy d, DeputyVote v, Scrutin s) {
        if (v.position() == Position.NON_VOTING) {
            return Optional.of(switch (v.cause()) {
                case PRESIDENT_OF_ASSEMBLY -> turn.say(
                        "En tant que président" + e(d) + " de l'Assemblée, " + (d.feminine() ? "elle" : "il") + " ne vote pas (non-votant, cause PAN).",
                        "As President of the Assemblée, " + (d.feminine() ? "she" : "he") + " does not vote (non-voting, cause PAN).");
                case SESSION_CHAIR -> turn.say(
                        (d.feminine() ? "Elle" : "Il") + " présidait la séance et ne pouvait donc pas voter (non-votant, cause PSE).",
                        (d.feminine() ? "She" : "He") + " was chairing the sitting and so could not vote (non-voting, cause PSE).");
                case GOVERNMENT_MEMBER -> turn.say(
                        (d.feminine() ? "Elle" : "Il") + " était membre du gouvernement et ne pouvait donc pas voter (non-votant, cause MG).",
                        (d.feminine() ? "She" : "He") + " was a member of the government and so could not vote (non-voting, cause MG).");
                case NONE, OTHER -> turn.say(
                        (d.feminine() ? "Elle" : "Il") + " est inscrit" + e(d) + " parmi les non-votants du scrutin.",
                        "The deputy is listed among the scrutin's non-voting members.");
            });
        }
        if (v.position() == Position.ABSENT) {
            if (d.mandateStart() != null && s.date().isBefore(d.mandateStart())) {
                return Optional.of(turn.say(
                        (d.feminine() ? "Elle" : "Il") + " n'était pas encore " + (d.feminine() ? "députée" : "député")
                                + " à cette date (prise de fonction le " + Formats.date(turn.language(), d.mandateStart()) + ").",
                        "The deputy had not yet taken office on that date (took office on "
                                + Formats.date(turn.language(), d.mandateStart()) + ")."));
            }
            if (d.mandateEnd() != null && s.date().isAfter(d.mandateEnd())) {
                return Optional.of(turn.say("Son mandat avait pris fin le " + Formats.date(turn.language(), d.mandateEnd()) + ".",
                        "The mandate had ended on " + Formats.date(turn.language(), d.mandateEnd()) + "."));
            }
            if (s.type() == ScrutinType.CENSURE_MOTION) {
                return Optional.of(turn.say(
                        "Pour une motion de censure, seuls les votes pour sont enregistrés : " + (d.feminine() ? "elle" : "il") + " ne l'a pas votée.",
                        "For a censure motion only the votes for are recorded: the deputy did not vote for it."));
            }
            return Optional.of(turn.say(
                    (d.feminine() ? "Elle" : "Il") + " ne figure pas parmi les votants de ce scrutin.",
                    "The deputy is not listed among this scrutin's voters."));
        }
        return Optional.empty();
    }

    /** "pour" / "contre" / "abstention" / "non-votant" as a group's majority position. */
    static String groupPosition(Language lang, Position p) {
        return switch (p) {
            case FOR -> lang == Language.EN ? "for" : "pour";
            case AGAINST -> lang == Language.EN ? "against" : "contre";
            case ABSTENTION -> lang == Language.EN ? "abstention" : "abstention";
            case NON_VOTING, ABSENT -> lang == Language.EN ? "did not vote" : "non-votant";
        };
    }

    /**
     * "Son groupe (LFI-NFP) a majoritairement voté pour." — the group under which the vote is listed (for a deputy
     * not listed, the current one). The position is computed from the group's nominal votes ({@link
     * GroupVote#majority()}); a group nobody of which voted "n'a pas pris part au vote", a tie has no majority. A
     * group the data does not name is worded without a name; a block the data cannot tell apart gives no sentence.
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
        String fr = abbreviation.map(a -> "Son groupe (" + a + ")").orElse("Son groupe");
        String en = abbreviation.map(a -> (d.feminine() ? "Her" : "His") + " group (" + a + ")")
                .orElse(d.feminine() ? "Her group" : "His group");
        if (s.type() == ScrutinType.CENSURE_MOTION) {
            int n = gv.counts().forVotes();
            return Optional.of(n == 0
                    ? turn.say("Aucun membre de " + lower(fr) + " ne l'a votée.", "No member of " + lower(en) + " voted for it.")
                    : turn.say(n + " " + (n == 1 ? "membre" : "membres") + " de " + lower(fr) + " l'" + (n == 1 ? "a" : "ont") + " votée.",
                            n + " " + (n == 1 ? "member" : "members") + " of " + lower(en) + " voted for it."));
        }
        if (gv.noneTookPart()) {
            return Optional.of(turn.say(fr + " n'a pas pris part au vote.", en + " did not take part in the vote."));
        }
        Optional<Position> majority = gv.majority();
        if (majority.isEmpty()) {
            return Optional.of(turn.say(fr + " n'a pas de position majoritaire : ses votes se partagent à égalité ("
                            + countsOf(gv) + " pour/contre/abstentions).",
                    en + " has no majority position: its votes are evenly split (" + countsOf(gv) + " for/against/abstentions)."));
        }
        String pos = groupPosition(turn.language(), majority.get());
        String sentence = majority.get() == Position.ABSTENTION
                ? turn.say(fr + " s'est majoritairement abstenu.", en + " mostly abstained.")
                : turn.say(fr + " a majoritairement voté " + pos + ".", en + " mostly voted " + pos + ".");
        if (v.tookPart() && majority.get() != v.position()) {
            sentence += turn.say(" " + (d.feminine() ? "Elle" : "Il") + " s'en est donc écarté" + e(d) + ".",
                    " The deputy departed from the group's majority.");
        }
        return Optional.of(sentence);
    }

    /** "12/3/0": for, against, abstentions. */
    static String countsOf(GroupVote g) {
        return g.counts().forVotes() + "/" + g.counts().against() + "/" + g.counts().abstentions();
    }

    private static String lower(String s) {
        return Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }

    /** "adopté (47 pour, 169 contre, 88 abstentions)" / "adopted (47 for, 169 against, 88 abstentions)". */
    static String result(Turn turn, Scrutin s) {
        VoteCounts c = s.counts();
        String outcome = s.outcome() == Outcome.ADOPTED ? turn.say("adopté", "adopted") : turn.say("rejeté", "rejected");
        Language lang = turn.language();
        if (s.type() == ScrutinType.CENSURE_MOTION) {
            return outcome + turn.say(" (" + Formats.count(lang, c.forVotes()) + " voix pour, majorité requise "
                            + Formats.count(lang, c.required()) + " ; seuls les votes pour sont enregistrés)",
                    " (" + Formats.count(lang, c.forVotes()) + " votes for, " + Formats.count(lang, c.required())
                            + " required; only the votes for are recorded)");
        }
        return outcome + " (" + Formats.count(lang, c.forVotes()) + turn.say(" pour, ", " for, ")
                + Formats.count(lang, c.against()) + turn.say(" contre, ", " against, ")
                + Formats.count(lang, c.abstentions()) + " "
                + Formats.plural(lang, c.abstentions(), "abstention", "abstentions", "abstention", "abstentions") + ")";
    }

    /** The kind of vote: "scrutin public solennel". */
    static String kind(Turn turn, Scrutin s) {
        return switch (s.type()) {
            case ORDINARY -> turn.say("scrutin public ordinaire", "ordinary public vote");
            case SOLEMN -> turn.say("scrutin public solennel", "solemn public vote");
            case CENSURE_MOTION -> turn.say("motion de censure", "censure motion");
            case OTHER -> turn.say("scrutin public", "public vote");
        };
    }

    static String capitalise(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    static boolean excused(NonVotingCause c) {
        return c.excusedByFunction();
    }
}
