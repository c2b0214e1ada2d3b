package fr.civicgateway.connectors.records;

import fr.civicgateway.connectors.web.ApiError;
import fr.civicgateway.connectors.web.ContentCoding;
import fr.civicgateway.core.parliament.Contacts;
import fr.civicgateway.core.parliament.Deputy;
import fr.civicgateway.core.parliament.DeputyVote;
import fr.civicgateway.core.parliament.NonVotingCause;
import fr.civicgateway.core.parliament.ParliamentData;
import fr.civicgateway.core.parliament.Position;
import fr.civicgateway.core.parliament.Scrutin;
import fr.civicgateway.core.parliament.ScrutinType;
import fr.civicgateway.core.parliament.work.AssemblyWork;
import fr.civicgateway.core.parliament.work.Bills;
import fr.civicgateway.core.parliament.work.CommitteePresence;
import fr.civicgateway.core.parliament.work.Declarations;
import fr.civicgateway.core.parliament.work.Provenance;
import fr.civicgateway.core.parliament.work.Question;
import fr.civicgateway.core.parliament.work.Questions;
import fr.civicgateway.core.parliament.work.Speeches;
import fr.civicgateway.core.representative.Participation;
import fr.civicgateway.core.representative.ParticipationCalculator;
import fr.civicgateway.core.representative.ParticipationSource;
import fr.civicgateway.core.votes.TopicSearch;
import fr.civicgateway.core.votes.VoteAlignments;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.text.Collator;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/deputies}, {@code /deputies/{uid}}, {@code /deputies/{uid}/votes} and
 * {@code /deputies/{a}/compare/{b}}: the deputies, their record and their votes. Every figure is the chat's, from the
 * same computation ({@link ParticipationSource}, {@link AssemblyWork}, {@link VoteAlignments}); only the
 * presentation differs.
 */
@RestController
@Tag(name = "Deputies", description = "Deputies of the legislature, their record and every vote they cast")
class DeputiesController {

    static final List<String> POSITIONS = List.of("for", "against", "abstention", "non-voting", "absent", "not-for");
    /** The words shown without a {@code position} filter: every listing in the nominal lists. */
    /** Where the amendments come from, cited even when they are not loaded. */
    static final String AMENDEMENTS_ARCHIVE = "https://data.assemblee-nationale.fr/travaux-parlementaires/amendements";
    private static final Set<String> LISTED_WORDS = Set.of("for", "against", "abstention", "non-voting");
    private final Records records;
    private final ParliamentData data;
    private final AssemblyWork work;
    private final ParticipationSource participations;
    private final TopicSearch topics;

    DeputiesController(Records records, ParticipationSource participations, TopicSearch topics) {
        this.records = records;
        this.data = records.data;
        this.work = records.work;
        this.participations = participations;
        this.topics = topics;
    }

    @GetMapping(Records.BASE + "/deputies")
    @Operation(summary = "List the deputies",
            description = "Sitting deputies (AMO10) and former ones the votes mention, sorted by last name, paged. "
                    + "JSON, or CSV with `Accept: text/csv` or `format=csv`.")
    @ApiResponse(responseCode = "200", description = "A page of deputies", content = {
            @Content(mediaType = "application/json", schema = @Schema(implementation = Views.DeputyList.class)),
            @Content(mediaType = "text/csv", schema = @Schema(type = "string"))},
            headers = {@Header(name = "ETag", description = "The data version", schema = @Schema(type = "string")),
                    @Header(name = "X-Total-Count", description = "Items in all pages", schema = @Schema(type = "integer"))})
    @ApiResponse(responseCode = "304", description = "Not modified since If-None-Match / If-Modified-Since")
    @ApiResponse(responseCode = "400", description = "A bad parameter", content = @Content(schema = @Schema(implementation = ApiError.class)))
    @ApiResponse(responseCode = "429", description = "Too many requests: wait Retry-After seconds", content = @Content(schema = @Schema(implementation = ApiError.class)))
    ResponseEntity<?> deputies(
            @Parameter(description = "A group: its organe uid (PO845413) or abbreviation (LFI-NFP)") @RequestParam(required = false) String group,
            @Parameter(description = "A département code (33, 2A, 971; 99 for French people abroad)") @RequestParam(required = false) String departement,
            @Parameter(description = "sitting, former or all", schema = @Schema(allowableValues = {"all", "sitting", "former"}, defaultValue = "all")) @RequestParam(required = false) String status,
            @Parameter(description = "Page number, from 1", schema = @Schema(type = "integer", minimum = "1", defaultValue = "1")) @RequestParam(required = false) String page,
            @Parameter(description = "Items per page, 1 to 5000", schema = @Schema(type = "integer", minimum = "1", maximum = "5000", defaultValue = "100")) @RequestParam(required = false) String size,
            @Parameter(description = "json or csv (else the Accept header decides)", schema = @Schema(allowableValues = {"json", "csv"})) @RequestParam(required = false) String format,
            @Parameter(hidden = true) @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept,
            HttpServletRequest request, HttpServletResponse response) {
        return records.answer(request, () -> {
            Params.onlyKnown(request.getParameterMap(), List.of("group", "departement", "status", "page", "size", "format"));
            Format f = Format.of(format, accept, true);
            Paging paging = Paging.of(page, size);
            String groupUid = group == null ? null : groupUid(group);
            String dept = departement == null ? null : knownDepartement(departement);
            String st = status == null ? "all" : status.toLowerCase(Locale.ROOT);
            if (!List.of("all", "sitting", "former").contains(st)) {
                throw Params.invalid("\"status\" must be sitting, former or all.");
            }
            List<Deputy> all = data.deputies().stream()
                    .filter(d -> groupUid == null || groupUid.equals(d.groupUid()))
                    .filter(d -> dept == null || (d.constituency() != null && dept.equals(departement(d.constituency().departementCode()))))
                    .filter(d -> st.equals("all") || (st.equals("sitting") == d.current()))
                    .sorted(byName()).toList();
            List<Deputy> shown = paging.of(all);
            if (records.notModified(request, response, f)) {
                return null;
            }
            Records.Paged paged = records.paged(request, paging, all.size());
            if (f == Format.CSV) {
                CsvTable t = new CsvTable("uid", "civility", "first_name", "last_name", "sitting", "group_uid",
                        "group", "constituency", "departement_code", "departement", "mandate_start", "mandate_end",
                        "page_url");
                for (Deputy d : shown) {
                    t.row(d.uid(), d.civility(), d.firstName(), d.lastName(), d.current(), d.groupUid(),
                            d.groupUid() == null ? null : data.groupAbbreviation(d.groupUid()).orElse(null),
                            d.constituency() == null ? null : d.constituency().id(),
                            d.constituency() == null ? null : d.constituency().departementCode(),
                            d.constituency() == null ? null : d.constituency().departementName(),
                            d.mandateStart(), d.mandateEnd(), d.pageUrl());
                }
                return records.csv(t, "deputies.csv", records.meta(), paged);
            }
            return records.json(new Views.DeputyList(records.meta(), paged.page(), paged.links(),
                    shown.stream().map(records::deputy).toList()), paged);
        });
    }

    @GetMapping(Records.BASE + "/deputies/{uid}")
    @Operation(summary = "A deputy's profile and every figure of their record",
            description = "Participation in public votes, loyalty to their group, committee presence, interventions, "
                    + "questions, bills, HATVP declarations and amendments: each with its period, source, date of "
                    + "data and method link — the same figures as the chat's answers.")
    @ApiResponse(responseCode = "200", content = @Content(mediaType = "application/json", schema = @Schema(implementation = Views.DeputyAnswer.class)))
    @ApiResponse(responseCode = "304", description = "Not modified")
    @ApiResponse(responseCode = "400", description = "Not a deputy's uid", content = @Content(schema = @Schema(implementation = ApiError.class)))
    @ApiResponse(responseCode = "404", description = "No such deputy in the data", content = @Content(schema = @Schema(implementation = ApiError.class)))
    @ApiResponse(responseCode = "429", description = "Too many requests", content = @Content(schema = @Schema(implementation = ApiError.class)))
    ResponseEntity<?> deputy(
            @Parameter(description = "The Assemblée's acteur uid", example = "PA720892") @PathVariable String uid,
            @Parameter(description = "json only here", schema = @Schema(allowableValues = {"json"})) @RequestParam(required = false) String format,
            @Parameter(hidden = true) @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept,
            HttpServletRequest request, HttpServletResponse response) {
        return records.answer(request, () -> {
            Params.onlyKnown(request.getParameterMap(), List.of("format"));
            Format.of(format, accept, false);
            Deputy d = find(uid);
            Views.DeputyFigures figures = new Views.DeputyFigures(participation(d), loyalty(d),
                    presence(work.presence(d.uid())), speeches(work.speeches(d.uid())),
                    questions(work.questions(d.uid())), bills(work.bills(d.uid())),
                    declarations(work.declarations(d.uid())),
                    work.amendments(d.uid()).map(a -> new Views.AmendmentsFigure(a.authored(), a.cosigned(),
                            a.adopted(), null, records.cited(a.provenance())))
                            .orElseGet(() -> new Views.AmendmentsFigure(null, null, null,
                                    "The Amendements archive is not loaded (it is not shipped; the operator's live "
                                            + "refresh loads it): the gateway does not have the amendments.",
                                    records.cited(AMENDEMENTS_ARCHIVE, null, null,
                                            Provenance.Method.AMENDMENTS.id))));
            // The profile's date is the latest its figures cite: X-Data-Date, meta and Last-Modified say the same day.
            LocalDate dataDate = Records.latestOf(figures);
            if (records.notModified(request, response, Format.JSON, dataDate)) {
                return null;
            }
            return records.json(new Views.DeputyAnswer(records.meta(dataDate), records.deputy(d), contacts(d.uid()),
                    figures));
        });
    }

    @GetMapping(Records.BASE + "/deputies/{uid}/votes")
    @Operation(summary = "Every vote of a deputy",
            description = "The deputy's position on every scrutin where the nominal lists name them (for, against, "
                    + "abstention, non-voting), newest first; with `position=absent`, also the ordinary and solemn scrutins "
                    + "held while in office where they are not listed (the participation method's scope), and with "
                    + "`position=not-for` the censure motions in office they did not vote for. Filters combine. JSON, or CSV.")
    @ApiResponse(responseCode = "200", content = {
            @Content(mediaType = "application/json", schema = @Schema(implementation = Views.VoteList.class)),
            @Content(mediaType = "text/csv", schema = @Schema(type = "string"))})
    @ApiResponse(responseCode = "304", description = "Not modified")
    @ApiResponse(responseCode = "400", description = "A bad parameter", content = @Content(schema = @Schema(implementation = ApiError.class)))
    @ApiResponse(responseCode = "404", description = "No such deputy", content = @Content(schema = @Schema(implementation = ApiError.class)))
    @ApiResponse(responseCode = "429", description = "Too many requests", content = @Content(schema = @Schema(implementation = ApiError.class)))
    ResponseEntity<?> votes(
            @Parameter(description = "The Assemblée's acteur uid", example = "PA720892") @PathVariable String uid,
            @Parameter(description = "Scrutins on or after this day (yyyy-mm-dd)") @RequestParam(required = false) String from,
            @Parameter(description = "Scrutins on or before this day (yyyy-mm-dd)") @RequestParam(required = false) String to,
            @Parameter(description = "Topic words, matched as the chat matches them against the scrutins' titles", example = "retraites") @RequestParam(required = false) String q,
            @Parameter(description = "Positions, comma-separated: for, against, abstention, non-voting (the listings, the "
                    + "default), absent (an ordinary or solemn scrutin held in office where not listed, as "
                    + "an-participation-1 counts it), not-for (a censure motion in office not voted for: a motion "
                    + "records only the votes for it)", example = "for,against") @RequestParam(required = false) String position,
            @Parameter(description = "Scrutin types, comma-separated: ordinary (SPO), solemn (SPS), censure-motion (MOC), other", example = "solemn") @RequestParam(required = false) String type,
            @Parameter(description = "Page number, from 1", schema = @Schema(type = "integer", minimum = "1", defaultValue = "1")) @RequestParam(required = false) String page,
            @Parameter(description = "Items per page, 1 to 5000", schema = @Schema(type = "integer", minimum = "1", maximum = "5000", defaultValue = "100")) @RequestParam(required = false) String size,
            @Parameter(description = "json or csv (else the Accept header decides)", schema = @Schema(allowableValues = {"json", "csv"})) @RequestParam(required = false) String format,
            @Parameter(hidden = true) @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept,
            HttpServletRequest request, HttpServletResponse response) {
        return records.answer(request, () -> {
            Params.onlyKnown(request.getParameterMap(), List.of("from", "to", "q", "position", "type", "page", "size", "format"));
            Format f = Format.of(format, accept, true);
            Paging paging = Paging.of(page, size);
            boolean gzip = ContentCoding.acceptsGzip(request.getHeader(HttpHeaders.ACCEPT_ENCODING));
            if (gzip) {
                // Kept for this address and version: it was answered (so its parameters and uid are valid) and is
                // the same answer; the list is not gathered again.
                Optional<Records.Gzipped> kept = records.keptGzipped(request, f);
                if (kept.isPresent()) {
                    Records.Paged paged = records.paged(request, paging, kept.get().total());
                    if (records.notModified(request, response, f, true)) {
                        return null;
                    }
                    return f == Format.CSV
                            ? records.csv(kept.get().body(), "deputy-" + uid + "-votes.csv", records.meta(), paged, true)
                            : records.json(kept.get().body(), records.meta(), paged, true);
                }
            }
            ScrutinFilter filter = ScrutinFilter.of(from, to, q, type, topics, data.scrutins().size());
            Set<String> positions = positions(position);
            Deputy d = find(uid);
            List<Scrutin> all = data.scrutins();
            List<VoteListBytes.VoteKey> votes = new ArrayList<>();
            List<Scrutin> of = new ArrayList<>();
            for (int i = all.size() - 1; i >= 0; i--) {
                Scrutin s = all.get(i);
                if (!filter.accepts(s)) {
                    continue;
                }
                DeputyVote v = data.vote(d.uid(), s.number());
                String word = word(d, s, v);
                if (word != null && positions.contains(word)) {
                    of.add(s);
                    votes.add(new VoteListBytes.VoteKey(word, v));
                }
            }
            Records.Paged paged = records.paged(request, paging, of.size());
            List<Scrutin> pageOf = paging.of(of);
            int first = (paging.page() - 1) * paging.size();
            List<VoteListBytes.VoteKey> pageVotes = votes.subList(first, first + pageOf.size());
            if (records.notModified(request, response, f, gzip)) {
                return null;
            }
            Views.Meta meta = records.meta();
            if (f == Format.CSV) {
                CsvTable header = new CsvTable("scrutin", "date", "type", "title", "outcome", "position", "by_proxy",
                        "non_voting_cause", "group_uid", "group", "scrutin_url");
                Supplier<VoteListBytes.Parts> csv = () -> records.voteListCsv(header, pageOf, pageVotes);
                String filename = "deputy-" + d.uid() + "-votes.csv";
                return gzip
                        ? records.csv(records.gzipped(request, f, of.size(), () -> csv.get().bytes()), filename, meta, paged, true)
                        : records.csv(csv.get(), filename, meta, paged);
            }
            Views.WrittenVoteList empty = new Views.WrittenVoteList(meta, records.deputy(d), paged.page(), paged.links(),
                    List.of());
            Supplier<VoteListBytes.Parts> json = () -> records.voteListJson(empty, pageOf, pageVotes);
            return gzip
                    ? records.json(records.gzipped(request, f, of.size(), () -> json.get().bytes()), meta, paged, true)
                    : records.json(json.get(), meta, paged);
        });
    }

    @GetMapping(Records.BASE + "/deputies/{a}/compare/{b}")
    @Operation(summary = "How often two deputies voted alike",
            description = "Over the ordinary and solemn scrutins both took part in (for, against or abstention), the "
                    + "share where they took the same position (method an-closeness-1).")
    @ApiResponse(responseCode = "200", content = @Content(mediaType = "application/json", schema = @Schema(implementation = Views.CompareAnswer.class)))
    @ApiResponse(responseCode = "304", description = "Not modified")
    @ApiResponse(responseCode = "400", description = "Not a deputy's uid, or the same deputy twice", content = @Content(schema = @Schema(implementation = ApiError.class)))
    @ApiResponse(responseCode = "404", description = "No such deputy", content = @Content(schema = @Schema(implementation = ApiError.class)))
    @ApiResponse(responseCode = "429", description = "Too many requests", content = @Content(schema = @Schema(implementation = ApiError.class)))
    ResponseEntity<?> compare(@Parameter(example = "PA720892") @PathVariable String a,
                              @Parameter(example = "PA719930") @PathVariable String b,
                              @Parameter(hidden = true) @RequestParam(required = false) String format,
                              @Parameter(hidden = true) @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept,
                              HttpServletRequest request, HttpServletResponse response) {
        return records.answer(request, () -> {
            Params.onlyKnown(request.getParameterMap(), List.of("format"));
            Format.of(format, accept, false);
            Deputy da = find(a);
            Deputy db = find(b);
            if (da.uid().equals(db.uid())) {
                throw Params.invalid("Compare two different deputies (both ids are " + da.uid() + ").");
            }
            if (records.notModified(request, response, Format.JSON)) {
                return null;
            }
            Views.ClosenessFigure figure = records.alignments.closeness(da.uid(), db.uid())
                    .map(c -> new Views.ClosenessFigure(c.same(), c.common(), c.share(), null,
                            records.cited(Records.OPEN_DATA, c.from(), c.to(), c.method())))
                    .orElseGet(() -> new Views.ClosenessFigure(null, null, null,
                            "The two deputies never took part in the same ordinary or solemn scrutin.",
                            records.cited(Records.OPEN_DATA, null, null, VoteAlignments.CLOSENESS_METHOD)));
            return records.json(new Views.CompareAnswer(records.meta(VoteAlignments.CLOSENESS_METHOD),
                    records.deputy(da), records.deputy(db), figure));
        });
    }

    // ---- the figures, as the chat's handlers read them

    /** As {@code AttendanceHandler}: without both ends of the mandate there is no period, so no rate. */
    private Views.ParticipationFigure participation(Deputy d) {
        String method = Provenance.Method.PARTICIPATION.id;
        if (d.mandateStart() == null || (!d.current() && d.mandateEnd() == null)) {
            return new Views.ParticipationFigure(null, null, null, null, null, null, null,
                    "The start or the end of the deputy's mandate is unknown: no period, so no rate.",
                    records.cited(d.pageUrl(), d.mandateStart(), d.mandateEnd(), method));
        }
        Participation p = participations.of(d);
        return new Views.ParticipationFigure(p.counted(), p.tookPart(),
                p.counted() == 0 ? null : (double) p.tookPart() / p.counted(), p.byProxy(), p.excusedByFunction(),
                p.solemnCounted(), p.solemnTookPart(),
                p.counted() == 0 ? "No ordinary or solemn scrutin was held while the deputy was in office." : null,
                records.cited(d.pageUrl(), p.firstScrutinDate(), p.lastScrutinDate(), method));
    }

    private Views.LoyaltyFigure loyalty(Deputy d) {
        return records.alignments.loyalty(d.uid())
                .map(l -> new Views.LoyaltyFigure(l.same(), l.counted(), l.share(), null,
                        l.months().stream().map(m -> new Views.MonthlyLoyaltyView(m.month().toString(), m.same(),
                                m.counted(), m.share())).toList(),
                        records.cited(d.pageUrl(), l.from(), l.to(), l.method())))
                .orElseGet(() -> new Views.LoyaltyFigure(null, null, null,
                        "No ordinary or solemn scrutin where the deputy took part and their group had a majority.",
                        List.of(), records.cited(d.pageUrl(), null, null, VoteAlignments.LOYALTY_METHOD)));
    }

    private Views.PresenceFigure presence(CommitteePresence p) {
        return new Views.PresenceFigure(p.present(), p.absent(), p.excused(), p.entries(),
                p.rate().isPresent() ? p.rate().getAsDouble() : null, records.cited(p.provenance()));
    }

    private Views.SpeechesFigure speeches(Speeches s) {
        Views.SittingView latest = s.latest() == null ? null : new Views.SittingView(s.latest().uid(),
                s.latest().date(), s.latest().subject(), s.latest().url());
        return new Views.SpeechesFigure(s.interventions(), s.shortInterventions(), s.longInterventions(), s.sittings(),
                latest, records.cited(s.provenance()));
    }

    private Views.QuestionsFigure questions(Questions q) {
        List<Views.QuestionView> all = q.all().stream().map(x -> new Views.QuestionView(
                x.kind() == Question.Kind.GOVERNMENT ? "government" : "oral-without-debate", x.sitting().date(),
                x.title(), x.sitting().url())).toList();
        return new Views.QuestionsFigure(q.government(), q.oral(), q.all().size(), all, records.cited(q.provenance()));
    }

    private Views.BillsFigure bills(Bills b) {
        List<Views.BillView> all = b.all().stream().map(r -> new Views.BillView(r.dossier().uid(), r.dossier().title(),
                r.author(), r.date(), r.dossier().url(), records.api("/dossiers/" + r.dossier().uid()))).toList();
        return new Views.BillsFigure(b.authored(), b.cosigned(), all, records.cited(b.provenance()));
    }

    private Views.DeclarationsFigure declarations(Declarations d) {
        return new Views.DeclarationsFigure(d.filed().stream().map(x -> new Views.DeclarationView(Records.word(x.kind()),
                x.type(), x.published())).toList(), d.hatvpPage(), records.cited(d.provenance()));
    }

    private Views.ContactsView contacts(String uid) {
        Contacts c = data.contacts(uid);
        return new Views.ContactsView(c.emails(), c.postal().stream().map(p -> new Views.PostalView(
                Records.word(p.kind()), p.text())).toList(), c.phones(), c.websites(),
                c.social().stream().map(s -> new Views.SocialView(s.network(), s.handle())).toList());
    }

    // ---- parameters

    private Deputy find(String uid) {
        Params.deputyUid(uid);
        return data.deputy(uid).orElseThrow(() -> Params.notFound("No deputy " + uid + " in the data of legislature "
                + data.info().legislature() + "."));
    }

    private String groupUid(String group) {
        if (group.matches("PO\\d{1,12}")) {
            return data.group(group).map(g -> g.uid()).orElseThrow(() -> Params.invalid("\"group\": no group "
                    + group + " in the data."));
        }
        return data.groups().stream().filter(g -> data.groupAbbreviation(g.uid()).map(x -> x.equalsIgnoreCase(group.strip()))
                        .orElse(false)).map(g -> g.uid()).findFirst()
                .orElseThrow(() -> Params.invalid("\"group\" must be a group's organe uid or abbreviation ("
                        + String.join(", ", data.groups().stream().map(g -> data.groupAbbreviation(g.uid()))
                        .flatMap(Optional::stream).sorted().toList()) + "); got \"" + Params.safe(group) + "\"."));
    }

    /** A département the data has a constituency in (99: the French abroad); else a 400, never an empty list. */
    private String knownDepartement(String code) {
        String c = departement(code);
        boolean known = data.deputies().stream().anyMatch(d -> d.constituency() != null
                && c.equals(departement(d.constituency().departementCode())));
        if (!known) {
            throw Params.invalid("\"departement\": no constituency of département \"" + Params.safe(code)
                    + "\" in the data (codes such as 33, 2A, 971; 99 for French people abroad).");
        }
        return c;
    }

    /** A département code as compared: upper case, without leading zeros ("01" and "1", "2a" and "2A"). */
    private static String departement(String code) {
        String c = code.strip().toUpperCase(Locale.ROOT);
        if (!c.matches("\\d{1,3}|2[AB]")) {
            throw Params.invalid("\"departement\" must be a département code (33, 2A, 971; 99 for French people "
                    + "abroad); got \"" + Params.safe(code) + "\".");
        }
        return c.replaceFirst("^0+(?=.)", "");
    }

    static Set<String> positions(String value) {
        if (value == null) {
            return LISTED_WORDS;
        }
        Set<String> out = new HashSet<>();
        for (String part : value.split(",", -1)) {
            String w = part.strip().toLowerCase(Locale.ROOT);
            if (!POSITIONS.contains(w)) {
                throw Params.invalid("\"position\" must be one or more of " + String.join(", ", POSITIONS)
                        + ", separated by commas; got \"" + Params.safe(value) + "\".");
            }
            out.add(w);
        }
        return out;
    }

    /**
     * The deputy's position on the scrutin as the list names it; null when it is not part of their record. Not
     * listed is {@code absent} only within the participation method's scope (an-participation-1: an ordinary or
     * solemn scrutin while in office). A censure motion records only the votes for it, so not being listed there
     * is {@code not-for}, never an absence; not being listed on a scrutin of another type is not shown.
     */
    private static String word(Deputy d, Scrutin s, DeputyVote v) {
        if (v.position() != Position.ABSENT) {
            return Records.position(v.position());
        }
        if (d.mandateStart() == null || !inOffice(d, s.date())) {
            return null;
        }
        if (s.type() == ScrutinType.CENSURE_MOTION) {
            return "not-for";
        }
        return ParticipationCalculator.inScope(d, s) ? "absent" : null;
    }

    /** The period {@code ParticipationCalculator} counts: from taking office to the mandate's end, if it ended. */
    private static boolean inOffice(Deputy d, LocalDate day) {
        return d.mandateStart() != null && !day.isBefore(d.mandateStart())
                && (d.mandateEnd() == null || !day.isAfter(d.mandateEnd()));
    }

    static String cause(NonVotingCause c) {
        return c == NonVotingCause.NONE ? null : c == NonVotingCause.OTHER ? "other" : c.code();
    }

    /** By last name, then first name, as French sorts them; deputies known by their uid only last. */
    static Comparator<Deputy> byName() {
        Collator fr = Collator.getInstance(Locale.FRENCH);
        return Comparator.comparing(Deputy::unresolved)
                .thenComparing(Deputy::lastName, fr)
                .thenComparing(Deputy::firstName, fr)
                .thenComparing(Deputy::uid);
    }
}
