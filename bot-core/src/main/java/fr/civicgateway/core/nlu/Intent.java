package fr.civicgateway.core.nlu;

import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.regex.Pattern;

/**
 * An intent: a name of the API's intent catalogue (API.md §2), owned by the handler or flow that answers it. The set
 * is open: a new handler brings a new name ({@code Intent.named("weather")}) with its training corpus
 * ({@code nlu/intents/<name>.fr.tsv}, {@code .en.tsv}), and the gateway understands and answers it; nothing here is
 * edited. Never rename a published one.
 *
 * <p>The constants below are the names the core's own rules refer to (the dialogue's decision policies,
 * {@code IntentNeeds}, the handlers of the shipped answers); they are conveniences, not a closed list. Two intents
 * are equal when their names are, and there is one instance per name, so {@code ==} compares them too.
 *
 * <p>Immutable and thread-safe.
 */
public final class Intent {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,63}");
    private static final ConcurrentMap<String, Intent> BY_NAME = new ConcurrentHashMap<>();

    public static final Intent GREET = named("greet");
    public static final Intent HELP = named("help");
    public static final Intent FIND_REPRESENTATIVE = named("find_representative");
    public static final Intent REPRESENTATIVE_PROFILE = named("representative_profile");
    public static final Intent REPRESENTATIVE_ATTENDANCE = named("representative_attendance");
    public static final Intent REPRESENTATIVE_VOTES = named("representative_votes");
    public static final Intent VOTE_RESULT = named("vote_result");
    public static final Intent PARLIAMENT_ACTIVITY = named("parliament_activity");
    public static final Intent LOCAL_PROJECTS = named("local_projects");
    public static final Intent REPORT_PROBLEM = named("report_problem");
    public static final Intent CONSULTATION = named("consultation");
    /** Where a problem report stands: "Où en est mon signalement 42 ?". */
    public static final Intent REPORT_STATUS = named("report_status");
    /** Where a bill (dossier législatif) stands. */
    public static final Intent BILL_STATUS = named("bill_status");
    /** Which bills the Assemblée is working on, which texts it adopted lately. */
    public static final Intent LEGISLATIVE_WORK = named("legislative_work");
    /** When the Assemblée sits next and what is on its agenda; what happened on a given day. */
    public static final Intent AGENDA = named("agenda");
    /** Which propositions de loi a named deputy authored or co-signed. */
    public static final Intent REPRESENTATIVE_BILLS = named("representative_bills");
    /** How often and when a named deputy spoke in the chamber. */
    public static final Intent REPRESENTATIVE_SPEECHES = named("representative_speeches");
    /** Which questions au Gouvernement / questions écrites a named deputy asked. */
    public static final Intent REPRESENTATIVE_QUESTIONS = named("representative_questions");
    /** A named deputy's recorded presence at committee meetings. */
    public static final Intent REPRESENTATIVE_PRESENCE = named("representative_presence");
    /** A named deputy's declarations to the HATVP. */
    public static final Intent REPRESENTATIVE_INTERESTS = named("representative_interests");
    /** How to reach one's deputy or give them an opinion. */
    public static final Intent CONTACT_REPRESENTATIVE = named("contact_representative");
    /** How the Assemblée works. */
    public static final Intent ASSEMBLY_INFO = named("assembly_info");
    /** The town hall's latest news. */
    public static final Intent LOCAL_NEWS = named("local_news");
    /** To be told when something changes. */
    public static final Intent FOLLOW = named("follow");
    /** To see what one follows, or stop it. */
    public static final Intent UNFOLLOW = named("unfollow");
    /** What the gateway does not answer; its handler must always be registered. */
    public static final Intent OUT_OF_SCOPE = named("out_of_scope");

    private final String name;

    private Intent(String name) {
        this.name = name;
    }

    /**
     * The intent of that name.
     *
     * @param name the name used on the wire and in the training corpus: a lower-case letter, then lower-case
     *             letters, digits and underscores
     * @throws IllegalArgumentException for any other name
     */
    public static Intent named(String name) {
        Objects.requireNonNull(name, "name");
        Intent known = BY_NAME.get(name);
        if (known != null) {
            return known;
        }
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("an intent name is lower-case letters, digits and underscores: '" + name + "'");
        }
        return BY_NAME.computeIfAbsent(name, Intent::new);
    }

    /** The name used on the wire and in the training corpus. */
    public String name() {
        return name;
    }

    /** The name used on the wire and in the training corpus (same as {@link #name()}). */
    public String apiName() {
        return name;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Intent other && other.name.equals(name);
    }

    @Override
    public int hashCode() {
        return name.hashCode();
    }

    @Override
    public String toString() {
        return name;
    }
}
