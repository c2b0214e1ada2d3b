package fr.civicgateway.opendata.assemblee;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import fr.civicgateway.core.parliament.Constituency;
import fr.civicgateway.core.parliament.Contacts;
import fr.civicgateway.core.parliament.Deputy;
import fr.civicgateway.core.parliament.PoliticalGroup;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Reads an AMO archive (acteurs, their mandates, organes) into deputies and political groups.
 *
 * <p>The same code reads AMO10, whose acteurs embed their mandates, AMO30 (every acteur since 1997, same layout) and
 * AMO50 ("divisés"), whose mandates are separate {@code json/mandat/} files: mandates are gathered from both places
 * by {@code acteurRef}.
 */
final class AmoReader {

    /**
     * What one AMO archive gives: deputies in a stable order, GP organes by uid, the latest mandate date, and for
     * the sitting deputies the day their open GP mandate began (absent when the mandate gives none), and the contact
     * channels of the deputies kept (absent when the acteur lists none).
     */
    record AmoData(List<Deputy> deputies, Map<String, PoliticalGroup> groups, LocalDate latestMandateDate,
                   Map<String, LocalDate> groupSince, Map<String, Contacts> contacts) {
    }

    /** The fields of a mandate the adapter uses. */
    private record Mandate(String typeOrgane, String legislature, LocalDate start, LocalDate end,
                           LocalDate tookOffice, String organeRef, Constituency constituency) {
    }

    private static final Pattern DEPARTEMENT = Pattern.compile("\\d{2}|2[AB]|\\d{3}");

    private final ObjectMapper mapper;
    private final String legislature;

    AmoReader(ObjectMapper mapper, int legislature) {
        this.mapper = mapper;
        this.legislature = Integer.toString(legislature);
    }

    /**
     * @param sitting true for AMO10: its acteurs are the sitting deputies and their open GP mandate is their
     *                group. False for an archive of former deputies (AMO30, the frozen AMO50): only the acteurs
     *                who held a seat in this legislature are kept, with that seat; their group mandates are not
     *                used (AMO50's are stale, all "non inscrit" as of July 2024), and only this legislature's
     *                groups are read, to name the groups old votes are listed under. AMO30 holds every acteur and
     *                organe since 1997: this keeps the snapshot to the legislature it answers about.
     */
    AmoData read(JsonArchive archive, boolean sitting) {
        Map<String, List<Mandate>> mandatesByActeur = new HashMap<>();
        LocalDate[] latest = {null};
        Map<String, JsonNode> acteurs = new LinkedHashMap<>();
        Map<String, Contacts> contactsByActeur = new HashMap<>();
        for (String entry : archive.entries("json/acteur/")) {
            archive.parse(entry, mapper, root -> {
                JsonNode acteur = requiredObject(root, "acteur");
                String uid = Json.requiredText(acteur, "uid");
                for (JsonNode m : Json.list(Json.at(acteur, "mandats.mandat"))) {
                    addMandate(mandatesByActeur, uid, m, latest, sitting);
                }
                acteurs.put(uid, acteur.path("etatCivil").path("ident"));
                Contacts c = ContactsReader.read(acteur);
                if (!c.isEmpty()) {
                    contactsByActeur.put(uid, c);
                }
                return null;
            });
        }
        for (String entry : archive.entries("json/mandat/")) {
            archive.parse(entry, mapper, root -> {
                JsonNode m = requiredObject(root, "mandat");
                addMandate(mandatesByActeur, Json.requiredText(m, "acteurRef"), m, latest, sitting);
                return null;
            });
        }
        Map<String, PoliticalGroup> groups = new LinkedHashMap<>();
        for (String entry : archive.entries("json/organe/")) {
            archive.parse(entry, mapper, root -> {
                JsonNode o = requiredObject(root, "organe");
                if ("GP".equals(Json.text(o, "codeType")) && (sitting || legislature.equals(Json.text(o, "legislature")))) {
                    String uid = Json.requiredText(o, "uid");
                    String name = Json.requiredText(o, "libelle");
                    // libelleAbrege is the abbreviation people use (EcoS, UDR); libelleAbrev is a code (ECOS, UDDPLR).
                    String abbreviation = firstNonNull(Json.text(o, "libelleAbrege"), Json.text(o, "libelleAbrev"), uid);
                    groups.put(uid, new PoliticalGroup(uid, name, abbreviation));
                }
                return null;
            });
        }
        List<Deputy> deputies = new ArrayList<>(acteurs.size());
        Map<String, LocalDate> groupSince = new HashMap<>();
        Map<String, Contacts> contacts = new HashMap<>();
        acteurs.forEach((uid, ident) -> {
            List<Mandate> mandates = mandatesByActeur.getOrDefault(uid, List.of());
            if (sitting || !mandates.isEmpty()) { // a former archive keeps only this legislature's seats (below)
                deputies.add(deputy(archive, uid, ident, mandates, sitting));
                Contacts c = contactsByActeur.get(uid);
                if (c != null) {
                    contacts.put(uid, c);
                }
            }
            if (sitting) {
                openGroupMandate(mandates).filter(m -> m.start() != null).ifPresent(m -> groupSince.put(uid, m.start()));
            }
        });
        return new AmoData(deputies, groups, latest[0], Map.copyOf(groupSince), Map.copyOf(contacts));
    }

    private Deputy deputy(JsonArchive archive, String uid, JsonNode ident, List<Mandate> mandates, boolean sitting) {
        // The mandate in force if there is one, else the latest that ended.
        Mandate seat = mandates.stream()
                .filter(m -> m.typeOrgane().equals("ASSEMBLEE") && legislature.equals(m.legislature()))
                .max(Comparator.comparing((Mandate m) -> m.end() == null)
                        .thenComparing(Mandate::start, Comparator.nullsFirst(Comparator.naturalOrder())))
                .orElse(null);
        String group = sitting ? openGroupMandate(mandates).map(Mandate::organeRef).orElse(null) : null;
        try {
            return new Deputy(uid, Json.text(ident, "civ"), Json.text(ident, "prenom"), Json.text(ident, "nom"),
                    sitting, group,
                    seat == null ? null : seat.constituency(),
                    seat == null ? null : firstNonNull(seat.tookOffice(), seat.start()),
                    seat == null ? null : seat.end());
        } catch (IllegalArgumentException e) {
            throw new ParliamentDataException("Malformed acteur " + uid + " in " + archive.name() + ": " + e.getMessage(), e);
        }
    }

    /** The GP mandate in force (the latest begun, if the data lists two). */
    private static java.util.Optional<Mandate> openGroupMandate(List<Mandate> mandates) {
        return mandates.stream()
                .filter(m -> m.typeOrgane().equals("GP") && m.end() == null && m.organeRef() != null)
                .max(Comparator.comparing(Mandate::start, Comparator.nullsFirst(Comparator.naturalOrder())));
    }

    /**
     * @param sitting false for a former deputies' archive: only this legislature's seats ({@code ASSEMBLEE}) are kept,
     *                the one kind of mandate read from it, and the others are not even parsed: AMO30 holds hundreds of
     *                thousands of them, back to 1997, and an odd one there must not refuse the whole archive
     */
    private void addMandate(Map<String, List<Mandate>> byActeur, String acteurUid, JsonNode m, LocalDate[] latest,
                            boolean sitting) {
        String type = Json.requiredText(m, "typeOrgane");
        if (!sitting && !(type.equals("ASSEMBLEE") && legislature.equals(Json.text(m, "legislature")))) {
            return;
        }
        LocalDate start = Json.date(m, "dateDebut");
        LocalDate end = Json.date(m, "dateFin");
        LocalDate tookOffice = Json.date(m, "mandature.datePriseFonction");
        for (LocalDate d : new LocalDate[] {start, end, tookOffice}) {
            if (d != null && (latest[0] == null || d.isAfter(latest[0]))) {
                latest[0] = d;
            }
        }
        List<JsonNode> organes = Json.list(Json.at(m, "organes.organeRef"));
        String organe = organes.isEmpty() ? null : Json.text(organes.getFirst(), "");
        Constituency constituency = type.equals("ASSEMBLEE") ? constituency(Json.at(m, "election.lieu")) : null;
        byActeur.computeIfAbsent(acteurUid, k -> new ArrayList<>())
                .add(new Mandate(type, Json.text(m, "legislature"), start, end, tookOffice, organe, constituency));
    }

    private static Constituency constituency(JsonNode lieu) {
        String num = Json.text(lieu, "numDepartement");
        String circo = Json.text(lieu, "numCirco");
        if (num == null || circo == null) {
            return null;
        }
        int number = Json.integer(lieu, "numCirco", 0);
        if (number < 1) {
            throw new Json.Malformed("election.lieu.numCirco is not a constituency number: \"" + circo + "\"");
        }
        return new Constituency(departementCode(num), Json.text(lieu, "departement"), number);
    }

    /**
     * The département code in the form the API states it. The AMO files write metropolitan codes with two
     * characters ({@code 01}, {@code 2A}), overseas ones with three ({@code 971}), and the Français établis hors
     * de France as {@code 099}: a three-character code with a leading zero loses it, so {@code 099} becomes
     * {@code 99}, the code the API uses for them. A one-digit code gains a leading zero ({@code 1} → {@code 01}).
     */
    static String departementCode(String raw) {
        String code = raw.trim().toUpperCase(java.util.Locale.ROOT);
        if (code.length() == 3 && code.charAt(0) == '0') {
            code = code.substring(1);
        } else if (code.length() == 1 && Character.isDigit(code.charAt(0))) {
            code = "0" + code;
        }
        if (!DEPARTEMENT.matcher(code).matches()) {
            throw new Json.Malformed("election.lieu.numDepartement is not a département code: \"" + raw + "\"");
        }
        return code;
    }

    private static JsonNode requiredObject(JsonNode root, String field) {
        JsonNode n = root.path(field);
        if (!n.isObject()) {
            throw new Json.Malformed("missing root element " + field);
        }
        return n;
    }

    @SafeVarargs
    private static <T> T firstNonNull(T... values) {
        for (T v : values) {
            if (v != null) {
                return v;
            }
        }
        return null;
    }
}
