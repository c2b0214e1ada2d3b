package fr.civicgateway.app;

import fr.civicgateway.app.support.GatewayTest;
import fr.civicgateway.core.conversation.IncomingMessage;
import fr.civicgateway.core.conversation.QuickReply;
import fr.civicgateway.core.conversation.Reply;
import fr.civicgateway.core.dialogue.Dialogue;
import fr.civicgateway.core.parliament.Deputy;
import fr.civicgateway.core.parliament.ParliamentData;
import fr.civicgateway.core.text.Text;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The one-typo sweep of issue 8: every sitting deputy's name with one typing error (a letter dropped, doubled into
 * another, replaced, or two letters swapped), as the family name alone when no other sitting deputy bears it and as
 * given + family name (and once more with the family name in lower case, "Thierry tesosn"), asked through the dialogue
 * as a citizen would. Each answer is sorted into: the right deputy answered, the right deputy offered in a question
 * back, "no deputy by that name", or another deputy answered.
 *
 * <p>The variants are drawn with a fixed seed, so the figures are the same on every run; BENCHMARKS.md quotes them.
 * A variant that is exactly another deputy's name (or any deputy's given name alone) is no misspelling of this one
 * and is left out, as is one that only removes an accent (folding makes it the same name). A variant that is
 * exactly a commune's name ("Arthès" for Barthès, "Vry" for Viry) is answered as that place, saying so ("Arthès
 * fait partie de la 2e circonscription du Tarn"): counted apart, as a place, neither right nor a wrong deputy.
 */
@GatewayTest
class MisspeltNamesSweepTest {

    private static final Pattern PROFILE_LINK = Pattern.compile("assemblee-nationale\\.fr/dyn/deputes/(PA\\d+)");
    private static final String[] TEMPLATES = {"Qui est %s ?", "Quel est le taux de participation de %s ?",
            "Comment a voté %s sur le budget ?"};

    enum Outcome { RIGHT_DIRECTLY, RIGHT_OFFERED, NO_DEPUTY, WRONG_DEPUTY, PLACE, OTHER }

    @Autowired
    Dialogue dialogue;
    @Autowired
    ParliamentData data;

    private final AtomicInteger conversations = new AtomicInteger();

    @Test
    void oneTypoInADeputysNameReachesThatDeputyAndNeverAnother() {
        List<Deputy> sitting = data.deputies().stream().filter(Deputy::current).toList();
        Map<String, Integer> lastNameCount = new HashMap<>();
        Set<String> exactNames = new java.util.HashSet<>();
        for (Deputy d : data.deputies()) {
            if (d.unresolved()) {
                continue;
            }
            if (d.current()) {
                lastNameCount.merge(Text.foldToWords(d.lastName()), 1, Integer::sum);
            }
            exactNames.add(Text.foldToWords(d.lastName()));
            exactNames.add(Text.foldToWords(d.firstName()));
            exactNames.add(Text.foldToWords(d.fullName()));
        }
        Random random = new Random(20261207L);
        Map<Outcome, Integer> counts = new EnumMap<>(Outcome.class);
        List<String> wrong = new ArrayList<>();
        List<String> missed = new ArrayList<>();
        int asked = 0;
        for (Deputy d : sitting) {
            List<String> forms = new ArrayList<>();
            if (lastNameCount.get(Text.foldToWords(d.lastName())) == 1) {
                forms.add(d.lastName());
            }
            forms.add(d.fullName());
            for (String form : forms) {
                List<String> variants = new ArrayList<>(variants(form, random, exactNames));
                if (form.equals(d.fullName()) && !variants.isEmpty()) {
                    // as typed in a hurry: the given name capitalised, the misspelt family name in lower case
                    String first = variants.get(random.nextInt(variants.size()));
                    variants.add(first.substring(0, d.firstName().length())
                            + first.substring(d.firstName().length()).toLowerCase(java.util.Locale.ROOT));
                }
                for (String variant : variants) {
                    String question = TEMPLATES[asked % TEMPLATES.length].formatted(variant);
                    asked++;
                    Outcome outcome = ask(question, d);
                    counts.merge(outcome, 1, Integer::sum);
                    if (outcome == Outcome.WRONG_DEPUTY) {
                        wrong.add(question + " (meant " + d.fullName() + ")");
                    } else if (outcome != Outcome.RIGHT_DIRECTLY && outcome != Outcome.RIGHT_OFFERED && missed.size() < 40) {
                        missed.add(outcome + ": " + question + " (meant " + d.fullName() + ")");
                    }
                }
            }
        }
        int right = counts.getOrDefault(Outcome.RIGHT_DIRECTLY, 0) + counts.getOrDefault(Outcome.RIGHT_OFFERED, 0);
        System.out.printf("one-typo sweep: %d questions; right deputy directly %d, offered %d, no deputy %d, "
                        + "another deputy %d, a place of that name %d, other answer %d; reached %.1f %%%n", asked,
                counts.getOrDefault(Outcome.RIGHT_DIRECTLY, 0), counts.getOrDefault(Outcome.RIGHT_OFFERED, 0),
                counts.getOrDefault(Outcome.NO_DEPUTY, 0), counts.getOrDefault(Outcome.WRONG_DEPUTY, 0),
                counts.getOrDefault(Outcome.PLACE, 0), counts.getOrDefault(Outcome.OTHER, 0), 100.0 * right / asked);
        missed.forEach(m -> System.out.println("  missed: " + m));
        wrong.stream().limit(40).forEach(w -> System.out.println("  WRONG: " + w));
        assertThat(wrong).as("answered about another deputy").isEmpty();
        assertThat(100.0 * right / asked).as("share of misspellings that reach the deputy").isGreaterThanOrEqualTo(90.0);
    }

    /** Four one-edit variants of the name: a deletion, a transposition, a substitution and an insertion. */
    static List<String> variants(String name, Random random, Set<String> exactNames) {
        Set<String> out = new LinkedHashSet<>();
        String folded = Text.foldToWords(name);
        for (int kind = 0; kind < 4; kind++) {
            for (int attempt = 0; attempt < 20; attempt++) {
                String v = edit(name, kind, random);
                if (v == null) {
                    continue;
                }
                String f = Text.foldToWords(v);
                if (!f.equals(folded) && !exactNames.contains(f) && !f.isBlank()) {
                    out.add(v);
                    break;
                }
            }
        }
        return List.copyOf(out);
    }

    private static String edit(String name, int kind, Random random) {
        // letters only: a typo inside "Jean-Luc" or on the space is a different kind of mistake
        List<Integer> letters = new ArrayList<>();
        for (int i = 0; i < name.length(); i++) {
            if (Character.isLetter(name.charAt(i))) {
                letters.add(i);
            }
        }
        int at = letters.get(random.nextInt(letters.size()));
        char c = (char) ('a' + random.nextInt(26));
        String s = switch (kind) {
            case 0 -> name.substring(0, at) + name.substring(at + 1);
            case 1 -> at + 1 < name.length() && Character.isLetter(name.charAt(at + 1))
                    ? name.substring(0, at) + name.charAt(at + 1) + name.charAt(at) + name.substring(at + 2) : null;
            case 2 -> name.substring(0, at) + c + name.substring(at + 1);
            default -> name.substring(0, at) + c + name.substring(at);
        };
        if (s == null) {
            return null;
        }
        // keep the capital of each word, as a citizen who mistyped one letter would
        StringBuilder b = new StringBuilder(s);
        for (int i = 0; i < b.length(); i++) {
            if (i == 0 || b.charAt(i - 1) == ' ' || b.charAt(i - 1) == '-') {
                b.setCharAt(i, Character.toUpperCase(b.charAt(i)));
            } else if (Character.isUpperCase(b.charAt(i)) && !Character.isUpperCase(name.charAt(Math.min(i, name.length() - 1)))) {
                b.setCharAt(i, Character.toLowerCase(b.charAt(i)));
            }
        }
        return b.toString();
    }

    private Outcome ask(String question, Deputy meant) {
        String conversation = "sweep-" + conversations.incrementAndGet();
        List<Reply> replies = dialogue.handle(new IncomingMessage("web", conversation, question, null, null));
        StringBuilder text = new StringBuilder();
        List<QuickReply> buttons = new ArrayList<>();
        for (Reply r : replies) {
            if (r instanceof Reply.Text t) {
                text.append(t.text()).append('\n');
                buttons.addAll(t.quickReplies());
            }
        }
        String all = text.toString();
        if (all.contains("Vouliez-vous dire") || all.contains("Plusieurs députés correspondent")) {
            return buttons.stream().anyMatch(b -> b.title().contains(meant.fullName()))
                    ? Outcome.RIGHT_OFFERED : Outcome.OTHER;
        }
        if (all.contains("Je ne trouve aucun député")) {
            return Outcome.NO_DEPUTY;
        }
        if (all.contains(" fait partie de la ") || all.contains(" est partagée entre ") || all.contains(" est partagé entre ")) {
            return Outcome.PLACE;
        }
        Matcher m = PROFILE_LINK.matcher(all);
        if (m.find()) {
            return m.group(1).equals(meant.uid()) ? Outcome.RIGHT_DIRECTLY : Outcome.WRONG_DEPUTY;
        }
        if (all.contains(meant.fullName())) {
            return Outcome.RIGHT_DIRECTLY;
        }
        // an answer about someone else starts with their name; the capability list's examples name deputies too
        for (Deputy other : data.deputies()) {
            if (!other.unresolved() && other.current() && all.startsWith(other.fullName())) {
                return Outcome.WRONG_DEPUTY;
            }
        }
        return Outcome.OTHER;
    }
}
