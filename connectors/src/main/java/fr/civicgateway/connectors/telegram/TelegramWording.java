package fr.civicgateway.connectors.telegram;

import fr.civicgateway.core.conversation.Reply;
import fr.civicgateway.core.nlu.Language;
import java.time.Duration;

/** What the Telegram channel says by itself, beside the core's answers: French unless the user's Telegram is in English. */
final class TelegramWording {

    private final Duration conversationExpiry;

    /** @param conversationExpiry how long an idle conversation is kept, as the privacy note states it */
    TelegramWording(Duration conversationExpiry) {
        this.conversationExpiry = conversationExpiry;
    }

    /** Two lines after the greeting of {@code /start}: what is kept, for how long, and what is not logged. */
    Reply privacyNote(Language l) {
        return text(l,
                "Confidentialité : je garde seulement le fil de notre conversation (langue, dernier député ou scrutin évoqué), "
                        + "sous un identifiant pseudonyme, " + durationFr() + " au plus après votre dernier message.\n"
                        + "Je n'enregistre ni votre nom, ni votre identifiant Telegram, ni vos messages dans les journaux.",
                "Privacy: I keep only the thread of our conversation (language, last deputy or vote mentioned), "
                        + "under a pseudonymous id, for at most " + durationEn() + " after your last message.\n"
                        + "I log neither your name, nor your Telegram id, nor your messages.");
    }

    /** Said once when the bot is added to a group: how to address it there. */
    Reply groupHello(Language l, String username) {
        String at = username == null ? "" : " (@" + username + ")";
        String help = username == null ? "/help" : "/help@" + username;
        return text(l,
                "Bonjour à toutes et à tous ! Je réponds aux questions sur la vie municipale et parlementaire, et je prends "
                        + "les signalements. Dans ce groupe, je ne lis que ce qui m'est adressé : mentionnez-moi" + at
                        + ", répondez à l'un de mes messages ou tapez " + help + ". Chacun a sa propre conversation avec moi.",
                "Hello everyone! I answer questions about municipal and parliamentary life, and I take problem reports. "
                        + "In this group I only read what is addressed to me: mention me" + at + ", reply to one of my "
                        + "messages or type " + help + ". Each of you has your own conversation with me.");
    }

    /** The answer to {@code /stop}: what it stops, and how to resume. */
    Reply stopped(Language l) {
        return text(l,
                "C'est noté : je ne vous enverrai plus rien de moi-même ici (par exemple le suivi de vos signalements), et "
                        + "les messages que je n'avais pas encore envoyés sont annulés. Écrivez-moi quand vous voulez pour reprendre.",
                "Noted: I will no longer send you anything on my own here (such as news of your reports), and the messages "
                        + "I had not sent yet are cancelled. Write to me whenever you like to resume.");
    }

    /** Said once to a person whose messages come faster than the rate limit. */
    Reply tooFast(Language l) {
        return text(l, "Vous m'écrivez très vite : je réponds aux messages suivants dans un instant. Merci de patienter.",
                "You are writing very fast: I will answer your next messages in a moment. Thank you for waiting.");
    }

    Reply apology(Language l) {
        return text(l, "Désolé, une erreur m'empêche de répondre pour le moment. Réessayez dans un instant.",
                "Sorry, an error prevents me from answering right now. Please try again in a moment.");
    }

    Reply expiredButton(Language l) {
        return text(l, "Ce bouton n'est plus valable. Posez-moi la question par écrit, s'il vous plaît.",
                "This button has expired. Please type your question.");
    }

    Reply unsupported(Language l) {
        return text(l, "Je lis les messages écrits et les positions partagées (📎 → Position), pas les images ni les sons.",
                "I read text messages and shared locations (📎 → Location), not pictures or sounds.");
    }

    private static Reply text(Language l, String french, String english) {
        return new Reply.Text(l == Language.EN ? english : french);
    }

    private String durationFr() {
        long minutes = conversationExpiry.toMinutes();
        return minutes % 60 == 0 ? plural(minutes / 60, "heure", "heures") : plural(minutes, "minute", "minutes");
    }

    private String durationEn() {
        long minutes = conversationExpiry.toMinutes();
        return minutes % 60 == 0 ? plural(minutes / 60, "hour", "hours") : plural(minutes, "minute", "minutes");
    }

    private static String plural(long n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }
}
