package fr.civicgateway.opendata.assemblee;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import fr.civicgateway.core.parliament.Deputy;
import fr.civicgateway.core.votes.VoteAlignments;
import fr.civicgateway.core.votes.VoteAlignments.Closeness;
import fr.civicgateway.core.votes.VoteAlignments.Cohesion;
import fr.civicgateway.core.votes.VoteAlignments.Loyalty;
import fr.civicgateway.opendata.testing.ShippedData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Loyalty, cohesion and closeness ({@link VoteAlignments}) on the shipped scrutins, against a second, naive reading
 * of the raw archive: each group's nominal lists (not its {@code decompteVoix}, not the loader's index) give the
 * group's majority, its Rice index and each deputy's position.
 */
class VoteAlignmentsOnRealDataTest {

    private static final List<String> CATEGORIES = List.of("pours", "contres", "abstentions");

    /** One SPO/SPS scrutin read naively: number, date, and per group its members' positions (uid → category). */
    record RawScrutin(int number, LocalDate date, Map<String, Map<String, String>> groups) {
    }

    private static List<RawScrutin> raw;
    private static Set<String> nonInscrits;
    private static VoteAlignments alignments;

    @BeforeAll
    static void readTheArchive() {
        alignments = new VoteAlignments(ShippedData.snapshot());
        nonInscrits = naiveNonInscrits();
        raw = new ArrayList<>();
        ShippedData.forEachScrutin(s -> {
            String type = s.path("typeVote").path("codeTypeVote").asString();
            if (!type.equals("SPO") && !type.equals("SPS")) {
                return;
            }
            LocalDate date = LocalDate.parse(s.path("dateScrutin").asString());
            Map<String, Map<String, String>> groups = new HashMap<>();
            for (JsonNode g : ShippedData.many(s.path("ventilationVotes").path("organe").path("groupes").path("groupe"))) {
                Map<String, String> members = new HashMap<>();
                JsonNode nominatif = g.path("vote").path("decompteNominatif");
                for (String c : CATEGORIES) {
                    for (JsonNode v : ShippedData.many(nominatif.path(c).path("votant"))) {
                        members.put(v.path("acteurRef").asString(), c);
                    }
                }
                String group = g.path("organeRef").asString();
                if (group.equals("PO0")) {
                    group = groupOfVoters(members.keySet(), date);
                }
                groups.computeIfAbsent(group, k -> new HashMap<>()).putAll(members);
            }
            raw.add(new RawScrutin(Integer.parseInt(s.path("numero").asString()), date, groups));
        });
        raw.sort((a, b) -> Integer.compare(a.number(), b.number()));
    }

    /**
     * The documented reading of a block the Assemblée published as {@code PO0} (12 scrutins of the shipped data): the
     * group its voters belonged to that day by their acteur files' GP mandates, when those agree; else PO0.
     */
    private static String groupOfVoters(Set<String> voters, LocalDate date) {
        Set<String> found = new HashSet<>();
        for (String uid : voters) {
            if (!ShippedData.isSitting(uid)) {
                continue;
            }
            for (JsonNode m : ShippedData.many(ShippedData.acteur(uid).path("mandats").path("mandat"))) {
                JsonNode end = m.path("dateFin");
                if (m.path("typeOrgane").asString().equals("GP")
                        && !LocalDate.parse(m.path("dateDebut").asString()).isAfter(date)
                        && (!end.isString() || !LocalDate.parse(end.asString()).isBefore(date))) {
                    found.add(m.path("organes").path("organeRef").asString());
                }
            }
        }
        return found.size() == 1 ? found.iterator().next() : "PO0";
    }

    /** The organe files whose abbreviation is NI, by a plain regular expression. */
    private static Set<String> naiveNonInscrits() {
        Set<String> out = new HashSet<>();
        Pattern uid = Pattern.compile("\"uid\": \"(PO\\d+)\"");
        try (var files = Files.list(ShippedData.amo10().resolve("json/organe"))) {
            for (Path f : files.toList()) {
                String json = Files.readString(f);
                Matcher m = uid.matcher(json);
                if (json.contains("\"libelleAbrege\": \"NI\"") && m.find()) {
                    out.add(m.group(1));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.add("PO0");
        return out;
    }

    /** The strictly largest category of a group's nominal lists, or null (none, or a tie). */
    private static String majority(Map<String, String> members) {
        Map<String, Integer> n = new HashMap<>();
        members.values().forEach(c -> n.merge(c, 1, Integer::sum));
        String best = null;
        int top = 0;
        boolean tie = false;
        for (String c : CATEGORIES) {
            int k = n.getOrDefault(c, 0);
            if (k > top) {
                best = c;
                top = k;
                tie = false;
            } else if (k == top && k > 0) {
                tie = true;
            }
        }
        return tie ? null : best;
    }

    /** same, counted, first day, last day (epoch days), and the same per month. */
    record NaiveLoyalty(int same, int counted, LocalDate from, LocalDate to, Map<YearMonth, int[]> months) {
    }

    private static Map<String, NaiveLoyalty> naiveLoyalties() {
        Map<String, int[]> counts = new HashMap<>();
        Map<String, LocalDate[]> period = new HashMap<>();
        Map<String, Map<YearMonth, int[]>> months = new HashMap<>();
        for (RawScrutin s : raw) {
            s.groups().forEach((group, members) -> {
                String majority = majority(members);
                if (nonInscrits.contains(group) || majority == null) {
                    return;
                }
                members.forEach((uid, c) -> {
                    int[] k = counts.computeIfAbsent(uid, u -> new int[2]);
                    int alike = c.equals(majority) ? 1 : 0;
                    k[0] += alike;
                    k[1]++;
                    int[] m = months.computeIfAbsent(uid, u -> new TreeMap<>())
                            .computeIfAbsent(YearMonth.from(s.date()), u -> new int[2]);
                    m[0] += alike;
                    m[1]++;
                    LocalDate[] p = period.computeIfAbsent(uid, u -> new LocalDate[] {s.date(), s.date()});
                    p[0] = s.date().isBefore(p[0]) ? s.date() : p[0];
                    p[1] = s.date().isAfter(p[1]) ? s.date() : p[1];
                });
            });
        }
        Map<String, NaiveLoyalty> out = new HashMap<>();
        counts.forEach((uid, k) -> out.put(uid,
                new NaiveLoyalty(k[0], k[1], period.get(uid)[0], period.get(uid)[1], months.get(uid))));
        return out;
    }

    @Test
    void everyDeputysLoyaltyIsTheNaiveCountOfVotesCastLikeTheGroupsMajority() {
        Map<String, NaiveLoyalty> naive = naiveLoyalties();
        int compared = 0;
        for (Deputy d : ShippedData.snapshot().deputies()) {
            NaiveLoyalty n = naive.get(d.uid());
            var loyalty = alignments.loyalty(d.uid());
            if (n == null) {
                assertThat(loyalty).as(d.uid()).isEmpty();
                continue;
            }
            Loyalty l = loyalty.orElseThrow();
            assertThat(List.of(l.same(), l.counted())).as(d.uid()).containsExactly(n.same(), n.counted());
            assertThat(List.of(l.from(), l.to())).as(d.uid()).containsExactly(n.from(), n.to());
            assertThat(l.months()).as(d.uid()).hasSize(n.months().size());
            l.months().forEach(m -> assertThat(new int[] {m.same(), m.counted()}).as(d.uid() + " " + m.month())
                    .containsExactly(n.months().get(m.month())));
            assertThat(l.method()).isEqualTo("an-loyalty-1");
            compared++;
        }
        assertThat(compared).isGreaterThan(570);
    }

    @Test
    void deputiesOfDifferentGroupsMostlyVoteWithTheirGroup() {
        Map<String, NaiveLoyalty> naive = naiveLoyalties();
        for (String[] who : new String[][] {{"Mathilde", "Panot"}, {"Marine", "Le Pen"}, {"Boris", "Vallaud"},
                {"Charles", "de Courson"}, {"Gabriel", "Attal"}, {"Sandrine", "Rousseau"}}) {
            String uid = ShippedData.sittingDeputyNamed(who[0], who[1]);
            Loyalty l = alignments.loyalty(uid).orElseThrow();
            NaiveLoyalty n = naive.get(uid);
            assertThat(l.share()).as(who[1]).isCloseTo((double) n.same() / n.counted(), within(1e-12));
            assertThat(l.counted()).as(who[1]).isGreaterThan(100);
        }
    }

    @Test
    void everyGroupsCohesionIsTheMeanOfTheNaiveRiceIndexes() {
        Map<String, List<double[]>> naive = new TreeMap<>();
        for (RawScrutin s : raw) {
            s.groups().forEach((group, members) -> {
                long f = members.values().stream().filter("pours"::equals).count();
                long a = members.values().stream().filter("contres"::equals).count();
                if (!nonInscrits.contains(group) && f + a > 0) {
                    naive.computeIfAbsent(group, g -> new ArrayList<>())
                            .add(new double[] {s.number(), (double) Math.abs(f - a) / (f + a)});
                }
            });
        }
        assertThat(naive).containsKeys("PO845413", "PO845401", "PO845407", "PO845419", "PO845485");
        naive.forEach((group, list) -> {
            Cohesion c = alignments.cohesion(group).orElseThrow();
            assertThat(c.scrutins()).as(group).isEqualTo(list.size());
            assertThat(c.perScrutin().stream().map(r -> r.number()).toList()).as(group)
                    .isEqualTo(list.stream().map(x -> (int) x[0]).toList());
            double mean = list.stream().mapToDouble(x -> x[1]).average().orElseThrow();
            assertThat(c.averageRice()).as(group).isCloseTo(mean, within(1e-9));
            double monthlyWeighted = c.months().stream().mapToDouble(m -> m.averageRice() * m.scrutins()).sum();
            assertThat(monthlyWeighted / c.scrutins()).as(group).isCloseTo(mean, within(1e-9));
            assertThat(c.method()).isEqualTo("an-cohesion-1");
        });
        nonInscrits.forEach(ni -> assertThat(alignments.cohesion(ni)).as(ni).isEmpty());
        assertThat(alignments.cohesion("PO999999999")).isEmpty();
    }

    @Test
    void closenessOfPairsInOneGroupAndInOpposedGroupsIsTheNaiveShareOfCommonScrutinsVotedAlike() {
        String panot = ShippedData.sittingDeputyNamed("Mathilde", "Panot");
        String bompard = ShippedData.sittingDeputyNamed("Manuel", "Bompard");
        String lePen = ShippedData.sittingDeputyNamed("Marine", "Le Pen");
        String vallaud = ShippedData.sittingDeputyNamed("Boris", "Vallaud");
        String attal = ShippedData.sittingDeputyNamed("Gabriel", "Attal");
        double sameGroup = 0;
        double opposed = 0;
        for (String[] pair : new String[][] {{panot, bompard}, {panot, lePen}, {vallaud, attal}, {lePen, attal}}) {
            int same = 0;
            int common = 0;
            LocalDate from = null;
            LocalDate to = null;
            for (RawScrutin s : raw) {
                String a = positionIn(s, pair[0]);
                String b = positionIn(s, pair[1]);
                if (a != null && b != null) {
                    common++;
                    same += a.equals(b) ? 1 : 0;
                    from = from == null ? s.date() : from;
                    to = s.date();
                }
            }
            Closeness c = alignments.closeness(pair[0], pair[1]).orElseThrow();
            assertThat(List.of(c.same(), c.common())).containsExactly(same, common);
            assertThat(List.of(c.from(), c.to())).containsExactly(from, to);
            assertThat(alignments.closeness(pair[1], pair[0]).orElseThrow().share()).isEqualTo(c.share());
            if (pair[0].equals(panot) && pair[1].equals(bompard)) {
                sameGroup = c.share();
            } else if (pair[1].equals(lePen)) {
                opposed = c.share();
            }
        }
        assertThat(sameGroup).isGreaterThan(0.9).isGreaterThan(opposed);
    }

    private static String positionIn(RawScrutin s, String uid) {
        for (Map<String, String> members : s.groups().values()) {
            String c = members.get(uid);
            if (c != null) {
                return c;
            }
        }
        return null;
    }

    @Test
    void unknownDeputiesAndTheSameDeputyTwiceHaveNoFigure() {
        String panot = ShippedData.sittingDeputyNamed("Mathilde", "Panot");
        assertThat(alignments.loyalty("PA0")).isEmpty();
        assertThat(alignments.loyalty("not a uid")).isEmpty();
        assertThat(alignments.closeness(panot, "PA0")).isEmpty();
        assertThat(alignments.closeness(panot, panot)).isEmpty();
    }

    @Test
    void aDeputyWhoNeverVotedHasNoLoyaltyAndNoClosenessButIsKnown() {
        Set<String> voted = new HashSet<>();
        raw.forEach(s -> s.groups().values().forEach(m -> voted.addAll(m.keySet())));
        String panot = ShippedData.sittingDeputyNamed("Mathilde", "Panot");
        List<Deputy> silent = ShippedData.snapshot().deputies().stream().filter(d -> !voted.contains(d.uid())).toList();
        assertThat(silent).as("deputies of the data never listed for, against or abstaining").isNotEmpty();
        for (Deputy d : silent) {
            assertThat(alignments.loyalty(d.uid())).as(d.uid()).isEmpty();
            assertThat(alignments.closeness(d.uid(), panot)).as(d.uid()).isEmpty();
        }
    }
}
