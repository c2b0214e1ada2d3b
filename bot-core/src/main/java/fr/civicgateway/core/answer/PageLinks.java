package fr.civicgateway.core.answer;

import java.util.Objects;

/**
 * The gateway's public pages of a deputy and of a scrutin ({@code <public URL>/deputes/PA720892},
 * {@code <public URL>/scrutins/3876}), which the profile and result answers link ("Voir la fiche"). Built by the
 * application from {@code civic.public-url} as {@link MethodLinks} is; the web pages are served at these same paths.
 *
 * @param base the public base URL, absolute http(s), without a trailing slash
 */
public record PageLinks(String base) {

    /** The deputy pages' path, before the acteur uid. */
    public static final String DEPUTY_PATH = "/deputes/";
    /** The scrutin pages' path, before the number. */
    public static final String SCRUTIN_PATH = "/scrutins/";

    public PageLinks {
        Objects.requireNonNull(base, "base");
        base = MethodLinks.normalised(base);
    }

    /** The pages under {@code publicUrl}; a trailing slash is dropped. */
    public static PageLinks at(String publicUrl) {
        return new PageLinks(publicUrl);
    }

    /** {@code https://bot.example.org/deputes/PA720892}. */
    public String deputy(String uid) {
        return base + DEPUTY_PATH + uid;
    }

    /** {@code https://bot.example.org/scrutins/3876}. */
    public String scrutin(int number) {
        return base + SCRUTIN_PATH + number;
    }
}
