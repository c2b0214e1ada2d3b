package fr.civicgateway.opendata.assemblee;

import fr.civicgateway.core.parliament.work.Dossier;
import fr.civicgateway.core.parliament.work.Step;
import fr.civicgateway.core.parliament.work.StepKind;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Reads the Dossiers législatifs archive ({@code json/dossierParlementaire/DLR….json}, {@code json/document/….json})
 * into {@link Dossier}s and each deputy's co-signatures (API.md §5 "Bills", "A bill's stage").
 */
final class DossiersReader {

    static final String DOSSIERS = "json/dossierParlementaire/";
    static final String DOCUMENTS = "json/document/";

    /** A co-signature of a proposition's text, not withdrawn. */
    record Cosignature(String acteur, String dossierUid, LocalDate date) {
    }

    record Result(Map<String, Dossier> dossiers, List<Cosignature> cosignatures, Map<Integer, String> dossierOfNumber,
                  LocalDate lastDeposit) {
    }

    private DossiersReader() {
    }

    static Result read(Path archivePath, ObjectMapper mapper) {
        try (JsonArchive archive = JsonArchive.open(archivePath)) {
            List<String> dossierEntries = archive.entries(DOSSIERS);
            if (dossierEntries.isEmpty()) {
                throw new ParliamentDataException("no " + DOSSIERS + "*.json entry in " + archive.name());
            }
            // Documents first: a dossier's proposition flag and numbers come from its texts.
            record Doc(String uid, String dossier, String type, int number, LocalDate deposited,
                       List<Cosignature> cosignatures) {
            }
            Map<String, Doc> docs = new HashMap<>();
            LocalDate[] lastDeposit = {null};
            for (String entry : archive.entries(DOCUMENTS)) {
                Doc d = archive.parse(entry, mapper, root -> {
                    JsonNode doc = root.path("document");
                    String uid = Json.requiredText(doc, "uid");
                    String dossier = Json.text(doc, "dossierRef");
                    String type = Json.text(doc, "classification.type.code");
                    String num = Json.text(doc, "notice.numNotice");
                    int number = num != null && num.matches("\\d{1,6}") ? Integer.parseInt(num) : -1;
                    LocalDate deposited = Json.date(doc, "cycleDeVie.chrono.dateDepot");
                    List<Cosignature> cos = new ArrayList<>();
                    for (JsonNode c : Json.list(Json.at(doc, "coSignataires.coSignataire"))) {
                        String acteur = Json.text(c, "acteur.acteurRef");
                        if (acteur != null && Json.isNull(c.path("dateRetraitCosignature"))) {
                            LocalDate when = Json.date(c, "dateCosignature");
                            cos.add(new Cosignature(acteur, dossier, when != null ? when : deposited));
                        }
                    }
                    return new Doc(uid, dossier, type, number, deposited, cos);
                });
                docs.put(d.uid(), d);
                if (d.deposited() != null && (lastDeposit[0] == null || d.deposited().isAfter(lastDeposit[0]))) {
                    lastDeposit[0] = d.deposited();
                }
            }
            Map<String, Dossier> dossiers = new LinkedHashMap<>();
            List<Cosignature> cosignatures = new ArrayList<>();
            Map<Integer, String> ofNumber = new HashMap<>();
            for (String entry : dossierEntries) {
                Dossier dossier = archive.parse(entry, mapper, root -> {
                    JsonNode d = root.path("dossierParlementaire");
                    String uid = Json.requiredText(d, "uid");
                    String title = Json.text(d, "titreDossier.titre");
                    String procedure = Json.text(d, "procedureParlementaire.libelle");
                    List<String> authors = new ArrayList<>();
                    for (JsonNode a : Json.list(Json.at(d, "initiateur.acteurs.acteur"))) {
                        String ref = Json.text(a, "acteurRef");
                        if (ref != null) {
                            authors.add(ref);
                        }
                    }
                    List<Step> steps = new ArrayList<>();
                    TreeSet<Integer> scrutins = new TreeSet<>();
                    List<String> texts = new ArrayList<>();
                    walk(Json.at(d, "actesLegislatifs.acteLegislatif"), steps, scrutins, texts);
                    List<Integer> numbers = new ArrayList<>();
                    boolean proposition = isProposition(procedure);
                    for (String t : texts) {
                        Doc doc = docs.get(t);
                        // An Assemblée text of this legislature ("…ANR5L17B0482"), not a texte adopté ("…BTA0010").
                        if (doc != null && doc.number() > 0 && t.matches("[A-Z]+ANR5L17B\\d+")
                                && !numbers.contains(doc.number())) {
                            numbers.add(doc.number());
                        }
                        if (procedure != null && procedure.startsWith("Projet ou proposition")
                                && t.startsWith("PION") && t.contains("ANR5L17")) {
                            proposition = true;
                        }
                    }
                    return new Dossier(uid, title != null ? title : uid, procedure != null ? procedure : "",
                            proposition, numbers, steps, List.copyOf(scrutins), authors);
                });
                dossiers.put(dossier.uid(), dossier);
                for (int n : dossier.numbers()) {
                    ofNumber.putIfAbsent(n, dossier.uid());
                }
            }
            for (Doc d : docs.values()) {
                Dossier dossier = d.dossier() == null ? null : dossiers.get(d.dossier());
                if (dossier != null && dossier.proposition() && isPropositionText(d.type())) {
                    cosignatures.addAll(d.cosignatures());
                }
            }
            return new Result(Map.copyOf(dossiers), cosignatures, Map.copyOf(ofNumber),
                    lastDeposit[0] != null ? lastDeposit[0] : LocalDate.EPOCH);
        }
    }

    /** Propositions de loi (ordinary, organic, constitutional, article 11) and de résolution. */
    static boolean isProposition(String procedure) {
        if (procedure == null) {
            return false;
        }
        return procedure.startsWith("Proposition de loi") || procedure.startsWith("Résolution");
    }

    private static boolean isPropositionText(String type) {
        return "PION".equals(type) || "PNRE".equals(type) || "RION".equals(type);
    }

    /** Flattens the nested acts in document order; collects the scrutins of their voteRefs and their texts. */
    private static void walk(JsonNode acts, List<Step> steps, TreeSet<Integer> scrutins, List<String> texts) {
        for (JsonNode a : Json.list(acts)) {
            String code = Json.text(a, "codeActe");
            LocalDate date = Json.date(a, "dateActe");
            String outcome = Json.text(a, "statutConclusion.libelle");
            if (code != null && date != null) {
                steps.add(new Step(code, StepKind.of(code, outcome), chamber(code), date, outcome));
            }
            for (JsonNode v : Json.list(Json.at(a, "voteRefs.voteRef"))) {
                String ref = v.isValueNode() ? v.asString() : Json.text(v, "");
                int i = ref == null ? -1 : ref.lastIndexOf('V');
                if (i >= 0 && ref.startsWith("VTANR5L17V")) {
                    try {
                        scrutins.add(Integer.parseInt(ref.substring(i + 1)));
                    } catch (NumberFormatException ignored) {
                        // not a scrutin of this legislature's numbering
                    }
                }
            }
            String text = Json.text(a, "texteAssocie");
            if (text != null) {
                texts.add(text);
            }
            walk(Json.at(a, "actesLegislatifs.acteLegislatif"), steps, scrutins, texts);
        }
    }

    private static Step.Chamber chamber(String code) {
        if (code.startsWith("AN")) {
            return Step.Chamber.ASSEMBLEE;
        }
        if (code.startsWith("SN")) {
            return Step.Chamber.SENAT;
        }
        if (code.startsWith("CMP")) {
            return Step.Chamber.BOTH;
        }
        return Step.Chamber.OTHER;
    }
}
