package fr.civicgateway.core.parliament.work;

import java.util.Objects;

/**
 * One step of a dossier, with the dossier: an adoption or a promulgation that {@link AssemblyWork#latestAdoptions}
 * lists.
 *
 * @param dossier the dossier
 * @param step    one of its {@link Dossier#steps()}
 */
public record DossierStep(Dossier dossier, Step step) {

    public DossierStep {
        Objects.requireNonNull(dossier, "dossier");
        Objects.requireNonNull(step, "step");
    }
}
