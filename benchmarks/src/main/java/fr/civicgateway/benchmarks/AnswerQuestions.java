package fr.civicgateway.benchmarks;

import fr.civicgateway.core.conversation.IncomingMessage;
import fr.civicgateway.core.conversation.Reply;
import fr.civicgateway.core.dialogue.Dialogue;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One question per kind of answer the gateway gives from data, with words its answer must hold: shared by
 * {@link AnswerBenchmark} and {@link AnswerCpu}, which check the answer before measuring it (a misunderstood message
 * would measure another answer).
 */
final class AnswerQuestions {

    /** A question: what is asked, and words its answer holds. */
    record Question(String text, String expected) {
    }

    /** By name, in the order of the benchmark's parameter. */
    static final Map<String, Question> ALL;

    static {
        Map<String, Question> q = new LinkedHashMap<>();
        q.put("profile", new Question("Qui est Mathilde Panot ?", "est députée de la 10e circonscription"));
        q.put("find_deputy", new Question("Mon code postal est 74000, qui est mon député ?",
                "partagée entre 2 circonscriptions"));
        q.put("votes_latest", new Question("Comment a voté Mathilde Panot récemment ?",
                "derniers scrutins publics des données, et le vote de Mathilde Panot"));
        q.put("vote", new Question("Comment a voté Mathilde Panot au scrutin 3876 ?",
                "Mathilde Panot a voté pour lors du scrutin n° 3876"));
        q.put("topic_votes", new Question("Comment a voté Boris Vallaud sur la réforme des retraites ?",
                "Votes de Boris Vallaud sur les plus importants"));
        q.put("vote_result", new Question("Quel est le résultat du scrutin 3876 ?", "Position majoritaire des groupes"));
        q.put("vote_result_topic", new Question("Quel est le résultat du vote sur le budget ?",
                "correspondent à « budget » ; voici le plus important"));
        q.put("participation", new Question("Quel est le taux de participation de Gabriel Attal ?",
                "Gabriel Attal a pris part à"));
        q.put("activity", new Question("Qu'est-ce qui a été voté récemment ?", "Derniers votes solennels"));
        q.put("local_projects", new Question("chantiers dans le 75015", "pour les chantiers dans le 75015"));
        q.put("report_status", new Question("Où en est mon signalement 1 ?", "Le signalement n° 1 ("));
        // The shipped agenda stops in May 2026: with today's clock the answer gives its last sittings
        q.put("agenda", new Question("Quand siège l'Assemblée ?", "Ses 3 dernières séances :"));
        q.put("agenda_day", new Question("Qu'y avait-il à l'ordre du jour le 15 avril 2026 ?",
                "Le mercredi 15 avril 2026, l'Assemblée a tenu 2 séances publiques"));
        // A deputy's record and the Assemblée's work (issue 11). A new answer is one line here and its name in the
        // @Param of the benchmark that measures it.
        q.put("representative_speeches", new Question("Combien de fois Mathilde Panot a pris la parole en séance ?",
                "Mathilde Panot a fait"));
        q.put("representative_questions", new Question("Quelles questions au Gouvernement a posées Mathilde Panot ?",
                "Méthode an-questions-1"));
        q.put("representative_presence", new Question("Quelle est la présence en commission de Mathilde Panot ?",
                "Mathilde Panot figure sur la feuille de présence de"));
        q.put("representative_bills", new Question("Quelles propositions de loi a déposées Mathilde Panot ?",
                "Mathilde Panot est autrice de"));
        q.put("bill_status", new Question("Où en est la loi sur l'aide à mourir ?", "Méthode an-bill-stage-1"));
        q.put("legislative_work", new Question("Quels textes ont été adoptés récemment ?", "Méthode an-bill-stage-1"));
        q.put("contact_representative", new Question("Comment contacter Mathilde Panot ?",
                "https://www.assemblee-nationale.fr/dyn/deputes/PA720892"));
        q.put("assembly_info", new Question("C'est quoi une motion de censure ?", "https://"));
        q.put("representative_interests", new Question("Est-ce que Mathilde Panot a déclaré ses intérêts à la HATVP ?",
                "https://www.hatvp.fr/pages_nominatives/"));
        ALL = java.util.Collections.unmodifiableMap(q);
    }

    private AnswerQuestions() {
    }

    static Question get(String name) {
        Question q = ALL.get(name);
        if (q == null) {
            throw new IllegalArgumentException("unknown question: " + name + " (known: " + ALL.keySet() + ")");
        }
        return q;
    }

    /** Asks once in a conversation of its own and checks the answer. */
    static void check(Dialogue dialogue, String name) {
        Question q = get(name);
        String answer = dialogue.handle(new IncomingMessage("bench", "check-" + name, q.text(), null, null)).stream()
                .filter(Reply.Text.class::isInstance).map(r -> ((Reply.Text) r).text())
                .collect(Collectors.joining("\n")); // a chart (Reply.Chart) repeats the text's figures
        if (!answer.contains(q.expected())) {
            throw new IllegalStateException("'" + q.text() + "' is not answered as " + name + ": " + answer);
        }
    }

    static List<String> names() {
        return List.copyOf(ALL.keySet());
    }
}
