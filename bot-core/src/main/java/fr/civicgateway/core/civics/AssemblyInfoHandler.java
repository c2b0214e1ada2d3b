package fr.civicgateway.core.civics;

import fr.civicgateway.core.conversation.QuickReply;
import fr.civicgateway.core.dialogue.Answer;
import fr.civicgateway.core.dialogue.ConversationState;
import fr.civicgateway.core.dialogue.IntentHandler;
import fr.civicgateway.core.dialogue.Turn;
import fr.civicgateway.core.nlu.Intent;
import fr.civicgateway.core.text.Text;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code assembly_info}: a short answer on how the Assemblée works, for five topics — a deputy's role, the scrutin
 * public ordinaire and the scrutin solennel, the path of a law (the navette), the questions au Gouvernement, the
 * motion de censure. Each answer is written in the message catalogue from one official page, says nothing that page
 * does not say, and ends with that page's link (docs/civics-answers.md lists the pages). The topic comes from the
 * question's words ({@link Topic#of}); none recognised → the five topics as buttons, whose texts this handler
 * {@linkplain #claims claims} back. Stateless and thread-safe.
 */
public final class AssemblyInfoHandler implements IntentHandler {

    /**
     * The topics, in the order their words are tried: the most specific first, the deputy's role (whose words appear in
     * many questions) last.
     */
    public enum Topic {
        CENSURE("censure", "https://www.assemblee-nationale.fr/dyn/actualites-accueil-hub/rejet-de-deux-motions-de-"
                + "censure-deposees-en-application-de-l-article-49-alinea-2-de-la-constitution",
                "Qu'est-ce qu'une motion de censure ?", "What is a motion of censure?",
                Set.of("censure", "censurer", "censorship", "censured", "49", "renverser", "renverse",
                        "topple", "overthrow", "defiance", "confidence")),
        QUESTIONS("questions", "https://www.legifrance.gouv.fr/loda/article_lc/LEGIARTI000019241057",
                "Que sont les questions au Gouvernement ?", "What are questions to the Government?",
                Set.of("qag")),
        VOTES("votes", "https://www2.assemblee-nationale.fr/decouvrir-l-assemblee/role-et-pouvoirs-de-l-assemblee-"
                + "nationale/les-fonctions-de-l-assemblee-nationale/les-fonctions-legislatives/les-votes-a-l-assemblee-nationale",
                "Quelle différence entre scrutin public ordinaire et solennel ?",
                "What is the difference between an ordinary and a solemn public ballot?",
                Set.of("scrutin", "scrutins", "solennel", "solennels", "solennelle", "solemn", "ballot", "ballots",
                        "ordinaire", "ordinary", "delegation", "proxy", "electronique", "electronic", "vote", "votes",
                        "voter", "voting")),
        LAW("law", "https://www2.assemblee-nationale.fr/decouvrir-l-assemblee/folder/l-elaboration-de-la-loi/"
                + "le-parcours-de-la-loi",
                "Quel est le parcours d'une loi ?", "How does a bill become law?",
                Set.of("navette", "shuttle", "parcours", "loi", "lois", "law", "laws", "bill", "bills", "cmp",
                        "paritaire", "lecture", "lectures", "reading", "readings", "promulgation", "promulguee",
                        "promulgated", "legislative", "legislatif", "texte", "text")),
        ROLE("role", "https://www.assemblee-nationale.fr/dyn/seance-publique",
                "À quoi sert un député ?", "What is a deputy for?",
                Set.of("role", "sert", "servent", "depute", "deputes", "deputee", "deputees", "deputy", "deputies",
                        "mp", "mps", "elu", "elus", "mandat", "job"));

        /** The suffix of the topic's keys in the catalogue ({@code assembly_info.<key>}, {@code ….title_<key>}). */
        public final String key;
        /** The official page the answer says no more than. */
        public final String url;
        /** The question its button sends, in French and in English (a question of the intent's corpus). */
        private final String frQuestion;
        private final String enQuestion;
        private final Set<String> foldedQuestions;
        private final Set<String> words;

        Topic(String key, String url, String frQuestion, String enQuestion, Set<String> words) {
            this.key = key;
            this.url = url;
            this.frQuestion = frQuestion;
            this.enQuestion = enQuestion;
            this.foldedQuestions = Set.of(Text.foldToWords(frQuestion), Text.foldToWords(enQuestion));
            this.words = words;
        }

        /**
         * The topic of a question, from its words folded as {@link Text#foldToWords} folds them: the first topic (in
         * declaration order) one of whose words it contains; "question(s)" with "gouvernement"/"government"/
         * "ministre"/"minister" or "time" is the questions au Gouvernement.
         */
        public static Optional<Topic> of(String text) {
            String folded = Text.foldToWords(text);
            List<String> words = folded.isEmpty() ? List.of() : Arrays.asList(folded.split(" "));
            boolean question = words.contains("question") || words.contains("questions");
            boolean toGovernment = words.stream().anyMatch(w -> w.equals("gouvernement") || w.equals("government")
                    || w.startsWith("ministre") || w.startsWith("minister") || w.equals("time"));
            for (Topic t : values()) {
                if (t == QUESTIONS && question && toGovernment) {
                    return Optional.of(t);
                }
                if (words.stream().anyMatch(t.words::contains)) {
                    return Optional.of(t);
                }
            }
            return Optional.empty();
        }
    }

    @Override
    public Intent intent() {
        return Intent.ASSEMBLY_INFO;
    }

    @Override
    public Answer handle(Turn t) {
        Optional<Topic> topic = Topic.of(t.message().text());
        if (topic.isEmpty()) {
            List<QuickReply> buttons = new ArrayList<>();
            for (Topic k : Topic.values()) {
                buttons.add(new QuickReply(t.msg("assembly_info.title_" + k.key), t.say(k.frQuestion, k.enQuestion)));
            }
            return Answer.text(t.state(), t.msg("assembly_info.topics"), buttons);
        }
        Topic k = topic.get();
        return Answer.text(t.state(), t.msg("assembly_info." + k.key) + "\n"
                + t.msg("assembly_info.source_" + k.key, "url", k.url));
    }

    /** The questions of its own topic buttons, in either language, whatever the classifier makes of them. */
    @Override
    public boolean claims(String text, ConversationState state) {
        String folded = Text.foldToWords(text);
        for (Topic k : Topic.values()) {
            if (k.foldedQuestions.contains(folded)) {
                return true;
            }
        }
        return false;
    }
}
