package fr.civicgateway.app.opendata;

import com.github.benmanes.caffeine.cache.Cache;
import fr.civicgateway.core.conversation.Reply;
import fr.civicgateway.core.dialogue.TurnScope;
import fr.civicgateway.core.geo.GeoDirectory;
import fr.civicgateway.core.nlu.CachingUnderstanding;
import fr.civicgateway.core.nlu.GazetteerEntityExtractor;
import fr.civicgateway.core.nlu.Language;
import fr.civicgateway.core.nlu.NaturalLanguageUnderstanding;
import fr.civicgateway.core.nlu.OpenNlpUnderstanding;
import fr.civicgateway.core.nlu.Understanding;
import fr.civicgateway.core.parliament.Contacts;
import fr.civicgateway.core.parliament.DataInfo;
import fr.civicgateway.core.parliament.Deputy;
import fr.civicgateway.core.parliament.DeputyVote;
import fr.civicgateway.core.parliament.ParliamentData;
import fr.civicgateway.core.parliament.PoliticalGroup;
import fr.civicgateway.core.parliament.Scrutin;
import fr.civicgateway.core.parliament.ScrutinSearch;
import fr.civicgateway.core.representative.ParticipationSource;
import fr.civicgateway.core.representative.Participations;
import fr.civicgateway.core.votes.TopicSearch;
import fr.civicgateway.opendata.assemblee.AssembleeSnapshot;
import fr.civicgateway.opendata.assemblee.SnapshotSwap;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Assemblée data the gateway answers from, and everything derived from it, swapped as one whole when a refresh
 * brings a new snapshot: the index ({@link #parliament()}, the {@code ParliamentData} every handler holds), the NLU's
 * gazetteers (a new deputy, a new scrutin number is understood; the trained classifier is kept), the topic search,
 * every deputy's participation, and the caches of understood texts and topic searches, which are keyed by the data's version so that nothing
 * computed from old data is ever served for the new.
 *
 * <p>A turn of the dialogue reads one version from start to end: as the dialogue's {@link TurnScope} this pins the
 * current generation to the thread for the turn, so an answer that reads the data several times (a vote, its
 * scrutin, the date of the data) cannot mix two versions. Outside a turn (the NLU API, health) each call reads the
 * current generation; each facade call is consistent in itself.
 *
 * <p>Threading: reads from any thread, lock-free; {@link #prepare} is called by the one refreshing thread.
 */
public final class LiveOpenData implements TurnScope, SnapshotSwap {

    /**
     * Everything derived from one snapshot. The next generation's NLU is derived from this one's ({@code withEntities}
     * keeps the trained classifier): nothing else holds an older NLU, whose gazetteers would keep an old snapshot.
     */
    private record Generation(long version, AssembleeSnapshot data, OpenNlpUnderstanding nlu,
                              NaturalLanguageUnderstanding understanding, ScrutinSearch search,
                              Participations participations) {
    }

    /** What a topic search is kept under: the data version, how many results, the topic as written. */
    record TopicKey(long dataVersion, int limit, String topic) {
    }

    private static final Logger log = LoggerFactory.getLogger(LiveOpenData.class);

    private final List<BiConsumer<AssembleeSnapshot, AssembleeSnapshot>> swapListeners = new CopyOnWriteArrayList<>();
    private final GeoDirectory geo;
    private final Cache<CachingUnderstanding.Key, Understanding> understood;
    private final Cache<TopicKey, TopicSearch.Matches> topicMatches;
    private final AtomicReference<Generation> current;
    private final ThreadLocal<Generation> pinned = new ThreadLocal<>();
    private final ParliamentData parliament = new LiveParliament();
    private final NaturalLanguageUnderstanding understanding = new LiveUnderstanding();

    /**
     * @param first        the snapshot answered from at start
     * @param nlu          the NLU trained at start, with gazetteers built from {@code first}
     * @param understood   bounded by the caller, shared by every version
     * @param topicMatches bounded by the caller, shared by every version
     */
    public LiveOpenData(AssembleeSnapshot first, GeoDirectory geo, OpenNlpUnderstanding nlu,
                        Cache<CachingUnderstanding.Key, Understanding> understood,
                        Cache<TopicKey, TopicSearch.Matches> topicMatches) {
        this.geo = Objects.requireNonNull(geo, "geo");
        this.understood = Objects.requireNonNull(understood, "understood");
        this.topicMatches = Objects.requireNonNull(topicMatches, "topicMatches");
        this.current = new AtomicReference<>(generation(1, first, Objects.requireNonNull(nlu, "nlu")));
    }

    private Generation generation(long version, AssembleeSnapshot data, OpenNlpUnderstanding nlu) {
        // What depends only on the data is computed here, once per version, before the version answers.
        return new Generation(version, data, nlu, new CachingUnderstanding(nlu, understood, version),
                new ScrutinSearch(data), Participations.of(data));
    }

    /** The data every handler reads: always the current snapshot (the pinned one during a turn). */
    public ParliamentData parliament() {
        return parliament;
    }

    /** Understanding with the current gazetteers, through the cache of understood texts. */
    public NaturalLanguageUnderstanding understanding() {
        return understanding;
    }

    /** Topic search over the current scrutins, through the cache of recent searches. */
    public TopicSearch topics() {
        return this::find;
    }

    /** Each deputy's participation in the current data (the pinned version during a turn), computed with it. */
    public ParticipationSource participations() {
        return d -> generation().participations().of(d);
    }

    /** The geographic tables the gazetteers are built with (not refreshed). */
    public GeoDirectory geo() {
        return geo;
    }

    /** The snapshot answered from now, outside any turn. */
    public AssembleeSnapshot snapshot() {
        return current.get().data();
    }

    /**
     * Calls {@code listener} with the previous and the new snapshot after each swap, on the refreshing thread (never
     * a request thread), once the new version answers: what changed between them (the follow events) is found
     * there. A listener that throws is logged and does not undo the swap; it must not keep either snapshot.
     */
    public void onSwap(BiConsumer<AssembleeSnapshot, AssembleeSnapshot> listener) {
        swapListeners.add(java.util.Objects.requireNonNull(listener, "listener"));
    }

    /**
     * Builds the new generation (gazetteers, topic index, participations: about a second for the whole legislature) while the current
     * one keeps answering; the returned action swaps it in and drops the cache entries of older versions.
     */
    @Override
    public Runnable prepare(AssembleeSnapshot next) {
        Generation now = current.get();
        long version = now.version() + 1;
        Generation g = generation(version, next, now.nlu().withEntities(new GazetteerEntityExtractor(next, geo)));
        // Handed to the swap listeners once, then let go: nothing keeps the replaced snapshot after the swap.
        AtomicReference<AssembleeSnapshot> previous = new AtomicReference<>(now.data());
        return () -> {
            current.set(g);
            // Never read again (a turn still pinned to an older version may add one back: it ages out).
            understood.asMap().keySet().removeIf(k -> k.dataVersion() < version);
            topicMatches.asMap().keySet().removeIf(k -> k.dataVersion() < version);
            AssembleeSnapshot before = previous.getAndSet(null);
            if (before != null) {
                for (BiConsumer<AssembleeSnapshot, AssembleeSnapshot> l : swapListeners) {
                    try {
                        l.accept(before, next);
                    } catch (RuntimeException e) {
                        log.warn("after the swap to data version {}: {}", version, e.toString());
                    }
                }
            }
        };
    }

    @Override
    public List<Reply> run(Supplier<List<Reply>> turn) {
        if (pinned.get() != null) {
            return turn.get();
        }
        pinned.set(current.get());
        try {
            return turn.get();
        } finally {
            pinned.remove();
        }
    }

    private Generation generation() {
        Generation g = pinned.get();
        return g != null ? g : current.get();
    }

    private TopicSearch.Matches find(String topic, int limit) {
        Generation g = generation();
        // The same topics come back again and again ("budget", "retraites"): keep recent results.
        return topicMatches.get(new TopicKey(g.version(), limit, topic), k -> {
            ScrutinSearch.Result r = g.search().search(topic, limit);
            return new TopicSearch.Matches(r.scrutins(), r.total());
        });
    }

    private final class LiveUnderstanding implements NaturalLanguageUnderstanding {

        @Override
        public Understanding parse(String text, Language languageHint) {
            return generation().understanding().parse(text, languageHint);
        }

        @Override
        public Understanding parseWithoutRemembering(String text, Language languageHint) {
            return generation().understanding().parseWithoutRemembering(text, languageHint);
        }
    }

    private final class LiveParliament implements ParliamentData {

        private ParliamentData data() {
            return generation().data();
        }

        @Override
        public long version() {
            return generation().version();
        }

        @Override
        public DataInfo info() {
            return data().info();
        }

        @Override
        public Collection<Deputy> deputies() {
            return data().deputies();
        }

        @Override
        public Optional<Deputy> deputy(String uid) {
            return data().deputy(uid);
        }

        @Override
        public Optional<Deputy> deputyOf(String constituencyId) {
            return data().deputyOf(constituencyId);
        }

        @Override
        public Contacts contacts(String deputyUid) {
            return data().contacts(deputyUid);
        }

        @Override
        public Optional<PoliticalGroup> group(String organeUid) {
            return data().group(organeUid);
        }

        @Override
        public Collection<PoliticalGroup> groups() {
            return data().groups();
        }

        @Override
        public Optional<Scrutin> scrutin(int number) {
            return data().scrutin(number);
        }

        @Override
        public List<Scrutin> scrutins() {
            return data().scrutins();
        }

        @Override
        public DeputyVote vote(String deputyUid, int scrutinNumber) {
            return data().vote(deputyUid, scrutinNumber);
        }

        @Override
        public String toString() {
            return "live " + data();
        }
    }
}
