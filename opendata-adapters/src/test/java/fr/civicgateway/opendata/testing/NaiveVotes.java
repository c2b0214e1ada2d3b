package fr.civicgateway.opendata.testing;

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
import tools.jackson.databind.JsonNode;

/**
 * Loyalty, group cohesion and closeness read from the shipped scrutins archive a second, deliberately naive way: a
 * JSON tree per scrutin, each group's nominal lists (not its {@code decompteVoix}, nothing of the loader's index), so
 * that a test comparing the gateway's figures ({@code core.votes.VoteAlignments}) with these compares two independent
 * readings. Used by opendata-adapters' {@code VoteAlignmentsOnRealDataTest} (the figures) and the app's chat tests
 * (the answers). Reading takes a few seconds: do it once per test class. Read-only after {@link #read()}.
 *
 * <pre>{@code
 * NaiveVotes naive = NaiveVotes.read();
 * NaiveVotes.Loyalty l = naive.loyalty("PA720892");
 * }</pre>
 */
public final class NaiveVotes {

    private static final List<String> CATEGORIES = List.of("pours", "contres", "abstentions");

    /** One SPO/SPS scrutin: number, date, and per group its members' positions (uid → "pours", "contres", "abstentions"). */
    public record RawScrutin(int number, LocalDate date, Map<String, Map<String, String>> groups) {
    }

    /** same, counted, the first and last counted days, and the same counts per month ({same, counted}). */
    public record Loyalty(int same, int counted, LocalDate from, LocalDate to, Map<YearMonth, int[]> months) {
    }

    /** The scrutins with an index, by number, and the index of each. */
    public record Cohesion(List<Integer> numbers, List<Double> rice) {

        public double mean() {
            return rice.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        }
    }

    /** same, common, the first and last common days. */
    public record Closeness(int same, int common, LocalDate from, LocalDate to) {
    }

    /** The ordinary and solemn scrutins, by number. */
    public final List<RawScrutin> scrutins = new ArrayList<>();
    /** The uids of the non-inscrits' organe (abbreviation NI), and PO0. */
    public final Set<String> nonInscrits = new HashSet<>();

    private NaiveVotes() {
    }

    /**
     * Reads the shipped scrutins archive and organe files.
     *
     * @throws UncheckedIOException if a shipped file cannot be read
     */
    public static NaiveVotes read() {
        NaiveVotes n = new NaiveVotes();
        n.readNonInscrits();
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
            n.scrutins.add(new RawScrutin(Integer.parseInt(s.path("numero").asString()), date, groups));
        });
        n.scrutins.sort((a, b) -> Integer.compare(a.number(), b.number()));
        return n;
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

    private void readNonInscrits() {
        Pattern uid = Pattern.compile("\"uid\": \"(PO\\d+)\"");
        try (var files = Files.list(ShippedData.amo10().resolve("json/organe"))) {
            for (Path f : files.toList()) {
                String json = Files.readString(f);
                Matcher m = uid.matcher(json);
                if (json.contains("\"libelleAbrege\": \"NI\"") && m.find()) {
                    nonInscrits.add(m.group(1));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        nonInscrits.add("PO0");
    }

    /** The strictly largest category of a group's nominal lists, or null (none, or a tie). */
    public static String majority(Map<String, String> members) {
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

    /** Every deputy's loyalty; a deputy without a counted vote is absent. */
    public Map<String, Loyalty> loyalties() {
        Map<String, int[]> counts = new HashMap<>();
        Map<String, LocalDate[]> period = new HashMap<>();
        Map<String, Map<YearMonth, int[]>> months = new HashMap<>();
        for (RawScrutin s : scrutins) {
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
        Map<String, Loyalty> out = new HashMap<>();
        counts.forEach((uid, k) -> out.put(uid,
                new Loyalty(k[0], k[1], period.get(uid)[0], period.get(uid)[1], months.get(uid))));
        return out;
    }

    /** Every group's Rice indexes (non-inscrits left out): |pours − contres| / (pours + contres) where positive. */
    public Map<String, Cohesion> cohesions() {
        Map<String, List<Integer>> numbers = new TreeMap<>();
        Map<String, List<Double>> rice = new TreeMap<>();
        for (RawScrutin s : scrutins) {
            s.groups().forEach((group, members) -> {
                long f = members.values().stream().filter("pours"::equals).count();
                long a = members.values().stream().filter("contres"::equals).count();
                if (!nonInscrits.contains(group) && f + a > 0) {
                    numbers.computeIfAbsent(group, g -> new ArrayList<>()).add(s.number());
                    rice.computeIfAbsent(group, g -> new ArrayList<>()).add((double) Math.abs(f - a) / (f + a));
                }
            });
        }
        Map<String, Cohesion> out = new TreeMap<>();
        numbers.forEach((g, list) -> out.put(g, new Cohesion(list, rice.get(g))));
        return out;
    }

    /** Two deputies' common scrutins and those with the same position; common 0 when none. */
    public Closeness closeness(String a, String b) {
        int same = 0;
        int common = 0;
        LocalDate from = null;
        LocalDate to = null;
        for (RawScrutin s : scrutins) {
            String pa = positionIn(s, a);
            String pb = positionIn(s, b);
            if (pa != null && pb != null) {
                common++;
                same += pa.equals(pb) ? 1 : 0;
                from = from == null ? s.date() : from;
                to = s.date();
            }
        }
        return new Closeness(same, common, from, to);
    }

    /** Where the deputy is listed among the votes for, against or abstentions, or null. */
    public static String positionIn(RawScrutin s, String uid) {
        for (Map<String, String> members : s.groups().values()) {
            String c = members.get(uid);
            if (c != null) {
                return c;
            }
        }
        return null;
    }

    /** The last day of the loaded scrutins of every type (the answers' "données au"). */
    public static LocalDate lastScrutinDay() {
        LocalDate[] last = {LocalDate.MIN};
        ShippedData.forEachScrutin(s -> {
            LocalDate d = LocalDate.parse(s.path("dateScrutin").asString());
            last[0] = d.isAfter(last[0]) ? d : last[0];
        });
        return last[0];
    }
}
