package fr.civicgateway.opendata.assemblee;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Reads the Agenda archive ({@code json/reunion/RU….json}): the Assemblée's séances publiques with their agenda,
 * and the committee meetings' rolls counted per deputy (API.md §5, "Committee presence").
 */
final class AgendaReader {

    static final String ENTRIES = "json/reunion/";
    /** The Assemblée nationale's organe: its séances publiques (the agenda also lists the Sénat's). */
    static final String ASSEMBLEE = "PO838901";
    /** The Assemblée's zone: the agenda's local times are in it (also {@code WorkSnapshot.agendaZone()}). */
    static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    /** Présent, absent, excusé of one deputy. */
    static final class Roll {
        int present;
        int absent;
        int excused;
    }

    /** A séance publique as read, its points' dossier uids unresolved. */
    record Seance(String uid, LocalDateTime start, String state, List<String[]> points) {
    }

    record Result(List<Seance> seances, Map<String, Roll> rolls, LocalDate firstMeeting, LocalDate lastMeeting,
                  LocalDate exported) {
    }

    private AgendaReader() {
    }

    /**
     * @param leftOut organes whose meetings are not counted for presence (groupes d'amitié, groupes d'études)
     */
    static Result read(Path archivePath, ObjectMapper mapper, Set<String> leftOut) {
        List<Seance> seances = new ArrayList<>();
        Map<String, Roll> rolls = new HashMap<>();
        LocalDate[] range = {null, null, null};
        try (JsonArchive archive = JsonArchive.open(archivePath)) {
            List<String> entries = archive.entries(ENTRIES);
            if (entries.isEmpty()) {
                throw new ParliamentDataException("no " + ENTRIES + "*.json entry in " + archive.name());
            }
            for (String entry : entries) {
                archive.parse(entry, mapper, root -> {
                    JsonNode r = root.path("reunion");
                    String uid = Json.requiredText(r, "uid");
                    String type = Json.text(r, "@xsi:type");
                    String state = Json.text(r, "cycleDeVie.etat");
                    String organe = Json.text(r, "organeReuniRef");
                    LocalDateTime start = start(Json.text(r, "timeStampDebut"));
                    LocalDate created = Json.date(r, "cycleDeVie.chrono.creation");
                    if (created != null && (range[2] == null || created.isAfter(range[2]))) {
                        range[2] = created;
                    }
                    boolean cancelled = "Annulé".equals(state) || "Supprimé".equals(state);
                    if ("seance_type".equals(type) && ASSEMBLEE.equals(organe) && !cancelled && start != null) {
                        List<String[]> points = new ArrayList<>();
                        for (JsonNode p : Json.list(Json.at(r, "ODJ.pointsODJ.pointODJ"))) {
                            // a point withdrawn from a sitting's agenda stays in its file with its own state
                            String pointState = Json.text(p, "cycleDeVie.etat");
                            if ("Annulé".equals(pointState) || "Supprimé".equals(pointState)) {
                                continue;
                            }
                            String objet = Json.text(p, "objet");
                            List<JsonNode> refs = Json.list(Json.at(p, "dossiersLegislatifsRefs.dossierRef"));
                            String dossier = refs.isEmpty() ? null : refs.get(0).asString();
                            points.add(new String[] {objet != null ? objet : "", dossier});
                        }
                        seances.add(new Seance(uid, start, state != null ? state : "", points));
                    }
                    List<JsonNode> participants = Json.list(Json.at(r,
                            "participants.participantsInternes.participantInterne"));
                    if (!participants.isEmpty() && !cancelled && !"seance_type".equals(type)
                            && (organe == null || !leftOut.contains(organe))) {
                        Set<String> counted = new LinkedHashSet<>();
                        for (JsonNode p : participants) {
                            String acteur = Json.text(p, "acteurRef");
                            String presence = Json.text(p, "presence");
                            if (acteur == null || presence == null || !counted.add(acteur)) {
                                continue;
                            }
                            Roll roll = rolls.computeIfAbsent(acteur, k -> new Roll());
                            switch (presence) {
                                case "présent" -> roll.present++;
                                case "absent" -> roll.absent++;
                                case "excusé" -> roll.excused++;
                                default -> counted.remove(acteur);
                            }
                        }
                        if (start != null) {
                            LocalDate day = start.toLocalDate();
                            range[0] = range[0] == null || day.isBefore(range[0]) ? day : range[0];
                            range[1] = range[1] == null || day.isAfter(range[1]) ? day : range[1];
                        }
                    }
                    return null;
                });
            }
        }
        seances.sort((a, b) -> a.start().compareTo(b.start()));
        LocalDate exported = range[2] != null ? range[2] : range[1];
        return new Result(seances, rolls, range[0], range[1], exported);
    }

    private static LocalDateTime start(String timestamp) {
        if (timestamp == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(timestamp).atZoneSameInstant(PARIS).toLocalDateTime();
        } catch (DateTimeParseException e) {
            throw new Json.Malformed("timeStampDebut is not a date-time: \"" + timestamp + "\"");
        }
    }
}
