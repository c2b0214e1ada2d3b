package fr.civicgateway.connectors.records;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import fr.civicgateway.connectors.web.ClientRateLimits;
import fr.civicgateway.connectors.web.ContentCoding;
import fr.civicgateway.core.answer.MethodLinks;
import fr.civicgateway.core.dialogue.TurnScope;
import fr.civicgateway.core.parliament.DataInfo;
import fr.civicgateway.core.parliament.Deputy;
import fr.civicgateway.core.parliament.ParliamentData;
import fr.civicgateway.core.parliament.Position;
import fr.civicgateway.core.parliament.Scrutin;
import fr.civicgateway.core.parliament.work.AssemblyWork;
import fr.civicgateway.core.parliament.work.Provenance;
import fr.civicgateway.core.votes.VoteAlignments;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.databind.json.JsonMapper;

/**
 * What every records endpoint shares: the per-address rate limit (the chat's {@link ClientRateLimits}), one version
 * of the data for the whole answer (the dialogue's {@link TurnScope}), the validators of that version ({@code ETag},
 * {@code Last-Modified}, 304), the citation ({@link Views.Meta}), the pagination links, and the two formats.
 * Thread-safe: it holds only the shared ports.
 */
@Component
final class Records {

    /** The method of the answers that list the data as published and count nothing: its methodology section. */
    static final String RECORDS_METHOD = "an-records-1";
    static final String OPEN_DATA = "https://data.assemblee-nationale.fr/";
    static final String BASE = "/api/v1";
    static final MediaType CSV_UTF8 = new MediaType("text", "csv", StandardCharsets.UTF_8);
    /** Short enough that a refresh reaches clients soon, long enough to spare a newsroom's repeated reads. */
    static final String CACHE_CONTROL = "public, max-age=60";
    /** A group's name the data leaves as its uid: no name to show. */
    private static final Pattern UID_AS_NAME = Pattern.compile("PO\\d+");

    final ParliamentData data;
    final AssemblyWork work;
    final MethodLinks links;
    final VoteAlignments alignments;
    private final ClientRateLimits limits;
    private final TurnScope scope;
    private final Clock clock;
    private final JsonMapper json;
    /**
     * The gzipped answers that are the same bytes for a version of the data (the vote lists), compressed once each,
     * under their validator and address: a new version of the data is a new entity tag, so never a stale body.
     */
    private final Cache<Compressed, Gzipped> gzipped;
    /** What every answer repeats, built once per version of the data (a deputy's vote list repeats every scrutin). */
    private final AtomicReference<Shared> shared = new AtomicReference<>();

    Records(ParliamentData data, AssemblyWork work, MethodLinks links, ClientRateLimits limits, TurnScope scope,
            Clock clock, ObjectProvider<VoteAlignments> alignments, ObjectProvider<JsonMapper> json,
            RecordsProperties properties) {
        this.clock = clock;
        this.gzipped = Caffeine.newBuilder().maximumWeight(properties.gzipCacheSize().toBytes())
                .weigher((Compressed k, Gzipped v) -> v.body().length + k.weight()).build();
        // The app's mapper, so that a part written ahead is written as the rest of the answer.
        this.json = json.getIfAvailable(() -> JsonMapper.builder().build());
        this.data = data;
        this.work = work;
        this.links = links;
        this.limits = limits;
        this.scope = scope;
        // The app's own instance when it declares one (the chat's), so that the figures are computed once.
        this.alignments = alignments.getIfAvailable(() -> new VoteAlignments(data));
    }

    /** One request: the address's rate limit, then the answer read from one version of the data. */
    ResponseEntity<?> answer(HttpServletRequest request, Supplier<ResponseEntity<?>> answer) {
        limits.address(request);
        Object[] out = new Object[1];
        scope.run(() -> {
            out[0] = answer.get();
            return List.of();
        });
        return (ResponseEntity<?>) out[0];
    }

    // ---- validators

    /**
     * The validators of an answer from the scrutins' data (its {@code X-Data-Date}): see
     * {@link #notModified(HttpServletRequest, HttpServletResponse, Format, LocalDate)}.
     */
    boolean notModified(HttpServletRequest request, HttpServletResponse response, Format format) {
        return notModified(request, response, format, data.info().lastScrutinDate());
    }

    /**
     * The data's validators for this format: the {@code ETag} hashes the data's versions and dates, the
     * {@code Last-Modified} is the start of the day the answer's own data goes to (never in the future). True (and a
     * 304 is answered) when the client's copy is current, or when it sends {@code If-None-Match: *} (RFC 9110: the
     * resource exists, as the caller checked); the caching headers are set either way.
     */
    boolean notModified(HttpServletRequest request, HttpServletResponse response, Format format, LocalDate dataDate) {
        response.setHeader(HttpHeaders.CACHE_CONTROL, CACHE_CONTROL);
        response.setHeader(HttpHeaders.VARY, HttpHeaders.ACCEPT);
        String tag = etag(format);
        long modified = lastModified(dataDate).toEpochMilli();
        String ifNoneMatch = request.getHeader(HttpHeaders.IF_NONE_MATCH);
        if (ifNoneMatch != null && ifNoneMatch.strip().equals("*")) {
            response.setHeader(HttpHeaders.ETAG, tag);
            response.setDateHeader(HttpHeaders.LAST_MODIFIED, modified);
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return true;
        }
        return new ServletWebRequest(request, response).checkNotModified(tag, modified);
    }

    /**
     * As {@link #notModified(HttpServletRequest, HttpServletResponse, Format)} for an answer also served gzipped
     * ({@link #gzipped}): {@code Vary: Accept, Accept-Encoding}, and the gzip variant's own entity tag
     * ({@code "…-json-gzip"}, RFC 9110 §8.8.3.3). An {@code If-None-Match} naming either variant's tag is a 304 that
     * carries the tag it matched: both variants are the same data, and a cache updates the one it holds.
     */
    boolean notModified(HttpServletRequest request, HttpServletResponse response, Format format, boolean gzip) {
        String identity = etag(format);
        String compressed = ContentCoding.gzipTag(identity);
        String matched = ContentCoding.matchingTag(request.getHeader(HttpHeaders.IF_NONE_MATCH),
                gzip ? compressed : identity, gzip ? identity : compressed);
        response.setHeader(HttpHeaders.CACHE_CONTROL, CACHE_CONTROL);
        response.setHeader(HttpHeaders.VARY, HttpHeaders.ACCEPT + ", " + HttpHeaders.ACCEPT_ENCODING);
        long modified = lastModified(data.info().lastScrutinDate()).toEpochMilli();
        if (matched != null) {
            response.setHeader(HttpHeaders.ETAG, matched);
            response.setDateHeader(HttpHeaders.LAST_MODIFIED, modified);
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return true;
        }
        return new ServletWebRequest(request, response).checkNotModified(gzip ? compressed : identity, modified);
    }

    /**
     * The answer gzipped, compressed at most once per version of the data and address (the path and query, which
     * the answer's links repeat) while the cache keeps it; {@code identity} writes the plain answer when it must.
     */
    byte[] gzipped(HttpServletRequest request, Format format, int total, Supplier<byte[]> identity) {
        Compressed key = new Compressed(etag(format), request.getRequestURI(), request.getQueryString());
        return gzipped.get(key, k -> new Gzipped(ContentCoding.gzip(identity.get()), total)).body();
    }

    /**
     * The answer to this address gzipped, if kept: the same address on the same version of the data is the same
     * answer, so its list need not be gathered again. Empty when not kept (or evicted).
     */
    java.util.Optional<Gzipped> keptGzipped(HttpServletRequest request, Format format) {
        return java.util.Optional.ofNullable(gzipped.getIfPresent(
                new Compressed(etag(format), request.getRequestURI(), request.getQueryString())));
    }

    /** A gzipped list and its number of items (the answer's {@code X-Total-Count} and links). */
    record Gzipped(byte[] body, int total) {
    }

    /** What a gzipped answer is kept under; its weight counts the key's strings too (a long query is not free). */
    private record Compressed(String etag, String path, String query) {
        int weight() {
            return 2 * (etag.length() + path.length() + (query == null ? 0 : query.length())) + 64;
        }
    }

    String etag(Format format) {
        DataInfo i = data.info();
        String facts = String.join("|", Long.toString(data.version()), Long.toString(work.version()),
                Integer.toString(i.legislature()), Integer.toString(i.scrutinCount()), String.valueOf(i.lastScrutinDate()),
                String.valueOf(i.deputiesDataDate()), String.valueOf(work.dossiersProvenance().dataDate()),
                String.valueOf(work.agendaProvenance().dataDate()), String.valueOf(recordDate()));
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(facts.getBytes(StandardCharsets.UTF_8));
            return "\"" + HexFormat.of().formatHex(h, 0, 10) + "-" + format.name().toLowerCase(Locale.ROOT) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /**
     * The date of a deputy's profile: the latest {@code dataDate} its figures cite (each figure keeps its own). Not
     * the latest of every source: a source no figure cites (the agenda) would date the answer after all it says.
     */
    static LocalDate latestOf(Views.DeputyFigures f) {
        return Stream.of(f.participation().provenance(), f.loyalty().provenance(), f.committeePresence().provenance(),
                        f.speeches().provenance(), f.questions().provenance(), f.bills().provenance(),
                        f.declarations().provenance(), f.amendments().provenance())
                .map(Views.Cited::dataDate).filter(d -> d != null).max(LocalDate::compareTo).orElse(LocalDate.EPOCH);
    }

    /** The start of that day (never in the future). */
    Instant lastModified(LocalDate day) {
        Instant at = (day == null ? LocalDate.EPOCH : day).atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant now = clock.instant();
        return at.isAfter(now) ? now : at;
    }

    /** The date the record's figures (speeches, presence) go to: the same for every deputy. */
    private LocalDate recordDate() {
        LocalDate s = work.speeches("PA0").provenance().dataDate();
        LocalDate p = work.presence("PA0").provenance().dataDate();
        return s.isAfter(p) ? s : p;
    }

    // ---- citations

    /** The citation of an answer that lists the Assemblée's data as published. */
    Views.Meta meta() {
        return meta(data.info().lastScrutinDate());
    }

    /** The same, for an answer whose data goes to that day (a deputy's profile: {@link #latestOf}). */
    Views.Meta meta(LocalDate dataDate) {
        DataInfo i = data.info();
        return new Views.Meta(i.source(), OPEN_DATA, dataDate, RECORDS_METHOD, methodUrl(RECORDS_METHOD),
                i.legislature());
    }

    /** The citation of an answer whose figure is computed by that method over the votes. */
    Views.Meta meta(String methodId) {
        DataInfo i = data.info();
        return new Views.Meta(i.source(), OPEN_DATA, i.lastScrutinDate(), methodId, methodUrl(methodId), i.legislature());
    }

    Views.Meta meta(Provenance p) {
        return new Views.Meta(p.source(), p.url(), p.dataDate(), p.method().id, links.of(p.method()),
                data.info().legislature());
    }

    Views.Cited cited(Provenance p) {
        return new Views.Cited(p.source(), p.url(), p.from(), p.dataDate(), p.dataDate(), p.method().id,
                links.of(p.method()));
    }

    Views.Cited cited(String sourceUrl, LocalDate from, LocalDate to, String method) {
        return new Views.Cited(data.info().source(), sourceUrl, from, to, data.info().lastScrutinDate(), method,
                methodUrl(method));
    }

    String methodUrl(String methodId) {
        return links.page() + "#" + methodId;
    }

    String api(String path) {
        return links.base() + BASE + path;
    }

    // ---- shared views

    Views.GroupRef group(String uid) {
        if (uid == null) {
            return null;
        }
        return shared().groups.computeIfAbsent(uid, u -> {
            String name = data.group(u).map(g -> g.name()).filter(n -> !n.isBlank() && !UID_AS_NAME.matcher(n).matches())
                    .orElse(null);
            // A group the data does not describe (PO847173, data/SOURCES.md) has no /groups page to link: null, not a 404.
            return new Views.GroupRef(u, data.groupAbbreviation(u).orElse(null), name,
                    data.group(u).isPresent() ? api("/groups/" + u) : null);
        });
    }

    /**
     * A deputy's vote list as JSON: {@code empty} is the answer without its items, the items are written from parts
     * kept per version of the data ({@link VoteListBytes}): a whole list repeats up to every scrutin's summary.
     */
    VoteListBytes.Parts voteListJson(Views.WrittenVoteList empty, List<Scrutin> scrutins, List<VoteListBytes.VoteKey> votes) {
        return shared().lists.json(json.writeValueAsBytes(empty), scrutins, votes,
                s -> json.writeValueAsBytes(scrutin(s)),
                k -> VoteListBytes.voteFields(json.writeValueAsBytes(new Views.WrittenVoteItem(VoteListBytes.mark(),
                        k.word(), k.vote().byProxy(), DeputiesController.cause(k.vote().cause()),
                        group(k.vote().groupUid())))));
    }

    /** A deputy's vote list as CSV, from the same kind of parts: the rows {@link CsvTable} writes cell by cell. */
    VoteListBytes.Parts voteListCsv(CsvTable header, List<Scrutin> scrutins, List<VoteListBytes.VoteKey> votes) {
        return shared().lists.csv(VoteListBytes.utf8(header.render()), scrutins, votes, this::scrutinCsv,
                k -> voteCsv(k.word(), k.vote().byProxy(), DeputiesController.cause(k.vote().cause()),
                        k.vote().groupUid()));
    }

    /**
     * The scrutin's cells of a deputy's vote list as CSV: its number, date, type, title and outcome, then its
     * page's address.
     */
    private CsvTable.Part[] scrutinCsv(Scrutin s) {
        return new CsvTable.Part[] {
                CsvTable.part(s.number(), s.date(), word(s.type()), s.title(), s.outcome() == null ? null : word(s.outcome())),
                CsvTable.part(s.pageUrl())};
    }

    /** A vote's cells (position, by proxy, cause, group uid and abbreviation) as CSV. */
    private CsvTable.Part voteCsv(String position, boolean byProxy, String cause, String groupUid) {
        return CsvTable.part(position, byProxy, cause, groupUid,
                groupUid == null ? null : data.groupAbbreviation(groupUid).orElse(null));
    }

    /** Every deputy in the API's order (by last name, French collation), sorted once per version of the data. */
    List<Deputy> deputiesByName() {
        Shared s = shared();
        List<Deputy> sorted = s.byName.get();
        if (sorted == null) {
            sorted = data.deputies().stream().sorted(DeputiesController.byName()).toList();
            s.byName.compareAndSet(null, sorted);
        }
        return sorted;
    }

    private Shared shared() {
        long version = data.version();
        Shared s = shared.get();
        if (s != null && s.version == version) {
            return s;
        }
        int maxNumber = 0;
        for (Scrutin sc : data.scrutins()) {
            maxNumber = Math.max(maxNumber, sc.number());
        }
        Shared fresh = new Shared(version, new ConcurrentHashMap<>(), new VoteListBytes(maxNumber), new AtomicReference<>());
        // Two threads seeing a new version may both build one; either is right, one is kept.
        return shared.compareAndSet(s, fresh) ? fresh : java.util.Objects.requireNonNullElse(shared.get(), fresh);
    }

    private record Shared(long version, Map<String, Views.GroupRef> groups, VoteListBytes lists,
                          AtomicReference<List<Deputy>> byName) {
    }

    Views.DeputySummary deputy(Deputy d) {
        Views.ConstituencyView c = d.constituency() == null ? null : new Views.ConstituencyView(d.constituency().id(),
                d.constituency().departementCode(), d.constituency().departementName(), d.constituency().number());
        return new Views.DeputySummary(d.uid(), blank(d.civility()), blank(d.firstName()), blank(d.lastName()),
                d.fullName(), d.current(), group(d.groupUid()), c, d.mandateStart(), d.mandateEnd(), d.pageUrl(),
                api("/deputies/" + d.uid()));
    }

    Views.ScrutinSummary scrutin(Scrutin s) {
        var c = s.counts();
        return new Views.ScrutinSummary(s.number(), "VTANR5L" + data.info().legislature() + "V" + s.number(), s.date(),
                word(s.type()), s.type().code().isEmpty() ? null : s.type().code(), s.title(),
                s.outcome() == null ? null : word(s.outcome()),
                new Views.CountsView(c.voters(), c.expressed(), c.required(), c.forVotes(), c.against(),
                        c.abstentions(), c.nonVoting()), s.pageUrl(), api("/scrutins/" + s.number()));
    }

    static String position(Position p) {
        return word(p);
    }

    /** {@code CENSURE_MOTION} → {@code censure-motion}: the API's words for the core's enums. */
    static String word(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static String blank(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    // ---- answers

    ResponseEntity<?> json(Views.Answer body) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).headers(citation(body.meta())).body(body);
    }

    ResponseEntity<?> csv(CsvTable table, String filename, Views.Meta meta, Paged paged) {
        HttpHeaders h = citation(meta);
        if (paged != null) {
            paged.headers(h);
        }
        h.setContentDisposition(ContentDisposition.attachment().filename(filename).build());
        return ResponseEntity.ok().contentType(CSV_UTF8).headers(h).body(table.render());
    }

    /**
     * A JSON answer written ahead ({@link #voteListJson}) and sent as its parts
     * ({@link VoteListPartsConverter}: no array of the whole answer per request).
     */
    ResponseEntity<?> json(VoteListBytes.Parts body, Views.Meta meta, Paged paged) {
        HttpHeaders h = citation(meta);
        paged.headers(h);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).headers(h).body(body);
    }

    /** A CSV answer written ahead ({@link #voteListCsv}) and sent as its parts, as {@link #json(VoteListBytes.Parts, Views.Meta, Paged)}. */
    ResponseEntity<?> csv(VoteListBytes.Parts body, String filename, Views.Meta meta, Paged paged) {
        HttpHeaders h = citation(meta);
        paged.headers(h);
        h.setContentDisposition(ContentDisposition.attachment().filename(filename).build());
        return ResponseEntity.ok().contentType(CSV_UTF8).headers(h).body(body);
    }

    /** A JSON answer written ahead ({@link #voteListJson}), gzipped when {@code gzip} ({@link #gzipped}). */
    ResponseEntity<?> json(byte[] body, Views.Meta meta, Paged paged, boolean gzip) {
        HttpHeaders h = citation(meta);
        paged.headers(h);
        coding(h, gzip);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).headers(h).body(body);
    }

    /** A CSV answer written ahead ({@link #voteListCsv}), gzipped when {@code gzip} ({@link #gzipped}). */
    ResponseEntity<?> csv(byte[] body, String filename, Views.Meta meta, Paged paged, boolean gzip) {
        HttpHeaders h = citation(meta);
        paged.headers(h);
        coding(h, gzip);
        h.setContentDisposition(ContentDisposition.attachment().filename(filename).build());
        return ResponseEntity.ok().contentType(CSV_UTF8).headers(h).body(body);
    }

    private static void coding(HttpHeaders h, boolean gzip) {
        if (gzip) {
            h.set(HttpHeaders.CONTENT_ENCODING, ContentCoding.GZIP);
        }
    }

    ResponseEntity<?> json(Views.Answer body, Paged paged) {
        HttpHeaders h = citation(body.meta());
        paged.headers(h);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).headers(h).body(body);
    }


    /** The citation in headers too, for the CSV files (and clients that read headers only). */
    private static HttpHeaders citation(Views.Meta meta) {
        HttpHeaders h = new HttpHeaders();
        h.set("X-Data-Date", String.valueOf(meta.dataDate()));
        h.add(HttpHeaders.LINK, "<" + meta.methodUrl() + ">; rel=\"describedby\"");
        h.add(HttpHeaders.LINK, "<" + meta.sourceUrl() + ">; rel=\"via\"");
        return h;
    }

    /** A page of a list and its links, built on the public address ({@code civic.public-url}). */
    Paged paged(HttpServletRequest request, Paging paging, int total) {
        String self = links.base() + request.getRequestURI() + (request.getQueryString() == null ? ""
                : "?" + request.getQueryString());
        int pages = paging.totalPages(total);
        return new Paged(new Views.PageInfo(paging.page(), paging.size(), total, pages),
                new Views.Links(self, at(self, 1), at(self, pages), paging.page() > 1 ? at(self, paging.page() - 1) : null,
                        paging.page() < pages ? at(self, paging.page() + 1) : null));
    }

    private static String at(String self, int page) {
        return UriComponentsBuilder.fromUriString(self).replaceQueryParam("page", page).build().toUriString();
    }

    record Paged(Views.PageInfo page, Views.Links links) {

        void headers(HttpHeaders h) {
            h.set("X-Total-Count", Integer.toString(page.totalItems()));
            List<String> rels = new ArrayList<>();
            rels.add("<" + links.first() + ">; rel=\"first\"");
            if (links.prev() != null) {
                rels.add("<" + links.prev() + ">; rel=\"prev\"");
            }
            if (links.next() != null) {
                rels.add("<" + links.next() + ">; rel=\"next\"");
            }
            rels.add("<" + links.last() + ">; rel=\"last\"");
            rels.forEach(r -> h.add(HttpHeaders.LINK, r));
        }
    }
}
