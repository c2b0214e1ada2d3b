package fr.civicgateway.core.nlu;

import fr.civicgateway.core.fixtures.FakeGeoDirectory;
import fr.civicgateway.core.fixtures.FakeParliamentData;
import org.junit.jupiter.api.Test;

import java.util.List;

import static fr.civicgateway.core.fixtures.FakeParliamentData.*;
import static org.assertj.core.api.Assertions.assertThat;

class GazetteerEntityExtractorTest {

    private static final GazetteerEntityExtractor EXTRACTOR =
            new GazetteerEntityExtractor(new FakeParliamentData(), new FakeGeoDirectory());

    /** Each mention as "type value «text»", for readable assertions. */
    private static List<String> found(String text) {
        return EXTRACTOR.extract(text).stream()
                .map(m -> m.type().apiName() + " " + m.value() + " «" + m.text() + "»").toList();
    }

    private static List<String> types(String text) {
        return EXTRACTOR.extract(text).stream().map(m -> m.type().apiName()).toList();
    }

    @Test
    void findsADeputyAndAScrutinWithTheirExactSpans() {
        String text = "Comment a voté Mathilde Panot au scrutin 3876 ?";
        List<EntityMention> mentions = EXTRACTOR.extract(text);
        assertThat(mentions).containsExactly(
                new EntityMention(EntityType.DEPUTY, PANOT, "Mathilde Panot", 15, 29),
                new EntityMention(EntityType.SCRUTIN, "3876", "3876", 41, 45));
    }

    @Test
    void findsADossierUidWrittenInAnyCase() {
        assertThat(found("Où en est le dossier DLR5L17N51670 ?")).containsExactly("dossier DLR5L17N51670 «DLR5L17N51670»");
        assertThat(found("where does dlr5l17n50366 stand")).containsExactly("dossier DLR5L17N50366 «dlr5l17n50366»");
        assertThat(types("le dossier DLR5 du scrutin 3876")).doesNotContain("dossier");
    }

    @Test
    void matchesDeputiesByFullNameReversedNameOrLastNameIgnoringCaseAndAccents() {
        assertThat(found("qui est francois ruffin")).containsExactly("deputy " + RUFFIN + " «francois ruffin»");
        assertThat(found("PANOT Mathilde")).containsExactly("deputy " + PANOT + " «PANOT Mathilde»");
        assertThat(found("quel groupe pour Panot ?")).containsExactly("deputy " + PANOT + " «Panot»");
        assertThat(found("et ruffin ?")).containsExactly("deputy " + RUFFIN + " «ruffin»");
    }

    @Test
    void givesEveryDeputySharingALastNameAsAlternatives() {
        EntityMention m = EXTRACTOR.extract("comment a voté Rousseau sur le budget").getFirst();
        assertThat(m.type()).isEqualTo(EntityType.DEPUTY);
        assertThat(m.ambiguous()).isTrue();
        assertThat(m.alternatives()).containsExactlyInAnyOrder(SANDRINE_ROUSSEAU, FABRICE_ROUSSEAU);
        assertThat(m.value()).isEqualTo(m.alternatives().getFirst());
        assertThat(found("Sandrine Rousseau")).containsExactly("deputy " + SANDRINE_ROUSSEAU + " «Sandrine Rousseau»");
    }

    @Test
    void handlesCompoundAndParticleNamesAndFormerDeputies() {
        assertThat(found("qui est Dupont-Aignan ?")).containsExactly("deputy " + DUPONT_AIGNAN + " «Dupont-Aignan»");
        assertThat(found("Nicolas Dupont Aignan")).containsExactly("deputy " + DUPONT_AIGNAN + " «Nicolas Dupont Aignan»");
        assertThat(found("Charles de Courson a voté quoi")).first().isEqualTo("deputy " + DE_COURSON + " «Charles de Courson»");
        assertThat(found("et Courson ?")).containsExactly("deputy " + DE_COURSON + " «Courson»");
        assertThat(found("qui est marine le pen")).containsExactly("deputy " + LE_PEN + " «marine le pen»");
        assertThat(found("Le Pen a voté la censure ?")).first().isEqualTo("deputy " + LE_PEN + " «Le Pen»");
    }

    @Test
    void toleratesSmallTyposInDeputiesNames() {
        assertThat(found("qui est Mathilde Pannot")).containsExactly("deputy " + PANOT + " «Mathilde Pannot»");
        assertThat(found("comment a voté ruffinn")).containsExactly("deputy " + RUFFIN + " «ruffinn»");
        assertThat(found("qui est Sandrinne Rouseau")).containsExactly("deputy " + SANDRINE_ROUSSEAU + " «Sandrinne Rouseau»");
    }

    private static EntityMention only(String text) {
        List<EntityMention> mentions = EXTRACTOR.extract(text);
        assertThat(mentions).hasSize(1);
        return mentions.getFirst();
    }

    @Test
    void correctsOneTypingErrorInAFullNameEvenWhenOneWordIsAnotherDeputysFamilyName() {
        // "Marie" is no deputy's family name, "Petit" is; "Marine" is Marine Le Pen's given name
        EntityMention swapped = only("Quel est le taux de participation de Mathilde Pnaot ?");
        assertThat(swapped.value()).isEqualTo(PANOT);
        assertThat(swapped.certainty()).isEqualTo(EntityMention.Certainty.CORRECTED);
        EntityMention dropped = only("Qui est Marine Le Pn ?");
        assertThat(dropped.value()).isEqualTo(LE_PEN);
        assertThat(dropped.certainty()).isEqualTo(EntityMention.Certainty.CORRECTED);
        assertThat(only("qui est mathilde panto").value()).isEqualTo(PANOT);
    }

    @Test
    void asksBackRatherThanAnswerForADeputyWhoseFamilyNameIsTheOnlyWordInCommon() {
        EntityMention m = only("Qui est Sandrine Panot ?");
        assertThat(m.type()).isEqualTo(EntityType.DEPUTY);
        assertThat(m.certainty()).isEqualTo(EntityMention.Certainty.GUESSED);
        assertThat(m.candidates()).containsExactly(PANOT);
        assertThat(m.text()).isEqualTo("Sandrine Panot");
        // one error from two deputies' names: both offered, none chosen
        EntityMention two = only("comment a voté Rousseaux ?");
        assertThat(two.certainty()).isEqualTo(EntityMention.Certainty.GUESSED);
        assertThat(two.candidates()).containsExactlyInAnyOrder(SANDRINE_ROUSSEAU, FABRICE_ROUSSEAU);
    }

    @Test
    void takesAStreetsNameForNoCommune() {
        // "Vienne" and "Lille" are communes; after "rue" / "avenue de" they name the street
        assertThat(found("12 rue Vienne, Annecy")).containsExactly("commune 74010 «Annecy»");
        assertThat(found("avenue de Lille à Bordeaux")).containsExactly("commune 33063 «Bordeaux»");
    }

    @Test
    void keepsLowerCaseWordsBesideAWrittenNameOutOfIt() {
        for (String text : List.of("Qu'a fait Mathilde Panot pendant le scrutin 3876 ?",
                "Quel est le salaire de Mathilde Panot ?", "Selon Mathilde Panot, le budget est bon",
                "date de naissance de Mathilde Panot")) {
            EntityMention m = EXTRACTOR.extract(text).getFirst();
            assertThat(m.value()).as(text).isEqualTo(PANOT);
            assertThat(m.text()).as(text).isEqualTo("Mathilde Panot");
            assertThat(m.certainty()).as(text).isEqualTo(EntityMention.Certainty.EXACT);
        }
    }

    @Test
    void readsAMisspeltFamilyNameInLowerCaseAfterAWrittenGivenName() {
        // "Rousseau" alone is two deputies; "Sandrine rouseau" is one, one error away — never Fabrice Rousseau
        EntityMention m = only("Quel est le taux de participation de Sandrine rouseau ?");
        assertThat(m.value()).isEqualTo(SANDRINE_ROUSSEAU);
        assertThat(m.certainty()).isEqualTo(EntityMention.Certainty.CORRECTED);
        EntityMention lower = only("qui est sandrine Rouseau");
        assertThat(lower.value()).isEqualTo(SANDRINE_ROUSSEAU);
        // a family name that is exactly a deputy's, beside a lower-case unknown word, is asked back, never answered
        EntityMention other = only("Qui est Panot xyzt ?");
        assertThat(other.certainty()).isEqualTo(EntityMention.Certainty.GUESSED);
    }

    @Test
    void readsALongRunOfCapitalisedWordsAsNoNameAndStillFindsTheRealOnes() {
        // 4,000 characters of capitalised unknown words: no name, no misspelt commune, and the exact name is kept
        String title = "Xyqz Wvrt ".repeat(400) + "Mathilde Panot";
        assertThat(found(title)).containsExactly("deputy " + PANOT + " «Mathilde Panot»");
    }

    @Test
    void neverSelectsADeputyFromAGivenNameAlone() {
        assertThat(types("Qui est Mathilde ?")).doesNotContain("deputy");
        assertThat(types("Qui est Mathlde ?")).doesNotContain("deputy");
        assertThat(types("Qui est Marine ?")).doesNotContain("deputy");
    }

    @Test
    void correctsOneTypingErrorInACommuneAfterAPlaceWord() {
        EntityMention anecy = only("Qui est le député d'Anecy ?");
        assertThat(anecy.type()).isEqualTo(EntityType.COMMUNE);
        assertThat(anecy.value()).isEqualTo("74010");
        assertThat(anecy.certainty()).isEqualTo(EntityMention.Certainty.CORRECTED);
        assertThat(only("j'habite à Bordeau").value()).isEqualTo("33063");
        assertThat(types("le marché de Bordeau")).containsExactly("commune");
        assertThat(types("ma fille cherche un stage")).isEmpty();
        assertThat(found("qui est le député d'anecy")).containsExactly("commune 74010 «anecy»");
        // an ordinary lower-case word after "au" is no misspelt commune ("Lile" is one error from "milieu"'s cousins)
        assertThat(types("un trou au milieu de la chaussée à Bordeau")).containsExactly("commune");
        assertThat(types("un trou au lile de la chaussée")).isEmpty();
    }

    @Test
    void readsLaReunionAsTheDepartementBeforeTheHomonymousVillage() {
        FakeGeoDirectory geo = new FakeGeoDirectory().withCommune("47222", "La Réunion", "47", "47700")
                .withDepartement("974", "La Réunion");
        GazetteerEntityExtractor extractor = new GazetteerEntityExtractor(new FakeParliamentData(), geo);
        assertThat(extractor.extract("le député de la Réunion")).singleElement()
                .satisfies(m -> assertThat(m.type().apiName() + " " + m.value()).isEqualTo("departement 974"));
        assertThat(extractor.extract("la 1re circonscription de La Réunion")).singleElement()
                .satisfies(m -> assertThat(m.type().apiName() + " " + m.value()).isEqualTo("circonscription 974-1"));
        assertThat(extractor.extract("Qui est le député de La Réunion ?")).singleElement()
                .satisfies(m -> assertThat(m.type().apiName() + " " + m.value()).isEqualTo("departement 974"));
    }

    @Test
    void takesADeputyNamedLikeAnOrdinaryWordOnlyWhenCapitalised() {
        assertThat(types("j'ai un petit problème dans ma rue")).doesNotContain("deputy");
        assertThat(found("qui est Marie Petit")).containsExactly("deputy " + MARIE_PETIT + " «Marie Petit»");
        assertThat(found("comment a voté Petit ?")).first().isEqualTo("deputy " + MARIE_PETIT + " «Petit»");
    }

    @Test
    void readsScrutinNumbersInTheirUsualForms() {
        for (String text : List.of("scrutin 3876", "scrutin n° 3876", "scrutin numéro 3876", "ballot 3876",
                "n°3876", "le scrutin no 3876 ?", "résultat du vote 3876")) {
            assertThat(found(text)).as(text).containsExactly("scrutin 3876 «3876»");
        }
        assertThat(found("vote 3700")).containsExactly("scrutin 3700 «3700»");
    }

    @Test
    void aNumberAfterABillTextsWordIsTheTextsNotAScrutinsEvenWhenSuchAScrutinExists() {
        // Scrutins 450 and 1500 are loaded: "n° 450" alone would be one.
        assertThat(found("n° 450")).containsExactly("scrutin 450 «450»");
        for (String text : List.of("le texte n° 450", "texte 450", "la proposition de loi n° 1500",
                "le projet de loi organique n° 450", "text no. 450", "bill no 1500")) {
            assertThat(types(text)).as(text).doesNotContain("scrutin");
        }
        assertThat(found("le texte du scrutin n° 450")).containsExactly("scrutin 450 «450»");
    }

    @Test
    void readsAScrutinJustNewerThanTheLoadedDataWhenItIsNamedAsOne() {
        assertThat(found("résultat du scrutin 3900")).as("the data goes to 3877 and may lag behind")
                .containsExactly("scrutin 3900 «3900»");
        assertThat(types("n°3900")).as("a bare number sign is not enough").isEmpty();
        assertThat(types("vote 4878")).as("after 'vote', further off than the votes of a few months").isEmpty();
    }

    @Test
    void readsAnyNumberAfterTheWordScrutinSoThatAMissingOneIsSaidNotToExist() {
        assertThat(found("le scrutin 5000 a-t-il été adopté ?")).containsExactly("scrutin 5000 «5000»");
        assertThat(found("scrutin 13")).as("older than the newest and not loaded").containsExactly("scrutin 13 «13»");
        assertThat(found("ballot 9999")).containsExactly("scrutin 9999 «9999»");
    }

    @Test
    void ignoresNumbersThatAreNoScrutin() {
        assertThat(types("vote 9999")).isEmpty();
        assertThat(types("j'ai voté 3 fois")).isEmpty();
        assertThat(types("il a voté 12 fois")).as("scrutin 12 exists, but this is the verb").isEmpty();
    }

    @Test
    void findsKnownPostcodesButNotInAScrutinsContext() {
        assertThat(found("député du 75011")).containsExactly("postcode 75011 «75011»");
        assertThat(found("j'habite 74000 Annecy")).containsExactly("postcode 74000 «74000»", "commune 74010 «Annecy»");
        assertThat(types("mon code postal est 12345")).isEmpty();
    }

    @Test
    void findsCommunesIncludingMultiWordNamesWithoutAccentsOrHyphens() {
        assertThat(found("Qui est mon député ? J'habite à Annecy")).containsExactly("commune 74010 «Annecy»");
        assertThat(found("je vis a saint etienne")).containsExactly("commune 42218 «saint etienne»");
        assertThat(found("député de Saint-Étienne")).containsExactly("commune 42218 «Saint-Étienne»");
        assertThat(found("député de St-Etienne")).containsExactly("commune 42218 «St-Etienne»");
        assertThat(found("aix en provence")).containsExactly("commune 13001 «aix en provence»");
        assertThat(found("qui est le député de La Roche-sur-Yon ?")).containsExactly("commune 85191 «La Roche-sur-Yon»");
    }

    @Test
    void givesHomonymousCommunesAsAlternatives() {
        EntityMention m = EXTRACTOR.extract("j'habite à Saint-Denis").getFirst();
        assertThat(m.type()).isEqualTo(EntityType.COMMUNE);
        assertThat(m.alternatives()).containsExactlyInAnyOrder("93066", "97411");
    }

    @Test
    void seesNoCommuneInOrdinaryWords() {
        assertThat(types("pour qui a voté mon député ?")).doesNotContain("commune");
        assertThat(types("Pour le budget, il a voté quoi ?")).doesNotContain("commune");
        assertThat(types("il y a un nid de poule")).isEmpty();
        assertThat(types("résultat du vote sur le budget")).doesNotContain("commune");
        assertThat(types("eu égard au vote")).doesNotContain("commune");
    }

    @Test
    void doesNotTakeHalfOfAHyphenatedNameForAPlace() {
        assertThat(types("qui est Jean-Annecy Dupuis ?")).doesNotContain("commune");
        assertThat(types("la Somme-Leuze")).doesNotContain("departement");
        assertThat(found("je vis à Vitry-sur-Seine")).containsExactly("commune 94076 «Vitry-sur-Seine»");
    }

    @Test
    void takesACommuneNamedLikeAnOrdinaryWordAfterAPlacePreposition() {
        assertThat(found("j'habite à Y")).containsExactly("commune 80829 «Y»");
        assertThat(found("je vis à Eu")).containsExactly("commune 76255 «Eu»");
        assertThat(found("qui est le député de Vote ?")).containsExactly("commune 99001 «Vote»");
    }

    @Test
    void resolvesArrondissementsToTheirOwnCommuneCodes() {
        assertThat(found("député Paris 11e")).containsExactly("commune 75111 «Paris 11e»");
        assertThat(found("j'habite paris 11")).containsExactly("commune 75111 «paris 11»");
        assertThat(found("Paris XIe")).containsExactly("commune 75111 «Paris XIe»");
        assertThat(found("11e arrondissement de Paris")).containsExactly("commune 75111 «11e arrondissement de Paris»");
        assertThat(found("Paris 1er")).containsExactly("commune 75101 «Paris 1er»");
        assertThat(found("Lyon 3e")).containsExactly("commune 69383 «Lyon 3e»");
        assertThat(found("député de Marseille 8e arrondissement")).containsExactly("commune 13208 «Marseille 8e arrondissement»");
    }

    @Test
    void findsDepartementsByNameAndByCode() {
        assertThat(found("les députés de la Gironde")).containsExactly("departement 33 «Gironde»");
        assertThat(found("députés de Haute-Savoie")).containsExactly("departement 74 «Haute-Savoie»");
        assertThat(found("corse du sud")).containsExactly("departement 2A «corse du sud»");
        assertThat(found("les députés du département 33")).containsExactly("departement 33 «33»");
    }

    @Test
    void prefersTheCommuneForAHomonymUnlessAnArticleNamesTheDepartement() {
        assertThat(found("j'habite à Vienne")).containsExactly("commune 38544 «Vienne»");
        assertThat(found("les députés de la Vienne")).containsExactly("departement 86 «Vienne»");
    }

    @Test
    void readsConstituenciesInFrenchAndEnglish() {
        for (String text : List.of("4e circonscription de la Gironde", "4ème circo du 33",
                "quatrième circonscription de Gironde", "33-4", "4th constituency of Gironde",
                "circonscription 4 de la Gironde")) {
            List<EntityMention> m = EXTRACTOR.extract("député de la " + text);
            assertThat(m).as(text).hasSize(1);
            assertThat(m.getFirst().type()).as(text).isEqualTo(EntityType.CIRCONSCRIPTION);
            assertThat(m.getFirst().value()).as(text).isEqualTo("33-4");
            assertThat(m.getFirst().text()).as(text).isEqualTo(text);
        }
        assertThat(found("1re circonscription du Rhône")).containsExactly("circonscription 69-1 «1re circonscription du Rhône»");
        assertThat(found("2A-1")).containsExactly("circonscription 2A-1 «2A-1»");
    }

    @Test
    void findsGroupsByAbbreviationAndCommonName() {
        assertThat(found("comment a voté LFI ?")).containsExactly("group " + LFI + " «LFI»");
        assertThat(found("les insoumis")).containsExactly("group " + LFI + " «insoumis»");
        assertThat(found("le groupe LFI-NFP")).containsExactly("group " + LFI + " «LFI-NFP»");
        assertThat(found("le rassemblement national")).containsExactly("group " + RN + " «rassemblement national»");
        assertThat(found("les députés Renaissance")).containsExactly("group " + EPR + " «Renaissance»");
        assertThat(found("les républicains")).containsExactly("group " + DR + " «les républicains»");
        assertThat(found("le MoDem")).containsExactly("group " + DEM + " «MoDem»");
        assertThat(found("les communistes")).containsExactly("group " + GDR + " «communistes»");
        assertThat(found("EcoS")).containsExactly("group " + ECOS + " «EcoS»");
        assertThat(found("les NI")).containsExactly("group " + NI + " «NI»");
        assertThat(found("le groupe UDR")).containsExactly("group " + UDR + " «UDR»");
        assertThat(found("les députés Horizons")).containsExactly("group " + HOR + " «Horizons»");
        assertThat(found("le groupe Dem")).containsExactly("group " + DEM + " «Dem»");
    }

    @Test
    void doesNotTakeOrdinaryWordsForGroupAbbreviations() {
        assertThat(types("ni pour ni contre")).doesNotContain("group");
        assertThat(types("je vois l'horizon")).doesNotContain("group");
    }

    @Test
    void extractsTheTopicOfAVoteQuestion() {
        assertThat(found("Comment a voté Mathilde Panot sur le budget ?"))
                .containsExactly("deputy " + PANOT + " «Mathilde Panot»", "topic budget «budget»");
        assertThat(found("et sur la réforme des retraites ?")).containsExactly("topic réforme des retraites «réforme des retraites»");
        assertThat(found("how did Ruffin vote on immigration?"))
                .containsExactly("deputy " + RUFFIN + " «Ruffin»", "topic immigration «immigration»");
        assertThat(found("and on the budget?")).containsExactly("topic budget «budget»");
        assertThat(found("la loi immigration a été adoptée ?")).containsExactly("topic immigration «immigration»");
        assertThat(found("et sur le scrutin 3876 ?")).containsExactly("scrutin 3876 «3876»");
    }

    @Test
    void neverReturnsOverlappingMentions() {
        for (String text : List.of("4e circonscription de Paris", "Paris 11e 75011", "scrutin 3876 Vienne",
                "Sandrine Rousseau Paris Gironde LFI sur le budget", "député de la 2e circonscription de la Vienne")) {
            List<EntityMention> m = EXTRACTOR.extract(text);
            for (int i = 1; i < m.size(); i++) {
                assertThat(m.get(i).start()).as(text).isGreaterThanOrEqualTo(m.get(i - 1).end());
            }
        }
    }

    @Test
    void readsABareScrutinNumberAfterAnArticleInAFollowUp() {
        assertThat(found("et sur le 3876 ?")).containsExactly("scrutin 3876 «3876»");
        assertThat(found("and the 3877?")).containsExactly("scrutin 3877 «3877»");
        assertThat(types("et le 9999 ?")).isEmpty();
    }

    @Test
    void doesNotCorrectAnOrdinaryLowerCaseWordIntoADeputysName() {
        assertThat(types("est-ce que le marché a lieu samedi matin")).doesNotContain("deputy");
        assertThat(found("comment a voté Martn ?")).containsExactly("deputy " + ELISE_MARTIN + " «Martn»");
        assertThat(types("on se voit au martn")).doesNotContain("deputy");
    }

    @Test
    void takesALowerCaseOneWordCommuneInALongMessageOnlyAfterAPlaceWord() {
        assertThat(types("ma fille cherche un stage en été")).doesNotContain("commune");
        assertThat(found("depute lille")).containsExactly("commune 59350 «lille»");
        assertThat(found("qui est le député de lille ?")).containsExactly("commune 59350 «lille»");
        assertThat(found("I live in lille")).containsExactly("commune 59350 «lille»");
    }

    @Test
    void matchesSaintWrittenInFullOrAbbreviatedEitherWay() {
        assertThat(found("je vis à Saint-Pierre")).containsExactly("commune 97413 «Saint-Pierre»");
        assertThat(found("je vis à St Pierre")).containsExactly("commune 97413 «St Pierre»");
    }

    @Test
    void doesNotTakeTheFrenchPronounOnForATopicTrigger() {
        assertThat(types("on a vu des sangliers près du lac")).doesNotContain("topic");
        assertThat(found("how did Panot vote on pensions")).contains("topic pensions «pensions»");
    }

    @Test
    void copesWithEmptyAndOddTexts() {
        assertThat(EXTRACTOR.extract("")).isEmpty();
        assertThat(EXTRACTOR.extract("???")).isEmpty();
        assertThat(EXTRACTOR.extract("😀 {deputy} }{ -- n°")).isEmpty();
    }
}
