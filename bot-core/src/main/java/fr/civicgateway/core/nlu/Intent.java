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
