package fr.civicgateway.opendata.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * A deputy's record read from the shipped raw files a second, deliberately naive way: regular expressions over the
 * XML, JSON and CSV text, nothing of the loaders' code, so that a test comparing the gateway's figures with these
 * compares two independent readings. The one naive reading of the record, used by opendata-adapters'
 * {@code WorkSnapshotTest} (the figures) and the app's chat tests (the answers).
 *
 * <p>{@link #read} reads the comptes rendus, the agenda, the dossiers législatifs and the HATVP index once, for the
 * deputies given (a uid not given is not counted); the fields are then plain maps by deputy uid, each starting at
 * zero. Reading takes a few seconds (the comptes rendus are ~260 MB of XML): do it once per test class.
 * Not thread-safe while reading; read-only afterwards.
 *
 * <pre>{@code
 * NaiveRecord naive = NaiveRecord.read(List.of("PA720892"));
 * int interventions = naive.speeches.get("PA720892")[0];
 * List<String> seances = NaiveRecord.seancesOn(LocalDate.of(2026, 2, 17));
 * }</pre>
 */
public final class NaiveRecord {

    /** Interventions, short ones, sittings spoken in, by deputy. */
    public final Map<String, int[]> speeches = new HashMap<>();
    /** Questions au Gouvernement, orales sans débat, by deputy. */
    public final Map<String, int[]> questions = new HashMap<>();
    /** Présent, absent, excusé at committee meetings, by deputy. */
    public final Map<String, int[]> presence = new HashMap<>();
    /** Propositions authored (procedure "Proposition de loi…" or "Résolution…", in the initiators), by deputy. */
    public final Map<String, Integer> authored = new HashMap<>();
    /** The HATVP index's rows of interests ({@code dia}, {@code diam}) and of assets ({@code dsp…}), by deputy. */
    public final Map<String, int[]> declarations = new HashMap<>();
    /** The HATVP index's rows of the deputy as a deputy ({@code type_mandat} "depute"), of every kind, by deputy. */
    public final Map<String, Integer> declarationRows = new HashMap<>();
    /** The first and last days of the comptes rendus. */
    public LocalDate firstSitting = LocalDate.MAX;
    public LocalDate lastSitting = LocalDate.MIN;

    private static final Pattern PARAGRAPH = Pattern.compile("<paragraphe\\b([^>]*)>(.*?)</paragraphe>", Pattern.DOTALL);
    private static final Pattern POINT = Pattern.compile("<point\\b[^>]*code_grammaire=\"(QG_|QOSD_)[^\"]*\"");
    private static final Pattern DATE_SEANCE = Pattern.compile("<dateSeance>(\\d{8})");

    /**
     * Reads the shipped raw files for these deputies (their Assemblée uids, {@code PA…}).
     *
     * @throws UncheckedIOException if a shipped file cannot be read
     */
    public static NaiveRecord read(Collection<String> deputies) {
        NaiveRecord r = new NaiveRecord();
        for (String uid : deputies) {
            r.speeches.put(uid, new int[3]);
            r.questions.put(uid, new int[2]);
            r.presence.put(uid, new int[3]);
            r.authored.put(uid, 0);
            r.declarations.put(uid, new int[2]);
            r.declarationRows.put(uid, 0);
        }
        try {
            r.comptesRendus();
            r.committees();
            r.dossiers();
            r.hatvp();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return r;
    }

    private static Path assemblee() {
        return ShippedData.dataDirectory().resolve("assemblee-nationale");
    }

    /**
     * The uids ({@code RU…}) of the Assemblée's séances publiques (organe {@code PO838901}) that start on that day and
     * are not cancelled, in the agenda's file order.
     *
     * @throws UncheckedIOException if the shipped agenda cannot be read
     */
    public static List<String> seancesOn(LocalDate day) {
        List<String> out = new java.util.ArrayList<>();
        try (ZipFile zip = new ZipFile(assemblee().resolve("Agenda_L17/Agenda.json.zip").toFile())) {
            for (ZipEntry e : Collections.list(zip.entries())) {
                String json = new String(zip.getInputStream(e).readAllBytes(), StandardCharsets.UTF_8);
                if (json.contains("\"seance_type\"") && json.contains("\"organeReuniRef\": \"PO838901\"")
                        && json.contains("\"timeStampDebut\": \"" + day + "T") && !cancelled(json)) {
                    Matcher m = Pattern.compile("\"uid\": \"(RU[^\"]+)\"").matcher(json);
                    m.find();
                    out.add(m.group(1));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private void comptesRendus() throws IOException {
        try (ZipFile zip = new ZipFile(assemblee().resolve("Comptes_rendus_L17/syseron.xml.zip").toFile())) {
            for (ZipEntry e : Collections.list(zip.entries())) {
                String xml = new String(zip.getInputStream(e).readAllBytes(), StandardCharsets.UTF_8);
                Matcher day = DATE_SEANCE.matcher(xml);
                if (day.find()) {
                    LocalDate d = LocalDate.parse(day.group(1), java.time.format.DateTimeFormatter.BASIC_ISO_DATE);
                    firstSitting = d.isBefore(firstSitting) ? d : firstSitting;
                    lastSitting = d.isAfter(lastSitting) ? d : lastSitting;
                }
                String body = xml.substring(xml.indexOf("<contenu>"));
                Set<String> spokeHere = new HashSet<>();
                Matcher m = PARAGRAPH.matcher(body);
                while (m.find()) {
                    String who = speaker(m.group(1), m.group(2));
                    if (who != null && speeches.containsKey(who)) {
                        int[] c = speeches.get(who);
                        c[0]++;
                        if (words(m.group(2)) <= 20) {
                            c[1]++;
                        }
                        spokeHere.add(who);
                    }
                }
                spokeHere.forEach(w -> speeches.get(w)[2]++);
                Matcher q = POINT.matcher(body);
                while (q.find()) {
                    int end = body.indexOf("<point ", q.end());
                    String segment = body.substring(q.end(), end < 0 ? body.length() : end);
                    Matcher p = PARAGRAPH.matcher(segment);
                    while (p.find()) {
                        String who = speaker(p.group(1), p.group(2));
                        if (who == null || p.group(1).contains("code_grammaire=\"INTERRUPTION_")) {
                            continue;
                        }
                        if (questions.containsKey(who)) {
                            questions.get(who)[q.group(1).equals("QG_") ? 0 : 1]++;
                        }
                        break;
                    }
                }
            }
        }
    }

    /** The speaker an intervention counts for, or null (presiding, Government, stage direction). */
    private static String speaker(String attributes, String inner) {
        Matcher a = Pattern.compile("id_acteur=\"(PA\\d+)\"").matcher(attributes);
        if (!a.find() || attributes.contains("roledebat=\"president\"")
                || attributes.contains("id_mandat=\"-1\"") || attributes.contains("id_nomination_oe=\"PM")
                || inner.contains("<nom>M. le président</nom>") || inner.contains("<nom>Mme la présidente</nom>")) {
            return null;
        }
        return a.group(1);
    }

    private static int words(String inner) {
        int s = inner.indexOf("<texte");
        if (s < 0) {
            return 0;
        }
        String texte = inner.substring(inner.indexOf('>', s) + 1, inner.lastIndexOf("</texte>"));
        String plain = texte.replaceAll("(?s)<italique>.*?</italique>", " ").replace("<br/>", " ")
                .replaceAll("<[^>]+>", "").replace("&#160;", " ").replace("\u00a0", " ").replace("\u202f", " ");
        int n = 0;
        for (String token : plain.split("\\s+")) {
            if (token.codePoints().anyMatch(Character::isLetterOrDigit)) {
                n++;
            }
        }
        return n;
    }

    private void committees() throws IOException {
        Set<String> friendship = new HashSet<>();
        Path organes = assemblee().resolve("AMO10_deputes_actifs_mandats_actifs_organes_L17/json/organe");
        try (var files = Files.list(organes)) {
            for (Path f : files.toList()) {
                String json = Files.readString(f);
                if (json.matches("(?s).*\"codeType\": \"(GA|GE|GEVI)\".*")) {
                    Matcher m = Pattern.compile("\"uid\": \"(PO\\d+)\"").matcher(json);
                    m.find();
                    friendship.add(m.group(1));
                }
            }
        }
        Pattern entry = Pattern.compile("\\{\"acteurRef\": \"(PA\\d+)\", \"presence\": \"([^\"]+)\"\\}");
        try (ZipFile zip = new ZipFile(assemblee().resolve("Agenda_L17/Agenda.json.zip").toFile())) {
            for (ZipEntry e : Collections.list(zip.entries())) {
                String json = new String(zip.getInputStream(e).readAllBytes(), StandardCharsets.UTF_8);
                if (json.contains("\"seance_type\"") || cancelled(json)) {
                    continue;
                }
                Matcher o = Pattern.compile("\"organeReuniRef\": \"(PO\\d+)\"").matcher(json);
                if (o.find() && friendship.contains(o.group(1))) {
                    continue;
                }
                Set<String> seen = new HashSet<>();
                Matcher m = entry.matcher(json);
                while (m.find()) {
                    if (presence.containsKey(m.group(1)) && seen.add(m.group(1))) {
                        String p = m.group(2);
                        presence.get(m.group(1))[p.startsWith("pr") ? 0 : p.startsWith("abs") ? 1 : 2]++;
                    }
                }
            }
        }
    }

    /** The réunion's own state is the first "etat" of the file (its points have states of their own after it). */
    private static boolean cancelled(String json) {
        Matcher m = Pattern.compile("\"etat\": \"([^\"]*)\"").matcher(json);
        return m.find() && (m.group(1).startsWith("Annul") || m.group(1).startsWith("Supprim"));
    }

    private void dossiers() throws IOException {
        try (ZipFile zip = new ZipFile(
                assemblee().resolve("Dossiers_Legislatifs_L17/Dossiers_Legislatifs.json.zip").toFile())) {
            for (ZipEntry e : Collections.list(zip.entries())) {
                if (!e.getName().startsWith("json/dossierParlementaire/")) {
                    continue;
                }
                String json = new String(zip.getInputStream(e).readAllBytes(), StandardCharsets.UTF_8);
                Matcher proc = Pattern.compile(
                        "\"procedureParlementaire\": \\{\"code\": \"[^\"]*\", \"libelle\": \"([^\"]*)\"").matcher(json);
                if (!proc.find() || !(proc.group(1).startsWith("Proposition de loi")
                        || proc.group(1).startsWith("R\\u00e9solution"))) {
                    continue;
                }
                int start = json.indexOf("\"initiateur\"");
                if (start < 0) {
                    continue;
                }
                int end = json.indexOf("\"actesLegislatifs\"", start);
                String initiators = json.substring(start, end < 0 ? json.length() : end);
                for (String uid : authored.keySet()) {
                    if (initiators.contains("\"acteurRef\": \"" + uid + "\"")) {
                        authored.merge(uid, 1, Integer::sum);
                    }
                }
            }
        }
    }

    private void hatvp() throws IOException {
        List<String> lines = Files.readAllLines(ShippedData.dataDirectory().resolve("hatvp/liste.csv"));
        for (String line : lines) {
            String[] f = line.split(";", -1);
            if (f.length < 15 || !f[4].equals("depute")) {
                continue;
            }
            int[] c = declarations.get("PA" + f[14]);
            if (c == null) {
                continue;
            }
            declarationRows.merge("PA" + f[14], 1, Integer::sum);
            if (f[6].equals("dia") || f[6].equals("diam")) {
                c[0]++;
            } else if (f[6].startsWith("dsp")) {
                c[1]++;
            }
        }
    }
}
