package fr.civicgateway.opendata.assemblee;

import fr.civicgateway.opendata.testing.ShippedData;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import fr.civicgateway.core.parliament.Deputy;
import fr.civicgateway.core.parliament.DeputyVote;
import fr.civicgateway.core.parliament.GroupVote;
import fr.civicgateway.core.parliament.NonVotingCause;
import fr.civicgateway.core.parliament.Outcome;
import fr.civicgateway.core.parliament.PoliticalGroup;
import fr.civicgateway.core.parliament.Position;
import fr.civicgateway.core.parliament.Scrutin;
import fr.civicgateway.core.parliament.ScrutinType;
import fr.civicgateway.core.parliament.VoteCounts;
import tools.jackson.databind.JsonNode;

/** Facts of the shipped legislature-17 snapshot, each checked against a naive second reading of the raw file. */
class AssembleeSnapshotTest {

    private final AssembleeSnapshot data = ShippedData.snapshot();

    @Test
    void loadsAllScrutinsOfTheLegislatureAndEverySittingDeputy() throws IOException {
        long scrutinEntries;
        try (var zip = new java.util.zip.ZipFile(ShippedData.scrutinsZip().toFile())) {
            scrutinEntries = zip.stream().filter(e -> e.getName().matches("json/VTANR5L17V\\d+\\.json")).count();
        }
        long acteurFiles;
        try (Stream<Path> files = Files.list(ShippedData.amo10().resolve("json/acteur"))) {
            acteurFiles = files.count();
        }

        assertThat(scrutinEntries).isEqualTo(3876);
        assertThat(data.scrutins()).hasSize(3876);
        assertThat(data.scrutins()).extracting(Scrutin::number).isSorted().startsWith(1).endsWith(3876);
        assertThat(acteurFiles).isEqualTo(577);
        assertThat(data.deputies().stream().filter(Deputy::current)).hasSize(577);
    }

    @Test
    void statesTheCoverageOfItsData() {
        var info = data.info();

        assertThat(info.legislature()).isEqualTo(17);
        assertThat(info.scrutinCount()).isEqualTo(3876);
        assertThat(info.firstScrutinDate()).isEqualTo(LocalDate.of(2024, 10, 8));
        assertThat(info.lastScrutinDate()).isEqualTo(LocalDate.of(2025, 11, 17));
        assertThat(info.deputiesDataDate()).isEqualTo(LocalDate.of(2026, 4, 11));
        assertThat(info.source()).isEqualTo("Assemblée nationale, open data (AMO10, AMO50, Scrutins)");
    }

    @Test
    void givesMathildePanotsPositionOnScrutin3876AsTheRawFileListsIt() {
        ShippedData.Listing raw = ShippedData.listingOf(3876, "PA720892");

        DeputyVote vote = data.vote("PA720892", 3876);

        assertThat(raw.category()).isEqualTo("pours");
        assertThat(vote.position()).isEqualTo(Position.FOR);
        assertThat(vote.byProxy()).isFalse();
        assertThat(vote.cause()).isEqualTo(NonVotingCause.NONE);
        assertThat(vote.groupUid()).isEqualTo("PO845413");
        assertThat(data.deputy("PA720892").orElseThrow().fullName()).isEqualTo("Mathilde Panot");
    }

    @Test
    void givesTheCountsAndOutcomeOfScrutin3876() {
        JsonNode raw = ShippedData.scrutinTree(3876);
        JsonNode decompte = raw.get("syntheseVote").get("decompte");

        Scrutin s = data.scrutin(3876).orElseThrow();

        assertThat(raw.get("sort").get("code").asString()).isEqualTo("rejeté");
        assertThat(s.outcome()).isEqualTo(Outcome.REJECTED);
        assertThat(s.type()).isEqualTo(ScrutinType.ORDINARY);
        assertThat(s.date()).isEqualTo(LocalDate.parse(raw.get("dateScrutin").asString()));
        assertThat(s.title()).isEqualTo(raw.get("titre").asString()).startsWith("la motion de rejet préalable");
        assertThat(s.counts()).isEqualTo(new VoteCounts(
                Integer.parseInt(raw.get("syntheseVote").get("nombreVotants").asString()),
                Integer.parseInt(raw.get("syntheseVote").get("suffragesExprimes").asString()),
                Integer.parseInt(raw.get("syntheseVote").get("nbrSuffragesRequis").asString()),
                Integer.parseInt(decompte.get("pour").asString()),
                Integer.parseInt(decompte.get("contre").asString()),
                Integer.parseInt(decompte.get("abstentions").asString()),
                Integer.parseInt(decompte.get("nonVotants").asString())));
        assertThat(s.counts()).isEqualTo(new VoteCounts(304, 216, 109, 47, 169, 88, 2));
        assertThat(s.pageUrl()).isEqualTo("https://www.assemblee-nationale.fr/dyn/17/scrutins/3876");
    }

    @Test
    void listsEachVotingDeputyOfScrutin3876InTheCategoryTheRawFileGives() {
        List<ShippedData.Listing> raw = ShippedData.votes(ShippedData.scrutinTree(3876));

        assertThat(raw).hasSize(304 + 2);
        for (ShippedData.Listing l : raw) {
            Position expected = switch (l.category()) {
                case "pours" -> Position.FOR;
                case "contres" -> Position.AGAINST;
                case "abstentions" -> Position.ABSTENTION;
                default -> Position.NON_VOTING;
            };
            DeputyVote v = data.vote(l.acteurRef(), 3876);
            assertThat(v.position()).as(l.acteurRef()).isEqualTo(expected);
            assertThat(v.byProxy()).as(l.acteurRef()).isEqualTo(l.parDelegation().equals("true"));
        }
    }

    @Test
    void givesTheNationalRallysMajorityPositionAndCountsOnScrutin3876() {
        JsonNode rawGroup = null;
        for (JsonNode g : ShippedData.scrutinTree(3876).get("ventilationVotes").get("organe").get("groupes").get("groupe")) {
            if (g.get("organeRef").asString().equals("PO845401")) {
                rawGroup = g;
            }
        }

        GroupVote rn = data.scrutin(3876).orElseThrow().groups().stream()
                .filter(g -> g.groupUid().equals("PO845401")).findFirst().orElseThrow();

        assertThat(rawGroup.get("vote").get("positionMajoritaire").asString()).isEqualTo("abstention");
        assertThat(rn.majorityPosition()).isEqualTo(Position.ABSTENTION);
        assertThat(rn.members()).isEqualTo(123);
        assertThat(rn.counts()).isEqualTo(new VoteCounts(0, 0, 0, 0, 2, 73, 0));
        assertThat(data.group("PO845401").orElseThrow().abbreviation()).isEqualTo("RN");
    }

    @Test
    void marksAVoteCastByProxy() {
        ShippedData.Listing raw = ShippedData.listingOf(3876, "PA841587");

        DeputyVote vote = data.vote("PA841587", 3876);

        assertThat(raw.parDelegation()).isEqualTo("true");
        assertThat(raw.category()).isEqualTo("contres");
        assertThat(vote).isEqualTo(new DeputyVote(Position.AGAINST, true, NonVotingCause.NONE, "PO845401"));
        assertThat(vote.tookPart()).isTrue();
    }

    @Test
    void givesTheCauseOfTheNonVotingPresidentAndSessionChair() {
        ShippedData.Listing president = ShippedData.listingOf(3876, "PA721908");
        ShippedData.Listing chair = ShippedData.listingOf(3876, "PA719024");

        assertThat(president.cause()).isEqualTo("PAN");
        assertThat(chair.cause()).isEqualTo("PSE");
        assertThat(data.vote("PA721908", 3876))
                .isEqualTo(new DeputyVote(Position.NON_VOTING, false, NonVotingCause.PRESIDENT_OF_ASSEMBLY, "PO845407"));
        assertThat(data.vote("PA719024", 3876))
                .isEqualTo(new DeputyVote(Position.NON_VOTING, false, NonVotingCause.SESSION_CHAIR, "PO845454"));
        assertThat(data.vote("PA721908", 3876).cause().excusedByFunction()).isTrue();
    }

    @Test
    void givesTheGovernmentMemberCauseFoundInTheRawFile() {
        // The first MG listing of the legislature, found blindly.
        int number = 0;
        ShippedData.Listing mg = null;
        for (int n = 1; mg == null; n++) {
            mg = ShippedData.votes(ShippedData.scrutinTree(n)).stream()
                    .filter(l -> l.cause().equals("MG")).findFirst().orElse(null);
            number = n;
        }

        DeputyVote vote = data.vote(mg.acteurRef(), number);

        assertThat(vote.position()).isEqualTo(Position.NON_VOTING);
        assertThat(vote.cause()).isEqualTo(NonVotingCause.GOVERNMENT_MEMBER);
        assertThat(vote.tookPart()).isFalse();
    }

    @Test
    void readsAVotantGivenAsASingleObjectAsWellAsVotantsGivenAsAnArray() {
        JsonNode groups = ShippedData.scrutinTree(3876).get("ventilationVotes").get("organe").get("groupes").get("groupe");
        JsonNode single = null;
        JsonNode array = null;
        for (JsonNode g : groups) {
            String uid = g.get("organeRef").asString();
            if (uid.equals("PO845407")) {
                single = g.get("vote").get("decompteNominatif").get("nonVotants").get("votant");
            } else if (uid.equals("PO845401")) {
                array = g.get("vote").get("decompteNominatif").get("contres").get("votant");
            }
        }

        assertThat(single.isObject()).isTrue();
        assertThat(single.get("acteurRef").asString()).isEqualTo("PA721908");
        assertThat(data.vote("PA721908", 3876).position()).isEqualTo(Position.NON_VOTING);
        assertThat(array.isArray()).isTrue();
        for (JsonNode v : array) {
            assertThat(data.vote(v.get("acteurRef").asString(), 3876).position()).isEqualTo(Position.AGAINST);
        }
    }

    @Test
    void takesAReplacementDeputysStartFromTheDayTheyTookOffice() {
        // A former minister back in the Assemblée: elected in July 2024, in office again from January 2025.
        JsonNode raw = ShippedData.tree(ShippedData.rawActeur("PA719914")).get("acteur");
        JsonNode seat = null;
        for (JsonNode m : raw.get("mandats").get("mandat")) {
            if (m.get("typeOrgane").asString().equals("ASSEMBLEE")) {
                seat = m;
            }
        }

        Deputy d = data.deputy("PA719914").orElseThrow();

        assertThat(seat.get("dateDebut").asString()).isEqualTo("2024-07-07");
        assertThat(d.mandateStart()).isEqualTo(LocalDate.parse(seat.get("mandature").get("datePriseFonction").asString()))
                .isEqualTo(LocalDate.of(2025, 1, 24));
        assertThat(d.mandateEnd()).isNull();
        assertThat(d.current()).isTrue();
    }

    @Test
    void knowsAnActeurFoundOnlyInTheVotesByItsUidAlone() {
        Deputy d = data.deputy("PA719282").orElseThrow();

        assertThat(d.unresolved()).isTrue();
        assertThat(d.current()).isFalse();
        assertThat(d.fullName()).isEqualTo("PA719282");
        assertThat(d.groupUid()).isNull();
        assertThat(d.constituency()).isNull();
        assertThat(data.deputies().stream().filter(Deputy::unresolved)).extracting(Deputy::uid).containsExactlyInAnyOrder(
                "PA719282", "PA719918", "PA722328", "PA793416", "PA794042", "PA794554", "PA794750", "PA795888",
                "PA840713", "PA841013", "PA841601", "PA841709", "PA841745", "PA841801", "PA841833", "PA841869",
                "PA842323", "PA870010");
        int listed = 0;
        for (Scrutin s : data.scrutins()) {
            if (data.vote("PA719282", s.number()).position() != Position.ABSENT) {
                listed++;
            }
        }
        assertThat(listed).isPositive();
    }

    @Test
    void namesAFormerDeputyFromTheFrozenExtractWithoutTrustingItsGroup() {
        Deputy d = data.deputy("PA840171").orElseThrow();

        assertThat(d.unresolved()).isFalse();
        assertThat(d.current()).isFalse();
        assertThat(d.groupUid()).isNull();
        assertThat(d.constituency().id()).isEqualTo("75-7");
        assertThat(data.deputyOf("75-7").orElseThrow().uid()).isNotEqualTo("PA840171");
        assertThat(data.deputies().stream().filter(x -> !x.current() && !x.unresolved())).hasSize(34);
    }

    @Test
    void findsTheSittingDeputyOfAConstituency() throws IOException {
        assertThat(data.deputyOf("33-4").map(Deputy::uid)).contains(sittingUidByRegex("33", "4")).contains("PA1008");
        Deputy d = data.deputyOf("33-4").orElseThrow();
        assertThat(d.fullName()).isEqualTo("Alain David");
        assertThat(d.constituency().departementName()).isEqualTo("Gironde");
        assertThat(data.deputyOf("2A-1").map(Deputy::uid)).contains(sittingUidByRegex("2A", "1"));
        assertThat(data.deputyOf("971-1").map(Deputy::uid)).contains(sittingUidByRegex("971", "1"));
        assertThat(data.deputyOf("01-1").map(Deputy::uid)).contains(sittingUidByRegex("01", "1"));
        assertThat(data.deputyOf("33-13")).isEmpty();
    }

    @Test
    void statesTheFrenchAbroadConstituenciesWithCode99() throws IOException {
        Deputy d = data.deputyOf("99-5").orElseThrow();

        assertThat(d.uid()).isEqualTo(sittingUidByRegex("099", "5"));
        assertThat(d.constituency().departementCode()).isEqualTo("99");
        assertThat(d.constituency().departementName()).isEqualTo("Français établis hors de France");
        assertThat(data.deputyOf("099-5")).isEmpty();
        assertThat(data.deputies().stream().filter(Deputy::current)
                .filter(x -> x.constituency().departementCode().equals("99"))).hasSize(11);
    }

    @Test
    void namesTheBlocksPublishedAsPO0AfterTheirVotersGroupOnTheDayAndNeverDescribesAnUnknownUid() {
        JsonNode raw = ShippedData.scrutinTree(489);
        long rawPo0 = 0;
        for (JsonNode g : raw.get("ventilationVotes").get("organe").get("groupes").get("groupe")) {
            rawPo0 += g.get("organeRef").asString().equals("PO0") ? 1 : 0;
        }
        assertThat(rawPo0).as("scrutin 489 is published with PO0 blocks").isGreaterThan(5);

        Scrutin s = data.scrutin(489).orElseThrow();

        // Mathilde Panot sits with LFI-NFP (PO845413) since before 2 December 2024, by her AMO10 GP mandate.
        assertThat(data.vote("PA720892", 489).groupUid()).isEqualTo("PO845413");
        assertThat(s.groups()).filteredOn(g -> g.groupUid().equals("PO845413")).hasSize(1);
        assertThat(s.groups()).filteredOn(g -> g.groupUid().equals("PO0")).hasSizeLessThan((int) rawPo0);
        assertThat(data.vote("PA720892", 3876).groupUid()).isEqualTo("PO845413");
        assertThat(data.group("PO0")).isEmpty();
        assertThat(data.group("PO847173")).isEmpty();
        assertThat(data.groups()).hasSize(12).extracting(PoliticalGroup::uid).doesNotContain("PO0", "PO847173");
        assertThat(data.group("PO845439").orElseThrow().abbreviation()).isEqualTo("EcoS");
    }

    @Test
    void answersNotListedForUnknownDeputiesAndScrutins() {
        assertThat(data.vote("PA0", 3876)).isEqualTo(DeputyVote.NOT_LISTED);
        assertThat(data.vote("PA720892", 3877)).isEqualTo(DeputyVote.NOT_LISTED);
        assertThat(data.vote("PA720892", -1)).isEqualTo(DeputyVote.NOT_LISTED);
        assertThat(data.vote(null, 1)).isEqualTo(DeputyVote.NOT_LISTED);
        assertThat(data.scrutin(0)).isEmpty();
        assertThat(data.deputy("PA0")).isEmpty();
        assertThat(data.deputyOf("33-99")).isEmpty();
    }

    /** The uid of the AMO10 acteur whose file names that constituency, by a plain text search. */
    private static String sittingUidByRegex(String numDepartement, String numCirco) throws IOException {
        Pattern lieu = Pattern.compile("\"numDepartement\":\\s*\"" + numDepartement + "\",\\s*\"numCirco\":\\s*\""
                + numCirco + "\"");
        Pattern uid = Pattern.compile("\"#text\":\\s*\"(PA\\d+)\"");
        try (Stream<Path> files = Files.list(ShippedData.amo10().resolve("json/acteur"))) {
            List<String> found = files.map(p -> {
                try {
                    return Files.readString(p);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).filter(text -> lieu.matcher(text).find()).map(text -> {
                Matcher m = uid.matcher(text);
                return m.find() ? m.group(1) : null;
            }).toList();
            assertThat(found).hasSize(1);
            return found.getFirst();
        }
    }
}
