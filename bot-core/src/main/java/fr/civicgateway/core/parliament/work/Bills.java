package fr.civicgateway.core.parliament.work;

import java.util.List;
import java.util.Objects;

/**
 * The propositions de loi and de résolution a deputy authored or co-signed (API.md §5, "Bills"), counted by
 * dossier.
 *
 * @param all every dossier with the deputy's role, the latest first
 */
public record Bills(int authored, int cosigned, List<BillRole> all, Provenance provenance) {

    public Bills {
        Objects.requireNonNull(provenance, "provenance");
        all = List.copyOf(all);
        if (authored + cosigned != all.size()) {
            throw new IllegalArgumentException("counts " + authored + " + " + cosigned + " != " + all.size());
        }
    }

    public List<BillRole> latest(int n) {
        return all.subList(0, Math.min(n, all.size()));
    }
}
