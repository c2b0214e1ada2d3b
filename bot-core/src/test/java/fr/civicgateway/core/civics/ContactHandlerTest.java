package fr.civicgateway.core.civics;

import static fr.civicgateway.core.fixtures.FakeParliamentData.DUPONT_AIGNAN;
import static fr.civicgateway.core.fixtures.FakeParliamentData.FABRICE_ROUSSEAU;
import static fr.civicgateway.core.fixtures.FakeParliamentData.MARIE_PETIT;
import static fr.civicgateway.core.fixtures.FakeParliamentData.PANOT;
import static fr.civicgateway.core.fixtures.FakeParliamentData.RUFFIN;
import static fr.civicgateway.core.fixtures.FakeParliamentData.SANDRINE_ROUSSEAU;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.benmanes.caffeine.cache.Ticker;
import fr.civicgateway.core.consultations.Consultation;
import fr.civicgateway.core.consultations.ConsultationCatalog;
import fr.civicgateway.core.consultations.ConsultationFlow;
import fr.civicgateway.core.consultations.ConsultationPseudonyms;
import fr.civicgateway.core.consultations.InMemoryConsultationStore;
import fr.civicgateway.core.consultations.Localized;
import fr.civicgateway.core.consultations.Question;
import fr.civicgateway.core.conversation.IncomingMessage;
import fr.civicgateway.core.conversation.QuickReply;
import fr.civicgateway.core.conversation.Reply;
import fr.civicgateway.core.dialogue.Answer;
import fr.civicgateway.core.dialogue.ConversationState;
import fr.civicgateway.core.dialogue.Dialogue;
import fr.civicgateway.core.dialogue.InMemoryConversationStore;
import fr.civicgateway.core.dialogue.Turn;
import fr.civicgateway.core.nlu.EntityMention;
import fr.civicgateway.core.nlu.EntityType;
import fr.civicgateway.core.nlu.Intent;
import fr.civicgateway.core.nlu.IntentScore;
import fr.civicgateway.core.nlu.Language;
import fr.civicgateway.core.nlu.NaturalLanguageUnderstanding;
import fr.civicgateway.core.nlu.Understanding;
import fr.civicgateway.core.parliament.Contacts;
import fr.civicgateway.core.parliament.Contacts.PostalAddress;
import fr.civicgateway.core.parliament.Contacts.SocialAccount;
import fr.civicgateway.core.smalltalk.OutOfScopeHandler;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code contact_representative}: the published channels, what is missing said as such, the open consultations. */
class ContactHandlerTest {

    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final String ASSEMBLEE = "Assemblée nationale, 126 Rue de l'Université, 75355 Paris 07 SP";

    private static final Consultation LIBRARY = new Consultation("bibliotheque",
            Localized.of("Horaires de la bibliothèque", "Library opening hours"),
            Localized.of("La ville revoit les horaires.", "The town is reviewing the hours."),
            LocalDate.of(2026, 11, 1).atStartOfDay(PARIS).toInstant(), LocalDate.of(2027, 2, 1).atStartOfDay(PARIS).toInstant(),
            LocalDate.of(2027, 1, 31), true, List.of(new Question.FreeText("idee", Localized.of("Une idée ?", "An idea?"), 200, false)));
    private static final Consultation CLOSED = new Consultation("parc", Localized.of("Le parc", "The park"),
            Localized.of("Fermée.", "Closed."), Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2026-02-01T00:00:00Z"),
            LocalDate.of(2026, 1, 31), true, List.of(new Question.FreeText("idee", Localized.of("Une idée ?", "An idea?"), 200, false)));

    private final ContactsData data = new ContactsData();

    {
        data.contacts.put(PANOT, new Contacts(List.of("Mathilde.Panot@assemblee-nationale.fr"),
                List.of(new PostalAddress(PostalAddress.Kind.ASSEMBLEE, ASSEMBLEE),
                        new PostalAddress(PostalAddress.Kind.CONSTITUENCY, "01 Promenée du Liégat, 94200 Ivry sur Seine")),
                List.of("01 23 45 67 89"), List.of("mathildepanot.fr"),
                List.of(new SocialAccount("Twitter", "@mathildepanot"), new SocialAccount("Facebook", "MathildePanotFI"))));
        // No e-mail and no constituency office published.
        data.contacts.put(RUFFIN, new Contacts(List.of(), List.of(new PostalAddress(PostalAddress.Kind.ASSEMBLEE, ASSEMBLEE)),
                List.of(), List.of(), List.of(new SocialAccount("Twitter", "@Francois_Ruffin"))));
        data.contacts.put(DUPONT_AIGNAN, new Contacts(List.of("nda@example.org"), List.of(), List.of(), List.of(), List.of()));
    }

    private ContactHandler handler(Consultation... open) {
        return new ContactHandler(data, ConsultationCatalog.of(List.of(open)));
    }

    private static Turn naming(Language lang, String text, String uid, String name) {
        int at = Math.max(0, text.indexOf(name));
        return turn(lang, text, List.of(new EntityMention(EntityType.DEPUTY, uid, name, at, at + name.length())),
                ConversationState.start(lang, NOW));
    }

    private static Turn turn(Language lang, String text, List<EntityMention> entities, ConversationState state) {
        return new Turn(new IncomingMessage("test", "c1", text, null, null), new Understanding(text, lang,
                List.of(new IntentScore(Intent.CONTACT_REPRESENTATIVE, 0.9)), entities), lang, state, NOW);
    }

    private static String text(Answer a) {
        return ((Reply.Text) a.replies().getFirst()).text();
    }

    private static List<QuickReply> buttons(Answer a) {
        return ((Reply.Text) a.replies().getFirst()).quickReplies();
    }

    @Test
    void givesEveryPublishedChannelThePageAndTheDateThenTheOpenConsultationsAsButtons() {
        Answer a = handler(LIBRARY, CLOSED).handle(naming(Language.FR, "l'adresse mail de Mathilde Panot", PANOT, "Mathilde Panot"));

        assertThat(text(a)).isEqualTo("""
                Les coordonnées de Mathilde Panot publiées par l'Assemblée nationale :
                • e-mail : Mathilde.Panot@assemblee-nationale.fr
                • adresse postale à l'Assemblée : Assemblée nationale, 126 Rue de l'Université, 75355 Paris 07 SP
                • permanence en circonscription : 01 Promenée du Liégat, 94200 Ivry sur Seine
                • téléphone : 01 23 45 67 89
                • site internet : mathildepanot.fr
                • Twitter : @mathildepanot
                • Facebook : MathildePanotFI
                Je ne transmets pas de message : écrivez directement à Mathilde Panot par l'un de ces moyens.
                Source : Assemblée nationale, https://www.assemblee-nationale.fr/dyn/deputes/PA720892 (données au 21 novembre 2025).

                Pour donner votre avis ici même, une consultation est ouverte :
                • Horaires de la bibliothèque (jusqu'au 31 janvier 2027)""");
        assertThat(buttons(a)).containsExactly(new QuickReply("Horaires de la bibliothèque",
                "participer à la consultation bibliotheque"));
        assertThat(a.state().lastDeputyUid()).isEqualTo(PANOT);
    }

    @Test
    void aDeputyWithoutEMailOrConstituencyOfficeIsToldSoAndNothingIsMadeUp() {
        String a = text(handler(LIBRARY).handle(naming(Language.FR, "comment écrire à François Ruffin ?", RUFFIN, "François Ruffin")));

        assertThat(a).startsWith("""
                Les coordonnées de François Ruffin publiées par l'Assemblée nationale :
                • adresse postale à l'Assemblée : Assemblée nationale, 126 Rue de l'Université, 75355 Paris 07 SP
                • Twitter : @Francois_Ruffin
                L'Assemblée ne publie pas d'adresse e-mail pour François Ruffin.
                L'Assemblée ne publie pas d'adresse de permanence en circonscription pour François Ruffin.
                """);
        assertThat(a).doesNotContain("e-mail :", "téléphone", "site internet", "@assemblee-nationale.fr")
                .contains("https://www.assemblee-nationale.fr/dyn/deputes/PA722170 (données au 21 novembre 2025)");
    }

    @Test
    void aKindAskedForAndNotPublishedIsSaidNotPublished() {
        String phone = text(handler().handle(naming(Language.FR, "le numéro de téléphone de François Ruffin",
                RUFFIN, "François Ruffin")));
        assertThat(phone).contains("• Twitter : @Francois_Ruffin\n• téléphone : non publié\n");
        String office = text(handler().handle(naming(Language.FR, "l'adresse de la permanence de François Ruffin",
                RUFFIN, "François Ruffin")));
        assertThat(office).contains("• permanence en circonscription : non publiée\n").doesNotContain("téléphone");
        String site = text(handler().handle(naming(Language.EN, "François Ruffin's web site and phone?",
                RUFFIN, "François Ruffin")));
        assertThat(site).contains("• telephone: not published\n", "• web site: not published\n");
        String mail = text(handler().handle(naming(Language.FR, "l'adresse mail de François Ruffin", RUFFIN,
                "François Ruffin")));
        assertThat(mail).as("the e-mail, not the postal address").contains("• e-mail : non publié\n")
                .doesNotContain("permanence en circonscription : non publiée");
        String panot = text(handler().handle(naming(Language.FR, "le téléphone de Mathilde Panot", PANOT,
                "Mathilde Panot")));
        assertThat(panot).contains("• téléphone : 01 23 45 67 89\n").doesNotContain("non publié");
    }

    @Test
    void aDeputyTheDataGivesNoChannelForGetsTheirPageOnly() {
        String a = text(handler().handle(naming(Language.FR, "contact de Marie Petit", MARIE_PETIT, "Marie Petit")));

        assertThat(a).startsWith("Les données de l'Assemblée ne donnent aucune coordonnée pour Marie Petit : sa page sur "
                + "le site de l'Assemblée est ci-dessous.\n")
                .contains("Source : Assemblée nationale, https://www.assemblee-nationale.fr/dyn/deputes/PA900002 "
                        + "(données au 21 novembre 2025).");
    }

    @Test
    void withoutAnOpenConsultationItSaysSoAndOffersNoButton() {
        Answer a = handler(CLOSED).handle(naming(Language.FR, "comment contacter Mathilde Panot ?", PANOT, "Mathilde Panot"));

        assertThat(text(a)).endsWith("\n\nAucune consultation n'est ouverte en ce moment sur ce service.");
        assertThat(buttons(a)).isEmpty();
    }

    @Test
    void aFormerDeputysChannelsAreGivenAsThoseOfTheEndedMandate() {
        String a = text(handler().handle(naming(Language.FR, "écrire à Nicolas Dupont-Aignan", DUPONT_AIGNAN,
                "Nicolas Dupont-Aignan")));

        assertThat(a).startsWith("Nicolas Dupont-Aignan n'est plus député depuis le 1er septembre 2024 : voici les "
                + "coordonnées que l'Assemblée publiait pendant son mandat.\nLes coordonnées de Nicolas Dupont-Aignan "
                + "publiées par l'Assemblée nationale :\n• e-mail : nda@example.org");
        assertThat(a).contains("Je ne transmets pas de message. Ces coordonnées étaient celles du mandat de député de "
                + "Nicolas Dupont-Aignan : elles ne sont peut-être plus lues.").doesNotContain("écrivez directement");
    }

    @Test
    void aSharedNameIsAskedBack() {
        Answer a = handler().handle(turn(Language.FR, "le mail de Rousseau", List.of(new EntityMention(EntityType.DEPUTY,
                SANDRINE_ROUSSEAU, "Rousseau", 11, 19, List.of(SANDRINE_ROUSSEAU, FABRICE_ROUSSEAU))),
                ConversationState.start(Language.FR, NOW)));

        assertThat(text(a)).startsWith("Plusieurs députés correspondent à « Rousseau ». Duquel parlez-vous ?");
        assertThat(buttons(a)).extracting(QuickReply::title).containsExactly("Sandrine Rousseau", "Fabrice Rousseau");
        assertThat(a.state().pendingChoice()).isNotNull();
    }

    @Test
    void withoutANameItAsksWhichDeputyAndWithTheConversationsDeputyItAnswersForThem() {
        assertThat(text(handler().handle(turn(Language.FR, "comment contacter mon député ?", List.of(),
                ConversationState.start(Language.FR, NOW))))).startsWith("De quel député parlez-vous ?");

        String a = text(handler().handle(turn(Language.FR, "comment le contacter ?", List.of(),
                ConversationState.start(Language.FR, NOW).withDeputy(PANOT))));
        assertThat(a).startsWith("Les coordonnées de Mathilde Panot publiées par l'Assemblée nationale :");
    }

    @Test
    void answersInEnglish() {
        Answer a = handler(LIBRARY).handle(naming(Language.EN, "how do I write to Francois Ruffin", RUFFIN, "Francois Ruffin"));

        assertThat(text(a)).startsWith("""
                François Ruffin's contact details as published by the Assemblée nationale:
                • postal address at the Assemblée: Assemblée nationale, 126 Rue de l'Université, 75355 Paris 07 SP
                • Twitter: @Francois_Ruffin
                The Assemblée publishes no e-mail address for François Ruffin.
                The Assemblée publishes no constituency office address for François Ruffin.
                I do not pass messages on: write to François Ruffin directly through one of these channels.
                Source: Assemblée nationale, https://www.assemblee-nationale.fr/dyn/deputes/PA722170 (data as of 21 November 2025).

                To give your opinion right here, one consultation is open:
                • Library opening hours (until 31 January 2027)""");
        assertThat(buttons(a)).containsExactly(new QuickReply("Library opening hours",
                "take part in the consultation bibliotheque"));
    }

    @Test
    void theConsultationsButtonOpensThatConsultationInOneStep() {
        NaturalLanguageUnderstanding nlu = (text, hint) -> text.contains("consultation")
                ? new Understanding(text, Language.FR, List.of(new IntentScore(Intent.CONSULTATION, 0.95)), List.of())
                : new Understanding(text, Language.FR, List.of(new IntentScore(Intent.CONTACT_REPRESENTATIVE, 0.95)),
                List.of(new EntityMention(EntityType.DEPUTY, PANOT, "Mathilde Panot", text.indexOf("Mathilde"),
                        text.indexOf("Mathilde") + "Mathilde Panot".length())));
        ConsultationCatalog catalog = ConsultationCatalog.of(List.of(CLOSED, LIBRARY));
        Dialogue dialogue = Dialogue.builder(nlu, new InMemoryConversationStore(10, Duration.ofHours(1), Ticker.systemTicker()))
                .handlers(List.of(new ContactHandler(data, catalog), new OutOfScopeHandler()))
                .flows(List.of(new ConsultationFlow(catalog, new InMemoryConsultationStore(),
                        ConsultationPseudonyms.fromSecret("a test key of sixteen bytes or more"), PARIS)))
                .clock(Clock.fixed(NOW, ZoneOffset.UTC)).build();

        Reply.Text contact = (Reply.Text) dialogue.handle(new IncomingMessage("web", "c9",
                "Comment contacter Mathilde Panot ?", Language.FR, null)).getLast();
        String payload = contact.quickReplies().getFirst().payload();
        List<Reply> next = dialogue.handle(new IncomingMessage("web", "c9", payload, Language.FR, null));

        assertThat(((Reply.Text) next.getFirst()).text()).startsWith("« Horaires de la bibliothèque »\nLa ville revoit les horaires.");
        assertThat(((Reply.Text) next.getLast()).text()).contains("Une idée ?");
    }
}
