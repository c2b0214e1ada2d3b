package fr.civicgateway.opendata.assemblee;

import fr.civicgateway.opendata.testing.ShippedData;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Collections;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.junit.jupiter.api.Test;

import fr.civicgateway.core.parliament.Deputy;
import fr.civicgateway.core.parliament.DeputyVote;
import fr.civicgateway.core.parliament.Scrutin;
import fr.civicgateway.core.parliament.ScrutinType;
import tools.jackson.databind.JsonNode;

/**
 * The counts behind the participation methodology (API.md §4), once by iterating the raw scrutins archive and
 * once through {@link AssembleeSnapshot#vote}: both must agree.
 */
class ParticipationCountTest {

    /** Scrutins counted and scrutins taken part in. */
    record Counts(int counted, int tookPart) {
    }

    @Test
    void countsTheSameParticipationOfAReturningMinisterAndOfThePresidentAsANaiveScanOfTheArchive() throws IOException {
        AssembleeSnapshot data = ShippedData.snapshot();
        // A former minister in office again from 2025-01-24, and the President of the Assemblée (PAN, left out).
        String[] uids = {"PA719914", "PA721908"};
        LocalDate[] from = {naiveTookOffice(uids[0]), naiveTookOffice(uids[1])};
        int[] naiveCounted = new int[2];
        int[] naiveTookPart = new int[2];
        try (ZipFile zip = new ZipFile(ShippedData.scrutinsZip().toFile())) {
            for (ZipEntry e : Collections.list(zip.entries())) {
                if (e.isDirectory()) {
                    continue;
                }
                JsonNode s = ShippedData.tree(new String(zip.getInputStream(e).readAllBytes(), StandardCharsets.UTF_8))
                        .get("scrutin");
                String type = s.get("typeVote").get("codeTypeVote").asString();
                LocalDate date = LocalDate.parse(s.get("dateScrutin").asString());
                if (!type.equals("SPO") && !type.equals("SPS")) {
                    continue;
                }
                var listings = ShippedData.votes(s);
                for (int i = 0; i < uids.length; i++) {
                    if (date.isBefore(from[i])) {
                        continue;
                    }
                    String uid = uids[i];
                    var mine = listings.stream().filter(l -> l.acteurRef().equals(uid)).findFirst();
                    boolean excused = mine.map(l -> l.category().equals("nonVotants")
                            && (l.cause().equals("PAN") || l.cause().equals("PSE") || l.cause().equals("MG"))).orElse(false);
                    if (excused) {
                        continue;
                    }
                    naiveCounted[i]++;
                    if (mine.map(l -> !l.category().equals("nonVotants")).orElse(false)) {
                        naiveTookPart[i]++;
                    }
                }
            }
        }

        for (int i = 0; i < uids.length; i++) {
            Deputy d = data.deputy(uids[i]).orElseThrow();
            assertThat(d.mandateStart()).isEqualTo(from[i]);
            assertThat(viaSnapshot(data, d)).as(uids[i]).isEqualTo(new Counts(naiveCounted[i], naiveTookPart[i]));
        }
        assertThat(from[0]).isEqualTo(LocalDate.of(2025, 1, 24));
        assertThat(naiveTookPart[0]).isPositive().isLessThan(naiveCounted[0]);
        assertThat(naiveCounted[1]).isLessThan(3876 - 12);
    }

    /** {@code mandature.datePriseFonction} of the ASSEMBLEE mandate, read from the acteur's raw file. */
    private static LocalDate naiveTookOffice(String uid) {
        for (JsonNode m : ShippedData.tree(ShippedData.rawActeur(uid)).get("acteur").get("mandats").get("mandat")) {
            if (m.get("typeOrgane").asString().equals("ASSEMBLEE")) {
                return LocalDate.parse(m.get("mandature").get("datePriseFonction").asString());
            }
        }
        throw new AssertionError("no ASSEMBLEE mandate for " + uid);
    }

    private static Counts viaSnapshot(AssembleeSnapshot data, Deputy d) {
        int counted = 0;
        int tookPart = 0;
        for (Scrutin s : data.scrutins()) {
            if (s.type() != ScrutinType.ORDINARY && s.type() != ScrutinType.SOLEMN) {
                continue;
            }
            if (s.date().isBefore(d.mandateStart()) || (d.mandateEnd() != null && s.date().isAfter(d.mandateEnd()))) {
                continue;
            }
            DeputyVote v = data.vote(d.uid(), s.number());
            if (v.cause().excusedByFunction()) {
                continue;
            }
            counted++;
            tookPart += v.tookPart() ? 1 : 0;
        }
        return new Counts(counted, tookPart);
    }
}
