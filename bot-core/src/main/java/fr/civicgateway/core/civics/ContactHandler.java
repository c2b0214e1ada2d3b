package fr.civicgateway.core.civics;

import fr.civicgateway.core.answer.Agreement;
import fr.civicgateway.core.answer.Formats;
import fr.civicgateway.core.answer.Sources;
import fr.civicgateway.core.consultations.Consultation;
import fr.civicgateway.core.consultations.ConsultationCatalog;
import fr.civicgateway.core.consultations.ConsultationFlow;
import fr.civicgateway.core.conversation.QuickReply;
import fr.civicgateway.core.dialogue.Answer;
import fr.civicgateway.core.dialogue.Turn;
import fr.civicgateway.core.nlu.Intent;
import fr.civicgateway.core.parliament.Contacts;
import fr.civicgateway.core.parliament.Deputy;
import fr.civicgateway.core.parliament.ParliamentData;
import fr.civicgateway.core.representative.AboutOneDeputyHandler;
import fr.civicgateway.core.text.Text;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code contact_representative}: a deputy's official contact channels as the Assemblée publishes them in the AMO
 * archives ({@link ParliamentData#contacts}) — e-mail, postal addresses at the Assemblée and of the constituency office,
 * telephone, web site, social accounts —, then the consultations open now, where the citizen can give an opinion
 * here, as buttons that open them. The deputy is resolved as by every deputy handler (a name, misspelt or not, "mon
 * député" with a place, the conversation's last deputy; ambiguous → a question back).
 *
 * <p>Never a channel the data does not hold: a missing e-mail or constituency office is said as such; the deputy's
 * page on the Assemblée's site and the date of the data end every answer. The bot forwards no message and keeps
 * nothing of the citizen's. Stateless and thread-safe.
 */
public final class ContactHandler extends AboutOneDeputyHandler {

    private final ConsultationCatalog consultations;

    public ContactHandler(ParliamentData data, ConsultationCatalog consultations) {
        super(data);
        this.consultations = consultations;
    }

    @Override
    public Intent intent() {
        return Intent.CONTACT_REPRESENTATIVE;
    }

    @Override
    protected Answer answer(Turn t, Deputy d) {
        Contacts c = data.contacts(d.uid());
        String name = d.fullName();
        String gender = Agreement.gender(d);
        StringBuilder out = new StringBuilder();
        if (!d.current()) {
            out.append(t.msg("contact_representative.former", "name", name, "gender", gender,
                    "dated", d.mandateEnd() != null ? "yes" : "no",
                    "end", d.mandateEnd() != null ? Formats.date(t.language(), d.mandateEnd()) : "")).append('\n');
        }
        if (c.isEmpty()) {
            out.append(t.msg("contact_representative.nothing", "name", name));
        } else {
            out.append(t.msg("contact_representative.intro", "name", name));
            c.emails().forEach(v -> line(t, out, "mail", v));
            c.postal(Contacts.PostalAddress.Kind.ASSEMBLEE).forEach(p -> line(t, out, "assemblee_address", p.text()));
            c.postal(Contacts.PostalAddress.Kind.CONSTITUENCY).forEach(p -> line(t, out, "constituency_address", p.text()));
            c.phones().forEach(v -> line(t, out, "phone", v));
            c.websites().forEach(v -> line(t, out, "website", v));
            c.social().forEach(s -> out.append('\n').append(t.msg("contact_representative.social",
                    "network", s.network(), "value", s.handle())));
            // A kind the question asks for and the data lacks is said, not left out ("le téléphone de …")
            Set<String> asked = askedKinds(t.message().text());
            if (asked.contains("phone") && c.phones().isEmpty()) {
                line(t, out, "phone", t.msg("contact_representative.not_published", "kind", "phone"));
            }
            if (asked.contains("mail") && c.emails().isEmpty()) {
                line(t, out, "mail", t.msg("contact_representative.not_published", "kind", "mail"));
            }
            if (asked.contains("address") && c.postal(Contacts.PostalAddress.Kind.CONSTITUENCY).isEmpty()) {
                line(t, out, "constituency_address", t.msg("contact_representative.not_published", "kind", "address"));
            }
            if (asked.contains("website") && c.websites().isEmpty()) {
                line(t, out, "website", t.msg("contact_representative.not_published", "kind", "website"));
            }
            if (asked.contains("social") && c.social().isEmpty()) {
                line(t, out, "social_networks", t.msg("contact_representative.not_published", "kind", "social"));
            }
            if (c.emails().isEmpty()) {
                out.append('\n').append(t.msg("contact_representative.no_email", "name", name));
            }
            if (c.postal(Contacts.PostalAddress.Kind.CONSTITUENCY).isEmpty()) {
                out.append('\n').append(t.msg("contact_representative.no_constituency_office", "name", name));
            }
        }
        // A former deputy's channels were the mandate's: the old @assemblee-nationale.fr box may be read by no one
        out.append('\n').append(d.current() || c.isEmpty()
                ? t.msg("contact_representative.not_forwarded", "name", name)
                : t.msg("contact_representative.not_forwarded_former", "name", name, "gender", gender));
        out.append('\n').append(Sources.line(t.messages(), t.language(), d.pageUrl(), data.info().deputiesDataDate()));

        List<Consultation> open = consultations.open(t.now());
        List<QuickReply> buttons = new ArrayList<>();
        if (open.isEmpty()) {
            out.append("\n\n").append(t.msg("contact_representative.no_consultation"));
        } else {
            List<String> items = new ArrayList<>();
            for (Consultation k : open) {
                String title = k.title().in(t.language());
                items.add(t.msg("contact_representative.consultation_item", "title", title,
                        "last_day", Formats.date(t.language(), k.lastDay())));
                buttons.add(new QuickReply(title, ConsultationFlow.startText(t, k)));
            }
            out.append("\n\n").append(t.msg("contact_representative.consultations", "count", open.size(),
                    "items", String.join("\n", items)));
        }
        return Answer.text(t.state().withDeputy(d.uid()), out.toString(), buttons);
    }

    /**
     * Words that ask for one kind of channel, folded ("e-mail" is "e mail"): the kinds a question asks for. Written as
     * one string per kind: these are words of a citizen's question, not channels of the gateway (which the core may
     * not name, CoreIndependenceTest).
     */
    private static final Map<String, Set<String>> KIND_WORDS = Map.of(
            "phone", words("telephone tel telephoner phone appeler call numero number"),
            "mail", words("mail email mails emails courriel mel electronique"),
            "address", words("postale postal courrier permanence office"),
            "website", words("site website web internet"),
            "social", words("reseaux reseau sociaux social twitter facebook instagram linkedin"));

    private static Set<String> words(String spaced) {
        return Set.of(spaced.split(" "));
    }

    static Set<String> askedKinds(String text) {
        List<String> words = Arrays.asList(Text.foldToWords(text).split(" "));
        Set<String> kinds = new HashSet<>();
        KIND_WORDS.forEach((kind, ws) -> {
            if (words.stream().anyMatch(ws::contains)) {
                kinds.add(kind);
            }
        });
        // "l'adresse" alone is the postal one; "l'adresse mail" is the e-mail
        if (!kinds.contains("mail") && (words.contains("adresse") || words.contains("address"))) {
            kinds.add("address");
        }
        return kinds;
    }

    private static void line(Turn t, StringBuilder out, String kind, String value) {
        out.append('\n').append(t.msg("contact_representative." + kind, "value", value));
    }
}
