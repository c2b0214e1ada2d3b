package fr.civicgateway.app.consultations;

/** A consultation file that cannot be used; the message names the file and the field. Fails the start-up. */
public final class ConsultationDefinitionException extends RuntimeException {

    ConsultationDefinitionException(String message) {
        super(message);
    }

    ConsultationDefinitionException(String message, Throwable cause) {
        super(message, cause);
    }
}
