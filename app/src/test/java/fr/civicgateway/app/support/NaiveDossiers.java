package fr.civicgateway.app.support;

import fr.civicgateway.opendata.testing.ShippedData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The shipped dossiers législatifs read a second, deliberately naive way (regular expressions over the JSON text,
 * nothing of the loader's code), for the tests that compare the bill answers with them: each dossier's dated acts in
 * document order, its scrutins and the numbers of its Assemblée texts; the date of the data is the latest deposit of
 * a document.
 */
public final class NaiveDossiers {

    /** One dated act: its {@code codeActe}, its day, the {@code statutConclusion} wording or null. */
    public record Act(String code, LocalDate date, String outcome) {
    }

    /** A dossier as the raw text gives it. */
    public record Dossier(String uid, List<Act> acts, TreeSet<Integer> scrutins, Set<Integer> numbers) {

        /**
         * The latest procedural act on or before {@code day}, same-day acts in document order (the last wins): a
         * report on the law's application ({@code -APPLI}) and acts of no procedural family are none, unless the
         * dossier has nothing else.
         */
        public Act stage(LocalDate day) {
            Act best = null;
            Act bestAny = null;
            for (Act a : acts) {
                if (a.date().isAfter(day)) {
                    continue;
                }
                if (bestAny == null || !a.date().isBefore(bestAny.date())) {
                    bestAny = a;
                }
                if (procedural(a.code()) && (best == null || !a.date().isBefore(best.date()))) {
                    best = a;
                }
            }
            return best != null ? best : bestAny;
        }

        /** The earliest {@code -DEPOT} act, else the earliest act. */
        public LocalDate deposited() {
            return acts.stream().filter(a -> a.code().endsWith("-DEPOT")).map(Act::date).min(LocalDate::compareTo)
                    .orElseGet(() -> acts.stream().map(Act::date).min(LocalDate::compareTo).orElse(null));
        }
    }

    /** The families of codeActe of a bill's procedure (read from the codes the archive holds). */
    private static final Pattern PROCEDURAL = Pattern.compile(
            "PROM.*|CC.*|CMP.*|.*-(DEPOT|ACIN|AVCE|ETI|RTRINI|PROCACC)|.*-MOTION.*|.*-COM.*|.*-DEBATS.*");

    static boolean procedural(String code) {
        return !code.contains("-APPLI") && PROCEDURAL.matcher(code).matches();
    }

    public final Map<String, Dossier> dossiers = new TreeMap<>();
    /** Which dossiers name each scrutin, and each Assemblée text number. */
    public final Map<Integer, Set<String>> ofScrutin = new HashMap<>();
    public final Map<Integer, Set<String>> ofNumber = new HashMap<>();
    public LocalDate dataDate = LocalDate.MIN;

    private static final Pattern UID = Pattern.compile("\"uid\": \"(DLR[0-9A-Z]+)\"");
    private static final Pattern ACT = Pattern.compile(
            "\"codeActe\": \"([^\"]+)\".*?\"dateActe\": (?:null|\"(\\d{4}-\\d\\d-\\d\\d))");
    private static final Pattern VOTE = Pattern.compile("\"VTANR5L17V(\\d+)\"");
    private static final Pattern TEXT = Pattern.compile("\"texteAssocie\": \"[A-Z]+ANR5L17B(\\d+)\"");
    private static final Pattern DEPOT = Pattern.compile("\"dateDepot\": \"(\\d{4}-\\d\\d-\\d\\d)");
    private static final Pattern OUTCOME = Pattern.compile("^\"statutConclusion\": \\{[^}]*\"libelle\": \"([^\"]*)\"");

    public static NaiveDossiers read() {
        NaiveDossiers r = new NaiveDossiers();
        try (ZipFile zip = new ZipFile(ShippedData.dataDirectory()
                .resolve("assemblee-nationale/Dossiers_Legislatifs_L17/Dossiers_Legislatifs.json.zip").toFile())) {
            for (ZipEntry e : Collections.list(zip.entries())) {
                String json = new String(zip.getInputStream(e).readAllBytes(), StandardCharsets.UTF_8);
                if (e.getName().startsWith("json/document/")) {
                    Matcher d = DEPOT.matcher(json);
                    while (d.find()) {
                        LocalDate day = LocalDate.parse(d.group(1));
                        r.dataDate = day.isAfter(r.dataDate) ? day : r.dataDate;
                    }
                } else if (e.getName().startsWith("json/dossierParlementaire/")) {
                    r.add(json);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return r;
    }

    private void add(String json) {
        Matcher u = UID.matcher(json);
        u.find();
        String uid = u.group(1);
        List<Act> acts = new ArrayList<>();
        Matcher a = ACT.matcher(json);
        while (a.find()) {
            if (a.group(2) != null) {
                // The decision's wording, when the act has one before the next act starts.
                int next = json.indexOf("\"codeActe\"", a.end());
                String rest = json.substring(a.end(), next < 0 ? json.length() : next);
                int at = rest.indexOf("\"statutConclusion\": {");
                String outcome = null;
                if (at >= 0) {
                    Matcher o = OUTCOME.matcher(rest.substring(at));
                    outcome = o.find() ? o.group(1) : null;
                }
                acts.add(new Act(a.group(1), LocalDate.parse(a.group(2)), outcome));
            }
        }
        TreeSet<Integer> scrutins = new TreeSet<>();
        Matcher v = VOTE.matcher(json);
        while (v.find()) {
            scrutins.add(Integer.parseInt(v.group(1)));
        }
        Set<Integer> numbers = new HashSet<>();
        Matcher t = TEXT.matcher(json);
        while (t.find()) {
            numbers.add(Integer.parseInt(t.group(1)));
        }
        dossiers.put(uid, new Dossier(uid, acts, scrutins, numbers));
        scrutins.forEach(n -> ofScrutin.computeIfAbsent(n, k -> new HashSet<>()).add(uid));
        numbers.forEach(n -> ofNumber.computeIfAbsent(n, k -> new HashSet<>()).add(uid));
    }
}
