package fr.civicgateway.app.follow;

import static org.assertj.core.api.Assertions.assertThat;

import fr.civicgateway.core.follow.FollowChanges;
import fr.civicgateway.core.follow.FollowEvent;
import fr.civicgateway.core.follow.FollowTarget;
import fr.civicgateway.core.parliament.Deputy;
import fr.civicgateway.core.parliament.Scrutin;
import fr.civicgateway.core.parliament.ScrutinSearch;
import fr.civicgateway.core.parliament.work.Dossier;
import fr.civicgateway.core.parliament.work.Questions;
import fr.civicgateway.core.parliament.work.Speeches;
import fr.civicgateway.core.parliament.work.Step;
import fr.civicgateway.opendata.assemblee.AssembleeLoader;
import fr.civicgateway.opendata.assemblee.AssembleeSnapshot;
import fr.civicgateway.opendata.assemblee.WorkLoader;
import fr.civicgateway.opendata.assemblee.WorkSnapshot;
import fr.civicgateway.opendata.testing.ShippedData;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The differences between two versions of the real shipped data, as a refresh would bring them: the shipped archives
 * are the new version; the previous one is a copy without the last scrutins (or, for the Assemblée's work, without
 * the latest steps, questions and sittings of some dossiers and deputies). The events found are checked against a
 * naive computation from the raw files.
 */
class FollowChangesOnTheShippedDataTest {

    static final Instant NOW = Instant.parse("2026-12-07T08:00:00Z");
    static final int REMOVED = 25;

    @TempDir
    static Path temp;
    static AssembleeSnapshot after;
    static AssembleeSnapshot before;
    static List<Integer> removed;

    @BeforeAll
    static void loadBothVersions() throws IOException {
        after = ShippedData.snapshot();
        Path previous = temp.resolve("Scrutins.json.zip");
        removed = withoutTheLastScrutins(ShippedData.scrutinsZip(), previous, REMOVED);
        before = new AssembleeLoader(ShippedData.amo10(),
                ShippedData.assembleeDir().resolve("AMO50_acteurs_mandats_organes_divises_L17_extrait"), previous).load();
    }

    /** Copies the archive without its {@code n} highest-numbered scrutins; returns their numbers, ascending. */
    static List<Integer> withoutTheLastScrutins(Path zip, Path copy, int n) throws IOException {
        Pattern number = Pattern.compile("VTANR5L17V(\\d+)\\.json$");
        TreeSet<Integer> all = new TreeSet<>();
        try (ZipFile in = new ZipFile(zip.toFile())) {
            for (Enumeration<? extends ZipEntry> e = in.entries(); e.hasMoreElements(); ) {
                Matcher m = number.matcher(e.nextElement().getName());
                if (m.find()) {
                    all.add(Integer.parseInt(m.group(1)));
                }
            }
            List<Integer> last = new ArrayList<>(all.descendingSet()).subList(0, n).reversed();
            try (OutputStream file = Files.newOutputStream(copy); ZipOutputStream out = new ZipOutputStream(file)) {
                for (Enumeration<? extends ZipEntry> e = in.entries(); e.hasMoreElements(); ) {
                    ZipEntry entry = e.nextElement();
                    Matcher m = number.matcher(entry.getName());
                    if (m.find() && last.contains(Integer.parseInt(m.group(1)))) {
                        continue;
                    }
                    out.putNextEntry(new ZipEntry(entry.getName()));
                    try (InputStream data = in.getInputStream(entry)) {
                        data.transferTo(out);
                    }
                    out.closeEntry();
                }
            }
            return List.copyOf(last);
        }
    }

    @Test
    void theLastScrutinsAreOneEventEachConcerningEveryDeputyListedInTheirRawVotes() {
        List<FollowEvent> events = FollowChanges.newScrutins(before, after, Set.of(), NOW);

        assertThat(events).extracting(FollowEvent::key)
                .containsExactlyElementsOf(removed.stream().map(n -> "scrutin:" + n).toList());
        Set<String> known = after.deputies().stream().map(Deputy::uid).collect(Collectors.toSet());
        for (FollowEvent e : events) {
            int n = Integer.parseInt(e.payload().get("number"));
            // naive: every acteurRef listed under ventilationVotes in the raw file, that the data knows
            Set<String> listed = ShippedData.votes(ShippedData.scrutin(n)).stream().map(ShippedData.Listing::acteurRef)
                    .filter(known::contains).collect(Collectors.toCollection(TreeSet::new));
            assertThat(listed).as("scrutin %d lists deputies", n).isNotEmpty();
            assertThat(e.targets()).as("scrutin %d", n)
                    .containsExactlyElementsOf(listed.stream().map(FollowTarget.Deputy::new).toList());
            assertThat(e.date()).isEqualTo(java.time.LocalDate.parse(ShippedData.scrutin(n).get("dateScrutin").asString()));
            assertThat(e.kind()).isEqualTo(FollowEvent.Kind.SCRUTIN);
        }
    }

    @Test
    void aFollowedTopicIsConcernedByTheNewScrutinsTheTopicSearchFindsAndNoOther() {
        Set<Integer> news = Set.copyOf(removed);
        // topics the new scrutins are about, and one they are not
        List<FollowTarget.Topic> topics = List.of(new FollowTarget.Topic("budget"),
                new FollowTarget.Topic("loi de finances"), new FollowTarget.Topic("motion de rejet"),
                new FollowTarget.Topic("corrida"));

        List<FollowEvent> events = FollowChanges.newScrutins(before, after, topics, NOW);

        ScrutinSearch search = new ScrutinSearch(after);
        int matched = 0;
        for (FollowTarget.Topic t : topics) {
            // naive: the chat's topic search over the whole new version, kept to the new scrutins
            Set<String> expected = search.search(t.words(), 100_000).scrutins().stream().map(Scrutin::number)
                    .filter(news::contains).map(n -> "scrutin:" + n).collect(Collectors.toCollection(TreeSet::new));
            Set<String> found = events.stream().filter(e -> e.targets().contains(t)).map(FollowEvent::key)
                    .collect(Collectors.toCollection(TreeSet::new));
            assertThat(found).as(t.words()).isEqualTo(t.words().equals("corrida") ? Set.of() : expected);
            matched += found.size();
        }
        assertThat(matched).as("the new scrutins are about the budget").isPositive();
    }

    @Test
    void nothingChangedIsNoEvent() {
        assertThat(FollowChanges.newScrutins(after, after, List.of(new FollowTarget.Topic("budget")), NOW)).isEmpty();
        assertThat(FollowChanges.newScrutins(after, before, List.of(), NOW)).as("fewer scrutins").isEmpty();
    }

    @Test
    void theAssemblysWorkNewStepsQuestionsAndSpeechesAreOneEventEach() {
        WorkSnapshot work = WorkLoader.ofShippedLayout(ShippedData.dataDirectory()).load(after);

        // the previous version: 20 dossiers without their last step (a code met once in them), 5 dossiers absent
        List<Dossier> dossiers = work.allDossiers().stream().sorted(java.util.Comparator.comparing(Dossier::uid)).toList();
        List<Dossier> previousDossiers = new ArrayList<>();
        Set<String> expectedSteps = new TreeSet<>();
        int cut = 0;
        int gone = 0;
        for (Dossier d : dossiers) {
            List<Step> steps = d.steps();
            Step last = steps.isEmpty() ? null : steps.getLast();
            boolean unique = last != null && steps.stream().filter(s -> s.code().equals(last.code())).count() == 1;
            if (cut < 20 && unique && steps.size() > 1) {
                cut++;
                previousDossiers.add(new Dossier(d.uid(), d.title(), d.procedure(), d.proposition(), d.numbers(),
                        steps.subList(0, steps.size() - 1), d.scrutins(), d.authors()));
                expectedSteps.add("dossier-step:" + d.uid() + ":" + last.code());
            } else if (gone < 5 && !steps.isEmpty() && steps.stream().map(Step::code).distinct().count() == steps.size()) {
                gone++;
                steps.forEach(s -> expectedSteps.add("dossier-step:" + d.uid() + ":" + s.code()));
            } else {
                previousDossiers.add(d);
            }
        }
        assertThat(cut).isEqualTo(20);
        assertThat(gone).isEqualTo(5);

        // 30 deputies without their latest question; 30 who had never spoken
        Map<String, Questions> previousQuestions = new HashMap<>(work.allQuestions());
        Map<String, String> expectedQuestionSittings = new TreeMap<>();
        for (Map.Entry<String, Questions> e : new TreeMap<>(work.allQuestions()).entrySet()) {
            Questions q = e.getValue();
            if (expectedQuestionSittings.size() == 30) {
                break;
            }
            if (!q.all().isEmpty()) {
                List<fr.civicgateway.core.parliament.work.Question> older = q.all().subList(1, q.all().size());
                var latest = q.all().getFirst();
                int gov = (int) older.stream().filter(x -> x.kind() == fr.civicgateway.core.parliament.work.Question.Kind.GOVERNMENT).count();
                previousQuestions.put(e.getKey(), new Questions(gov, older.size() - gov, older, q.provenance()));
                expectedQuestionSittings.put(e.getKey(), latest.sitting().uid());
            }
        }
        Map<String, Speeches> previousSpeeches = new LinkedHashMap<>(work.allSpeeches());
        Set<String> expectedSpeeches = new TreeSet<>();
        for (Map.Entry<String, Speeches> e : new TreeMap<>(work.allSpeeches()).entrySet()) {
            if (expectedSpeeches.size() == 30) {
                break;
            }
            if (e.getValue().latest() != null) {
                previousSpeeches.remove(e.getKey());
                expectedSpeeches.add("speech:" + e.getKey() + ":" + e.getValue().latest().uid());
            }
        }

        List<FollowEvent> steps = FollowChanges.newDossierSteps(previousDossiers, work.allDossiers(), NOW);
        List<FollowEvent> questions = FollowChanges.newQuestions(previousQuestions, work.allQuestions(), NOW);
        List<FollowEvent> speeches = FollowChanges.newSpeeches(previousSpeeches, work.allSpeeches(), NOW);

        assertThat(steps).extracting(FollowEvent::key).containsExactlyInAnyOrderElementsOf(expectedSteps);
        assertThat(steps).allSatisfy(e -> assertThat(e.targets())
                .containsExactly(new FollowTarget.Bill(e.payload().get("dossier"))));
        assertThat(questions).extracting(e -> e.payload().get("deputy") + " " + e.payload().get("seance"))
                .containsExactlyElementsOf(expectedQuestionSittings.entrySet().stream()
                        .map(x -> x.getKey() + " " + x.getValue()).toList());
        assertThat(questions).allSatisfy(e -> assertThat(e.targets())
                .containsExactly(new FollowTarget.Deputy(e.payload().get("deputy"))));
        assertThat(speeches).extracting(FollowEvent::key).containsExactlyElementsOf(expectedSpeeches);
        assertThat(FollowChanges.newDossierSteps(work.allDossiers(), work.allDossiers(), NOW)).isEmpty();
        assertThat(FollowChanges.newQuestions(work.allQuestions(), work.allQuestions(), NOW)).isEmpty();
        assertThat(FollowChanges.newSpeeches(work.allSpeeches(), work.allSpeeches(), NOW)).isEmpty();
    }
}
