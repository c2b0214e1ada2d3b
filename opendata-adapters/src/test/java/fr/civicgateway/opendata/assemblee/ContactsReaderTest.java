package fr.civicgateway.opendata.assemblee;

import static org.assertj.core.api.Assertions.assertThat;

import fr.civicgateway.core.parliament.Contacts;
import fr.civicgateway.core.parliament.Contacts.PostalAddress;
import fr.civicgateway.core.parliament.Contacts.SocialAccount;
import fr.civicgateway.opendata.testing.ShippedData;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The acteur's {@code adresses} as published: the export's forms, what is kept and what is left out. */
class ContactsReaderTest {

    private static Contacts read(String adresses) {
        return ContactsReader.read(ShippedData.tree("{\"adresses\": " + adresses + "}"));
    }

    @Test
    void aSingleAddressObjectIsReadAsAListAndTheExportsTrailingCommasAreDropped() {
        Contacts c = read("""
                {"adresse": {"@xsi:type": "AdressePostale_Type", "uid": "AD1", "type": "0", "typeLibelle": "Adresse officielle",
                 "intitule": "Assemblée nationale,", "numeroRue": "126", "nomRue": "Rue de l'Université,",
                 "complementAdresse": null, "codePostal": "75355", "ville": "Paris 07 SP"}}""");

        assertThat(c.postal()).containsExactly(new PostalAddress(PostalAddress.Kind.ASSEMBLEE,
                "Assemblée nationale, 126 Rue de l'Université, 75355 Paris 07 SP"));
        assertThat(c.emails()).isEmpty();
    }

    @Test
    void keepsEachPublishedKindAndLeavesOutFaxAndTheSenatorsPage() {
        Contacts c = read("""
                {"adresse": [
                 {"type": "15", "typeLibelle": "Mèl", "valElec": "Jane.Doe@assemblee-nationale.fr"},
                 {"type": "2", "typeLibelle": "Adresse publiée de circonscription", "intitule": null, "numeroRue": null,
                  "nomRue": "Place de la Mairie", "complementAdresse": "BP 12", "codePostal": "40500", "ville": "Saint-Sever"},
                 {"type": "11", "typeLibelle": "Téléphone", "adresseDeRattachement": "AD2", "valElec": "05 58 00 00 00"},
                 {"type": "12", "typeLibelle": "Télécopie", "valElec": "05 58 00 00 01"},
                 {"type": "22", "typeLibelle": "Site internet", "valElec": "janedoe.fr"},
                 {"type": "23", "typeLibelle": "Url sénateur", "valElec": "https://www.senat.fr/senateur/doe.html"},
                 {"type": "24", "typeLibelle": "Twitter", "valElec": "@janedoe"},
                 {"type": "30", "typeLibelle": "Linkedin", "valElec": "/in/jane-doe"},
                 {"type": "15", "typeLibelle": "Mèl", "valElec": null}]}""");

        assertThat(c.emails()).containsExactly("Jane.Doe@assemblee-nationale.fr");
        assertThat(c.postal()).containsExactly(new PostalAddress(PostalAddress.Kind.CONSTITUENCY,
                "Place de la Mairie, BP 12, 40500 Saint-Sever"));
        assertThat(c.phones()).containsExactly("05 58 00 00 00");
        assertThat(c.websites()).containsExactly("janedoe.fr");
        assertThat(c.social()).containsExactly(new SocialAccount("Twitter", "@janedoe"),
                new SocialAccount("LinkedIn", "https://www.linkedin.com/in/jane-doe"));
    }

    @Test
    void phonesAreWrittenInFrenchPairsAndLinkedInValuesBecomeProfileAddresses() {
        // forms found in the shipped AMO files
        assertThat(ContactsReader.phone("0450248819")).isEqualTo("04 50 24 88 19");
        assertThat(ContactsReader.phone("04.50.99.64.56")).isEqualTo("04 50 99 64 56");
        assertThat(ContactsReader.phone("04 50 24 88 19")).isEqualTo("04 50 24 88 19");
        assertThat(ContactsReader.phone("04.77.92.09.15 (Firminy) / 04.77.51.78.74 (Saint-Just-Saint-Rambert)"))
                .isEqualTo("04 77 92 09 15 (Firminy) / 04 77 51 78 74 (Saint-Just-Saint-Rambert)");
        assertThat(ContactsReader.phone("+687 44 19 73")).as("not a French number: as published").isEqualTo("+687 44 19 73");
        assertThat(ContactsReader.phone("00 689 87 78 60 99")).isEqualTo("00 689 87 78 60 99");
        assertThat(ContactsReader.linkedIn("/in/ctivoli")).contains("https://www.linkedin.com/in/ctivoli");
        assertThat(ContactsReader.linkedIn("/in/fr.linkedin.com/in/veroniqueriotton?original_referer=https%3A%2F%2Fwww.g"))
                .contains("https://www.linkedin.com/in/veroniqueriotton");
        assertThat(ContactsReader.linkedIn("www.linkedin.com/in/camille-galliard-minier/"))
                .contains("https://www.linkedin.com/in/camille-galliard-minier");
        assertThat(ContactsReader.linkedIn("/in/anne-doe/?locale=fr_FR")).contains("https://www.linkedin.com/in/anne-doe");
        assertThat(ContactsReader.linkedIn("/in/fr.linkedin.com/")).isEmpty();
        assertThat(ContactsReader.linkedIn("Jane Doe")).isEmpty();
        Contacts c = read("""
                {"adresse": [{"type": "11", "valElec": "0450248819"}, {"type": "11", "valElec": "04.50.24.88.19"},
                 {"type": "30", "valElec": "/in/"}, {"type": "24", "valElec": "@ok"}]}""");
        assertThat(c.phones()).as("one number, once").containsExactly("04 50 24 88 19");
        assertThat(c.social()).as("an unreadable LinkedIn value is dropped").containsExactly(new SocialAccount("Twitter", "@ok"));
    }

    @Test
    void anOddEntryLosesThatChannelOnlyAndNoAddressesIsNone() {
        Contacts c = read("""
                {"adresse": [{"type": "15", "valElec": {"nested": true}}, {"type": "24", "valElec": "@ok"}]}""");

        assertThat(c.emails()).isEmpty();
        assertThat(c.social()).containsExactly(new SocialAccount("Twitter", "@ok"));
        assertThat(read("null")).isEqualTo(Contacts.NONE);
    }

    @Test
    void theShippedSnapshotHasTheChannelsOfSittingAndFormerDeputies() {
        AssembleeSnapshot s = ShippedData.snapshot();

        assertThat(s.contacts("PA720892").emails()).containsExactly("Mathilde.Panot@assemblee-nationale.fr");
        // Alim Latrèche's acteur file lists the Assemblée's address only.
        assertThat(s.contacts("PA857021")).isEqualTo(new Contacts(List.of(), List.of(new PostalAddress(
                PostalAddress.Kind.ASSEMBLEE, "Assemblée nationale, 126 Rue de l'Université, 75355 Paris 07 SP")),
                List.of(), List.of(), List.of()));
        // André Chassaigne, a former deputy of the AMO50 extract, published two e-mail addresses.
        assertThat(s.contacts("PA267306").emails()).hasSize(2);
        assertThat(s.contacts("PA000000")).isEqualTo(Contacts.NONE);
        long sitting = s.deputies().stream().filter(d -> d.current() && !s.contacts(d.uid()).isEmpty()).count();
        assertThat(sitting).isEqualTo(s.contents().sittingDeputies());
    }
}
