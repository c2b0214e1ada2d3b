package fr.civicgateway.core.local;

import static org.assertj.core.api.Assertions.assertThat;

import fr.civicgateway.core.conversation.GeoPoint;
import fr.civicgateway.core.conversation.IncomingMessage;
import fr.civicgateway.core.conversation.Reply;
import fr.civicgateway.core.dialogue.ConversationState;
import fr.civicgateway.core.dialogue.Turn;
import fr.civicgateway.core.nlu.EntityMention;
import fr.civicgateway.core.nlu.EntityType;
import fr.civicgateway.core.nlu.Intent;
import fr.civicgateway.core.nlu.IntentScore;
import fr.civicgateway.core.nlu.Language;
import fr.civicgateway.core.nlu.Understanding;
import fr.civicgateway.core.town.Town;
import java.time.Instant;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LocalProjectsHandlerTest {

    /** The shipped town: as app's built-in civic.town. */
    static final Town PARIS = new Town("Paris", ZoneId.of("Europe/Paris"), Town.Places.ARRONDISSEMENTS,
            List.of("75011", "75001"));

    @Test
    void readsAnArrondissementWrittenAsAnOrdinalAndTheProjectKind() {
        var q = LocalProjectsHandler.parse("quels projets du budget participatif dans le 11e ?", List.of(), List.of(), PARIS);

        assertThat(q).isEqualTo(new LocalProjectsHandler.Query(EnumSet.of(LocalItem.Kind.PROJECT), "75011", null, null, 1,
                null, false));
    }

    @Test
    void turnsAnArrondissementsInseeCodeIntoItsPostcode() {
        var commune = new EntityMention(EntityType.COMMUNE, "75115", "Paris 15e", 12, 21);

        var q = LocalProjectsHandler.parse("chantiers à Paris 15e", List.of(), List.of(commune), PARIS);

        assertThat(q.postcode()).isEqualTo("75015");
        assertThat(q.kinds()).containsExactly(LocalItem.Kind.WORKSITE);
    }

    @Test
    void readsTheStreetAndThePageCarriedByVoirPlus() {
        var q = LocalProjectsHandler.parse("des travaux rue de Rivoli ? (3)", List.of(), List.of(), PARIS);

        assertThat(q).isEqualTo(new LocalProjectsHandler.Query(EnumSet.of(LocalItem.Kind.WORKSITE), null,
                "rue de rivoli", "rue de Rivoli", 3, null, false));
    }

    @Test
    void searchesEveryKindWhenTheMessageNamesNone() {
        var q = LocalProjectsHandler.parse("quoi de neuf dans le 75020", List.of(), List.of(), PARIS);

        assertThat(q.kinds()).isEqualTo(EnumSet.allOf(LocalItem.Kind.class));
        assertThat(q.postcode()).isEqualTo("75020");
    }

    @Test
    void readsAPositionWrittenAfterPresDeAndRoundsItToAboutAHundredMetres() {
        var q = LocalProjectsHandler.parse("chantiers près de 48.87230052, 2.39305578 (2)", List.of(), List.of(), PARIS);

        assertThat(q.near()).isEqualTo(new GeoPoint(48.872, 2.393));
        assertThat(q.kinds()).containsExactly(LocalItem.Kind.WORKSITE);
        assertThat(q.page()).isEqualTo(2);
        assertThat(q.postcode()).as("the figures of a position are no postcode").isNull();
    }

    @Test
    void hearsNearMeWithoutAPosition() {
        assertThat(LocalProjectsHandler.parse("des travaux près de chez moi ?", List.of(), List.of(), PARIS).nearMe()).isTrue();
        assertThat(LocalProjectsHandler.parse("worksites near me", List.of(), List.of(), PARIS).nearMe()).isTrue();
        assertThat(LocalProjectsHandler.parse("chantiers dans le 11e", List.of(), List.of(), PARIS).nearMe()).isFalse();
    }

    @Test
    void keepsTheStreetAsTheCitizenWroteIt() {
        var q = LocalProjectsHandler.parse("des projets rue de l'Église-Saint-Martin ?", List.of(), List.of(), PARIS);

        assertThat(q.street()).isEqualTo("rue de l eglise saint martin");
        assertThat(q.streetWritten()).isEqualTo("rue de l'Église-Saint-Martin");
    }

    @Test
    void writesDistancesToFiftyMetresUnderAKilometreAndToAHundredAbove() {
        assertThat(LocalProjectsHandler.distance(Language.FR, 12)).isEqualTo("à moins de 50 m");
        assertThat(LocalProjectsHandler.distance(Language.FR, 337)).isEqualTo("à 350 m");
        assertThat(LocalProjectsHandler.distance(Language.FR, 1249)).isEqualTo("à 1,2 km");
        assertThat(LocalProjectsHandler.distance(Language.EN, 1249)).isEqualTo("1.2 km away");
        assertThat(LocalProjectsHandler.distance(Language.FR, 15_600)).isEqualTo("à 16 km");
    }

    @Test
    void claimsItsOwnVoirPlusOfAPositionAndABarePlaceAfterAskingWhere() {
        var handler = new LocalProjectsHandler(List.of(), PARIS);
        var fresh = ConversationState.start(Language.FR, Instant.EPOCH);
        var asked = fresh.withPendingIntent(Intent.LOCAL_PROJECTS);

        assertThat(handler.claims("chantiers près de 48.872,2.393 (2)", fresh)).isTrue();
        assertThat(handler.claims("75011", fresh)).isFalse();
        assertThat(handler.claims("75011", asked)).isTrue();
        assertThat(handler.claims("dans le 11e", asked)).isTrue();
        assertThat(handler.claims("qui est le député de la 1re circonscription de Paris", asked)).isFalse();
    }

    @Test
    void saysASourceWithoutDataIsUnavailableNamingItNeverThatNothingWasFound() {
        LocalDataSource down = new LocalDataSource() {
            public String id() {
                return "ma-ville-travaux";
            }

            public Description description() {
                return new Description("Ville de Ma-Ville", "Licence Ouverte", "https://data.ma-ville.fr/travaux", null);
            }

            public List<LocalItem> items() {
                return List.of();
            }

            public Set<LocalItem.Kind> kinds() {
                return EnumSet.of(LocalItem.Kind.WORKSITE);
            }

            public boolean available() {
                return false;
            }
        };
        var message = new IncomingMessage("web", "c1", "des travaux à Ma-Ville ?", Language.FR, null);
        var u = new Understanding(message.text(), Language.FR, List.of(new IntentScore(Intent.LOCAL_PROJECTS, 1)),
                List.of());
        var turn = new Turn(message, u, Language.FR, ConversationState.start(Language.FR, Instant.EPOCH), Instant.EPOCH);

        var reply = (Reply.Text) new LocalProjectsHandler(List.of(down), PARIS).handle(turn).replies().getFirst();

        assertThat(reply.text()).isEqualTo("Les données des chantiers de Ville de Ma-Ville"
                + " (https://data.ma-ville.fr/travaux) sont momentanément indisponibles : je ne peux pas y chercher pour"
                + " le moment. Réessayez un peu plus tard.");
    }

    /** A town of postcodes only, in another time zone: "le 11e" is no place there. */
    static final Town CAYENNE = new Town("Cayenne", ZoneId.of("America/Cayenne"), Town.Places.POSTCODES,
            List.of("97300"));

    @Test
    void inATownWithoutArrondissementsAnOrdinalIsNoPlaceButAnArrondissementNamedWithItsCityStillIs() {
        var lyon3 = new EntityMention(EntityType.COMMUNE, "69383", "Lyon 3e", 10, 17);

        assertThat(LocalProjectsHandler.parse("chantiers dans le 11e", List.of(), List.of(), CAYENNE).postcode())
                .isNull();
        assertThat(LocalProjectsHandler.parse("chantiers dans le 97300", List.of(), List.of(), CAYENNE).postcode())
                .isEqualTo("97300");
        assertThat(LocalProjectsHandler.parse("chantiers à Lyon 3e", List.of(), List.of(lyon3), CAYENNE).postcode())
                .isEqualTo("69003");
        assertThat(new LocalProjectsHandler(List.of(), CAYENNE).claims("dans le 11e",
                ConversationState.start(Language.FR, Instant.EPOCH).withPendingIntent(Intent.LOCAL_PROJECTS))).isFalse();
    }

    @Test
    void theTownsNameEndsAStreetsNameWholeNotWordByWord() {
        Town saintEtienne = new Town("Saint-Étienne", ZoneId.of("Europe/Paris"), Town.Places.POSTCODES,
                List.of("42000"));

        assertThat(LocalProjectsHandler.parse("travaux rue Saint-Jean Saint-Étienne", List.of(), List.of(),
                saintEtienne).streetWritten()).isEqualTo("rue Saint-Jean");
        assertThat(LocalProjectsHandler.parse("travaux rue de Rivoli Paris", List.of(), List.of(), PARIS)
                .streetWritten()).isEqualTo("rue de Rivoli");
    }

    @Test
    void asksACitizenOfAPostcodeTownForAPostcodeWithItsOwnExample() {
        var message = new IncomingMessage("web", "c1", "des chantiers près de chez moi ?", Language.FR, null);
        var u = new Understanding(message.text(), Language.FR, List.of(new IntentScore(Intent.LOCAL_PROJECTS, 1)),
                List.of());
        var turn = new Turn(message, u, Language.FR, ConversationState.start(Language.FR, Instant.EPOCH), Instant.EPOCH);

        var reply = (Reply.Text) new LocalProjectsHandler(List.of(), CAYENNE).handle(turn).replies().getFirst();

        assertThat(reply.text()).isEqualTo("Je ne connais pas votre position : dites-moi le code postal, par exemple"
                + " « chantiers dans le 97300 ».");
    }

    @Test
    void aTownIsCheckedAsItIsConfigured() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new Town("Annecy", ZoneId.of("Europe/Paris"),
                        Town.Places.ARRONDISSEMENTS, List.of("74000")))
                .hasMessage("civic.town.places: 'Annecy' has no municipal arrondissements (only Paris, Lyon, Marseille"
                        + " have): use postcodes");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new Town("Annecy", ZoneId.of("Europe/Paris"),
                        Town.Places.POSTCODES, List.of("74 000")))
                .hasMessage("civic.town.example-places: '74 000' is not a five-digit postcode");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new Town("Annecy", ZoneId.of("Europe/Paris"),
                        Town.Places.POSTCODES, List.of()))
                .hasMessage("civic.town.example-places must be one or two postcodes of Annecy");
        assertThat(new Town("lyon", ZoneId.of("Europe/Paris"), Town.Places.ARRONDISSEMENTS, List.of("69003"))
                .arrondissements().orElseThrow().postcodeOf(9)).contains("69009");
    }
}
