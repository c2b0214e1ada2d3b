package fr.civicgateway.core.parliament;

import java.util.Objects;

/**
 * A legislative constituency (circonscription).
 *
 * @param departementCode the département code as the API states it: {@code 33}, {@code 2A}, {@code 971};
 *                        {@code 99} for the Français établis hors de France
 * @param departementName e.g. {@code Gironde}
 * @param number          the constituency's number within its département, from 1
 */
public record Constituency(String departementCode, String departementName, int number) {

    public Constituency {
        Objects.requireNonNull(departementCode, "departementCode");
        if (number < 1) {
            throw new IllegalArgumentException("constituency number must be at least 1: " + number);
        }
    }

    /** The API's circonscription entity value: département code, dash, number ({@code 33-4}). */
    public String id() {
        return departementCode + "-" + number;
    }

    public static String id(String departementCode, int number) {
        return departementCode + "-" + number;
    }
}
