package fr.civicgateway.opendata.assemblee;

/**
 * The one failure of the Assemblée nationale adapter: an archive that cannot be read or an entry that does not
 * have the expected shape. The message names the archive and the entry ({@code json/acteur/PA1008.json}) and
 * what was wrong with it.
 *
 * <p>A load either succeeds completely or throws this exception; nothing is partially applied, so a refresh that
 * fails can keep serving its previous snapshot.
 */
public final class ParliamentDataException extends RuntimeException {

    public ParliamentDataException(String message) {
        super(message);
    }

    public ParliamentDataException(String message, Throwable cause) {
        super(message, cause);
    }
}
