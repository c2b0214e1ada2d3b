package fr.civicgateway.connectors.records;

import com.fasterxml.jackson.annotation.JsonRawValue;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;
import java.util.List;

/** The JSON shapes of the records API (the OpenAPI document's schemas). Nulls are written: an unknown is said. */
final class Views {

    private Views() {
    }

    /** Every answer carries its citation. */
    interface Answer {
        Meta meta();
    }

    @Schema(description = "Where the answer comes from: cite it with the source, the date of its data and the method.")
    record Meta(
            @Schema(description = "The source's name", example = "Assemblée nationale, open data (AMO10, Scrutins)") String source,
            @Schema(description = "The source's public page or archive") String sourceUrl,
            @Schema(description = "The day the data goes to (\"données au …\")", example = "2025-11-14") LocalDate dataDate,
            @Schema(description = "The id of the method, an anchor of the methodology page", example = "an-records-1") String method,
            @Schema(description = "The method's section on the methodology page") String methodUrl,
            @Schema(example = "17") int legislature) {
    }

    @Schema(description = "A figure's provenance: its source, the period it covers, the date of its data and its method.")
    record Cited(String source, String sourceUrl,
                 @Schema(description = "First day counted; null when the source has no meaningful start") LocalDate from,
                 @Schema(description = "Last day counted") LocalDate to,
                 LocalDate dataDate, String method, String methodUrl) {
    }

    @Schema(description = "Pagination: page numbers start at 1.")
    record PageInfo(int number, int size, int totalItems, int totalPages) {
    }

    @Schema(description = "Absolute links to this page and its neighbours (null when there is none).")
    record Links(String self, String first, String last, String prev, String next) {
    }

    @Schema(description = "A political group; abbreviation, name and apiUrl are null when the data does not describe "
            + "the organe (it has no /groups answer then).")
    record GroupRef(@Schema(example = "PO845413") String uid, @Schema(example = "LFI-NFP") String abbreviation,
                    String name, String apiUrl) {
    }

    record ConstituencyView(@Schema(example = "33-4") String id, @Schema(example = "33") String departementCode,
                            @Schema(example = "Gironde") String departementName, int number) {
    }

    @Schema(description = "A deputy. Former deputies the votes mention without an acteur file have only their uid.")
    record DeputySummary(@Schema(example = "PA720892") String uid, String civility, String firstName, String lastName,
                         String fullName, @Schema(description = "In office in the data (AMO10)") boolean sitting,
                         GroupRef group, ConstituencyView constituency, LocalDate mandateStart, LocalDate mandateEnd,
                         @Schema(description = "The deputy's page on assemblee-nationale.fr") String pageUrl,
                         String apiUrl) {
    }

    record DeputyList(Meta meta, PageInfo page, Links links, List<DeputySummary> items) implements Answer {
    }

    record PostalView(String kind, String text) {
    }

    record SocialView(String network, String account) {
    }

    @Schema(description = "The deputy's official contact channels, as the Assemblée publishes them.")
    record ContactsView(List<String> emails, List<PostalView> postal, List<String> phones, List<String> websites,
                        List<SocialView> social) {
    }

    @Schema(description = "Participation in public votes (method an-participation-1); counts null when unavailable.")
    record ParticipationFigure(Integer counted, Integer tookPart, Double rate, Integer byProxy,
                               Integer excusedByFunction, Integer solemnCounted, Integer solemnTookPart,
                               @Schema(description = "Why there is no figure, when there is none") String unavailable,
                               Cited provenance) {
    }

    @Schema(description = "Share of the deputy's votes cast like their group's majority (method an-loyalty-1), "
            + "and month by month (the months add up to the whole).")
    record LoyaltyFigure(Integer same, Integer counted, Double share, String unavailable,
                         List<MonthlyLoyaltyView> months, Cited provenance) {
    }

    record MonthlyLoyaltyView(@Schema(example = "2025-03") String month, int same, int counted, double share) {
    }

    @Schema(description = "Presence at the committee meetings that publish their rolls (method an-committee-presence-1).")
    record PresenceFigure(int present, int absent, int excused, int entries, Double rate, Cited provenance) {
    }

    record SittingView(String uid, LocalDate date, String subject, String url) {
    }

    @Schema(description = "Interventions in séance publique (method an-speeches-1).")
    record SpeechesFigure(int interventions, int shortInterventions, int longInterventions, int sittings,
                          SittingView latest, Cited provenance) {
    }

    record QuestionView(@Schema(allowableValues = {"government", "oral-without-debate"}) String kind, LocalDate date,
                        String title, String sittingUrl) {
    }

    @Schema(description = "Questions au Gouvernement and orales sans débat (method an-questions-1), the latest first.")
    record QuestionsFigure(int government, int oral, int total, List<QuestionView> all, Cited provenance) {
    }

    record BillView(String dossierUid, String title, boolean author, LocalDate date, String url, String apiUrl) {
    }

    @Schema(description = "Propositions authored and co-signed, by dossier (method an-bills-1), the latest first.")
    record BillsFigure(int authored, int cosigned, List<BillView> all, Cited provenance) {
    }

    record DeclarationView(@Schema(allowableValues = {"interests", "assets", "other"}) String kind, String type,
                           LocalDate published) {
    }

    @Schema(description = "What the HATVP's index lists (method hatvp-declarations-1); never a declaration's content.")
    record DeclarationsFigure(List<DeclarationView> filed, String hatvpPage, Cited provenance) {
    }

    @Schema(description = "Amendments (method an-amendments-1); counts null, with the reason in unavailable, when "
            + "the Amendements archive is not loaded (never a zero).")
    record AmendmentsFigure(Integer authored, Integer cosigned, Integer adopted,
                            @Schema(description = "Why there is no figure, when there is none") String unavailable,
                            Cited provenance) {
    }

    record DeputyFigures(ParticipationFigure participation, LoyaltyFigure loyalty, PresenceFigure committeePresence,
                         SpeechesFigure speeches, QuestionsFigure questions, BillsFigure bills,
                         DeclarationsFigure declarations, AmendmentsFigure amendments) {
    }

    record DeputyAnswer(Meta meta, DeputySummary deputy, ContactsView contacts, DeputyFigures figures) implements Answer {
    }

    @Schema(description = "The scrutin's published totals (syntheseVote).")
    record CountsView(@Schema(description = "nombreVotants") int voters,
                      @Schema(description = "suffragesExprimes") int expressed,
                      @Schema(description = "nbrSuffragesRequis: the majority required") int required,
                      @JsonProperty("for") @Schema(name = "for") int forVotes, int against, int abstentions,
                      int nonVoting) {
    }

    @Schema(description = "A group's published decompteVoix: the four counts only. The Assemblée publishes voters, "
            + "expressed votes and the required majority for the whole scrutin, not per group, so they are not given.")
    record GroupCountsView(@JsonProperty("for") @Schema(name = "for") int forVotes, int against, int abstentions,
                           int nonVoting) {
    }

    record ScrutinSummary(@Schema(example = "3876") int number, @Schema(example = "VTANR5L17V3876") String uid,
                          LocalDate date,
                          @Schema(allowableValues = {"ordinary", "solemn", "censure-motion", "other"}) String type,
                          @Schema(example = "SPO") String typeCode, String title,
                          @Schema(allowableValues = {"adopted", "rejected"}) String outcome, CountsView counts,
                          @Schema(description = "The scrutin's page on assemblee-nationale.fr") String url,
                          String apiUrl) {
    }

    record ScrutinList(Meta meta, PageInfo page, Links links, List<ScrutinSummary> items) implements Answer {
    }

    record VoteItem(ScrutinSummary scrutin,
                    @Schema(allowableValues = {"for", "against", "abstention", "non-voting", "absent", "not-for"},
                            description = "absent: an ordinary or solemn scrutin in office where not listed; not-for: "
                                    + "a censure motion in office not voted for (a motion records only the votes for)")
                    String position,
                    boolean byProxy,
                    @Schema(description = "causePositionVote of a non-voting deputy (PAN, PSE, MG), else null") String nonVotingCause,
                    @Schema(description = "The group the vote is listed under; null when not listed") GroupRef group) {
    }

    record VoteList(Meta meta, DeputySummary deputy, PageInfo page, Links links, List<VoteItem> items) implements Answer {
    }

    /**
     * {@link VoteItem} as written: the same JSON, its scrutin written ahead once per version of the data
     * ({@link VoteListBytes}). Not in the OpenAPI document, which describes {@link VoteItem}.
     */
    record WrittenVoteItem(@JsonRawValue String scrutin, String position, boolean byProxy, String nonVotingCause,
                           GroupRef group) {
    }

    /** {@link VoteList} as written, with {@link WrittenVoteItem}s. */
    record WrittenVoteList(Meta meta, DeputySummary deputy, PageInfo page, Links links, List<WrittenVoteItem> items)
            implements Answer {
    }

    record GroupResult(GroupRef group, int members, GroupCountsView counts,
                       @Schema(description = "The position strictly more members took than either other, from the "
                               + "nominal votes; null when none took part or two positions tie") String majority,
                       @Schema(description = "positionMajoritaire as published (not used by the answers)") String publishedMajority) {
    }

    record NominalVote(String deputyUid, String name, GroupRef group,
                       @Schema(allowableValues = {"for", "against", "abstention", "non-voting"}) String position,
                       boolean byProxy, String nonVotingCause) {
    }

    record DossierRef(String uid, String title, String url, String apiUrl) {
    }

    record ScrutinAnswer(Meta meta, ScrutinSummary scrutin, List<GroupResult> groups,
                         @Schema(description = "The nominal lists: every deputy listed, by group as published")
                         List<NominalVote> votes, List<DossierRef> dossiers) implements Answer {
    }

    @Schema(description = "A group's cohesion, the Rice index per scrutin averaged (method an-cohesion-1); its "
            + "monthly means, and with detail=scrutins the index of every scrutin counted.")
    record CohesionFigure(Integer scrutins, Double averageRice, String unavailable, List<MonthlyRiceView> months,
                          @Schema(description = "Only with detail=scrutins; else null") List<ScrutinRiceView> perScrutin,
                          Cited provenance) {
    }

    record MonthlyRiceView(@Schema(example = "2025-03") String month, int scrutins, double averageRice) {
    }

    record ScrutinRiceView(int number, LocalDate date, @JsonProperty("for") @Schema(name = "for") int forVotes,
                           int against, int abstentions, double rice, String apiUrl) {
    }

    record GroupAnswer(Meta meta, GroupRef group, int sittingMembers, List<DeputySummary> members,
                       CohesionFigure cohesion) implements Answer {
    }

    record StepView(String code, String kind, String chamber, LocalDate date, String outcome) {
    }

    @Schema(description = "An author: named from the deputies of the data; a senator or a member of the government "
            + "(not in the deputies' archive) has name and apiUrl null, and unresolved says so.")
    record PersonRef(String uid, String name, String apiUrl, String unresolved) {
    }

    record DossierView(String uid, String title, String procedure, boolean proposition,
                       @Schema(description = "The numbers of the Assemblée texts deposited in it") List<Integer> textNumbers,
                       String url, @Schema(description = "Its stage on the date of the data (method an-bill-stage-1)") StepView stage,
                       @Schema(description = "The next step already scheduled") StepView next,
                       @Schema(description = "Every dated step, by date (steps of one day in the source's order)")
                       List<StepView> steps,
                       List<PersonRef> authors, List<ScrutinSummary> votes) {
    }

    record DossierAnswer(Meta meta, DossierView dossier) implements Answer {
    }

    @Schema(description = "How often two deputies voted alike (method an-closeness-1).")
    record ClosenessFigure(Integer same, Integer common, Double share, String unavailable, Cited provenance) {
    }

    record CompareAnswer(Meta meta, DeputySummary a, DeputySummary b, ClosenessFigure closeness) implements Answer {
    }
}
