package fr.civicgateway.app;

import com.github.benmanes.caffeine.cache.Ticker;
import fr.civicgateway.core.answer.MethodLinks;
import fr.civicgateway.core.answer.PageLinks;
import fr.civicgateway.core.dialogue.ConversationLocks;
import fr.civicgateway.core.dialogue.ConversationStore;
import fr.civicgateway.core.dialogue.Dialogue;
import fr.civicgateway.core.dialogue.IntentHandler;
import fr.civicgateway.core.dialogue.TurnScope;
import fr.civicgateway.core.flow.Flow;
import fr.civicgateway.core.nlu.Intent;
import fr.civicgateway.core.nlu.IntentClassifier;
import fr.civicgateway.core.nlu.IntentCorpus;
import fr.civicgateway.core.nlu.NaturalLanguageUnderstanding;
import fr.civicgateway.core.reports.ReportNotices;
import fr.civicgateway.core.dialogue.Notices;
import fr.civicgateway.core.follow.delivery.FollowNotices;
import fr.civicgateway.core.text.MessageCatalogue;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.FilterType;
import org.springframework.core.env.Environment;

/**
 * Assembles the gateway: the dialogue the connectors talk to, over every intent handler and flow there is.
 *
 * <p>Handlers and flows are <em>discovered</em>: every concrete {@link IntentHandler} and {@link Flow} class under
 * {@code fr.civicgateway} (bot-core's, and any other jar's or test's) becomes a bean, its constructor's parameters
 * autowired from the ports (ParliamentData, GeoDirectory, TopicSearch, the stores...). A handler whose constructor
 * needs a setting is declared by an {@code @Bean} method of the same name and type in its area's configuration
 * (ReportsConfiguration's {@code reportFlow}, LocalDataConfiguration's {@code localProjectsHandler}), which Spring
 * lets replace the scanned definition. The classifier is trained on the corpora of the intents those handlers and
 * flows answer. Adding an intent is one handler class and its corpus files: see docs/contributing-intents.md.
 *
 * <p>The open data behind the ports, the NLU built from it and its refresh are in {@code fr.civicgateway.app.opendata};
 * the conversation store and its database in {@code fr.civicgateway.app.storage}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({DataProperties.class, ConversationProperties.class, LocalProperties.class,
        MessagesProperties.class, PublicUrlProperties.class})
@ComponentScan(basePackages = "fr.civicgateway", useDefaultFilters = false,
        includeFilters = @ComponentScan.Filter(type = FilterType.ASSIGNABLE_TYPE, classes = {IntentHandler.class, Flow.class}))
class GatewayConfiguration {

    private static final Logger log = LoggerFactory.getLogger(GatewayConfiguration.class);

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    Ticker ticker() {
        return Ticker.systemTicker();
    }

    /**
     * The links to the methodology page's sections under {@code civic.public-url}, which every handler citing a method
     * asks for in its constructor (docs/contributing-intents.md, "Citing a method").
     */
    @Bean
    MethodLinks methodLinks(PublicUrlProperties publicUrl, Environment env) {
        return MethodLinks.at(publicUrl.baseOr(env.getProperty("server.port", Integer.class, 8080)));
    }

    /** The deputy and scrutin pages under {@code civic.public-url}, which the profile and result answers link. */
    @Bean
    PageLinks pageLinks(MethodLinks methodLinks) {
        return PageLinks.at(methodLinks.base());
    }

    /**
     * The intent classifier, trained at start-up on the corpus of every intent a discovered handler or flow answers
     * (the open data's NLU obtains it at its first use, since the handlers read that data).
     */
    @Bean
    IntentClassifier intentClassifier(List<IntentHandler> handlers, List<Flow> flows) {
        Set<Intent> intents = new LinkedHashSet<>();
        handlers.forEach(h -> intents.addAll(h.intents()));
        flows.forEach(f -> intents.add(f.intent()));
        IntentCorpus corpus = IntentCorpus.load(intents);
        log.info("intent classifier trained on {} examples of {} intents", corpus.all().size(), intents.size());
        return IntentClassifier.train(corpus.all());
    }

    /**
     * Every sentence the bot says: the bundles of the handlers and flows, the shared ones and the channels', with the
     * operator's overrides ({@code civic.messages.overrides}). A wrong override stops the start, naming file and key.
     */
    @Bean
    MessageCatalogue messageCatalogue(List<IntentHandler> handlers, List<Flow> flows,
                                      MessagesProperties properties) {
        List<String> bundles = Stream.concat(Dialogue.bundles(handlers, flows).stream(),
                CHANNEL_BUNDLES.stream()).distinct().toList();
        return MessageCatalogue.load(bundles, properties.overrides());
    }

    /**
     * The channels' own wording (Telegram's commands, menu and privacy note: connectors' TelegramWording), the words
     * of the records API's charts (connectors' ChartRenderer) and of the web pages (connectors' pages).
     */
    private static final List<String> CHANNEL_BUNDLES = List.of("telegram", "charts", "pages", "follow", "bill_status");

    @Bean
    Dialogue dialogue(NaturalLanguageUnderstanding nlu, ConversationStore store, List<IntentHandler> handlers,
                      List<Flow> flows, ReportNotices reportNotices, FollowNotices followNotices, TurnScope openDataTurns,
                      ConversationLocks conversationLocks, MessageCatalogue messageCatalogue, Clock clock) {
        // A report's new status, then the news of what the citizen follows that their channel could not push.
        // Every Flow bean (the problem report, the consultation flow, ...) answers its own intent instead of a handler.
        // Each turn reads one version of the open data, even when a refresh swaps it meanwhile (LiveOpenData).
        // One turn of a conversation at a time, on every channel and instance (StorageConfiguration).
        return Dialogue.builder(nlu, store).handlers(handlers).flows(flows).notices(Notices.combined(List.of(reportNotices, followNotices)))
                .scope(openDataTurns).locks(conversationLocks).messages(messageCatalogue).clock(clock).build();
    }
}
