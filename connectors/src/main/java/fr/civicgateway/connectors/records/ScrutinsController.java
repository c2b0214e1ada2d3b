package fr.civicgateway.connectors.records;

import fr.civicgateway.connectors.web.ApiError;
import fr.civicgateway.core.parliament.Deputy;
import fr.civicgateway.core.parliament.DeputyVote;
import fr.civicgateway.core.parliament.GroupVote;
import fr.civicgateway.core.parliament.Outcome;
import fr.civicgateway.core.parliament.ParliamentData;
import fr.civicgateway.core.parliament.PoliticalGroup;
import fr.civicgateway.core.parliament.Position;
import fr.civicgateway.core.parliament.Scrutin;
import fr.civicgateway.core.parliament.work.AssemblyWork;
import fr.civicgateway.core.parliament.work.Dossier;
import fr.civicgateway.core.parliament.work.Step;
import fr.civicgateway.core.votes.TopicSearch;
import fr.civicgateway.core.votes.VoteAlignments;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/scrutins}, {@code /scrutins/{n}}, {@code /groups/{uid}} and {@code /dossiers/{uid}}: the public
 * votes with their nominal lists, the groups with their members and cohesion, the dossiers with their steps.
 */
@RestController
class ScrutinsController {

    private static final List<Position> ORDER = List.of(Position.FOR, Position.AGAINST, Position.ABSTENTION,
            Position.NON_VOTING);

    private final Records records;
    private final ParliamentData data;
    private final AssemblyWork work;
    private final TopicSearch topics;

    ScrutinsController(Records records, TopicSearch topics) {
        this.records = records;
        this.data = records.data;
        this.work = records.work;
        this.topics = topics;
    }

    @GetMapping(Records.BASE + "/scrutins")
    @Tag(name = "Scrutins", description = "The Assemblée's public votes, their result by group and nominal lists")
    @Operation(summary = "List the scrutins", description = "Newest first, paged, filtered. JSON, or CSV.")
    @ApiResponse(responseCode = "200", content = {
            @Content(mediaType = "application/json", schema = @Schema(implementation = Views.ScrutinList.class)),
            @Content(mediaType = "text/csv", schema = @Schema(type = "string"))})
    @ApiResponse(responseCode = "304", description = "Not modified")
    @ApiResponse(responseCode = "400", description = "A bad parameter", content = @Content(schema = @Schema(implementation = ApiError.class)))
    @ApiResponse(responseCode = "429", description = "Too many requests", content = @Content(schema = @Schema(implementation = ApiError.class)))
    ResponseEntity<?> scrutins(
            @Parameter(description = "On or after this day (yyyy-mm-dd)") @RequestParam(required = false) String from,
            @Parameter(description = "On or before this day (yyyy-mm-dd)") @RequestParam(required = false) String to,
            @Parameter(description = "Topic words, matched as the chat matches them against the titles", example = "budget") @RequestParam(required = false) String q,
            @Parameter(description = "Types, comma-separated: ordinary, solemn, censure-motion, other", example = "solemn") @RequestParam(required = false) String type,
            @Parameter(description = "adopted or rejected", schema = @Schema(allowableValues = {"adopted", "rejected"})) @RequestParam(required = false) String outcome,
            @Parameter(description = "Page number, from 1", schema = @Schema(type = "integer", minimum = "1", defaultValue = "1")) @RequestParam(required = false) String page,
            @Parameter(description = "Items per page, 1 to 5000", schema = @Schema(type = "integer", minimum = "1", maximum = "5000", defaultValue = "100")) @RequestParam(required = false) String size,
            @Parameter(description = "json or csv (else the Accept header decides)", schema = @Schema(allowableValues = {"json", "csv"})) @RequestParam(required = false) String format,
            @Parameter(hidden = true) @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept,
            HttpServletRequest request, HttpServletResponse response) {
        return records.answer(request, () -> {
            Params.onlyKnown(request.getParameterMap(), List.of("from", "to", "q", "type", "outcome", "page", "size", "format"));
            Format f = Format.of(format, accept, true);
            Paging paging = Paging.of(page, size);
            ScrutinFilter filter = ScrutinFilter.of(from, to, q, type, topics, data.scrutins().size());
            Outcome result = outcome == null ? null : switch (outcome.toLowerCase(java.util.Locale.ROOT)) {
                case "adopted" -> Outcome.ADOPTED;
                case "rejected" -> Outcome.REJECTED;
                default -> throw Params.invalid("\"outcome\" must be adopted or rejected.");
            };
            List<Scrutin> all = new ArrayList<>();
            List<Scrutin> scrutins = data.scrutins();
            for (int i = scrutins.size() - 1; i >= 0; i--) {
                Scrutin s = scrutins.get(i);
                if (filter.accepts(s) && (result == null || result == s.outcome())) {
                    all.add(s);
                }
            }
            List<Scrutin> shown = paging.of(all);
            if (records.notModified(request, response, f)) {
                return null;
            }
            Records.Paged paged = records.paged(request, paging, all.size());
            if (f == Format.CSV) {
                CsvTable t = new CsvTable("scrutin", "date", "type", "title", "outcome", "voters", "expressed",
                        "required", "for", "against", "abstentions", "non_voting", "url");
                for (Scrutin s : shown) {
                    var c = s.counts();
                    t.row(s.number(), s.date(), Records.word(s.type()), s.title(),
                            s.outcome() == null ? null : Records.word(s.outcome()), c.voters(), c.expressed(),
                            c.required(), c.forVotes(), c.against(), c.abstentions(), c.nonVoting(), s.pageUrl());
                }
                return records.csv(t, "scrutins.csv", records.meta(), paged);
            }
            return records.json(new Views.ScrutinList(records.meta(), paged.page(), paged.links(),
                    shown.stream().map(records::scrutin).toList()), paged);
        });
    }

    @GetMapping(Records.BASE + "/scrutins/{n}")
    @Tag(name = "Scrutins")
    @Operation(summary = "A scrutin: its result, each group's vote and the nominal lists",
            description = "Each group's majority is computed from its members' nominal votes (see the methodology), "
                    + "beside the published positionMajoritaire. The CSV form is the nominal list, one deputy a row.")
    @ApiResponse(responseCode = "200", content = {
            @Content(mediaType = "application/json", schema = @Schema(implementation = Views.ScrutinAnswer.class)),
            @Content(mediaType = "text/csv", schema = @Schema(type = "string"))})
    @ApiResponse(responseCode = "304", description = "Not modified")
    @ApiResponse(responseCode = "400", description = "Not a scrutin number", content = @Content(schema = @Schema(implementation = ApiError.class)))
    @ApiResponse(responseCode = "404", description = "No such scrutin in the data", content = @Content(schema = @Schema(implementation = ApiError.class)))
    @ApiResponse(responseCode = "429", description = "Too many requests", content = @Content(schema = @Schema(implementation = ApiError.class)))
    ResponseEntity<?> scrutin(
            @Parameter(description = "The scrutin's number in the legislature", example = "3876") @PathVariable String n,
            @Parameter(description = "json or csv (else the Accept header decides)", schema = @Schema(allowableValues = {"json", "csv"})) @RequestParam(required = false) String format,
            @Parameter(hidden = true) @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept,
            HttpServletRequest request, HttpServletResponse response) {
        return records.answer(request, () -> {
            Params.onlyKnown(request.getParameterMap(), List.of("format"));
            Format f = Format.of(format, accept, true);
            int number = Params.scrutinNumber(n);
            Scrutin s = data.scrutin(number).orElseThrow(() -> {
                List<Scrutin> all = data.scrutins();
                return Params.notFound("No scrutin " + number + " in the data" + (all.isEmpty() ? "." : ": it goes to "
                        + "scrutin " + all.getLast().number() + " of " + all.getLast().date() + "."));
            });
            if (records.notModified(request, response, f)) {
                return null;
            }
            List<Views.NominalVote> votes = nominal(s);
            if (f == Format.CSV) {
                CsvTable t = new CsvTable("scrutin", "deputy_uid", "name", "group_uid", "group", "position",
                        "by_proxy", "non_voting_cause");
                for (Views.NominalVote v : votes) {
                    t.row(s.number(), v.deputyUid(), v.name(), v.group() == null ? null : v.group().uid(),
                            v.group() == null ? null : v.group().abbreviation(), v.position(), v.byProxy(),
                            v.nonVotingCause());
                }
                return records.csv(t, "scrutin-" + s.number() + "-votes.csv", records.meta(), null);
            }
            List<Views.GroupResult> groups = s.groups().stream().map(g -> new Views.GroupResult(records.group(g.groupUid()),
                    g.members(), counts(g), g.majority().map(Records::position).orElse(null),
                    Records.position(g.majorityPosition()))).toList();
            List<Views.DossierRef> dossiers = work.dossiersOfScrutin(s.number()).stream().map(this::dossierRef).toList();
            return records.json(new Views.ScrutinAnswer(records.meta(), records.scrutin(s), groups, votes, dossiers));
        });
    }

    @GetMapping(Records.BASE + "/groups/{uid}")
    @Tag(name = "Groups", description = "Political groups: their sitting members and cohesion")
    @Operation(summary = "A political group: its sitting members and its cohesion",
            description = "Cohesion is the Rice index per scrutin averaged (method an-cohesion-1). The CSV form is "
                    + "the list of members.")
    @ApiResponse(responseCode = "200", content = {
            @Content(mediaType = "application/json", schema = @Schema(implementation = Views.GroupAnswer.class)),
            @Content(mediaType = "text/csv", schema = @Schema(type = "string"))})
    @ApiResponse(responseCode = "304", description = "Not modified")
    @ApiResponse(responseCode = "400", description = "Not an organe uid", content = @Content(schema = @Schema(implementation = ApiError.class)))
    @ApiResponse(responseCode = "404", description = "No such group in the data", content = @Content(schema = @Schema(implementation = ApiError.class)))
    @ApiResponse(responseCode = "429", description = "Too many requests", content = @Content(schema = @Schema(implementation = ApiError.class)))
    ResponseEntity<?> group(
            @Parameter(description = "The group's organe uid", example = "PO845413") @PathVariable String uid,
            @Parameter(description = "scrutins: add the Rice index of every scrutin counted (JSON: cohesion.perScrutin; "
                    + "CSV: one scrutin a row instead of the members)", schema = @Schema(allowableValues = {"scrutins"})) @RequestParam(required = false) String detail,
            @Parameter(description = "json or csv (else the Accept header decides)", schema = @Schema(allowableValues = {"json", "csv"})) @RequestParam(required = false) String format,
            @Parameter(hidden = true) @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept,
            HttpServletRequest request, HttpServletResponse response) {
        return records.answer(request, () -> {
            Params.onlyKnown(request.getParameterMap(), List.of("detail", "format"));
            Format f = Format.of(format, accept, true);
            if (detail != null && !detail.equals("scrutins")) {
                throw Params.invalid("\"detail\" must be scrutins.");
            }
            boolean perScrutin = detail != null;
            Params.organeUid(uid);
            PoliticalGroup g = data.group(uid).orElseThrow(() -> Params.notFound("No group " + uid + " in the data."));
            if (records.notModified(request, response, f)) {
                return null;
            }
            List<Deputy> members = data.deputies().stream().filter(d -> d.current() && g.uid().equals(d.groupUid()))
                    .sorted(DeputiesController.byName()).toList();
            Optional<VoteAlignments.Cohesion> rice = records.alignments.cohesion(g.uid());
            if (f == Format.CSV && perScrutin) {
                CsvTable t = new CsvTable("scrutin", "date", "for", "against", "abstentions", "rice");
                rice.ifPresent(c -> c.perScrutin().forEach(x -> t.row(x.number(), x.date(), x.forVotes(), x.against(),
                        x.abstentions(), x.rice())));
                return records.csv(t, "group-" + g.uid() + "-cohesion.csv",
                        records.meta(VoteAlignments.COHESION_METHOD), null);
            }
            if (f == Format.CSV) {
                CsvTable t = new CsvTable("uid", "civility", "first_name", "last_name", "constituency", "departement",
                        "page_url");
                for (Deputy d : members) {
                    t.row(d.uid(), d.civility(), d.firstName(), d.lastName(),
                            d.constituency() == null ? null : d.constituency().id(),
                            d.constituency() == null ? null : d.constituency().departementName(), d.pageUrl());
                }
                return records.csv(t, "group-" + g.uid() + "-members.csv", records.meta(), null);
            }
            Views.CohesionFigure cohesion = rice
                    .map(c -> new Views.CohesionFigure(c.scrutins(), c.averageRice(), null,
                            c.months().stream().map(m -> new Views.MonthlyRiceView(m.month().toString(), m.scrutins(),
                                    m.averageRice())).toList(),
                            !perScrutin ? null : c.perScrutin().stream().map(x -> new Views.ScrutinRiceView(x.number(),
                                    x.date(), x.forVotes(), x.against(), x.abstentions(), x.rice(),
                                    records.api("/scrutins/" + x.number()))).toList(),
                            records.cited(Records.OPEN_DATA, c.from(), c.to(), c.method())))
                    .orElseGet(() -> new Views.CohesionFigure(null, null,
                            "No cohesion: the non-inscrits and unnamed blocks have no line to follow, and a group "
                                    + "needs a scrutin where a member voted for or against.", List.of(),
                            perScrutin ? List.of() : null,
                            records.cited(Records.OPEN_DATA, null, null, VoteAlignments.COHESION_METHOD)));
            return records.json(new Views.GroupAnswer(records.meta(), records.group(g.uid()), members.size(),
                    members.stream().map(records::deputy).toList(), cohesion));
        });
    }

    @GetMapping(Records.BASE + "/dossiers/{uid}")
    @Tag(name = "Dossiers", description = "Dossiers législatifs: steps, texts and votes")
    @Operation(summary = "A dossier législatif: its steps, texts, authors and votes",
            description = "Its stage on the date of the data (method an-bill-stage-1), every dated step, the numbers "
                    + "of its texts and the scrutins on it.")
    @ApiResponse(responseCode = "200", content = @Content(mediaType = "application/json", schema = @Schema(implementation = Views.DossierAnswer.class)))
    @ApiResponse(responseCode = "304", description = "Not modified")
    @ApiResponse(responseCode = "400", description = "Not a dossier uid", content = @Content(schema = @Schema(implementation = ApiError.class)))
    @ApiResponse(responseCode = "404", description = "No such dossier in the data", content = @Content(schema = @Schema(implementation = ApiError.class)))
    @ApiResponse(responseCode = "429", description = "Too many requests", content = @Content(schema = @Schema(implementation = ApiError.class)))
    ResponseEntity<?> dossier(
            @Parameter(description = "The dossier's uid", example = "DLR5L17N50168") @PathVariable String uid,
            @Parameter(hidden = true) @RequestParam(required = false) String format,
            @Parameter(hidden = true) @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept,
            HttpServletRequest request, HttpServletResponse response) {
        return records.answer(request, () -> {
            Params.onlyKnown(request.getParameterMap(), List.of("format"));
            Format.of(format, accept, false);
            Params.dossierUid(uid);
            Dossier d = work.dossier(uid).orElseThrow(() -> Params.notFound("No dossier " + uid + " in the data."));
            if (records.notModified(request, response, Format.JSON, work.dossiersProvenance().dataDate())) {
                return null;
            }
            LocalDate on = work.dossiersProvenance().dataDate();
            List<Views.PersonRef> authors = d.authors().stream().map(a -> data.deputy(a).filter(x -> !x.unresolved())
                    .map(x -> new Views.PersonRef(a, x.fullName(), records.api("/deputies/" + a), null))
                    .orElseGet(() -> new Views.PersonRef(a, null, null, "Not a deputy of the data (a senator or a "
                            + "member of the government): the Assemblée's deputies archive does not name them."))).toList();
            List<Views.ScrutinSummary> votes = d.scrutins().stream().map(data::scrutin).flatMap(java.util.Optional::stream)
                    .map(records::scrutin).toList();
            Views.DossierView view = new Views.DossierView(d.uid(), d.title(), d.procedure(), d.proposition(),
                    d.numbers(), d.url(), d.stage(on).map(this::step).orElse(null),
                    d.next(on).map(this::step).orElse(null), d.steps().stream()
                    // by date; a stable sort keeps one day's steps in the source's order, undated ones last
                    .sorted(Comparator.comparing(Step::date, Comparator.nullsLast(Comparator.naturalOrder())))
                    .map(this::step).toList(), authors, votes);
            return records.json(new Views.DossierAnswer(records.meta(work.dossiersProvenance()), view));
        });
    }

    /** Every deputy listed in the scrutin: by group in the published order, then position, then name. */
    private List<Views.NominalVote> nominal(Scrutin s) {
        Map<String, Integer> groupOrder = new HashMap<>();
        for (GroupVote g : s.groups()) {
            groupOrder.putIfAbsent(g.groupUid(), groupOrder.size());
        }
        record Listed(Deputy deputy, DeputyVote vote) {
        }
        List<Listed> listed = new ArrayList<>();
        // In name order already (sorted once per version): the stable sort below keeps it within a group and position.
        for (Deputy d : records.deputiesByName()) {
            DeputyVote v = data.vote(d.uid(), s.number());
            if (v.position() != Position.ABSENT) {
                listed.add(new Listed(d, v));
            }
        }
        listed.sort(Comparator.<Listed>comparingInt(l -> groupOrder.getOrDefault(l.vote().groupUid(), Integer.MAX_VALUE))
                .thenComparingInt(l -> ORDER.indexOf(l.vote().position())));
        Map<String, Views.GroupRef> groups = new HashMap<>();
        return listed.stream().map(l -> new Views.NominalVote(l.deputy().uid(), l.deputy().fullName(),
                l.vote().groupUid() == null ? null : groups.computeIfAbsent(l.vote().groupUid(), records::group),
                Records.position(l.vote().position()), l.vote().byProxy(), DeputiesController.cause(l.vote().cause())))
                .toList();
    }

    /** The group's four counts: its decompteVoix has no voters, expressed or required figure (published as 0). */
    private static Views.GroupCountsView counts(GroupVote g) {
        var c = g.counts();
        return new Views.GroupCountsView(c.forVotes(), c.against(), c.abstentions(), c.nonVoting());
    }

    private Views.DossierRef dossierRef(Dossier d) {
        return new Views.DossierRef(d.uid(), d.title(), d.url(), records.api("/dossiers/" + d.uid()));
    }

    private Views.StepView step(Step s) {
        return new Views.StepView(s.code(), Records.word(s.kind()), Records.word(s.chamber()), s.date(), s.outcome());
    }
}
