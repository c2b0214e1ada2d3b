package fr.civicgateway.core.follow;

import com.github.benmanes.caffeine.cache.Ticker;
import fr.civicgateway.core.answer.PageLinks;
import fr.civicgateway.core.conversation.ChannelCapabilities;
import fr.civicgateway.core.conversation.IncomingMessage;
import fr.civicgateway.core.conversation.QuickReply;
import fr.civicgateway.core.conversation.Reply;
import fr.civicgateway.core.dialogue.Answer;
import fr.civicgateway.core.dialogue.Dialogue;
import fr.civicgateway.core.dialogue.InMemoryConversationStore;
import fr.civicgateway.core.dialogue.IntentHandler;
import fr.civicgateway.core.dialogue.Turn;
import fr.civicgateway.core.fixtures.FakeAssemblyWork;
import fr.civicgateway.core.fixtures.FakeGeoDirectory;
import fr.civicgateway.core.fixtures.FakeParliamentData;
import fr.civicgateway.core.nlu.Intent;
import fr.civicgateway.core.nlu.IntentCorpus;
import fr.civicgateway.core.nlu.Language;
import fr.civicgateway.core.nlu.OpenNlpUnderstanding;
import fr.civicgateway.core.news.NewsFeed;
import fr.civicgateway.core.news.NewsListener;
import fr.civicgateway.core.news.NewsSource;
import fr.civicgateway.core.news.TownNews;
import fr.civicgateway.core.parliament.work.Dossier;
import fr.civicgateway.core.parliament.work.Step;
import fr.civicgateway.core.parliament.work.StepKind;
import fr.civicgateway.core.reports.InMemoryReportStore;
import fr.civicgateway.core.reports.NewReport;
import fr.civicgateway.core.reports.ReportLocation;
import fr.civicgateway.core.representative.FindRepresentativeHandler;
import fr.civicgateway.core.geo.Commune;
import fr.civicgateway.core.geo.ConstituencyShare;
import fr.civicgateway.core.geo.Departement;
import fr.civicgateway.core.geo.GeoDirectory;
import java.time.Clock;
import java.util.Collection;
import java.util.Optional;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

import static fr.civicgateway.core.fixtures.FakeParliamentData.MARIE_PETIT;
import static fr.civicgateway.core.fixtures.FakeParliamentData.PANOT;
import static org.assertj.core.api.Assertions.assertThat;

/** Following and stopping, through the real dialogue and NLU, on the fake Assemblée data and in-memory stores. */
class FollowDialogueTest {

    static final OpenNlpUnderstanding NLU = OpenNlpUnderstanding.create(new FakeParliamentData(), new FakeGeoDirectory());
    static final String AIDE_A_MOURIR = "DLR5L17N50612";

    /** The fixture's places, Annecy wholly in the 1st constituency of Haute-Savoie (Marie Petit's). */
    static final GeoDirectory ANNECY_IN_74_1 = new GeoDirectory() {
        final FakeGeoDirectory places = new FakeGeoDirectory();

        public List<Commune> communesByPostcode(String postcode) {
            return places.communesByPostcode(postcode);
        }

        public Optional<Commune> commune(String code) {
            return places.commune(code);
        }

        public List<Commune> communesByName(String name) {
            return places.communesByName(name);
        }

        public Collection<Commune> communes() {
            return places.communes();
        }

        public List<ConstituencyShare> constituenciesOf(String code) {
            return code.equals("74010") ? List.of(new ConstituencyShare("74-1", true)) : List.of();
        }

        public Optional<Departement> departement(String code) {
            return places.departement(code);
        }

        public Collection<Departement> departements() {
            return places.departements();
        }

        public String sourceDescription() {
            return places.sourceDescription();
        }
    };

    final FakeParliamentData data = new FakeParliamentData();
    final FakeAssemblyWork work = new FakeAssemblyWork();
    final InMemorySubscriptionStore store = new InMemorySubscriptionStore();
    final InMemoryReportStore reports = new InMemoryReportStore();
    Dialogue dialogue = dialogue(FollowSettings.DEFAULTS);

    {
        work.dossiers.add(new Dossier(AIDE_A_MOURIR, "Proposition de loi relative au droit à l'aide à mourir",
                "Proposition de loi ordinaire", true, List.of(1100), List.of(), List.of(), List.of()));
        work.dossiers.add(new Dossier("DLR5L17N50001", "Projet de loi de finances pour 2026", "Projet de loi de finances",
                false, List.of(), List.of(), List.of(), List.of()));
        work.dossiers.add(new Dossier("DLR5L17N50002", "Projet de loi de finances rectificative pour 2026",
                "Projet de loi de finances rectificative", false, List.of(), List.of(), List.of(), List.of()));
    }

    Dialogue dialogue(FollowSettings settings) {
        return dialogue(settings, TownNews.none());
    }

    Dialogue dialogue(FollowSettings settings, TownNews news) {
        List<IntentHandler> handlers = new ArrayList<>();
        handlers.add(new FollowHandler(data, work, news, store, reports, settings));
        handlers.add(new UnfollowHandler(data, work, news, store, reports));
        handlers.add(new FindRepresentativeHandler(data, ANNECY_IN_74_1, PageLinks.at("https://civic.example.org")));
        Set<Intent> real = Set.of(Intent.FOLLOW, Intent.UNFOLLOW, Intent.FIND_REPRESENTATIVE);
        for (Intent i : IntentCorpus.shippedIntents()) {
            if (!real.contains(i)) {
                handlers.add(new IntentHandler() {
                    public Intent intent() {
                        return i;
                    }

                    // like the real answers about a deputy, the one named becomes the conversation's last
                    public Answer handle(Turn t) {
                        return Answer.text(t.entity(fr.civicgateway.core.nlu.EntityType.DEPUTY)
                                .map(e -> t.state().withDeputy(e.value())).orElse(t.state()), "intent " + i.apiName());
                    }
                });
            }
        }
        return Dialogue.builder(NLU, new InMemoryConversationStore(100, Duration.ofHours(1), Ticker.systemTicker()))
                .handlers(handlers).clock(Clock.fixed(Instant.parse("2026-12-07T10:00:00Z"), ZoneOffset.UTC)).build();
    }

    Reply.Text web(String text) {
        return (Reply.Text) dialogue.handle(new IncomingMessage("web", "c1", text, null, null)).getLast();
    }

    Reply.Text telegram(String text) {
        return (Reply.Text) dialogue.handle(new IncomingMessage("telegram", "t1", text, null, null)
                .withCapabilities(ChannelCapabilities.ALL)).getLast();
    }

    List<String> followed(String key) {
        return store.list(key).stream().map(s -> s.target().key()).toList();
    }

    @Test
    void followsADeputyByNameAndSaysWhatHowOftenAndHowToStop() {
        Reply.Text r = telegram("suis Mathilde Panot");
        assertThat(r.text()).isEqualTo("C'est noté : vous suivez Mathilde Panot. Je vous enverrai une fois par jour un "
                + "résumé de ses positions sur les nouveaux scrutins, de ses nouvelles questions et de ses interventions, "
                + "chacune avec son lien — jamais un message par vote.\n"
                + "Pour arrêter : « arrête de suivre Mathilde Panot », /abonnements pour la liste de vos suivis, /stop pour tout arrêter.");
        assertThat(followed("telegram:t1")).containsExactly("deputy:" + PANOT);
        assertThat(store.list("telegram:t1").getFirst().language()).isEqualTo(Language.FR);
    }

    @Test
    void onTheWebTheConfirmationSaysTheNewsWaitsForTheNextVisit() {
        assertThat(web("suis Mathilde Panot").text())
                .contains("Ici, je ne peux pas vous écrire de moi-même : les nouveautés vous attendront à votre prochaine visite.");
        assertThat(telegram("suis Mathilde Panot").text()).doesNotContain("prochaine visite");
    }

    @Test
    void theDigestPeriodIsTheOperatorsSetting() {
        dialogue = dialogue(new FollowSettings(Duration.ofHours(6), 50));
        assertThat(telegram("suis Mathilde Panot").text()).contains("Je vous enverrai toutes les 6 heures un résumé");
    }

    @Test
    void myDeputyUnknownAsksWhereThenFollowsTheDeputyOfThatTown() {
        Reply.Text ask = web("Préviens-moi quand mon député vote");
        assertThat(ask.text()).isEqualTo("De quel député parlez-vous ? Donnez son nom, ou dites-moi votre commune ou "
                + "votre code postal pour trouver le vôtre.");
        assertThat(followed("web:c1")).isEmpty();

        List<Reply> replies = dialogue.handle(new IncomingMessage("web", "c1", "J'habite à Annecy", null, null));
        assertThat(((Reply.Text) replies.getLast()).text()).startsWith("C'est noté : vous suivez Marie Petit.");
        assertThat(followed("web:c1")).containsExactly("deputy:" + MARIE_PETIT);
    }

    @Test
    void followingTwiceSaysItIsAlreadyFollowedAndKeepsOne() {
        telegram("suis Mathilde Panot");
        assertThat(telegram("je veux suivre Mathilde Panot").text()).isEqualTo("Vous suivez déjà Mathilde Panot : rien n'a changé.");
        assertThat(followed("telegram:t1")).containsExactly("deputy:" + PANOT);
    }

    @Test
    void anAmbiguousNameIsAskedBackWithButtonsAndTheChoiceIsFollowed() {
        Reply.Text r = telegram("suis Rousseau");
        assertThat(r.text()).startsWith("Plusieurs députés");
        assertThat(r.quickReplies()).extracting(QuickReply::title).containsExactlyInAnyOrder("Sandrine Rousseau", "Fabrice Rousseau");
        assertThat(followed("telegram:t1")).isEmpty();

        assertThat(telegram("Sandrine Rousseau").text()).startsWith("C'est noté : vous suivez Sandrine Rousseau.");
        assertThat(followed("telegram:t1")).containsExactly("deputy:" + FakeParliamentData.SANDRINE_ROUSSEAU);
    }

    @Test
    void anUnknownDeputyIsSaidAndNothingIsFollowed() {
        Reply.Text r = telegram("suis Jean Dupontel");
        assertThat(r.text()).startsWith("Je ne trouve aucun député nommé « Jean Dupontel »");
        assertThat(followed("telegram:t1")).isEmpty();
    }

    @Test
    void followsABillFoundByTheWordsOfItsTitle() {
        Reply.Text r = telegram("suis le projet de loi sur l'aide à mourir");
        assertThat(r.text()).startsWith("C'est noté : vous suivez le texte « Proposition de loi relative au droit à l'aide à mourir ». "
                + "Je vous dirai chacune de ses nouvelles étapes (commission, séance, vote et son résultat, Sénat, promulgation). "
                + "Les nouveautés sont regroupées en un seul message, jamais la nuit.");
        assertThat(followed("telegram:t1")).containsExactly("bill:" + AIDE_A_MOURIR);
    }

    @Test
    void severalBillsAreOfferedAsButtonsThatFollowTheOneChosen() {
        Reply.Text r = telegram("je veux suivre le projet de loi de finances");
        assertThat(r.text()).startsWith("Plusieurs textes correspondent");
        assertThat(r.quickReplies()).extracting(QuickReply::payload)
                .containsExactly("suivre le dossier DLR5L17N50001", "suivre le dossier DLR5L17N50002");
        assertThat(telegram(r.quickReplies().get(1).payload()).text())
                .startsWith("C'est noté : vous suivez le texte « Projet de loi de finances rectificative pour 2026 ».");
        assertThat(followed("telegram:t1")).containsExactly("bill:DLR5L17N50002");
    }

    @Test
    void followsATopicByItsWords() {
        Reply.Text r = telegram("alerte-moi sur les votes sur l'agriculture");
        assertThat(r.text()).startsWith("C'est noté : vous suivez les votes sur « agriculture ».");
        assertThat(followed("telegram:t1")).containsExactly("topic:agriculture");
    }

    @Test
    void listsWhatIsFollowedWithAButtonToStopEachThenStopsOne() {
        telegram("suis Mathilde Panot");
        telegram("alerte-moi sur les votes sur l'agriculture");
        Reply.Text list = telegram("/abonnements");
        assertThat(list.text()).isEqualTo("""
                Vous suivez 2 choses :
                • Mathilde Panot (résumé de ses votes, questions et interventions), depuis le 7 décembre 2026
                • les votes sur « agriculture », depuis le 7 décembre 2026
                Touchez un bouton pour arrêter de suivre, ou /stop pour tout arrêter.""");
        assertThat(list.quickReplies()).extracting(QuickReply::title)
                .containsExactly("Arrêter : Mathilde Panot", "Arrêter : les votes sur « agriculture »", "Tout arrêter");

        assertThat(telegram(list.quickReplies().getFirst().payload()).text()).isEqualTo("C'est fait : vous ne suivez plus Mathilde Panot.");
        assertThat(followed("telegram:t1")).containsExactly("topic:agriculture");
        assertThat(telegram("mes abonnements").text()).startsWith("Vous suivez une chose :");
    }

    @Test
    void stopsOneByItsNameInWords() {
        telegram("suis Mathilde Panot");
        telegram("alerte-moi sur les votes sur l'agriculture");
        assertThat(telegram("arrête de suivre l'agriculture").text()).isEqualTo("C'est fait : vous ne suivez plus les votes sur « agriculture ».");
        assertThat(followed("telegram:t1")).containsExactly("deputy:" + PANOT);
    }

    @Test
    void stopDeletesEverythingAndSaysNothingMoreWillBeSent() {
        telegram("suis Mathilde Panot");
        telegram("suis le projet de loi sur l'aide à mourir");
        web("suis Mathilde Panot");
        assertThat(telegram("/stop").text()).isEqualTo("C'est fait : j'ai supprimé vos 2 abonnements. Je ne vous "
                + "enverrai plus aucune alerte. Vous pouvez me poser vos questions comme avant.");
        assertThat(followed("telegram:t1")).isEmpty();
        assertThat(followed("web:c1")).as("another conversation's").containsExactly("deputy:" + PANOT);
        assertThat(telegram("/abonnements").text()).startsWith("Vous ne suivez rien pour l'instant.");
        assertThat(telegram("arrête tout").text()).startsWith("Vous ne suiviez rien");
    }

    @Test
    void aConversationCannotFollowMoreThanTheLimit() {
        dialogue = dialogue(new FollowSettings(Duration.ofDays(1), 2));
        telegram("suis Mathilde Panot");
        telegram("alerte-moi sur les votes sur l'agriculture");
        assertThat(telegram("suis le projet de loi sur l'aide à mourir").text()).startsWith("Vous suivez déjà 2 choses, le maximum.");
        assertThat(followed("telegram:t1")).hasSize(2);
    }

    @Test
    void inEnglish() {
        Reply.Text r = (Reply.Text) dialogue.handle(new IncomingMessage("telegram", "e1", "follow Mathilde Panot", Language.EN, null)
                .withCapabilities(ChannelCapabilities.ALL)).getLast();
        assertThat(r.text()).startsWith("Done: you follow Mathilde Panot. I will send you once a day a digest of their positions");
        assertThat(store.list("telegram:e1").getFirst().language()).isEqualTo(Language.EN);
        Reply.Text list = (Reply.Text) dialogue.handle(new IncomingMessage("telegram", "e1", "what do I follow?", Language.EN, null)).getLast();
        assertThat(list.text()).startsWith("You follow one thing:\n• Mathilde Panot (digest of their votes, questions and speeches), since 7 December 2026");
        assertThat(list.quickReplies().getFirst().payload()).isEqualTo("unfollow deputy:" + PANOT);
    }

    Reply.Text english(String text) {
        return (Reply.Text) dialogue.handle(new IncomingMessage("telegram", "e2", text, null, null)
                .withCapabilities(ChannelCapabilities.ALL)).getLast();
    }

    @Test
    void myDeputyIsNeverTheLastDeputyTalkedAboutButTheOneOfWhereTheCitizenLives() {
        web("Qui est Mathilde Panot ?");
        Reply.Text ask = web("Préviens-moi quand mon député vote");
        assertThat(ask.text()).isEqualTo("De quel député parlez-vous ? Donnez son nom, ou dites-moi votre commune ou "
                + "votre code postal pour trouver le vôtre.");
        assertThat(followed("web:c1")).isEmpty();

        List<Reply> replies = dialogue.handle(new IncomingMessage("web", "c1", "J'habite à Annecy", null, null));
        assertThat(((Reply.Text) replies.getLast()).text()).startsWith("C'est noté : vous suivez Marie Petit.");
        assertThat(followed("web:c1")).containsExactly("deputy:" + MARIE_PETIT);
    }

    @Test
    void myMpInEnglishAfterFollowingSomeoneElseAsksWhereTheCitizenLives() {
        assertThat(english("follow Mathilde Panot").text()).startsWith("Done: you follow Mathilde Panot.");
        Reply.Text ask = english("Tell me when my MP votes");
        assertThat(ask.text()).isEqualTo("Which deputy do you mean? Give me a name, or your town or postcode to find yours.");
        assertThat(followed("telegram:e2")).containsExactly("deputy:" + PANOT);
    }

    @Test
    void myDeputyWithThePlaceInTheSameMessageFollowsThatPlacesDeputy() {
        web("Qui est Mathilde Panot ?");
        List<Reply> rs = dialogue.handle(new IncomingMessage("web", "c1", "Préviens-moi quand mon député vote, j'habite à Annecy", null, null));
        assertThat(((Reply.Text) rs.getLast()).text()).startsWith("C'est noté : vous suivez Marie Petit.");
        assertThat(followed("web:c1")).containsExactly("deputy:" + MARIE_PETIT);
    }

    @Test
    void unfollowWithATopicOrANameStopsThatSubscription() {
        telegram("suis Mathilde Panot");
        telegram("alerte-moi sur les votes sur l'agriculture");
        assertThat(telegram("ne plus suivre agriculture").text()).isEqualTo("C'est fait : vous ne suivez plus les votes sur « agriculture ».");
        assertThat(telegram("désabonne-moi de Mathilde Panot").text()).isEqualTo("C'est fait : vous ne suivez plus Mathilde Panot.");
        assertThat(followed("telegram:t1")).isEmpty();
        assertThat(telegram("je ne veux plus suivre Mathilde Panot").text()).isEqualTo("Vous ne suiviez pas Mathilde Panot : rien n'a changé.");
        assertThat(telegram("je ne veux plus suivre la pêche").text())
                .startsWith("Vous ne suivez rien qui corresponde à « peche » : rien n'a changé.");
    }

    @Test
    void unfollowInEnglishStopsATopicAndADeputy() {
        english("follow Mathilde Panot");
        english("alert me on votes about agriculture");
        assertThat(followed("telegram:e2")).containsExactlyInAnyOrder("deputy:" + PANOT, "topic:agriculture");
        assertThat(english("unfollow votes on agriculture").text()).isEqualTo("Done: you no longer follow votes on “agriculture”.");
        assertThat(english("unfollow Mathilde Panot").text()).isEqualTo("Done: you no longer follow Mathilde Panot.");
        assertThat(followed("telegram:e2")).isEmpty();
        assertThat(english("unfollow agriculture").text()).startsWith("You follow nothing that matches “agriculture”");
    }

    @Test
    void aFollowCommandWithoutLocaleIsAnsweredInItsLanguage() {
        assertThat(english("follow Mathilde Panot").text()).startsWith("Done: you follow Mathilde Panot.");
        assertThat(store.list("telegram:e2").getFirst().language()).isEqualTo(Language.EN);
        assertThat(telegram("suis Mathilde Panot").text()).startsWith("C'est noté : vous suivez Mathilde Panot.");
    }

    @Test
    void aMisspeltNameIsAskedBackWithAButtonAndFollowedOnTheButton() {
        Reply.Text r = telegram("suis Mathilde Pannot");
        assertThat(r.text()).isEqualTo("Je ne trouve aucun député nommé « Mathilde Pannot ». Vouliez-vous dire Mathilde Panot ?\n"
                + "• Mathilde Panot (LFI-NFP, 10e circonscription du Val-de-Marne)");
        assertThat(r.quickReplies()).extracting(QuickReply::title).containsExactly("Mathilde Panot");
        assertThat(followed("telegram:t1")).isEmpty();

        assertThat(telegram(r.quickReplies().getFirst().payload()).text()).startsWith("C'est noté : vous suivez Mathilde Panot.");
        assertThat(followed("telegram:t1")).containsExactly("deputy:" + PANOT);
    }

    /** One feed, as the town's configuration gives it. */
    static TownNews oneFeed(NewsSource source) {
        return new TownNews() {
            public List<NewsSource> sources() {
                return List.of(source);
            }

            public Optional<NewsFeed> latest(String sourceId) {
                return Optional.empty();
            }

            public void onNewItems(NewsListener listener) {
            }
        };
    }

    @Test
    void followsTheTownHallsNewsWhenTheTownHasAFeedAndSaysSoWhenItHasNone() {
        assertThat(telegram("abonne-moi aux nouvelles de la mairie").text()).startsWith("Je ne peux pas suivre les "
                + "nouvelles de la mairie : aucun fil d'actualités de la ville n'est configuré ici.");
        assertThat(followed("telegram:t1")).isEmpty();

        dialogue = dialogue(FollowSettings.DEFAULTS, oneFeed(new NewsSource("le-mans-actualites", "Actualités du Mans",
                "Ville du Mans", "Licence Ouverte", "https://www.lemans.fr/rss")));
        assertThat(telegram("préviens-moi des nouvelles de la mairie").text()).startsWith("C'est noté : vous suivez les "
                + "actualités « Actualités du Mans ». Je vous dirai chaque nouvel article, avec son lien. Les nouveautés "
                + "sont regroupées en un seul message, jamais la nuit.");
        assertThat(followed("telegram:t1")).containsExactly("news:le-mans-actualites");
        assertThat(telegram("/abonnements").text()).contains("• les actualités « Actualités du Mans », depuis le 7 décembre 2026");
    }
    @Test
    void theCitizensOpenReportsAreListedAndFollowingOneSaysItIsToldAlready() {
        long mine = reports.submit(new NewReport("voirie-nid-de-poule", "Un trou", new ReportLocation(null, null,
                "12 rue Carnot, Annecy", "74010"), null, null, "telegram", "telegram:t1", null), Instant.parse("2026-12-01T09:00:00Z")).id();
        long theirs = reports.submit(new NewReport("voirie-nid-de-poule", "Un autre trou", new ReportLocation(null, null,
                "1 rue Sommeiller, Annecy", "74010"), null, null, "web", "web:someone", null), Instant.parse("2026-12-01T09:00:00Z")).id();

        assertThat(telegram("/abonnements").text()).isEqualTo("""
                Vous suivez une chose :
                • votre signalement n° %d (ses changements de statut)
                Un signalement est suivi jusqu'à sa clôture, sans bouton pour l'arrêter ; /stop arrête tout envoi de ma part.""".formatted(mine));
        assertThat(telegram("/abonnements").quickReplies()).as("no stop button: a report has none").isEmpty();
        assertThat(telegram("suis mon signalement " + mine).text()).isEqualTo("Je vous préviens déjà de chaque changement "
                + "de votre signalement n° " + mine + " : il figure dans vos abonnements.");
        assertThat(telegram("suis mon signalement " + theirs).text())
                .isEqualTo("Je ne trouve pas de signalement n° " + theirs + " fait dans cette conversation : rien n'est suivi.");
        assertThat(followed("telegram:t1")).isEmpty();
    }

    /** Fails when a quote opens inside a quote of the same kind (« … « … » … », “ … “ … ” … ”). */
    static void assertNoQuoteInsideTheSameQuote(String text) {
        int guillemets = 0;
        int curly = 0;
        for (char c : text.toCharArray()) {
            switch (c) {
                case '«' -> assertThat(guillemets++).as("« opened inside « » in: %s", text).isZero();
                case '»' -> guillemets--;
                case '“' -> assertThat(curly++).as("“ opened inside “ ” in: %s", text).isZero();
                case '”' -> curly--;
                default -> { }
            }
        }
        assertThat(guillemets).as("« » paired in: %s", text).isZero();
        assertThat(curly).as("“ ” paired in: %s", text).isZero();
    }

    @Test
    void aLabelQuotedInsideASentenceUsesTheInnerQuotes() {
        Reply.Text r = telegram("alerte-moi sur les votes sur l'agriculture");
        assertThat(r.text()).endsWith("Pour arrêter : « arrête de suivre les votes sur “agriculture” », /abonnements "
                + "pour la liste de vos suivis, /stop pour tout arrêter.");
        assertNoQuoteInsideTheSameQuote(r.text());

        Reply.Text en = (Reply.Text) dialogue.handle(new IncomingMessage("telegram", "e1",
                "alert me on votes about agriculture", Language.EN, null).withCapabilities(ChannelCapabilities.ALL)).getLast();
        assertThat(en.text()).contains("To stop: “stop following votes on ‘agriculture’”");
        assertNoQuoteInsideTheSameQuote(en.text());
    }

    @Test
    void aTitleWithItsOwnQuotesIsQuotedOneLevelDown() {
        work.dossiers.add(new Dossier("DLR5L17N50003", "Proposition de loi visant à assouplir la gestion des "
                + "compétences « eau » et « assainissement »", "Proposition de loi ordinaire", true, List.of(1200),
                List.of(), List.of(), List.of()));
        Reply.Text r = telegram("suis le texte n° 1200");
        assertThat(r.text()).startsWith("C'est noté : vous suivez le texte « Proposition de loi visant à assouplir la "
                + "gestion des compétences “eau” et “assainissement” ».")
                .contains("« arrête de suivre le texte “Proposition de loi visant à assouplir la gestion des compétences "
                        + "‘eau’ et ‘assainissement’” »");
        assertNoQuoteInsideTheSameQuote(r.text());
        assertNoQuoteInsideTheSameQuote(telegram("/abonnements").text());
    }

    @Test
    void billsWhoseTitlesStartAlikeHaveButtonsToldApart() {
        String start = "Engagement de la responsabilité du Gouvernement sur ";
        String[][] made = {{"DLR5L17N53689", "le vote en lecture définitive du projet de loi de finances pour 2026", "2026-02-02"},
                {"DLR5L17N53619", "la deuxième partie et l'ensemble du projet de loi de finances pour 2026", "2026-01-27"},
                {"DLR5L17N53597", "la première partie du projet de loi de finances pour 2026", "2026-01-23"}};
        for (String[] d : made) {
            work.dossiers.add(new Dossier(d[0], start + d[1], "Engagement de la responsabilité gouvernementale", false,
                    List.of(), List.of(new Step("AN21-DGVT", StepKind.DEPOSITED, Step.Chamber.ASSEMBLEE,
                            LocalDate.parse(d[2]).minusDays(3), null), new Step("AN21-MOTION-VOTE", StepKind.MOTION,
                            Step.Chamber.ASSEMBLEE, LocalDate.parse(d[2]), null)), List.of(), List.of()));
        }
        Reply.Text r = telegram("suis le projet de loi de finances");
        List<String> titles = r.quickReplies().stream().map(QuickReply::title).toList();
        assertThat(titles).hasSize(5).doesNotHaveDuplicates().allSatisfy(t -> assertThat(t.length()).isLessThanOrEqualTo(40));
        // each of the three alike says the date of its stage, as its line in the text does
        for (String[] d : made) {
            QuickReply b = r.quickReplies().stream().filter(q -> q.payload().endsWith(d[0])).findFirst().orElseThrow();
            LocalDate day = LocalDate.parse(d[2]);
            String shortDay = "%02d/%02d/%d".formatted(day.getDayOfMonth(), day.getMonthValue(), day.getYear());
            assertThat(b.title()).startsWith("Engagement de la").endsWith("(" + shortDay + ")");
            assertThat(r.text()).contains("• « " + start + d[1] + " » — ");
        }
        assertThat(titles).contains("Projet de loi de finances pour 2026");
        QuickReply first = r.quickReplies().stream().filter(q -> q.payload().endsWith("53619")).findFirst().orElseThrow();
        assertThat(telegram(first.payload()).text()).startsWith("C'est noté : vous suivez le texte « " + start + made[1][1]);
        assertThat(followed("telegram:t1")).containsExactly("bill:DLR5L17N53619");
    }

    @Test
    void aLongListIsPagedWithAtMostTenButtonsPerMessageAndEveryOneReachable() {
        List<String> words = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            words.add("sujet" + (char) ('a' + i % 26) + (char) ('a' + i / 26));
        }
        for (int i = 0; i < words.size(); i++) {
            store.add(new Subscription("telegram:t1", new FollowTarget.Topic(words.get(i)), Language.FR,
                    Instant.parse("2026-12-01T10:00:00Z").plusSeconds(i)));
        }
        List<String> stopped = new ArrayList<>();
        List<String> lines = new ArrayList<>();
        Reply.Text page = telegram("/abonnements");
        assertThat(page.text()).startsWith("Vous suivez 50 choses :\n• les votes sur « sujetaa », depuis le 1er décembre 2026");
        for (int n = 1; ; n++) {
            assertThat(page.quickReplies()).as("page %d", n).hasSizeLessThanOrEqualTo(10);
            assertThat(page.quickReplies()).last().extracting(QuickReply::title).isEqualTo("Tout arrêter");
            page.quickReplies().stream().map(QuickReply::payload).filter(p -> p.startsWith("ne plus suivre "))
                    .forEach(p -> stopped.add(p.substring("ne plus suivre topic:".length())));
            page.text().lines().filter(l -> l.startsWith("• ")).forEach(lines::add);
            Optional<QuickReply> more = page.quickReplies().stream().filter(q -> q.title().equals("Voir plus")).findFirst();
            if (more.isEmpty()) {
                break;
            }
            page = telegram(more.get().payload());
            assertThat(page.text()).startsWith("Suite de vos abonnements (" + (n * 8 + 1) + " à ");
        }
        assertThat(page.text()).startsWith("Suite de vos abonnements (49 à 50 sur 50) :");
        assertThat(stopped).as("a stop button for each followed, once, in the list's order").isEqualTo(words);
        assertThat(lines).hasSize(50);
        assertThat(followed("telegram:t1")).hasSize(50);
    }

    @Test
    void aPageAfterTheLastShowsTheLastAndThePagesEndWithTheReports() {
        telegram("suis Mathilde Panot");
        long id = reports.submit(new NewReport("voirie-nid-de-poule", "Un trou", new ReportLocation(null, null,
                "12 rue Carnot, Annecy", "74010"), null, null, "telegram", "telegram:t1", null), Instant.parse("2026-12-01T09:00:00Z")).id();
        Reply.Text r = telegram("mes abonnements (7)");
        assertThat(r.text()).isEqualTo("""
                Vous suivez 2 choses :
                • Mathilde Panot (résumé de ses votes, questions et interventions), depuis le 7 décembre 2026
                • votre signalement n° %d (ses changements de statut)
                Touchez un bouton pour arrêter de suivre, ou /stop pour tout arrêter.
                Un signalement est suivi jusqu'à sa clôture, sans bouton pour l'arrêter ; /stop arrête tout envoi de ma part.""".formatted(id));
        assertThat(r.quickReplies()).extracting(QuickReply::title).containsExactly("Arrêter : Mathilde Panot", "Tout arrêter");
    }

    @Test
    void aTopicWithoutAMeaningfulWordIsRefusedAndRealTopicsAreKept() {
        Reply.Text r = telegram("alerte-moi sur les votes sur ' OR 1=1 --");
        assertThat(r.text()).isEqualTo("Je ne peux pas suivre les votes sur « or 1 1 » : ces mots ne disent pas de quel "
                + "sujet il s'agit, et presque tous les scrutins y correspondraient. Rien n'est suivi. Donnez un sujet "
                + "précis, par exemple « agriculture », « retraites » ou « IVG ».");
        assertThat(r.quickReplies()).isNotEmpty();
        assertThat(followed("telegram:t1")).isEmpty();

        telegram("alerte-moi sur les votes sur les retraites");
        telegram("alerte-moi sur les votes sur l'IVG");
        telegram("alerte-moi sur les votes sur l'agriculture");
        assertThat(followed("telegram:t1")).containsExactlyInAnyOrder("topic:retraites", "topic:ivg", "topic:agriculture");
        assertThat(fr.civicgateway.core.parliament.ScrutinSearch.hasSubject("loi de finances")).isTrue();
        assertThat(fr.civicgateway.core.parliament.ScrutinSearch.hasSubject("le la vote 49 3")).isFalse();
        assertThat(fr.civicgateway.core.parliament.ScrutinSearch.hasSubject("49.3")).as("an article's number").isTrue();
        assertThat(fr.civicgateway.core.parliament.ScrutinSearch.hasSubject("le 49-3")).isTrue();
    }
}
