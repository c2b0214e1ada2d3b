package fr.civicgateway.core.reports;

import fr.civicgateway.core.conversation.Attachment;
import fr.civicgateway.core.conversation.GeoPoint;
import fr.civicgateway.core.conversation.QuickReply;
import fr.civicgateway.core.conversation.Reply;
import fr.civicgateway.core.dialogue.Turn;
import fr.civicgateway.core.flow.ActiveFlow;
import fr.civicgateway.core.flow.Flow;
import fr.civicgateway.core.flow.FlowStep;
import fr.civicgateway.core.geo.Commune;
import fr.civicgateway.core.geo.GeoDirectory;
import fr.civicgateway.core.nlu.EntityMention;
import fr.civicgateway.core.nlu.EntityType;
import fr.civicgateway.core.nlu.Intent;
import fr.civicgateway.core.nlu.Language;
import fr.civicgateway.core.text.Text;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Takes a problem report in a few questions: what (a category, guessed from the first message when its keywords say
 * so, always confirmed), where (a shared position, or an address with its town), details (a description, and on
 * Telegram an optional photo), an optional contact, then a summary that says who receives the report and which
 * personal data goes with it. Only after the citizen confirms is the report submitted; the tracking number is given
 * once the store has committed it.
 *
 * <p>Stateless and thread-safe: everything collected lives in the {@link ActiveFlow}'s slots. A bad answer (an
 * unknown place, a description too long, a contact that is neither an e-mail nor a phone number) asks the question
 * again, saying what is expected. A failing store throws {@link ReportStore.ReportStoreException}: the dialogue
 * apologises and the flow stays at the summary, so the citizen can confirm again.
 */
public final class ReportFlow implements Flow {

    public static final String ID = "report";

    static final String WHAT = "what";
    static final String WHERE = "where";
    static final String DETAILS = "details";
    static final String CONTACT = "contact";
    static final String CONFIRM = "confirm";
    /** The slot of the draft's id (drafts started before it existed have none, and are not de-duplicated). */
    static final String DRAFT = "draft";
    /** The slot of the stored report's number, kept after the flow ends to answer an extra « oui » with it. */
    static final String REPORT = "report";

    private static final Set<String> YES = Set.of("oui", "o", "yes", "y", "ok", "d accord", "envoyer", "confirmer",
            "je confirme", "send", "confirm", "c est bien ca", "exact", "oui c est ca", "yes send it", "oui envoyer");
    private static final Set<String> NO = Set.of("non", "n", "no", "non merci", "no thanks", "pas de contact",
            "aucun", "none", "skip", "passer", "sans contact", "anonyme", "no contact");
    private static final Pattern EMAIL = Pattern.compile("[^\\s@]{1,64}@[^\\s@]{1,190}\\.[A-Za-z]{2,}");
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9][0-9 .()-]{7,18}[0-9]");
    private static final int MIN_DESCRIPTION_LENGTH = 3;

    private final ReportCategories categories;
    private final ReportStore store;
    private final GeoDirectory geo;
    private final Recipient recipient;

    /**
     * Who receives the reports, as the chat names them.
     *
     * @param fr "les services techniques de la Ville d'Annecy"
     * @param en "the technical services of the City of Annecy"
     */
    public record Recipient(String fr, String en) {
    }

    public ReportFlow(ReportCategories categories, ReportStore store, GeoDirectory geo, Recipient recipient) {
        this.categories = categories;
        this.store = store;
        this.geo = geo;
        this.recipient = recipient;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Intent intent() {
        return Intent.REPORT_PROBLEM;
    }

    @Override
    public FlowStep start(Turn t) {
        // The draft's id makes its confirmation idempotent: one report per draft, however often « oui » arrives.
        ActiveFlow flow = withPosition(t, ActiveFlow.start(ID, WHAT).with(DRAFT, UUID.randomUUID().toString()));
        String intro = t.msg("report.intro");
        Optional<ServiceCategory> guess = categories.guess(t.message().text());
        if (guess.isPresent()) {
            ServiceCategory c = guess.get();
            List<QuickReply> options = new ArrayList<>();
            options.add(new QuickReply(t.msg("report.button_yes"), t.say("oui", "yes")));
            options.addAll(categoryOptions(t, c));
            return ask(flow.with("guess", c.code()), intro + "\n" + t.msg("report.guess_question",
                    "category", c.name(t.language() == Language.EN)), options);
        }
        return ask(flow, intro + "\n" + t.msg("report.kind_question"), categoryOptions(t, null));
    }

    @Override
    public FlowStep next(Turn t, ActiveFlow f) {
        return switch (f.step()) {
            case WHAT -> what(t, f);
            case WHERE -> where(t, f);
            case DETAILS -> details(t, f);
            case CONTACT -> contact(t, f);
            case CONFIRM -> confirm(t, f);
            default -> start(t);
        };
    }

    private FlowStep what(Turn t, ActiveFlow f) {
        String said = Text.foldToWords(t.message().text());
        Optional<ServiceCategory> chosen = f.has("guess") && YES.contains(said)
                ? categories.byCode(f.slot("guess"))
                : categories.pick(t.message().text());
        ActiveFlow kept = withPosition(t, f);
        if (chosen.isEmpty()) {
            if (kept != f && t.message().onlyAPosition()) {
                // A position shared before the kind was chosen answers the next question: kept, and the kind asked again.
                ServiceCategory guess = f.has("guess") ? categories.byCode(f.slot("guess")).orElse(null) : null;
                List<QuickReply> options = new ArrayList<>();
                if (guess != null) {
                    options.add(new QuickReply(t.msg("report.button_yes"), t.say("oui", "yes")));
                }
                options.addAll(categoryOptions(t, guess));
                return ask(kept, t.msg("report.position_kept") + "\n" + (guess == null ? t.msg("report.kind_question")
                        : t.msg("report.guess_question", "category", guess.name(t.language() == Language.EN))), options);
            }
            String notRecognised = t.msg("report.kind_not_recognised");
            return ask(kept, kept != f ? t.msg("report.position_kept") + "\n" + notRecognised : notRecognised,
                    categoryOptions(t, null));
        }
        ActiveFlow categorised = kept.without("guess").with("category", chosen.get().code());
        if (categorised.has("lat")) {
            // The place was given as a position already: "where?" is answered.
            return askDetails(t, categorised.at(DETAILS), t.msg("report.position_used"));
        }
        return askWhere(t, categorised.at(WHERE), null);
    }

    /** The flow with the message's shared position as the report's place, or the flow itself when none came. */
    private static ActiveFlow withPosition(Turn t, ActiveFlow f) {
        GeoPoint point = t.message().location();
        return point == null ? f : f.without("address").without("commune")
                .with("lat", Double.toString(point.latitude())).with("long", Double.toString(point.longitude()));
    }

    private FlowStep askWhere(Turn t, ActiveFlow f, String problem) {
        boolean share = t.message().capabilities().shareLocation();
        String question = t.msg("report.where_question", "share", yesNo(share));
        return ask(f, problem == null ? question : problem + "\n" + question, share
                ? List.of(QuickReply.shareLocation(t.msg("report.button_share_location")))
                : List.of());
    }

    private FlowStep where(Turn t, ActiveFlow f) {
        GeoPoint point = t.message().location();
        if (point != null) {
            return askDetails(t, withPosition(t, f).at(DETAILS), null);
        }
        String text = t.message().text().strip();
        if (text.length() > ReportLocation.MAX_ADDRESS_LENGTH) {
            return askWhere(t, f, t.msg("report.address_too_long", "max", String.valueOf(ReportLocation.MAX_ADDRESS_LENGTH)));
        }
        Optional<EntityMention> commune = t.entity(EntityType.COMMUNE);
        Optional<EntityMention> postcode = t.entity(EntityType.POSTCODE);
        String code = null;
        if (commune.isPresent() && !commune.get().ambiguous()) {
            code = commune.get().value();
        } else if (postcode.isPresent()) {
            List<Commune> served = geo.communesByPostcode(postcode.get().value());
            List<String> named = commune.map(EntityMention::alternatives).orElse(List.of());
            List<Commune> matching = served.stream().filter(c -> named.isEmpty() || named.contains(c.inseeCode())).toList();
            if (matching.size() == 1) {
                code = matching.getFirst().inseeCode();
            }
        }
        if (code == null) {
            String problem = commune.isPresent()
                    ? t.msg("report.several_towns")
                    : t.msg("report.town_not_recognised", "text", clip(text));
            return askWhere(t, f, problem);
        }
        return askDetails(t, f.without("lat").without("long").with("address", text).with("commune", code)
                .at(DETAILS), null);
    }

    private FlowStep askDetails(Turn t, ActiveFlow f, String problem) {
        String question = t.msg("report.details_question", "max", String.valueOf(NewReport.MAX_DESCRIPTION_LENGTH),
                "photo", yesNo(t.message().capabilities().sendPhoto()));
        return ask(f, problem == null ? question : problem + "\n" + question, List.of());
    }

    private FlowStep details(Turn t, ActiveFlow f) {
        ActiveFlow withPhoto = withPhoto(t, f);
        String text = t.message().text().strip();
        if (text.isEmpty() && withPhoto != f) {
            return askDetails(t, withPhoto, t.msg("report.thanks_for_photo"));
        }
        if (text.length() > NewReport.MAX_DESCRIPTION_LENGTH) {
            return askDetails(t, withPhoto, t.msg("report.description_too_long", "length", String.valueOf(text.length())));
        }
        if (text.length() < MIN_DESCRIPTION_LENGTH) {
            return askDetails(t, withPhoto, t.msg("report.description_too_short"));
        }
        return askContact(t, withPhoto.with("description", text).at(CONTACT), null);
    }

    private FlowStep askContact(Turn t, ActiveFlow f, String problem) {
        String question = t.msg("report.contact_question", "recipient", recipient(t));
        QuickReply no = new QuickReply(t.msg("report.button_no_thanks"), t.say("non", "no"));
        return ask(f, problem == null ? question : problem + "\n" + question,
                t.message().capabilities().shareContact()
                        ? List.of(QuickReply.shareContact(t.msg("report.button_share_number")), no)
                        : List.of(no));
    }

    private FlowStep contact(Turn t, ActiveFlow f) {
        ActiveFlow withPhoto = withPhoto(t, f);
        String text = t.message().text().strip();
        if (text.isEmpty() && withPhoto != f) {
            return askContact(t, withPhoto, t.msg("report.thanks_for_photo"));
        }
        if (NO.contains(Text.foldToWords(text))) {
            return summary(t, withPhoto.without("contact").at(CONFIRM), null);
        }
        if ((EMAIL.matcher(text).matches() || PHONE.matcher(text).matches())
                && text.length() <= NewReport.MAX_CONTACT_LENGTH) {
            return summary(t, withPhoto.with("contact", text).at(CONFIRM), null);
        }
        return askContact(t, withPhoto, t.msg("report.contact_not_recognised"));
    }

    private FlowStep summary(Turn t, ActiveFlow f, String problem) {
        ServiceCategory c = category(f);
        String photo = yesNo(f.has("photo"));
        String contact = yesNo(f.has("contact"));
        StringBuilder s = new StringBuilder();
        if (problem != null) {
            s.append(problem).append('\n');
        }
        s.append(t.msg("report.summary", "kind", c.name(t.language() == Language.EN), "place", place(t, f),
                "description", clip(f.slot("description")), "photo", photo, "has_contact", contact,
                "contact", f.has("contact") ? f.slot("contact") : "")).append('\n');
        // "Destinataire : …" reads right whatever the operator names the recipient ("à les services…" would not).
        s.append(t.msg("report.privacy_recipient", "recipient", recipient(t), "photo", photo, "has_contact", contact))
                .append('\n');
        // The Open311 server lets anyone read a report's kind, place, description and status (as FixMyStreet does):
        // the citizen must know before sending.
        s.append(t.msg(f.has("photo_public") ? "report.privacy_public_photo" : "report.privacy_public")).append('\n');
        s.append(t.msg("report.confirm_question"));
        return ask(f, s.toString(), List.of(new QuickReply(t.msg("report.button_send"), t.say("oui", "yes")),
                new QuickReply(t.msg("common.button_cancel"), t.say("annuler", "cancel"))));
    }

    private FlowStep confirm(Turn t, ActiveFlow f) {
        String said = Text.foldToWords(t.message().text());
        if (!YES.contains(said)) {
            return summary(t, f, t.msg("report.confirm_yes_or_cancel"));
        }
        ReportLocation location = f.has("lat")
                ? new ReportLocation(Double.valueOf(f.slot("lat")), Double.valueOf(f.slot("long")), null, null)
                : new ReportLocation(null, null, f.slot("address"), f.slot("commune"));
        NewReport report = new NewReport(f.slot("category"), f.slot("description"), location, f.slot("photo"),
                f.slot("contact"), t.message().channel(), t.message().conversationKey(), f.slot(DRAFT));
        // Returns only once committed: the number given below is the one the municipality sees.
        Report stored = store.submit(report, t.now());
        // Only the number is kept past the end, nothing the citizen wrote: an extra « oui » is answered with it.
        return new FlowStep.Done(List.of(new Reply.Text(t.msg("report.registered", "id", String.valueOf(stored.id()),
                "recipient", recipient(t)))),
                ActiveFlow.start(ID, ActiveFlow.ENDED).with(REPORT, Long.toString(stored.id())));
    }

    /**
     * A « oui » right after the report was stored (a double click on « Envoyer », a request sent again): the same
     * report, stored once, is confirmed again with its number.
     */
    @Override
    public Optional<List<Reply>> again(Turn t, ActiveFlow ended) {
        if (!ended.has(REPORT) || !YES.contains(Text.foldToWords(t.message().text()))) {
            return Optional.empty();
        }
        return Optional.of(List.of(new Reply.Text(t.msg("report.registered_again", "id", ended.slot(REPORT),
                "recipient", recipient(t)))));
    }

    private String recipient(Turn t) {
        return t.language() == Language.EN ? recipient.en() : recipient.fr();
    }

    private static String yesNo(boolean b) {
        return b ? "yes" : "no";
    }

    private String place(Turn t, ActiveFlow f) {
        if (f.has("lat")) {
            return t.msg("report.place_position", "latitude", f.slot("lat"), "longitude", f.slot("long"));
        }
        String town = geo.commune(f.slot("commune")).map(Commune::name).orElse(f.slot("commune"));
        String address = clip(f.slot("address"));
        return Text.foldToWords(address).equals(Text.foldToWords(town)) ? town
                : t.msg("report.place_address", "address", address, "town", town);
    }

    private static ActiveFlow withPhoto(Turn t, ActiveFlow f) {
        Attachment a = t.message().attachment();
        if (a == null || a.kind() != Attachment.Kind.PHOTO) {
            return f;
        }
        ActiveFlow with = f.with("photo", a.reference());
        return a.published() ? with.with("photo_public", "yes") : with.without("photo_public");
    }

    private ServiceCategory category(ActiveFlow f) {
        return categories.byCode(f.slot("category"))
                .orElseThrow(() -> new IllegalStateException("report category no longer configured: " + f.slot("category")));
    }

    private List<QuickReply> categoryOptions(Turn t, ServiceCategory except) {
        boolean en = t.language() == Language.EN;
        return categories.all().stream().filter(c -> c != except)
                .map(c -> new QuickReply(c.name(en), c.name(en))).toList();
    }

    private static FlowStep ask(ActiveFlow f, String text, List<QuickReply> options) {
        return new FlowStep.Ask(f, List.of(new Reply.Text(text, options)));
    }

    /** Echoes at most a line of what the citizen wrote. */
    private static String clip(String s) {
        String one = s.replaceAll("\\s+", " ").strip();
        return one.length() <= 200 ? one : one.substring(0, 199) + "…";
    }
}
