package fr.civicgateway.core.parliament;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The port through which the core reads the Assemblée's data: deputies, groups, scrutins and each deputy's vote.
 *
 * <p>Implementations hold a complete, immutable snapshot in memory (the adapter swaps a whole new instance on
 * refresh), so every method is cheap, never blocks on I/O and is safe to call from any thread.
 * Methods never return null; unknown ids give an empty {@link Optional} or {@link DeputyVote#NOT_LISTED}.
 * A refreshed implementation changes its {@link #version()} with each swap: what is computed from the data and
 * remembered (a deputy's participation) is remembered under it.
 *
 * <pre>{@code
 * Scrutin s = data.scrutin(3876).orElseThrow();
 * DeputyVote v = data.vote("PA720892", 3876);   // Mathilde Panot on scrutin 3876
 * }</pre>
 */
public interface ParliamentData {

    DataInfo info();

    /**
     * Every deputy the data knows: the sitting ones, then former ones who appear in the votes (those whose
     * acteur file is missing are {@link Deputy#unresolved() unresolved}: uid only).
     */
    Collection<Deputy> deputies();

    Optional<Deputy> deputy(String uid);

    /** The sitting deputy of a constituency, by its {@link Constituency#id()} ({@code 33-4}). */
    Optional<Deputy> deputyOf(String constituencyId);

    Optional<PoliticalGroup> group(String organeUid);

    /**
     * The abbreviation people know a group by ("LFI-NFP"), for answers; empty when the data does not describe the
     * group or gives only its uid: a raw uid ({@code PO0}, {@code PO847173}) is never a group's name.
     */
    default Optional<String> groupAbbreviation(String organeUid) {
        return group(organeUid).map(PoliticalGroup::abbreviation).filter(a -> !a.isBlank() && !isUid(a));
    }

    /** "La France insoumise - Nouveau Front Populaire (LFI-NFP)", on the same terms as {@link #groupAbbreviation}. */
    default Optional<String> groupFullName(String organeUid) {
        return group(organeUid).filter(g -> !g.name().isBlank() && !isUid(g.name())).map(g ->
                g.name().equals(g.abbreviation()) || isUid(g.abbreviation()) ? g.name()
                        : g.name() + " (" + g.abbreviation() + ")");
    }

    private static boolean isUid(String text) {
        return text.matches("PO\\d+");
    }

    /** The political groups of the legislature known to the data. */
    Collection<PoliticalGroup> groups();

    Optional<Scrutin> scrutin(int number);

    /** All loaded scrutins, ordered by number, oldest first. */
    List<Scrutin> scrutins();

    /** The deputy's vote on that scrutin; {@link DeputyVote#NOT_LISTED} when not listed or unknown. */
    DeputyVote vote(String deputyUid, int scrutinNumber);

    /**
     * A deputy's official contact channels as the Assemblée publishes them (e-mail, postal addresses, web sites,
     * social accounts); {@link Contacts#NONE} for an unknown uid, an unresolved acteur, or data without contacts
     * (the default, for implementations that do not read them).
     */
    default Contacts contacts(String deputyUid) {
        return Contacts.NONE;
    }

    /**
     * Which version of the data answers now. It changes whenever a refresh replaces the data behind this port, so a
     * fact computed from the data can be kept under it; two reads that see the same version see the same data.
     * Immutable implementations keep the default, 0.
     */
    default long version() {
        return 0;
    }
}
