package fr.civicgateway.core.dialogue;

import fr.civicgateway.core.nlu.EntityMention;
import fr.civicgateway.core.nlu.EntityType;
import fr.civicgateway.core.nlu.Intent;
import fr.civicgateway.core.nlu.Understanding;
import fr.civicgateway.core.text.Text;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What an intent needs from a message (or from the conversation) before the dialogue answers it as that intent. The
 * classifier always names the nearest intent, even for a question the bot has no intent for ("Quoi de neuf à la
 * mairie ?" is nearest to a consultation); these rules, with the classifier's confidence, tell a question the intent
 * can answer (or ask back about) from one it would answer beside the point.
 *
 * <p>Each rule is a small named predicate over the understanding, the conversation's state and the message's words,
 * so it can be read and tested alone. Stateless and thread-safe.
 */
final class IntentNeeds {

    /**
     * At or above this confidence, an intent whose needs are not met is still answered: its handler asks back for
     * what is missing ("De quel scrutin voulez-vous le résultat ?"). Below it, the message gets the out-of-scope answer.
     */
    static final double SURE = 0.9;

    private static final Set<EntityType> PLACES = Set.of(EntityType.COMMUNE, EntityType.POSTCODE,
            EntityType.CIRCONSCRIPTION, EntityType.DEPARTEMENT);

    /** Words that make a message about a deputy, or about whoever represents the citizen. */
    private static final Set<String> REPRESENTATION_WORDS = Set.of("depute", "deputee", "deputes", "deputees",
            "deputy", "deputies", "mp", "mps", "elu", "elue", "elus", "representant", "representante", "represente",
            "representent", "represents", "represent", "representative", "circonscription", "circonscriptions",
            "constituency", "habite", "vis", "live", "lives", "living");

    /** "Mon député", "my MP": the citizen's own deputy, whom a place will give. */
    private static final Set<String> FIRST_PERSON = Set.of("mon", "ma", "mes", "my", "je", "j", "me", "moi",
            "i", "chez", "nous", "notre", "our");

    /** Words that ask for what was voted lately, without a number or a topic. */
    private static final Set<String> LATEST_WORDS = Set.of("dernier", "derniers", "derniere", "dernieres",
            "recent", "recents", "recente", "recentes", "recemment", "dernierement", "latest", "last", "recently",
            "lately", "semaine", "week", "mois", "month", "aujourd", "today", "hier", "yesterday");

    /** Words of the works and projects the local data hold. */
    private static final Set<String> LOCAL_WORDS = Set.of("travaux", "chantier", "chantiers", "projet", "projets",
            "budget", "participatif", "amenagement", "amenagements", "renovation", "construction", "voirie", "rue",
            "quartier", "works", "worksite", "worksites", "roadworks", "project", "projects", "participatory",
            "street", "building", "neighbourhood", "neighborhood", "pres", "near", "autour", "around");

    /** Words that put a question in the Parliament, not in the town's streets. */
    private static final Set<String> PARLIAMENT_WORDS = Set.of("parlementaire", "parlementaires", "parlement",
            "assemblee", "loi", "lois", "legislatif", "legislatifs", "legislative", "senat", "parliament",
            "parliamentary", "bill", "bills", "law", "laws", "senate", "hemicycle");

    /** More words of the Parliament's work and institutions, for the intents about them. */
    private static final Set<String> INSTITUTION_WORDS = Set.of("depute", "deputes", "deputy", "deputies", "mp",
            "mps", "seance", "seances", "sitting", "sittings", "chamber", "chambre", "chambres", "commission",
            "committee", "amendement", "amendment", "motion", "censure", "censorship", "scrutin", "scrutins", "vote",
            "votes", "ballot", "lecture", "reading", "texte", "textes", "text", "texts", "reforme", "reform", "qag",
            "gouvernement", "government", "ordre", "agenda", "session", "quorum", "dissolution", "49", "rapporteur",
            "navette", "shuttle", "promulguee", "promulgue", "promulgated", "constitutionnel", "constitutional");

    /** Words of the town hall and the town, for its news. */
    private static final Set<String> TOWN_WORDS = Set.of("mairie", "maire", "ville", "commune", "municipal",
            "municipale", "municipales", "municipaux", "quartier", "town", "city", "council", "mayor",
            "neighbourhood", "neighborhood", "hall");

    /** Words of alerts and subscriptions. */
    private static final Set<String> FOLLOW_WORDS = Set.of("suivre", "suivis", "suivi", "suis", "alerte", "alertes",
            "alerter", "abonne", "abonnes", "abonner", "abonnement", "abonnements", "desabonne",
            "desabonner", "desabonnez", "abonnez", "previens", "prevenir", "prevenez", "prevenu", "notifie",
            "notifications", "notification", "notifier", "informe", "courant", "follow", "following", "follows",
            "unfollow", "subscribe", "subscribed", "subscription", "subscriptions", "unsubscribe", "alert", "alerts",
            "notify", "notified", "posted", "informed", "tell", "warn", "know", "diffusion", "envoie", "envoyer",
            "send", "sending", "recevoir", "receive", "messages", "surveille", "watch");

    /** Words of votes cast, for a deputy's votes. */
    private static final Set<String> VOTE_WORDS = Set.of("vote", "votes", "voted", "voter", "votent", "votait",
            "scrutin", "scrutins", "ballot", "ballots", "voting");

    /** Words that ask how often a deputy votes, not how. */
    private static final Set<String> ATTENDANCE_WORDS = Set.of("participation", "participe", "participer", "taux",
            "assiduite", "assidu", "assidue", "presence", "present", "presente", "absent", "absente", "absences",
            "attendance", "rate", "pourcentage", "percentage", "combien", "many", "often", "souvent");

    /** Intents a message naming a deputy and their votes is wrongly nearest to. */
    private static final Set<Intent> NOT_A_DEPUTYS_VOTES = Set.of(Intent.FOLLOW, Intent.UNFOLLOW,
            Intent.VOTE_RESULT, Intent.PARLIAMENT_ACTIVITY, Intent.OUT_OF_SCOPE, Intent.REPRESENTATIVE_PROFILE,
            Intent.GREET, Intent.HELP, Intent.LEGISLATIVE_WORK, Intent.BILL_STATUS);

    /**
     * "Quels sont les derniers votes de Gabriel Attal ?", "Show me Boris Vallaud's votes": vote words, none of
     * alerts ("suis les votes de …" stays a follow request) nor of attendance, and the classifier's intent one
     * that cannot answer about a deputy's votes.
     */
    static boolean asksForADeputysVotes(Intent intent, String text) {
        if (!NOT_A_DEPUTYS_VOTES.contains(intent)) {
            return false;
        }
        List<String> words = words(text);
        return words.stream().anyMatch(VOTE_WORDS::contains) && words.stream().noneMatch(FOLLOW_WORDS::contains)
                && words.stream().noneMatch(ATTENDANCE_WORDS::contains);
    }

    /** Offices other than a deputy's: a question about them is not about a deputy. */
    private static final Set<String> OTHER_OFFICES = Set.of("maire", "maires", "mayor", "mayors", "senateur",
            "senatrice", "senateurs", "senator", "senators", "ministre", "ministres", "minister", "ministers",
            "president", "presidente", "conseiller", "conseillere", "conseillers", "councillor", "councillors",
            "prefet", "prefete", "prefecture", "prefect", "gouverneur", "governor", "adjoint", "adjointe");

    /** What the bot holds nothing about: a person's age, seniority, what something costs. */
    private static final Set<String> NOTHING_HELD = Set.of("age", "ages", "ans", "old", "anciennete", "seniority",
            "coute", "coutent", "cout", "couts", "cost", "costs", "salaire", "salaires", "salary", "paye", "paid",
            "procuration", "naissance", "born");

    /**
     * Words of a deputy's pay, held nowhere ("combien gagne un député ?", "Combien gagne Mathilde Panot ?"); only
     * with words of outside income ("combien gagne {deputy} en plus de son mandat ?") is it their declaration.
     */
    private static final Set<String> PAY = Set.of("earn", "earns", "earning", "earnings", "gagne", "gagnent",
            "pay", "expenses", "frais", "remuneration", "remunere", "remuneres", "indemnite", "indemnites");

    /** Words that make a deputy's earnings their declared outside income ("en plus de son mandat", "outside"). */
    private static final Set<String> OUTSIDE_INCOME = Set.of("plus", "outre", "hors", "parallele", "cote", "besides",
            "outside", "side", "declare", "declares", "declaration", "declarations", "declared", "interets",
            "interests", "activites", "activities", "hatvp");

    /** Intents a question about another office or about what no data holds is wrongly nearest to. */
    private static final Set<Intent> ABOUT_DEPUTIES = Set.of(Intent.FIND_REPRESENTATIVE,
            Intent.REPRESENTATIVE_PROFILE, Intent.REPRESENTATIVE_ATTENDANCE, Intent.REPRESENTATIVE_VOTES,
            Intent.REPRESENTATIVE_BILLS, Intent.REPRESENTATIVE_SPEECHES, Intent.REPRESENTATIVE_QUESTIONS,
            Intent.REPRESENTATIVE_PRESENCE, Intent.REPRESENTATIVE_INTERESTS, Intent.CONTACT_REPRESENTATIVE,
            Intent.ASSEMBLY_INFO, Intent.PARLIAMENT_ACTIVITY, Intent.CONSULTATION, Intent.GREET, Intent.HELP, Intent.OUT_OF_SCOPE);

    /**
     * "Qui est le maire de Paris ?" (another office, and no deputy nor deputy word), "Quel âge a Marine Le Pen ?",
     * "Combien coûte l'Assemblée nationale ?", "Comment voter par procuration ?" (what no intent holds): the
     * out-of-scope answer, not the nearest deputy or "not yet" answer.
     */
    static boolean asksAboutSomethingElse(Intent intent, Understanding u, String text) {
        if (!ABOUT_DEPUTIES.contains(intent) || u.first(EntityType.SCRUTIN).isPresent()
                || u.first(EntityType.TOPIC).isPresent()) {
            return false;
        }
        List<String> words = words(text);
        if (words.stream().anyMatch(NOTHING_HELD::contains)) {
            return true;
        }
        // "how much does an MP earn?", "Combien gagne Mathilde Panot ?": a deputy's pay is held nowhere; only
        // "combien gagne {deputy} en plus de son mandat ?" asks the declared outside income
        if (words.stream().anyMatch(PAY::contains) && words.stream().noneMatch(OUTSIDE_INCOME::contains)) {
            return true;
        }
        // "le président de l'Assemblée", "le président du groupe LFI" are the Assemblée's own offices
        return intent != Intent.ASSEMBLY_INFO && u.first(EntityType.GROUP).isEmpty()
                && words.stream().noneMatch(w -> w.equals("assemblee") || w.equals("groupe") || w.equals("group"))
                && words.stream().anyMatch(OTHER_OFFICES::contains) && u.first(EntityType.DEPUTY).isEmpty()
                && words.stream().noneMatch(REPRESENTATION_WORDS::contains);
    }

    /** Deputy intents a general "what is …?" question about one of the Assemblée's notions is wrongly nearest to. */
    private static final Set<Intent> NEED_A_DEPUTY = Set.of(Intent.REPRESENTATIVE_PROFILE,
            Intent.REPRESENTATIVE_ATTENDANCE, Intent.REPRESENTATIVE_VOTES, Intent.REPRESENTATIVE_BILLS,
            Intent.REPRESENTATIVE_SPEECHES, Intent.REPRESENTATIVE_QUESTIONS, Intent.REPRESENTATIVE_PRESENCE,
            Intent.REPRESENTATIVE_INTERESTS, Intent.CONTACT_REPRESENTATIVE);

    /** Openings of a request for a definition, folded to words: "c'est quoi", "qu'est-ce qu'un", "what is". */
    private static final List<List<String>> DEFINITION = List.of(List.of("c", "est", "quoi"),
            List.of("qu", "est", "ce"), List.of("que", "sont"), List.of("que", "signifie"), List.of("ca", "veut", "dire"),
            List.of("what", "is"), List.of("what", "are"), List.of("what", "s"), List.of("what", "does"),
            List.of("define"), List.of("definition"));

    /** Words that point at a deputy without naming one ("ses questions", "his votes"). */
    private static final Set<String> POINTING = Set.of("son", "sa", "ses", "leur", "leurs", "his", "her", "their",
            "il", "elle", "he", "she", "him", "they");

    /**
     * "C'est quoi les questions au gouvernement ?", "what is a question to the government?": a definition asked
     * with a deputy intent's words but no deputy named, pointed at ("ses questions") nor the citizen's own ("mon
     * député"), is about the notion, not about a deputy.
     */
    static boolean asksWhatANotionIs(Intent intent, Understanding u, String text) {
        if (!NEED_A_DEPUTY.contains(intent) || u.first(EntityType.DEPUTY).isPresent() || hasPlace(u)) {
            return false;
        }
        List<String> words = words(text);
        if (words.stream().anyMatch(w -> POINTING.contains(w) || FIRST_PERSON.contains(w))) {
            return false;
        }
        for (List<String> opening : DEFINITION) {
            if (Collections.indexOfSubList(words, opening) >= 0) {
                return true;
            }
        }
        return false;
    }

    /** Whether the message is its entity mentions and filler words only ("et Mathilde Panot ?"). */
    static boolean onlyTheMentions(Understanding u, String text) {
        return words(withoutMentions(text, u.entities())).stream().allMatch(FILLER::contains);
    }

    /** Words of a citizen's own report, whose status they ask. */
    private static final Set<String> REPORT_WORDS = Set.of("signalement", "signalements", "signale", "signalee",
            "declaration", "demande", "report", "reported", "reports", "ticket");

    /** Words that carry no subject of their own, left out when telling a bare place from a sentence around it. */
    private static final Set<String> FILLER = Set.of("a", "au", "aux", "de", "du", "des", "la", "le", "les", "l",
            "et", "en", "dans", "sur", "pour", "in", "at", "for", "the", "of", "and", "to", "on", "what", "about",
            "how", "alors", "ok", "oui", "yes", "c", "est", "is", "it", "ca", "quoi", "qui", "who",
            "which", "quel", "quelle", "d", "then", "puis", "il", "elle", "lui", "he", "she", "him", "her", "s");

    private IntentNeeds() {
    }

    /**
     * The intent to answer: {@code intent} when its needs are met, or when the classifier is {@link #SURE} of it
     * and its handler can ask for what is missing; otherwise {@link Intent#OUT_OF_SCOPE}. A local-projects answer to
     * a question about the Parliament is never given, however sure the classifier is.
     */
    static Intent decide(Intent intent, Understanding u, ConversationState state, String text) {
        List<String> words = words(text);
        if (intent == Intent.LOCAL_PROJECTS && aboutParliament(words)) {
            return Intent.OUT_OF_SCOPE;
        }
        if (met(intent, u, state, words) || u.confidence() >= SURE) {
            return intent;
        }
        return Intent.OUT_OF_SCOPE;
    }

    /** Whether the message (or the conversation) has what the intent needs. */
    static boolean met(Intent intent, Understanding u, ConversationState state, List<String> words) {
        return switch (intent.name()) {
            case "representative_profile", "representative_attendance" -> aDeputy(u, state, words);
            // a group alone is a question of its cohesion ("Le groupe LFI est-il uni ?")
            case "representative_votes" -> aDeputy(u, state, words) || u.first(EntityType.GROUP).isPresent();
            case "vote_result" -> aScrutin(u, state, words);
            case "find_representative" -> aPlaceOrOwnDeputy(u, words);
            case "local_projects" -> aLocalSubject(u, words);
            case "representative_bills", "representative_speeches", "representative_questions", "representative_presence",
                 "representative_interests", "contact_representative" -> aDeputy(u, state, words);
            case "bill_status", "legislative_work", "agenda", "assembly_info" -> aboutParliament(words)
                    || words.stream().anyMatch(INSTITUTION_WORDS::contains) || u.first(EntityType.DOSSIER).isPresent();
            case "local_news" -> hasPlace(u) || words.stream().anyMatch(TOWN_WORDS::contains);
            case "follow", "unfollow" -> words.stream().anyMatch(FOLLOW_WORDS::contains);
            case "report_status" -> u.first(EntityType.REPORT).isPresent()
                    || words.stream().anyMatch(REPORT_WORDS::contains);
            // An intent the core does not know (a handler added since) needs nothing the core could check.
            default -> true;
        };
    }

    /**
     * A deputy named, one in the conversation, a place that gives one, words about a deputy, or a capitalised word
     * past the first ("Qui est Jean-Luc Mélenchon ?"): a name the handler's resolver then finds, or says is no deputy's.
     */
    static boolean aDeputy(Understanding u, ConversationState state, List<String> words) {
        return u.first(EntityType.DEPUTY).isPresent() || state.lastDeputyUid() != null || hasPlace(u)
                || words.stream().anyMatch(REPRESENTATION_WORDS::contains) || CAPITALISED_LATER.matcher(u.text()).find();
    }

    /** Whether the message has a word about a deputy or about where the citizen lives ("député", "MP", "habite"). */
    static boolean speaksOfADeputyOrWhereOneLives(String text) {
        return words(text).stream().anyMatch(REPRESENTATION_WORDS::contains);
    }

    /** A capitalised word after the first word of the message. */
    private static final Pattern CAPITALISED_LATER = Pattern.compile("\\S\\s+\\p{Lu}\\p{Ll}");

    /** "texte n° 482", "proposition de loi organique 12", "bill no. 482": a text word right before a number. */
    private static final Pattern BILL_TEXT_NUMBER = Pattern.compile("\\b(?:texte|textes|text|proposition|projet|bill"
            + "|ppl|pjl)(?: de loi| de resolution| of law)?(?: organique| adopte| adopted)? (?:n|no|numero|number|nr)? ?"
            + "\\d{1,5}\\b");

    /** Whether the message names a bill text by its number ("le texte n° 482"). */
    static boolean namesABillText(String text) {
        return BILL_TEXT_NUMBER.matcher(Text.foldToWords(text)).find();
    }

    /** A scrutin number, a topic, a "latest" wording, or a scrutin in the conversation. */
    static boolean aScrutin(Understanding u, ConversationState state, List<String> words) {
        return u.first(EntityType.SCRUTIN).isPresent() || u.first(EntityType.TOPIC).isPresent()
                || state.lastScrutin() != null || words.stream().anyMatch(LATEST_WORDS::contains);
    }

    /**
     * A place, the citizen's own deputy ("Qui est mon député ?"), or a capitalised name, which the handler looks up
     * among the deputies ("Qui est Jean-Luc Mélenchon ?" → no deputy has that name).
     */
    static boolean aPlaceOrOwnDeputy(Understanding u, List<String> words) {
        return hasPlace(u) || CAPITALISED_LATER.matcher(u.text()).find() || (words.stream().anyMatch(FIRST_PERSON::contains)
                && words.stream().anyMatch(REPRESENTATION_WORDS::contains))
                || words.stream().anyMatch(w -> w.equals("circonscription") || w.equals("constituency"));
    }

    /** A word of local works or projects, or a place or street to look around, and nothing about the Parliament. */
    static boolean aLocalSubject(Understanding u, List<String> words) {
        return !aboutParliament(words) && (hasPlace(u) || words.stream().anyMatch(LOCAL_WORDS::contains));
    }

    /** "Quels sont les travaux parlementaires en cours ?": the Parliament's work, not the town's. */
    static boolean aboutParliament(List<String> words) {
        return words.stream().anyMatch(PARLIAMENT_WORDS::contains);
    }

    /**
     * Whether a place in a message the classifier did not understand is the question itself: the place alone
     * ("Annecy", "et à Lyon ?") or with words about a deputy ("le député d'Annecy"). "Quelqu'un vient à la réunion
     * ce soir ?" names a commune (La Réunion) but is not about it.
     */
    static boolean placeIsTheQuestion(Understanding u, String text) {
        if (!hasPlace(u)) {
            return false;
        }
        List<String> rest = words(withoutMentions(text, u.entities()));
        if (rest.stream().anyMatch(REPRESENTATION_WORDS::contains)) {
            return true;
        }
        return rest.stream().filter(w -> !FILLER.contains(w)).count() <= 1;
    }

    private static boolean hasPlace(Understanding u) {
        return u.entities().stream().anyMatch(e -> PLACES.contains(e.type()));
    }

    static List<String> words(String text) {
        String folded = Text.foldToWords(text);
        return folded.isEmpty() ? List.of() : Arrays.asList(folded.split(" "));
    }

    private static String withoutMentions(String text, List<EntityMention> mentions) {
        StringBuilder sb = new StringBuilder(text.length());
        int at = 0;
        for (EntityMention m : mentions) {
            if (m.start() < at || m.end() > text.length()) {
                continue;
            }
            sb.append(text, at, m.start()).append(' ');
            at = m.end();
        }
        return sb.append(text, Math.min(at, text.length()), text.length()).toString();
    }
}
