package fr.civicgateway.core.record;

import fr.civicgateway.core.answer.MethodLinks;
import fr.civicgateway.core.dialogue.Turn;
import fr.civicgateway.core.nlu.Intent;
import fr.civicgateway.core.parliament.Deputy;
import fr.civicgateway.core.parliament.ParliamentData;
import fr.civicgateway.core.parliament.work.AssemblyWork;
import fr.civicgateway.core.parliament.work.Declaration;
import fr.civicgateway.core.parliament.work.Declarations;
import fr.civicgateway.core.parliament.work.Provenance;
import java.util.List;

/**
 * {@code representative_interests}: whether and when a deputy's declarations of interests and of assets were
 * published, as the HATVP's index lists them, with the link to the deputy's page on hatvp.fr. Never a figure of
 * the declarations' content, which the index does not hold.
 */
public final class InterestsHandler extends RecordHandler {

    /** The HATVP's search of published declarations, for a deputy the index has no row for. */
    static final String HATVP_SEARCH = "https://www.hatvp.fr/consulter-les-declarations/";

    public InterestsHandler(ParliamentData data, AssemblyWork work, MethodLinks methods) {
        super(data, work, methods);
    }

    @Override
    public Intent intent() {
        return Intent.REPRESENTATIVE_INTERESTS;
    }

    @Override
    protected String describe(Turn t, Deputy d) {
        Declarations decl = work.declarations(d.uid());
        Provenance p = decl.provenance();
        String name = d.fullName();
        StringBuilder out = new StringBuilder();
        if (decl.filed().isEmpty()) {
            out.append(t.msg("representative_interests.none", "name", name, "to", date(t, p.dataDate())));
        } else {
            out.append(t.msg("representative_interests.filed", "name", name, "to", date(t, p.dataDate())));
            line(t, out, decl.filed(), Declaration.Kind.INTERESTS, "interests");
            line(t, out, decl.filed(), Declaration.Kind.ASSETS, "assets");
        }
        out.append('\n').append(t.msg("representative_interests.page", "name", name,
                "url", decl.hatvpPage() != null ? decl.hatvpPage() : HATVP_SEARCH,
                "own", decl.hatvpPage() != null ? "yes" : "no"));
        out.append('\n').append(methods.sourceLine(t, "representative_interests.source", p));
        return out.toString();
    }

    private static void line(Turn t, StringBuilder out, List<Declaration> filed, Declaration.Kind kind, String arg) {
        List<Declaration> of = filed.stream().filter(x -> x.kind() == kind).toList();
        if (of.isEmpty()) {
            out.append('\n').append(t.msg("representative_interests.kind_none", "kind", arg));
            return;
        }
        Declaration latest = of.getFirst();
        if (latest.published() != null) {
            out.append('\n').append(t.msg("representative_interests.kind_filed", "kind", arg, "count", of.size(),
                    "date", date(t, latest.published())));
        } else {
            out.append('\n').append(t.msg("representative_interests.kind_filed_undated", "kind", arg,
                    "count", of.size()));
        }
    }
}
