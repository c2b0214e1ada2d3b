package fr.civicgateway.core.local;

import static org.assertj.core.api.Assertions.assertThat;

import fr.civicgateway.core.nlu.EntityMention;
import fr.civicgateway.core.nlu.EntityType;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class LocalProjectsHandlerTest {

    @Test
    void readsAnArrondissementWrittenAsAnOrdinalAndTheProjectKind() {
        var q = LocalProjectsHandler.parse("quels projets du budget participatif dans le 11e ?", List.of(), List.of());

        assertThat(q).isEqualTo(new LocalProjectsHandler.Query(EnumSet.of(LocalItem.Kind.PROJECT), "75011", null, 1));
    }

    @Test
    void turnsAnArrondissementsInseeCodeIntoItsPostcode() {
        var commune = new EntityMention(EntityType.COMMUNE, "75115", "Paris 15e", 12, 21);

        var q = LocalProjectsHandler.parse("chantiers à Paris 15e", List.of(), List.of(commune));

        assertThat(q.postcode()).isEqualTo("75015");
        assertThat(q.kinds()).containsExactly(LocalItem.Kind.WORKSITE);
    }

    @Test
    void readsTheStreetAndThePageCarriedByVoirPlus() {
        var q = LocalProjectsHandler.parse("des travaux rue de Rivoli ? (3)", List.of(), List.of());

        assertThat(q).isEqualTo(new LocalProjectsHandler.Query(EnumSet.of(LocalItem.Kind.WORKSITE), null,
                "rue de rivoli", 3));
    }

    @Test
    void searchesEveryKindWhenTheMessageNamesNone() {
        var q = LocalProjectsHandler.parse("quoi de neuf dans le 75020", List.of(), List.of());

        assertThat(q.kinds()).isEqualTo(EnumSet.allOf(LocalItem.Kind.class));
        assertThat(q.postcode()).isEqualTo("75020");
    }
}
