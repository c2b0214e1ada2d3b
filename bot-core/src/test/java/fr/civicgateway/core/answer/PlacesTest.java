package fr.civicgateway.core.answer;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PlacesTest {

    @Test
    void givesEachDepartementItsArticle() {
        assertThat(Places.ofDepartement("Seine-Saint-Denis")).isEqualTo("de la Seine-Saint-Denis");
        assertThat(Places.ofDepartement("Yvelines")).isEqualTo("des Yvelines");
        assertThat(Places.ofDepartement("Hauts-de-Seine")).isEqualTo("des Hauts-de-Seine");
        assertThat(Places.ofDepartement("Gironde")).isEqualTo("de la Gironde");
        assertThat(Places.ofDepartement("Ain")).isEqualTo("de l'Ain");
        assertThat(Places.ofDepartement("Paris")).isEqualTo("de Paris");
        assertThat(Places.ofDepartement("Val-de-Marne")).isEqualTo("du Val-de-Marne");
    }
}
