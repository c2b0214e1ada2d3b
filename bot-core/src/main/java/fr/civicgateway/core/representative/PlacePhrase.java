package fr.civicgateway.core.representative;

import fr.civicgateway.core.nlu.EntityType;
import fr.civicgateway.core.nlu.Understanding;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where the citizen says they live when the gazetteer found no place there ("J'habite à Xyzville", "I live in
 * Xyzville"): the place is then unknown, and the answer says so instead of answering about another deputy (the
 * conversation's last one). Only used to word that answer, never to look anything up.
 */
final class PlacePhrase {

    /** "j'habite à", "je vis en", "je suis à", "I live in", "I'm in": then a capitalised name, hyphens included. */
    private static final Pattern LIVING_AT = Pattern.compile("(?iu:\\b(?:j['’]\\s?habite|nous habitons|on habite"
            + "|je vis|je r[ée]side|je suis|i live|we live|i['’]m|i am)\\s+(?:à|a|au|aux|en|dans|in|at)\\s+)"
            + "(\\p{Lu}[\\p{L}'’]*(?:(?:-|\\s+)(?:(?:sur|sous|en|le|la|les|de|du|des|lès|lez)(?:-|\\s+))*\\p{Lu}[\\p{L}'’]*)*)");

    private static final Set<EntityType> PLACES = Set.of(EntityType.COMMUNE, EntityType.POSTCODE,
            EntityType.CIRCONSCRIPTION, EntityType.DEPARTEMENT);

    private PlacePhrase() {
    }

    /**
     * The name said after "j'habite à" / "I live in" when the message has no place the gazetteer knows (a guessed
     * one, "Brive" a typing error from a few other communes, is not known).
     */
    static Optional<String> unknownPlace(Understanding u, String text) {
        if (u.entities().stream().anyMatch(e -> PLACES.contains(e.type()) && !e.guessed())) {
            return Optional.empty();
        }
        Matcher m = LIVING_AT.matcher(text);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    /**
     * The text with the places the gazetteer found blanked out: a town's name is not a person's ("Boulogne
     * Billancourt"). A guessed place stays: "Macron" is a few typing errors from communes, and a name.
     */
    static String withoutPlaces(Understanding u, String text) {
        StringBuilder out = new StringBuilder(text);
        for (var e : u.entities()) {
            if (PLACES.contains(e.type()) && !e.guessed() && e.start() >= 0 && e.end() <= out.length() && e.start() <= e.end()) {
                for (int i = e.start(); i < e.end(); i++) {
                    out.setCharAt(i, ' ');
                }
            }
        }
        return out.toString();
    }
}
