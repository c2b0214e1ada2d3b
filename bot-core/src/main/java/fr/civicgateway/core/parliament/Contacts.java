package fr.civicgateway.core.parliament;

import java.util.List;
import java.util.Objects;

/**
 * A deputy's official contact channels as the Assemblée publishes them in the acteur's {@code adresses} (AMO
 * archives): nothing is derived or guessed, and a kind the data does not give is an empty list. These are the
 * deputy's public, official channels; nothing here is about a citizen.
 *
 * @param emails    e-mail addresses ({@code Mèl}), in the data's order
 * @param postal    postal addresses: the official one (at the Assemblée) and the published constituency office
 * @param phones    telephone numbers as written in the data (a constituency office's, usually)
 * @param websites  web sites ({@code Site internet}), as written (often without {@code https://})
 * @param social    social network accounts ({@code Twitter}, {@code Facebook}, {@code Instagram}, {@code Linkedin})
 */
public record Contacts(List<String> emails, List<PostalAddress> postal, List<String> phones, List<String> websites,
                       List<SocialAccount> social) {

    /** No channel: a deputy whose acteur file lists none, or data that does not carry contacts. */
    public static final Contacts NONE = new Contacts(List.of(), List.of(), List.of(), List.of(), List.of());

    public Contacts {
        emails = List.copyOf(emails);
        postal = List.copyOf(postal);
        phones = List.copyOf(phones);
        websites = List.copyOf(websites);
        social = List.copyOf(social);
    }

    public boolean isEmpty() {
        return emails.isEmpty() && postal.isEmpty() && phones.isEmpty() && websites.isEmpty() && social.isEmpty();
    }

    /** The postal addresses of one kind. */
    public List<PostalAddress> postal(PostalAddress.Kind kind) {
        return postal.stream().filter(p -> p.kind() == kind).toList();
    }

    /**
     * A postal address, its parts joined as published ("Assemblée nationale, 126 Rue de l'Université, 75355 Paris 07 SP").
     *
     * @param kind  {@link Kind#ASSEMBLEE} (type 0, "Adresse officielle") or {@link Kind#CONSTITUENCY} (type 2,
     *              "Adresse publiée de circonscription")
     * @param text  the address on one line
     */
    public record PostalAddress(Kind kind, String text) {

        public enum Kind { ASSEMBLEE, CONSTITUENCY }

        public PostalAddress {
            Objects.requireNonNull(kind, "kind");
            if (text == null || text.isBlank()) {
                throw new IllegalArgumentException("postal address text must not be blank");
            }
        }
    }

    /**
     * An account on a social network, as published: the network's name as the data writes it ({@code Twitter}) and
     * the handle or path ({@code @mathildepanot}, {@code /in/…}).
     */
    public record SocialAccount(String network, String handle) {

        public SocialAccount {
            if (network == null || network.isBlank() || handle == null || handle.isBlank()) {
                throw new IllegalArgumentException("social account needs a network and a handle: " + network + " " + handle);
            }
        }
    }
}
