package fr.civicgateway.opendata.assemblee;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import fr.civicgateway.core.parliament.Contacts;
import tools.jackson.databind.JsonNode;

/**
 * Reads an acteur's {@code adresses.adresse} (one object or an array) into {@link Contacts}: the channels as
 * published, normalised only in form (a postal address's parts on one line, without the trailing commas the export
 * leaves in {@code intitule} and {@code nomRue}). Kept: e-mail ({@code type} 15), the official postal address (0) and
 * the published constituency office (2), telephone (11), web site (22), Twitter (24), Facebook (25), Instagram (29),
 * LinkedIn (30). Left out: fax (12, one deputy), and the former senator's page on senat.fr (23), which is no channel
 * of the deputy.
 *
 * <p>Raw values are cleaned here, once: a French telephone number is written the French way, in pairs
 * ("0450248819", "04.50.24.88.19" → "04 50 24 88 19"; other numbers as published), and a LinkedIn value, which the
 * export writes in many broken forms ("/in/fr.linkedin.com/in/ctivoli?original_referer=…"), becomes its profile's
 * address {@code https://www.linkedin.com/in/<id>}, or is dropped when no profile id can be read from it.
 *
 * <p>An entry without its value is skipped rather than refusing the archive: an address is never a reason to
 * answer nothing about votes.
 */
final class ContactsReader {

    private static final Map<String, String> SOCIAL = Map.of("24", "Twitter", "25", "Facebook", "29", "Instagram",
            "30", "LinkedIn");

    private ContactsReader() {
    }

    static Contacts read(JsonNode acteur) {
        List<String> emails = new ArrayList<>(2);
        List<Contacts.PostalAddress> postal = new ArrayList<>(2);
        List<String> phones = new ArrayList<>(1);
        List<String> websites = new ArrayList<>(1);
        List<Contacts.SocialAccount> social = new ArrayList<>(4);
        for (JsonNode a : Json.list(Json.at(acteur, "adresses.adresse"))) {
            try {
                add(a, emails, postal, phones, websites, social);
            } catch (Json.Malformed e) {
                // One odd entry (AMO30 goes back to 1997) loses that channel only; the others are still given.
            }
        }
        if (emails.isEmpty() && postal.isEmpty() && phones.isEmpty() && websites.isEmpty() && social.isEmpty()) {
            return Contacts.NONE;
        }
        return new Contacts(emails, postal, phones, websites, social);
    }

    private static void add(JsonNode a, List<String> emails, List<Contacts.PostalAddress> postal, List<String> phones,
                            List<String> websites, List<Contacts.SocialAccount> social) {
        String type = Json.text(a, "type");
        if (type == null) {
            return;
        }
        switch (type) {
            case "0" -> postal(a).ifPresent(t -> postal.add(new Contacts.PostalAddress(Contacts.PostalAddress.Kind.ASSEMBLEE, t)));
            case "2" -> postal(a).ifPresent(t -> postal.add(new Contacts.PostalAddress(Contacts.PostalAddress.Kind.CONSTITUENCY, t)));
            case "15" -> value(a, emails);
            case "11" -> {
                String v = Json.text(a, "valElec");
                if (v != null && !v.isBlank() && !phones.contains(phone(v))) {
                    phones.add(phone(v));
                }
            }
            case "22" -> value(a, websites);
            default -> {
                String network = SOCIAL.get(type);
                String handle = Json.text(a, "valElec");
                if ("LinkedIn".equals(network)) {
                    handle = handle == null ? null : linkedIn(handle).orElse(null);
                }
                if (network != null && handle != null && !handle.isBlank()) {
                    social.add(new Contacts.SocialAccount(network, handle));
                }
            }
        }
    }

    private static void value(JsonNode a, List<String> into) {
        String v = Json.text(a, "valElec");
        if (v != null && !into.contains(v)) {
            into.add(v);
        }
    }

    /** A French number: 0 and nine digits, run together or split by spaces, dots or hyphens. */
    private static final Pattern FRENCH_PHONE = Pattern.compile("(?<![\\d+])0\\d(?:[ .\\-]?\\d\\d){4}(?!\\d)");

    /** "0450248819", "04.50.24.88.19" → "04 50 24 88 19", each French number of the value; the rest as written. */
    static String phone(String raw) {
        Matcher m = FRENCH_PHONE.matcher(raw.strip());
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String digits = m.group().replaceAll("[^0-9]", "");
            StringBuilder pairs = new StringBuilder(14);
            for (int i = 0; i < digits.length(); i += 2) {
                pairs.append(i == 0 ? "" : " ").append(digits, i, i + 2);
            }
            m.appendReplacement(out, pairs.toString());
        }
        m.appendTail(out);
        return out.toString();
    }

    /** A profile id in a LinkedIn value: the last "in/<id>" that is no host name ("fr.linkedin.com"). */
    private static final Pattern LINKEDIN_ID = Pattern.compile("(?:^|/)in/([^/?#\\s]+)");

    /** The profile's address, or empty when the value names no profile. */
    static Optional<String> linkedIn(String raw) {
        Matcher m = LINKEDIN_ID.matcher(raw.strip());
        String id = null;
        while (m.find()) {
            if (!m.group(1).contains("linkedin.")) {
                id = m.group(1);
            }
        }
        return id == null ? Optional.empty() : Optional.of("https://www.linkedin.com/in/" + id);
    }

    /** "Assemblée nationale, 126 Rue de l'Université, 75355 Paris 07 SP". */
    private static Optional<String> postal(JsonNode a) {
        List<String> parts = new ArrayList<>(4);
        add(parts, Json.text(a, "intitule"));
        String street = join(Json.text(a, "numeroRue"), Json.text(a, "nomRue"));
        add(parts, street);
        add(parts, Json.text(a, "complementAdresse"));
        add(parts, join(Json.text(a, "codePostal"), Json.text(a, "ville")));
        // Every deputy has the Assemblée's address: one string for all.
        return parts.isEmpty() ? Optional.empty() : Optional.of(String.join(", ", parts).intern());
    }

    private static String join(String a, String b) {
        String left = clean(a);
        String right = clean(b);
        if (left == null) {
            return right;
        }
        return right == null ? left : left + " " + right;
    }

    private static void add(List<String> parts, String part) {
        String c = clean(part);
        if (c != null) {
            parts.add(c);
        }
    }

    /** Without the trailing commas and spaces of the export ("Assemblée nationale,"). */
    private static String clean(String s) {
        if (s == null) {
            return null;
        }
        String t = s.strip();
        while (t.endsWith(",")) {
            t = t.substring(0, t.length() - 1).strip();
        }
        return t.isEmpty() ? null : t;
    }
}
