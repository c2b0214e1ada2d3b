package fr.civicgateway.core.record;

import fr.civicgateway.core.answer.MethodLinks;
import fr.civicgateway.core.dialogue.Turn;
import fr.civicgateway.core.nlu.Intent;
import fr.civicgateway.core.parliament.Deputy;
import fr.civicgateway.core.parliament.ParliamentData;
import fr.civicgateway.core.parliament.work.Amendments;
import fr.civicgateway.core.parliament.work.AssemblyWork;
import fr.civicgateway.core.parliament.work.BillRole;
import fr.civicgateway.core.parliament.work.Bills;
import fr.civicgateway.core.parliament.work.Provenance;
import fr.civicgateway.core.parliament.work.Step;
import fr.civicgateway.core.text.Text;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code representative_bills}: the propositions de loi and de résolution a deputy authored or co-signed, by
 * API.md §5 "Bills" — the counts, then the two latest authored and the two latest co-signed with their title and stage ("A bill's stage");
 * then the deputy's amendments (authored, adopted, co-signed; method {@code an-amendments-1}) with their own source,
 * or, when the Amendements archive is not loaded (it is only with live refresh), a sentence saying so: never a zero.
 */
public final class BillsHandler extends RecordHandler {

    /** How many of the latest bills authored, then of the latest co-signed, the answer lists. */
    static final int LATEST = 2;

    public BillsHandler(ParliamentData data, AssemblyWork work, MethodLinks methods) {
        super(data, work, methods);
    }

    @Override
    public Intent intent() {
        return Intent.REPRESENTATIVE_BILLS;
    }

    @Override
    protected String describe(Turn t, Deputy d) {
        Bills b = work.bills(d.uid());
        Provenance p = b.provenance();
        String name = d.fullName();
        String gender = gender(d);
        StringBuilder out = new StringBuilder();
        // A question about amendments is answered on them first ("combien d'amendements a déposé … ?")
        boolean aboutAmendments = asksAboutAmendments(t.message().text());
        if (aboutAmendments) {
            out.append(amendments(t, d)).append('\n');
        }
        if (d.unresolved()) {
            out.append(t.msg("representative_bills.no_data", "name", name, "to", date(t, p.dataDate())));
        } else if (b.all().isEmpty()) {
            out.append(t.msg("representative_bills.none", "name", name, "to", date(t, p.dataDate())));
        } else {
            out.append(t.msg("representative_bills.count", "name", name, "gender", gender,
                    "authored", b.authored(), "cosigned", b.cosigned(), "to", date(t, p.dataDate())));
            // The latest authored first (a deputy co-signs far more than they author), then the latest co-signed,
            // each list under its own heading: together they are not in date order.
            List<BillRole> authored = b.all().stream().filter(BillRole::author).limit(LATEST).toList();
            List<BillRole> cosigned = b.all().stream().filter(r -> !r.author()).limit(LATEST).toList();
            if (!authored.isEmpty()) {
                out.append('\n').append(t.msg("representative_bills.latest_authored"));
                items(t, d, p, authored, out);
            }
            if (!cosigned.isEmpty()) {
                out.append('\n').append(t.msg("representative_bills.latest_cosigned"));
                items(t, d, p, cosigned, out);
            }
        }
        out.append('\n').append(methods.sourceLine(t, "representative_bills.source", p));
        if (!aboutAmendments) {
            out.append('\n').append(amendments(t, d));
        }
        return out.toString();
    }

    private static boolean asksAboutAmendments(String text) {
        for (String w : Text.foldToWords(text).split(" ")) {
            if (w.startsWith("amendement") || w.startsWith("amendment")) {
                return true;
            }
        }
        return false;
    }

    private void items(Turn t, Deputy d, Provenance p, List<BillRole> shown, StringBuilder out) {
        for (BillRole r : shown) {
            String role = !r.author() ? "cosignatory" : d.feminine() ? "author_female" : "author";
            Optional<Step> stage = r.dossier().stage(p.dataDate());
            out.append('\n');
            if (stage.isPresent()) {
                Step s = stage.get();
                out.append(t.msg("representative_bills.item", "role", role, "date", date(t, r.date()),
                        "title", r.dossier().title().strip(), "stage", s.kind().name().toLowerCase(Locale.ROOT),
                        "chamber", s.chamber().name().toLowerCase(Locale.ROOT), "stage_date", date(t, s.date()),
                        "url", r.dossier().url()));
            } else {
                out.append(t.msg("representative_bills.item_unstaged", "role", role, "date", date(t, r.date()),
                        "title", r.dossier().title().strip(), "url", r.dossier().url()));
            }
        }
    }

    /** The amendments' sentence, with its own source, period and method (a different archive from the bills'). */
    private String amendments(Turn t, Deputy d) {
        Optional<Amendments> loaded = work.amendments(d.uid());
        if (loaded.isEmpty()) {
            return t.msg("representative_bills.amendments_unavailable", "name", d.fullName(), "gender", gender(d),
                    "url", d.pageUrl());
        }
        Amendments a = loaded.get();
        Provenance p = a.provenance();
        String period = p.from() != null && p.from().isAfter(LocalDate.EPOCH) ? "dated" : "open";
        Object from = period.equals("dated") ? date(t, p.from()) : "";
        if (p.saysNothingOf(d)) {
            return t.msg("representative_bills.amendments_no_data", "name", d.fullName(), "period", period,
                    "from", from, "to", date(t, p.dataDate()));
        }
        return t.msg("representative_bills.amendments", "name", d.fullName(), "gender", gender(d),
                "authored", a.authored(), "adopted", a.adopted(), "cosigned", a.cosigned(), "period", period,
                "from", from, "to", date(t, p.dataDate()), "source", p.source(), "url", p.url(),
                "method", p.method().id, "method_url", methods.of(p.method()));
    }
}
