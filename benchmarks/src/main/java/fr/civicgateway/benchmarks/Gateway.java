package fr.civicgateway.benchmarks;

import com.github.benmanes.caffeine.cache.Ticker;
import fr.civicgateway.core.dialogue.Dialogue;
import fr.civicgateway.core.dialogue.InMemoryConversationStore;
import fr.civicgateway.core.dialogue.IntentHandler;
import fr.civicgateway.core.geo.GeoDirectory;
import fr.civicgateway.core.nlu.Intent;
import fr.civicgateway.core.nlu.OpenNlpUnderstanding;
import fr.civicgateway.core.local.LocalProjectsHandler;
import fr.civicgateway.core.parliament.ParliamentData;
import fr.civicgateway.core.parliament.ScrutinSearch;
import fr.civicgateway.core.reports.InMemoryReportStore;
import fr.civicgateway.core.reports.NewReport;
import fr.civicgateway.core.reports.ReportCategories;
import fr.civicgateway.core.reports.ReportLocation;
import fr.civicgateway.core.reports.ReportStatusHandler;
import fr.civicgateway.core.reports.ServiceCategory;
import fr.civicgateway.core.representative.AttendanceHandler;
import fr.civicgateway.core.representative.FindRepresentativeHandler;
import fr.civicgateway.core.representative.ProfileHandler;
import fr.civicgateway.core.smalltalk.GreetHandler;
import fr.civicgateway.core.smalltalk.HelpHandler;
import fr.civicgateway.core.smalltalk.NotYetAvailableHandler;
import fr.civicgateway.core.smalltalk.OutOfScopeHandler;
import fr.civicgateway.core.votes.ParliamentActivityHandler;
import fr.civicgateway.core.votes.RepresentativeVotesHandler;
import fr.civicgateway.core.votes.TopicSearch;
import fr.civicgateway.core.votes.VoteResultHandler;
import fr.civicgateway.opendata.assemblee.AssembleeLoader;
import fr.civicgateway.opendata.geo.GeoTablesLoader;
import fr.civicgateway.opendata.local.LocalAdapters;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The gateway's core as the app assembles it ({@code GatewayConfiguration}), without Spring or HTTP, over the
 * shipped snapshot. The data directory is relative to the working directory: run the benchmarks from the
 * repository root, or pass another one.
 */
record Gateway(ParliamentData parliament, GeoDirectory geo, OpenNlpUnderstanding nlu, Dialogue dialogue) {

    static ParliamentData parliament(Path data) {
        return AssembleeLoader.ofShippedLayout(data.resolve("assemblee-nationale")).load();
    }

    static GeoDirectory geo(Path data) {
        return GeoTablesLoader.load(data.resolve("geo"));
    }

    static Gateway load(String dataDirectory) {
        Path data = Path.of(dataDirectory);
        if (!Files.isDirectory(data.resolve("assemblee-nationale"))) {
            throw new IllegalArgumentException("no open-data snapshot under " + data.toAbsolutePath()
                    + ": run from the repository root or pass the data directory (-p dataDirectory=...)");
        }
        ParliamentData parliament = parliament(data);
        GeoDirectory geo = geo(data);
        OpenNlpUnderstanding nlu = OpenNlpUnderstanding.create(parliament, geo);
        ScrutinSearch search = new ScrutinSearch(parliament);
        TopicSearch topics = (topic, limit) -> {
            ScrutinSearch.Result r = search.search(topic, limit);
            return new TopicSearch.Matches(r.scrutins(), r.total());
        };
        // As GatewayConfiguration, except what needs the app's stores (reports, consultations as flows): the shipped
        // local sources of config/adapters (under the data directory's parent, the repository root), and report
        // status over an in-memory store holding report no. 1.
        Path root = data.toAbsolutePath().getParent();
        ReportCategories categories = ReportCategories.of(List.of(new ServiceCategory("voirie-nid-de-poule",
                "Nid-de-poule ou chaussée abîmée", "Pothole or damaged road", List.of("nid de poule"), "Voirie",
                List.of())));
        InMemoryReportStore reports = new InMemoryReportStore();
        reports.submit(new NewReport("voirie-nid-de-poule", "Un nid de poule devant le 12",
                new ReportLocation(null, null, "12 rue Carnot, Annecy", "74010"), null, null, "bench", null),
                Instant.parse("2026-01-10T09:00:00Z"));
        List<IntentHandler> handlers = new ArrayList<>(List.of(new GreetHandler(), new HelpHandler(),
                new OutOfScopeHandler(),
                new FindRepresentativeHandler(parliament, geo), new ProfileHandler(parliament),
                new AttendanceHandler(parliament), new RepresentativeVotesHandler(parliament, topics),
                new VoteResultHandler(parliament, topics), new ParliamentActivityHandler(parliament),
                new LocalProjectsHandler(LocalAdapters.load(root.resolve("config/adapters"), root)),
                new ReportStatusHandler(reports, categories),
                new NotYetAvailableHandler(Intent.REPORT_PROBLEM),
                new NotYetAvailableHandler(Intent.CONSULTATION)));
        handlers.addAll(NotYetAvailableHandler.planned());
        Dialogue dialogue = new Dialogue(nlu,
                new InMemoryConversationStore(100_000, Duration.ofHours(2), Ticker.systemTicker()),
                handlers, Clock.systemUTC());
        return new Gateway(parliament, geo, nlu, dialogue);
    }
}
