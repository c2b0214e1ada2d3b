package fr.civicgateway.connectors.pages;

import fr.civicgateway.core.parliament.Deputy;
import fr.civicgateway.core.parliament.DeputyVote;
import fr.civicgateway.core.parliament.GroupVote;
import fr.civicgateway.core.parliament.Outcome;
import fr.civicgateway.core.parliament.ParliamentData;
import fr.civicgateway.core.parliament.Position;
import fr.civicgateway.core.parliament.Scrutin;
import fr.civicgateway.core.parliament.ScrutinType;
import fr.civicgateway.core.parliament.VoteCounts;
import fr.civicgateway.core.parliament.work.AssemblyWork;
import fr.civicgateway.core.parliament.work.Dossier;
import java.text.Collator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What the page of one scrutin shows, every sentence already in the page's language: its title, date, kind and
 * result, the counts as published ({@code syntheseVote}), each group's counts and majority
 * ({@link GroupVote#majority()}, as the chat's result answer states it), the nominal lists by group, the dossiers
 * that name it, and its source.
 */
public record ScrutinPage(int number, String title, String date, String kind, String result, List<Count> counts,
                          List<GroupRow> groups, List<Dossier> dossiers, String sourceUrl, String dataDate) {

    /** One count of the synthesis: its label, its value; {@code id} is a stable anchor ({@code count-for}). */
    public record Count(String id, String label, String value) {
    }

    /**
     * One group: its name, its published counts, its majority as a word, and its members by position.
     *
     * @param lists the nominal lists: a label ("Pour (12)") and the deputies, each a name and a uid
     */
    public record GroupRow(String id, String name, String fullName, int members, int forVotes, int against,
                           int abstentions, int nonVoting, String majority, List<NominalList> lists) {
    }

    public record NominalList(String label, List<Voter> voters) {
    }

    public record Voter(String uid, String name, boolean byProxy) {
    }

    private static final List<Position> LISTED = List.of(Position.FOR, Position.AGAINST, Position.ABSTENTION,
            Position.NON_VOTING);

    static ScrutinPage of(Scrutin s, ParliamentData data, AssemblyWork work, PageText t) {
        VoteCounts c = s.counts();
        String kind = switch (s.type()) {
            case ORDINARY -> "ordinary";
            case SOLEMN -> "solemn";
            case CENSURE_MOTION -> "censure";
            case OTHER -> "other";
        };
        String result = t.msg("pages.scrutin_result", "outcome", s.outcome() == Outcome.ADOPTED ? "adopted" : "rejected");
        List<Count> counts = new ArrayList<>();
        counts.add(new Count("count-voters", t.msg("pages.count_voters"), t.count(c.voters())));
        counts.add(new Count("count-expressed", t.msg("pages.count_expressed"), t.count(c.expressed())));
        counts.add(new Count("count-required", t.msg("pages.count_required"), t.count(c.required())));
        counts.add(new Count("count-for", t.msg("pages.count_for"), t.count(c.forVotes())));
        if (s.type() != ScrutinType.CENSURE_MOTION) {
            // A censure motion records only the votes for.
            counts.add(new Count("count-against", t.msg("pages.count_against"), t.count(c.against())));
            counts.add(new Count("count-abstentions", t.msg("pages.count_abstentions"), t.count(c.abstentions())));
        }
        counts.add(new Count("count-non-voting", t.msg("pages.count_non_voting"), t.count(c.nonVoting())));

        // Nominal lists: each deputy's recorded vote, under the group it is listed in.
        Map<String, Map<Position, List<Voter>>> byGroup = new HashMap<>();
        Collator collator = Collator.getInstance(Locale.FRENCH);
        for (Deputy d : data.deputies()) {
            DeputyVote v = data.vote(d.uid(), s.number());
            if (v.position() == Position.ABSENT || v.groupUid() == null) {
                continue;
            }
            byGroup.computeIfAbsent(v.groupUid(), g -> new EnumMap<>(Position.class))
                    .computeIfAbsent(v.position(), p -> new ArrayList<>())
                    .add(new Voter(d.uid(), d.fullName(), v.byProxy()));
        }
        Comparator<Voter> byName = Comparator.comparing(Voter::name, collator);
        List<GroupRow> groups = new ArrayList<>();
        int i = 0;
        for (GroupVote g : s.groups()) {
            String abbreviation = data.groupAbbreviation(g.groupUid()).orElseGet(() -> t.msg("pages.unidentified_group"));
            String fullName = data.groupFullName(g.groupUid()).orElse(abbreviation);
            String majority = t.msg("pages.majority", "position", g.noneTookPart() ? "none"
                    : g.majority().map(DeputyPage::positionKey).orElse("split"));
            List<NominalList> lists = new ArrayList<>();
            Map<Position, List<Voter>> positions = byGroup.getOrDefault(g.groupUid(), Map.of());
            for (Position p : LISTED) {
                List<Voter> voters = new ArrayList<>(positions.getOrDefault(p, List.of()));
                if (!voters.isEmpty()) {
                    voters.sort(byName);
                    lists.add(new NominalList(t.msg("pages.nominal_list", "position", DeputyPage.positionKey(p),
                            "count", voters.size()), voters));
                }
            }
            VoteCounts gc = g.counts();
            // The group's uid is the Assemblée's stable id; an unnamed block (PO0) may repeat, hence the index.
            groups.add(new GroupRow("group-" + g.groupUid() + (g.groupUid().equals("PO0") ? "-" + i : ""),
                    abbreviation, fullName, g.members(), gc.forVotes(), gc.against(), gc.abstentions(),
                    gc.nonVoting(), majority, lists));
            i++;
        }
        return new ScrutinPage(s.number(), capitalise(title(s)), t.date(s.date()),
                t.msg("pages.scrutin_kind", "kind", kind), result, counts, groups,
                work.dossiersOfScrutin(s.number()), s.pageUrl(), t.date(data.info().lastScrutinDate()));
    }

    /** The published title without its trailing period, as the chat says it. */
    static String title(Scrutin s) {
        String t = s.title().strip();
        return t.endsWith(".") ? t.substring(0, t.length() - 1) : t;
    }

    private static String capitalise(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
