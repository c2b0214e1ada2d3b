package fr.civicgateway.app;

import fr.civicgateway.app.support.ChatClient;
import fr.civicgateway.app.support.ChatClient.BotMessage;
import fr.civicgateway.app.support.GatewayTest;
import fr.civicgateway.opendata.testing.ShippedData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import static fr.civicgateway.opendata.testing.ShippedData.many;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Places at the edges (postcodes of several communes, arrondissements, homonyms answered with a département) and
 * the group positions of the scrutins whose published group data is wrong, through {@code POST /api/v1/chat} on the
 * shipped data. Every expected value is read here from the raw files, naively: La Poste's CSV, the Ministry's
 * 2017 table, the AMO10 acteur and organe files and the scrutins' nominal votes.
 */
@GatewayTest
class PlacesAndGroupsOnRealDataTest {

    private static final ObjectMapper JSON = JsonMapper.builder().build();
    /** The scrutins the Assemblée published with group blocks whose organeRef is "PO0". */
    private static final List<Integer> PO0_SCRUTINS = List.of(489, 491, 492, 493, 494, 495, 496, 497, 498, 499, 500, 501);

    @LocalServerPort
    int port;
    ChatClient chat;
    String conversation;

    @BeforeEach
    void newConversation() {
        chat = new ChatClient(port);
        conversation = "test-" + UUID.randomUUID();
    }

    // ---- postcodes ----

    @Test
    void answersAtOnceWhenEveryCommuneOfAPostcodeLiesInOneConstituency() {
        // The first postcode (in order) of several communes, each whole in the same one constituency.
        String postcode = null;
        for (Map.Entry<String, Set<String>> e : laPosteCommunes().entrySet()) {
            Set<String> circos = new TreeSet<>();
            boolean whole = true;
            for (String c : e.getValue()) {
                whole &= ministryConstituencies(c).size() == 1;
                circos.addAll(ministryConstituencies(c));
            }
            if (e.getValue().size() > 1 && whole && circos.size() == 1) {
                postcode = e.getKey();
                break;
            }
        }
        assertThat(postcode).isNotNull();
        Set<String> communes = laPosteCommunes().get(postcode);
        String[] circo = ministryConstituencies(communes.iterator().next()).iterator().next().split("-");
        String deputy = ShippedData.name(ShippedData.sittingDeputyOf(circo[0], circo[1]));

        String answer = chat.read(conversation, "Qui est le député du " + postcode + " ?");

        assertThat(answer).contains("Ce code postal couvre " + communes.size() + " communes")
                .contains("toutes dans la " + circo[1] + (circo[1].equals("1") ? "re" : "e") + " circonscription")
                .contains(deputy + " est")
                .doesNotContain("Laquelle");
    }

    @Test
    void stillAsksWhichCommuneWhenOneOfThePostcodesCommunesIsSplit() {
        Set<String> communes = laPosteCommunes().get("01000");
        Set<String> circos = new TreeSet<>();
        communes.forEach(c -> circos.addAll(ministryConstituencies(c)));
        assertThat(circos).as("Bourg-en-Bresse is split between two constituencies").hasSizeGreaterThan(1);

        BotMessage asked = chat.say(conversation, "Qui est le député du 01000 ?").getFirst();

        assertThat(asked.text()).contains("Le code postal 01000 dessert " + communes.size() + " communes");
        assertThat(asked.quickReplies()).hasSize(communes.size());
    }

    @Test
    void offersEveryCommuneOfAPostcodeWithManyAndAnswersTheOneTyped() {
        // The postcode with the most communes whose communes lie in more than one constituency (La Poste, Ministry).
        String postcode = null;
        for (Map.Entry<String, Set<String>> e : laPosteCommunes().entrySet()) {
            Set<String> circos = new TreeSet<>();
            boolean placed = true;
            for (String c : e.getValue()) {
                Set<String> own = ministryConstituencies(c);
                placed &= own.size() == 1;
                circos.addAll(own);
            }
            if (placed && circos.size() > 1 && e.getValue().size() >= 17
                    && (postcode == null || e.getValue().size() > laPosteCommunes().get(postcode).size())) {
                postcode = e.getKey();
            }
        }
        assertThat(postcode).as("a postcode of 17 communes or more in several constituencies").isNotNull();
        Set<String> communes = laPosteCommunes().get(postcode);

        BotMessage asked = chat.say(conversation, "Qui est le député du " + postcode + " ?").getFirst();

        assertThat(asked.text()).contains("Le code postal " + postcode + " dessert " + communes.size() + " communes")
                .contains("Tapez le nom de votre commune")
                .contains("Source : Assemblée nationale, https://www.assemblee-nationale.fr/dyn/deputes (données au ");
        assertThat(asked.quickReplies()).hasSize(16);

        // A commune that is not among the buttons, typed by its name as the list writes it.
        String typed = null;
        for (String code : communes) {
            String name = inseeName(code);
            if (name != null && asked.text().contains(name) && asked.titles().stream().noneMatch(t -> t.startsWith(name + " ("))) {
                typed = code;
                break;
            }
        }
        assertThat(typed).as("a commune listed in the text but not as a button").isNotNull();
        String[] circo = ministryConstituencies(typed).iterator().next().split("-");
        String deputy = ShippedData.name(ShippedData.sittingDeputyOf(circo[0], circo[1]));

        String answer = chat.read(conversation, inseeName(typed));

        assertThat(answer).contains(inseeName(typed) + " fait partie de la").contains(deputy + " est");
    }

    // ---- arrondissements ----

    @Test
    void namesOnlyTheConstituenciesAParisArrondissementOverlaps() {
        // The Ministry's table lists Paris by canton, canton 15 + n - 1 being the n-th arrondissement.
        Set<String> circos = parisArrondissementConstituencies(11);
        assertThat(circos).hasSizeBetween(2, 17);

        String answer = chat.read(conversation, "Qui est le député du 75011 ?");

        assertThat(answer).contains("Paris 11e arrondissement est partagé entre " + circos.size() + " circonscriptions")
                .doesNotContain("18 circonscriptions");
        for (String circo : circos) {
            assertThat(answer).contains(ShippedData.name(ShippedData.sittingDeputyOf("75", circo.split("-")[1])));
        }
        for (int n = 1; n <= 18; n++) {
            if (!circos.contains("75-" + n)) {
                assertThat(answer).doesNotContain(ShippedData.name(ShippedData.sittingDeputyOf("75", String.valueOf(n))));
            }
        }
    }

    @Test
    void answersAtOnceForAParisArrondissementInOneConstituency() {
        Set<String> circos = parisArrondissementConstituencies(1);
        assertThat(circos).hasSize(1);
        String deputy = ShippedData.name(ShippedData.sittingDeputyOf("75", circos.iterator().next().split("-")[1]));

        String answer = chat.read(conversation, "Qui est le député du 75001 ?");

        assertThat(answer).contains("Paris 1er arrondissement fait partie de la").contains(deputy + " est");
    }

    @Test
    void saysPlainlyThatTheDataCannotPlaceALyonOrMarseilleArrondissement() {
        for (String postcode : List.of("69003", "13011")) {
            String answer = chat.read("test-" + UUID.randomUUID(), "Qui est le député du " + postcode + " ?");

            assertThat(answer).as(postcode).contains("Les tables officielles chargées ne disent pas dans quelle circonscription")
                    .doesNotContain("est partagée entre", "est partagé entre").doesNotContain("https://www.assemblee-nationale.fr/dyn/deputes/PA");
        }
    }

    // ---- homonyms answered with a département ----

    @Test
    void usesTheDepartementGivenInAnswerToWhichSaintDenis() {
        Map<String, String> answers = new LinkedHashMap<>();
        answers.put("celle du Gard", "30");
        answers.put("dans le 93", "93");
        answers.put("Seine-Saint-Denis", "93");
        answers.put("celle de l'Aude", "11");
        answers.put("Gard", "30");
        answers.put("Aude", "11");
        for (Map.Entry<String, String> reply : answers.entrySet()) {
            String code = laPosteCommunes().values().stream().flatMap(Set::stream)
                    .filter(c -> c.startsWith(reply.getValue()) && "ST DENIS".equals(laPosteName(c))).findFirst().orElseThrow();
            List<String> deputies = ministryConstituencies(code).stream()
                    .map(c -> ShippedData.name(ShippedData.sittingDeputyOf(c.split("-")[0], c.split("-")[1]))).toList();
            assertThat(deputies).isNotEmpty();
            String talk = "test-" + UUID.randomUUID();
            assertThat(chat.read(talk, "Qui est le député de Saint-Denis ?")).contains("Laquelle");

            String answer = chat.read(talk, reply.getKey());

            for (String deputy : deputies) {
                assertThat(answer).as(reply.getKey()).contains(deputy);
            }
        }
    }

    // ---- sources on lists ----

    @Test
    void listsTheDeputiesOfASplitCommuneWithTheirSourceAndDate() {
        String answer = chat.read(conversation, "Qui est mon député ? J'habite à Annecy");

        assertThat(answer).contains("partagée entre 2 circonscriptions")
                .containsPattern("Source : Assemblée nationale, https://www\\.assemblee-nationale\\.fr/dyn/deputes "
                        + "\\(données au \\d{1,2}(er)? [a-zéû]+ \\d{4}\\)\\.")
                .contains("INSEE");
    }

    // ---- group positions ----

    @Test
    void namesTheGroupAndItsRealMajorityOnTheScrutinsPublishedWithPO0Blocks() {
        String uid = "PA720892"; // Mathilde Panot
        String[] group = currentGroup(uid);
        for (int number : PO0_SCRUTINS) {
            JsonNode s = ShippedData.scrutin(number);
            LocalDate date = LocalDate.parse(s.path("dateScrutin").asString());
            assertThat(LocalDate.parse(group[1])).isBeforeOrEqualTo(date);
            String expected = majoritySentence(groupCounts(s, group[0], date), organeAbbreviation(group[0]));

            String answer = chat.read("test-" + UUID.randomUUID(), "Comment a voté Mathilde Panot au scrutin " + number + " ?");

            assertThat(answer).as("scrutin " + number).contains(expected).doesNotContain("PO0");
        }
    }

    @Test
    void saysAGroupNobodyOfWhichVotedDidNotTakePartRatherThanThePublishedPour() {
        // A block with 0 for, 0 against, 0 abstention that the source says voted "pour", and a sitting member of
        // that group since before the vote whose own vote is not for, against or abstention.
        Map<String, String[]> groups = currentGroups();
        String[] found = new String[2];
        ShippedData.forEachScrutin(s -> {
            if (found[0] != null || s.path("typeVote").path("codeTypeVote").asString().equals("MOC")) {
                return;
            }
            LocalDate date = LocalDate.parse(s.path("dateScrutin").asString());
            for (JsonNode g : many(s.path("ventilationVotes").path("organe").path("groupes").path("groupe"))) {
                JsonNode voix = g.path("vote").path("decompteVoix");
                String organe = g.path("organeRef").asString();
                if (!"pour".equals(g.path("vote").path("positionMajoritaire").asString())
                        || voix.path("pour").asInt() + voix.path("contre").asInt() + voix.path("abstentions").asInt() != 0
                        || organeAbbreviation(organe) == null) {
                    continue;
                }
                for (Map.Entry<String, String[]> m : groups.entrySet()) {
                    if (!m.getValue()[0].equals(organe) || LocalDate.parse(m.getValue()[1]).isAfter(date)) {
                        continue;
                    }
                    String listing = ShippedData.listing(s, m.getKey());
                    if (listing == null || listing.equals("nonVotants")) {
                        found[0] = m.getKey();
                        found[1] = s.path("numero").asString();
                        return;
                    }
                }
            }
        });
        assertThat(found[0]).as("a 0/0/0 block published as 'pour' with a sitting member").isNotNull();
        String abbreviation = organeAbbreviation(groups.get(found[0])[0]);

        String answer = chat.read(conversation, "Comment a voté " + ShippedData.name(found[0]) + " au scrutin " + found[1] + " ?");

        assertThat(answer).contains("Son groupe (" + abbreviation + ") n'a pas pris part au vote.")
                .doesNotContain("majoritairement voté pour");
    }

    @Test
    void neverShowsARawGroupUidInAResult() {
        for (int number : List.of(489, 3876)) {
            String answer = chat.read("test-" + UUID.randomUUID(), "Résultat du scrutin " + number);

            assertThat(answer).as("scrutin " + number).contains("Position majoritaire des groupes").doesNotContainPattern("PO\\d+");
        }
    }

    // ---- naive readers of the raw files ----

    private static Map<String, Set<String>> postcodes;
    private static Map<String, String> postalNames;

    /** Postcode → INSEE codes, from La Poste's file read as plain text. */
    private static synchronized Map<String, Set<String>> laPosteCommunes() {
        if (postcodes == null) {
            postcodes = new TreeMap<>();
            postalNames = new HashMap<>();
            try {
                for (String line : Files.readAllLines(ShippedData.dataDirectory()
                        .resolve("geo/laposte-codes-postaux/019HexaSmal.csv"), StandardCharsets.ISO_8859_1)) {
                    String[] f = line.split(";");
                    if (!line.startsWith("#") && f.length > 2) {
                        postcodes.computeIfAbsent(f[2], k -> new TreeSet<>()).add(f[0]);
                        postalNames.putIfAbsent(f[0], f[1]);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return postcodes;
    }

    private static String laPosteName(String insee) {
        laPosteCommunes();
        return postalNames.get(insee);
    }

    private static List<String[]> ministry;

    private static synchronized List<String[]> ministryRows() {
        if (ministry == null) {
            try {
                ministry = Files.readAllLines(ShippedData.dataDirectory().resolve(
                                "geo/circonscriptions-communes-2017/Table_de_correspondance_circo_legislatives2017-1.csv"))
                        .stream().skip(1).map(l -> l.split(";")).toList();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return ministry;
    }

    private static Map<String, Set<String>> ministryByInsee;
    private static Map<String, String> ministryNames;

    /** "dep-circo" of a metropolitan commune by its INSEE code (département + the table's 3-digit number). */
    private static synchronized Set<String> ministryConstituencies(String insee) {
        if (ministryByInsee == null) {
            ministryByInsee = new HashMap<>();
            ministryNames = new HashMap<>();
            for (String[] f : ministryRows()) {
                String dep = f[0].length() == 1 ? "0" + f[0] : f[0];
                String code = dep + "000".substring(f[2].length()) + f[2];
                ministryByInsee.computeIfAbsent(code, k -> new TreeSet<>()).add(dep + "-" + f[4]);
                ministryNames.putIfAbsent(code, f[3]);
            }
        }
        return ministryByInsee.getOrDefault(insee, Set.of());
    }

    private static Set<String> parisArrondissementConstituencies(int arrondissement) {
        Set<String> out = new TreeSet<>();
        for (String[] f : ministryRows()) {
            if (f[0].equals("75") && f[2].equals("56") && Integer.parseInt(f[5]) == 14 + arrondissement) {
                out.add("75-" + f[4]);
            }
        }
        return out;
    }

    /** The Ministry's name of a commune, as the bot writes it. */
    private static String inseeName(String insee) {
        ministryConstituencies(insee);
        return ministryNames.get(insee);
    }

    private static Path amo10() {
        return ShippedData.dataDirectory().resolve("assemblee-nationale/AMO10_deputes_actifs_mandats_actifs_organes_L17/json");
    }

    private static Map<String, String[]> currentGroups;

    /** Sitting deputy uid → {group organe uid, dateDebut of that open GP mandate}. */
    private static synchronized Map<String, String[]> currentGroups() {
        if (currentGroups == null) {
            Map<String, String[]> out = new TreeMap<>();
            try (Stream<Path> files = Files.list(amo10().resolve("acteur"))) {
                for (Path f : files.sorted().toList()) {
                    JsonNode a = JSON.readTree(Files.readString(f)).get("acteur");
                    for (JsonNode m : many(a.path("mandats").path("mandat"))) {
                        if ("GP".equals(m.path("typeOrgane").asString()) && m.path("dateFin").isNull()) {
                            out.put(a.path("uid").path("#text").asString(), new String[] {
                                    m.path("organes").path("organeRef").asString(), m.path("dateDebut").asString()});
                        }
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            currentGroups = out;
        }
        return currentGroups;
    }

    private static String[] currentGroup(String uid) {
        return currentGroups().get(uid);
    }

    /** The organe file's libelleAbrege; null when no organe file describes the uid. */
    private static String organeAbbreviation(String organeUid) {
        Path f = amo10().resolve("organe/" + organeUid + ".json");
        if (!Files.exists(f)) {
            return null;
        }
        try {
            return JSON.readTree(Files.readString(f)).get("organe").path("libelleAbrege").asString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {for, against, abstentions} cast by the sitting members of a group on the day, from the nominal votes. */
    private static int[] groupCounts(JsonNode scrutin, String groupUid, LocalDate date) {
        int[] c = new int[3];
        currentGroups().forEach((uid, g) -> {
            if (g[0].equals(groupUid) && !LocalDate.parse(g[1]).isAfter(date)) {
                String listing = ShippedData.listing(scrutin, uid);
                if ("pours".equals(listing)) {
                    c[0]++;
                } else if ("contres".equals(listing)) {
                    c[1]++;
                } else if ("abstentions".equals(listing)) {
                    c[2]++;
                }
            }
        });
        return c;
    }

    private static String majoritySentence(int[] c, String abbreviation) {
        String group = "Son groupe (" + abbreviation + ")";
        if (c[0] + c[1] + c[2] == 0) {
            return group + " n'a pas pris part au vote.";
        }
        if (c[0] > c[1] && c[0] > c[2]) {
            return group + " a majoritairement voté pour.";
        }
        if (c[1] > c[0] && c[1] > c[2]) {
            return group + " a majoritairement voté contre.";
        }
        if (c[2] > c[0] && c[2] > c[1]) {
            return group + " s'est majoritairement abstenu.";
        }
        return group + " n'a pas de position majoritaire";
    }
}
