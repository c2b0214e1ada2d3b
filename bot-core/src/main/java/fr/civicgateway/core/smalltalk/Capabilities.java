package fr.civicgateway.core.smalltalk;

import fr.civicgateway.core.conversation.QuickReply;
import fr.civicgateway.core.dialogue.Turn;
import java.util.List;

/** What the bot can do, said the same way by the greeting, the help and the "I don't know" answers. */
final class Capabilities {

    private Capabilities() {
    }

    static String list(Turn t) {
        return t.say("""
                Je peux vous dire, d'après les données ouvertes de l'Assemblée nationale :
                • qui est votre député (« Qui est mon député ? J'habite à Annecy », « député du 75011 ») ;
                • qui est un député, son groupe, sa circonscription (« Qui est Mathilde Panot ? ») ;
                • comment il ou elle a voté (« Comment a voté Mathilde Panot sur le budget ? », « … au scrutin 3876 ? ») ;
                • sa participation aux votes (« Est-ce que mon député participe aux votes ? ») ;
                • le résultat d'un scrutin et ce qui a été voté dernièrement (« Qu'est-ce qui a été voté cette semaine ? »).
                Chaque réponse cite sa source et la date des données.
                Je peux aussi transmettre à la mairie un problème dans l'espace public (« Signaler un nid-de-poule ») et vous dire où il en est (« Où en est mon signalement 42 ? »).""", """
                From the Assemblée nationale's open data, I can tell you:
                • who your deputy is ("Who is my deputy? I live in Annecy", "deputy for 75011");
                • who a deputy is: group, constituency ("Who is Mathilde Panot?");
                • how they voted ("How did Mathilde Panot vote on the budget?", "… in scrutin 3876?");
                • how often they take part in votes ("Does my deputy take part in votes?");
                • the result of a vote and what was voted lately ("What was voted this week?").
                Every answer cites its source and the date of the data.
                I can also send the town hall a problem in the public space ("Report a pothole") and tell you where it stands ("What is the status of report 42?").""");
    }

    static List<QuickReply> examples(Turn t) {
        return List.of(
                new QuickReply(t.say("Trouver mon député", "Find my deputy"), t.say("Qui est mon député ?", "Who is my deputy?")),
                new QuickReply(t.say("Derniers votes", "Latest votes"),
                        t.say("Qu'est-ce qui a été voté récemment ?", "What was voted recently?")),
                new QuickReply(t.say("Exemple : scrutin 3876", "Example: scrutin 3876"),
                        t.say("Résultat du scrutin 3876", "Result of scrutin 3876")));
    }
}
