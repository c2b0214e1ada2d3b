package fr.civicgateway.core.parliament.work;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * The port through which the core reads a deputy's record beyond votes and the Assemblée's work: figures computed
 * once per data version by the adapter (API.md §5), each with its {@link Provenance}.
 *
 * <p>Implementations are immutable snapshots (a refresh swaps a whole new one), so every method is cheap, never
 * blocks on I/O and is safe from any thread. Methods never return null. A deputy the data never mentions gets zero
 * counts, with the provenance: "0 interventions between … and …" is a fact. A source that is not loaded at all
 * (the amendments, without live refresh) gives an empty {@link Optional}.
 *
 * <pre>{@code
 * Speeches s = work.speeches("PA720892");
 * // "… est intervenue " + s.interventions() + " fois en séance, dans " + s.sittings() + " séances …"
 * List<Dossier> found = work.findDossiers("aide à mourir", 5);
 * }</pre>
 */
public interface AssemblyWork {

    /** Interventions in séance (API.md §5 "Interventions"). */
    Speeches speeches(String deputyUid);

    /** Questions au Gouvernement and orales sans débat (API.md §5 "Questions"). */
    Questions questions(String deputyUid);

    /** Presence at the committee meetings that publish their rolls (API.md §5 "Committee presence"). */
    CommitteePresence presence(String deputyUid);

    /** Propositions authored and co-signed (API.md §5 "Bills"). */
    Bills bills(String deputyUid);

    /** The HATVP index's declarations of the deputy. */
    Declarations declarations(String deputyUid);

    /** The deputy's amendments; empty when the Amendements archive is not loaded (it is not shipped). */
    Optional<Amendments> amendments(String deputyUid);

    Optional<Dossier> dossier(String uid);

    /**
     * Dossiers whose title, or the title of one of their texts, holds every word of {@code words} (accents and case
     * ignored, words of three letters or fewer ignored: "aide à mourir" finds the dossier "Fin de vie" by its
     * proposition's title), those holding each word whole before those holding a longer word it starts ("finance"
     * before "financement"), each the most recently active first; a number alone ("482", "n° 482") finds the dossier of the
     * Assemblée text of that number. A phrase of short words only ("fin de vie") is matched as a whole phrase.
     */
    List<Dossier> findDossiers(String words, int limit);

    /** The dossiers whose {@code voteRefs} name that scrutin. */
    List<Dossier> dossiersOfScrutin(int scrutinNumber);

    /** The dossiers' provenance: its {@code dataDate} is what a stage is computed on (API.md §5). */
    Provenance dossiersProvenance();

    /** Séances publiques starting at or after {@code from}, earliest first, at most {@code limit}. */
    List<AgendaSitting> sittingsFrom(LocalDateTime from, int limit);

    /**
     * Séances publiques starting before {@code before}, at most {@code limit}: the latest ones, earliest first.
     * {@code sittingsBefore(LocalDateTime.MAX, 1)} is the last sitting the agenda holds.
     */
    List<AgendaSitting> sittingsBefore(LocalDateTime before, int limit);

    /** The séances publiques of that day, in order. */
    List<AgendaSitting> agendaOn(LocalDate day);

    /** The zone the agenda's local times are in: the Assemblée's own (Paris), whatever the town's. */
    ZoneId agendaZone();

    /** The agenda's provenance. */
    Provenance agendaProvenance();

    /**
     * The latest adoptions and promulgations: for each dossier, its latest {@link StepKind#ADOPTED} or
     * {@link StepKind#PROMULGATED} step dated on or before the dossiers' {@code dataDate}, newest first (same day: the
     * promulgation first, then by uid), at most {@code limit}. Computed once per data version.
     */
    List<DossierStep> latestAdoptions(int limit);

    /**
     * The first séance publique starting at or after {@code from} one of whose agenda items names the dossier; empty
     * when the agenda has none. Indexed once per data version.
     */
    Optional<AgendaSitting> nextSittingOf(String dossierUid, LocalDateTime from);

    /** The séances publiques starting at or after {@code from} and before {@code to}, earliest first. */
    List<AgendaSitting> sittingsBetween(LocalDateTime from, LocalDateTime to);

    /** Which data version answers now; changes with each refresh (see {@code ParliamentData.version()}). */
    default long version() {
        return 0;
    }
}
