package fr.civicgateway.app.reports;

import fr.civicgateway.opendata.testing.ShippedData;
import fr.civicgateway.core.reports.ReportCategories;
import fr.civicgateway.core.reports.ServiceCategory;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The operator's categories file: the shipped one loads, and a bad entry is named. */
class ServicesFileTest {

    @Test
    void theShippedFileLoadsItsElevenCategoriesInOrder() {
        ReportCategories c = ServicesFile.load(ShippedData.repositoryRoot().resolve("config/open311-services.yml"));

        assertThat(c.all()).hasSize(11);
        assertThat(c.all().getFirst().code()).isEqualTo("voirie-nid-de-poule");
        assertThat(c.all().getFirst().attributes()).singleElement()
                .satisfies(a -> assertThat(a.datatype()).isEqualTo(ServiceCategory.Datatype.SINGLEVALUELIST));
        assertThat(c.guess("il y a un dépôt sauvage au coin de ma rue")).map(ServiceCategory::code)
                .contains("proprete-depot-sauvage");
        assertThat(c.guess("the street light is out")).map(ServiceCategory::code).contains("eclairage-public");
    }

    static String yaml(String text) {
        return text;
    }

    @Test
    void aMissingNameIsNamedWithItsEntry() {
        assertThatThrownBy(() -> ServicesFile.parse(yaml("""
                services:
                  - { code: graffiti, name-fr: Graffiti, name-en: Graffiti, group: Propreté }
                  - { code: banc, name-fr: Banc cassé, group: Voirie }
                """), "open311-services.yml")).isInstanceOf(IllegalStateException.class)
                .hasMessage("open311-services.yml: services[1] (banc): name-en of service banc must not be empty");
    }

    @Test
    void anUnknownDatatypeABadCodeAndADuplicateAreRefused() {
        assertThatThrownBy(() -> ServicesFile.parse(yaml("""
                services:
                  - code: voirie
                    name-fr: Voirie
                    name-en: Roads
                    group: Voirie
                    attributes:
                      - { code: danger, datatype: boolean, description: Danger immédiat }
                """), "s.yml")).hasMessage("s.yml: services[0] (voirie): attribute danger: unknown datatype boolean "
                + "(string, number, datetime, text, singlevaluelist, multivaluelist)");
        assertThatThrownBy(() -> ServicesFile.parse(yaml("""
                services:
                  - { code: "nid de poule", name-fr: N, name-en: P, group: G }
                """), "s.yml")).hasMessage("s.yml: services[0] (nid de poule): service code must be 1-64 characters "
                + "of [A-Za-z0-9_.-]: nid de poule");
        assertThatThrownBy(() -> ServicesFile.parse(yaml("""
                services:
                  - { code: a, name-fr: A, name-en: A, group: G }
                  - { code: a, name-fr: B, name-en: B, group: G }
                """), "s.yml"))
                .hasMessage("s.yml: two report categories with service code a");
        assertThatThrownBy(() -> ServicesFile.parse(yaml("services: []"), "s.yml"))
                .hasMessage("s.yml: expected a non-empty list under \"services\"");
    }

    @Test
    void aWrongTypeAMissingKeyAndATypoAreNamedWithTheirPlace() {
        assertThatThrownBy(() -> ServicesFile.parse(yaml("""
                services:
                  - { code: banc, name-fr: Banc, name-en: Bench, group: Voirie, keywords: [banc] }
                  - { code: graffiti, name-fr: Graffiti, name-en: Graffiti, group: Propreté, keywords: [tag],
                      attributes: { code: danger } }
                """), "s.yml")).isInstanceOf(IllegalStateException.class)
                .hasMessage("s.yml: services[1].attributes: must be a list");
        assertThatThrownBy(() -> ServicesFile.parse(yaml("""
                services:
                  - { code: banc, name-fr: Banc, name-en: Bench, group: Voirie, keywords: [banc], required: maybe }
                """), "s.yml")).hasMessageStartingWith("s.yml: services[0].required: unknown key");
        assertThatThrownBy(() -> ServicesFile.parse(yaml("""
                services:
                  - code: voirie
                    name-fr: Voirie
                    name-en: Roads
                    group: Voirie
                    attributes:
                      - { code: sens, datatype: singlevaluelist, description: Sens, values: [ { key: n } ] }
                """), "s.yml")).hasMessage("s.yml: services[0].attributes[0].values[0].name: each value needs a key and a name");
        assertThatThrownBy(() -> ServicesFile.parse(yaml("""
                services:
                  - { code: banc, name-fr: Banc, name-en: Bench, group: Voirie, keyword: [banc] }
                """), "s.yml")).hasMessage("s.yml: services[0].keyword: unknown key; known keys: attributes, code, group,"
                + " keywords, name-en, name-fr");
        assertThatThrownBy(() -> ServicesFile.parse(yaml("servics: []"), "s.yml"))
                .hasMessage("s.yml: servics: unknown key; known keys: services");
    }
}
