package fr.civicgateway.core.consultations;

/** The consultation store could not read or write (database down, constraint other than one-per-person). */
public final class ConsultationStoreException extends RuntimeException {

    public ConsultationStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
