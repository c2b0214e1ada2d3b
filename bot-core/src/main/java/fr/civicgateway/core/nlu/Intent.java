package fr.civicgateway.core.nlu;

import java.util.Optional;

/** The fixed intent catalogue of the public API (API.md §2): add new ones, never rename these. */
public enum Intent {
    GREET("greet"),
    HELP("help"),
    FIND_REPRESENTATIVE("find_representative"),
    REPRESENTATIVE_PROFILE("representative_profile"),
    REPRESENTATIVE_ATTENDANCE("representative_attendance"),
    REPRESENTATIVE_VOTES("representative_votes"),
    VOTE_RESULT("vote_result"),
    PARLIAMENT_ACTIVITY("parliament_activity"),
    LOCAL_PROJECTS("local_projects"),
    REPORT_PROBLEM("report_problem"),
    CONSULTATION("consultation"),
    /** Where a problem report stands: "Où en est mon signalement 42 ?". */
    REPORT_STATUS("report_status"),
    /** Where a bill (dossier législatif) stands. */
    BILL_STATUS("bill_status"),
    /** Which bills the Assemblée is working on, which texts it adopted lately. */
    LEGISLATIVE_WORK("legislative_work"),
    /** When the Assemblée sits next and what is on its agenda; what happened on a given day. */
    AGENDA("agenda"),
    /** Which propositions de loi a named deputy authored or co-signed. */
    REPRESENTATIVE_BILLS("representative_bills"),
    /** How often and when a named deputy spoke in the chamber. */
    REPRESENTATIVE_SPEECHES("representative_speeches"),
    /** Which questions au Gouvernement / questions écrites a named deputy asked. */
    REPRESENTATIVE_QUESTIONS("representative_questions"),
    /** A named deputy's recorded presence at committee meetings. */
    REPRESENTATIVE_PRESENCE("representative_presence"),
    /** A named deputy's declarations to the HATVP. */
    REPRESENTATIVE_INTERESTS("representative_interests"),
    /** How to reach one's deputy or give them an opinion. */
    CONTACT_REPRESENTATIVE("contact_representative"),
    /** How the Assemblée works. */
    ASSEMBLY_INFO("assembly_info"),
    /** The town hall's latest news. */
    LOCAL_NEWS("local_news"),
    /** To be told when something changes. */
    FOLLOW("follow"),
    /** To see what one follows, or stop it. */
    UNFOLLOW("unfollow"),
    OUT_OF_SCOPE("out_of_scope");

    private final String apiName;

    Intent(String apiName) {
        this.apiName = apiName;
    }

    /** The name used on the wire and in the training corpus. */
    public String apiName() {
        return apiName;
    }

    public static Optional<Intent> fromApiName(String name) {
        for (Intent i : values()) {
            if (i.apiName.equals(name)) {
                return Optional.of(i);
            }
        }
        return Optional.empty();
    }
}
