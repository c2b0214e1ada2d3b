package fr.civicgateway.core.follow;

import fr.civicgateway.core.parliament.Deputy;
import fr.civicgateway.core.parliament.ParliamentData;
import fr.civicgateway.core.parliament.Position;
import fr.civicgateway.core.parliament.Scrutin;
import fr.civicgateway.core.parliament.ScrutinSearch;
import fr.civicgateway.core.parliament.work.Dossier;
import fr.civicgateway.core.parliament.work.Question;
import fr.civicgateway.core.parliament.work.Questions;
import fr.civicgateway.core.parliament.work.SittingRef;
import fr.civicgateway.core.parliament.work.Speeches;
import fr.civicgateway.core.parliament.work.Step;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * The differences between two versions of the data, as {@link FollowEvent}s: what is in the new version and was not
 * in the previous one. Pure functions of the two versions (and of the followed topics), so that every instance that
 * compares the same two versions finds the same events under the same keys.
 *
 * <p>Cheap: each comparison is one pass over the new version with hash look-ups into the previous one (a few
 * milliseconds for the whole legislature; BENCHMARKS.md). Run it beside the swap, on the refreshing thread, never
 * on a request thread.
 */
public final class FollowChanges {

    private FollowChanges() {
    }

    /**
     * The new scrutins: concerning every deputy with a position on it (for, against, abstention, non-voting), and
     * each followed topic whose words match its title ({@link ScrutinSearch#titleMatcher}, the topic search's
     * matching), in number order.
     */
    public static List<FollowEvent> newScrutins(ParliamentData before, ParliamentData after,
                                                Collection<FollowTarget.Topic> followedTopics, Instant now) {
        Set<Integer> known = new HashSet<>();
        for (Scrutin s : before.scrutins()) {
            known.add(s.number());
        }
        List<Scrutin> added = new ArrayList<>();
        for (Scrutin s : after.scrutins()) {
            if (!known.contains(s.number())) {
                added.add(s);
            }
        }
        if (added.isEmpty()) {
            return List.of();
        }
        added.sort(Comparator.comparingInt(Scrutin::number));
        List<Deputy> deputies = after.deputies().stream().sorted(Comparator.comparing(Deputy::uid)).toList();
        Map<FollowTarget.Topic, Predicate<String>> topics = new LinkedHashMap<>();
        followedTopics.stream().distinct().sorted(Comparator.comparing(FollowTarget.Topic::words))
                .forEach(t -> topics.put(t, ScrutinSearch.titleMatcher(t.words())));
        List<FollowEvent> events = new ArrayList<>(added.size());
        for (Scrutin s : added) {
            List<FollowTarget> targets = new ArrayList<>();
            for (Deputy d : deputies) {
                if (after.vote(d.uid(), s.number()).position() != Position.ABSENT) {
                    targets.add(new FollowTarget.Deputy(d.uid()));
                }
            }
            topics.forEach((topic, matches) -> {
                if (matches.test(s.title())) {
                    targets.add(topic);
                }
            });
            events.add(new FollowEvent("scrutin:" + s.number(), FollowEvent.Kind.SCRUTIN, targets,
                    s.date() != null ? s.date() : today(now), now, Map.of("number", Integer.toString(s.number()))));
        }
        return events;
    }

    /**
     * The new steps of dossiers (a new dossier's steps included), concerning the bill. A step is known by its code;
     * a code met again in one dossier (a second reading's committee) is told apart by its rank ({@code code#2}).
     */
    public static List<FollowEvent> newDossierSteps(Collection<Dossier> before, Collection<Dossier> after,
                                                    Instant now) {
        Map<String, Dossier> previous = new HashMap<>(before.size() * 2);
        for (Dossier d : before) {
            previous.put(d.uid(), d);
        }
        List<FollowEvent> events = new ArrayList<>();
        for (Dossier d : sorted(after)) {
            Dossier old = previous.get(d.uid());
            if (old != null && old.steps().equals(d.steps())) {
                continue;
            }
            Set<String> had = old == null ? Set.of() : stepIds(old).keySet();
            FollowTarget bill = new FollowTarget.Bill(d.uid());
            stepIds(d).forEach((id, step) -> {
                if (!had.contains(id)) {
                    events.add(new FollowEvent("dossier-step:" + d.uid() + ":" + id, FollowEvent.Kind.DOSSIER_STEP,
                            List.of(bill), step.date(), now, Map.of("dossier", d.uid(), "step", id)));
                }
            });
        }
        return events;
    }

    /**
     * The deputies who spoke in a compte rendu the previous version did not have: one event per deputy whose latest
     * sitting changed, naming that sitting (the figures keep a deputy's latest sitting only: a deputy who spoke in
     * two new sittings gets one event, for the latest).
     */
    public static List<FollowEvent> newSpeeches(Map<String, Speeches> before, Map<String, Speeches> after,
                                                Instant now) {
        List<FollowEvent> events = new ArrayList<>();
        for (Map.Entry<String, Speeches> e : new TreeMap<>(after).entrySet()) {
            SittingRef latest = e.getValue().latest();
            if (latest == null) {
                continue;
            }
            Speeches old = before.get(e.getKey());
            SittingRef was = old == null ? null : old.latest();
            if (was != null && (was.uid().equals(latest.uid()) || !latest.date().isAfter(was.date()))) {
                continue;
            }
            String deputy = e.getKey();
            events.add(new FollowEvent("speech:" + deputy + ":" + latest.uid(), FollowEvent.Kind.SPEECH,
                    List.of(new FollowTarget.Deputy(deputy)), latest.date(), now,
                    Map.of("deputy", deputy, "seance", latest.uid())));
        }
        return events;
    }

    /**
     * The new questions, concerning their deputy: a question is known by its deputy, its sitting and its rank among
     * that deputy's questions of that sitting ({@code question:<deputy>:<seance>:<n>}).
     */
    public static List<FollowEvent> newQuestions(Map<String, Questions> before, Map<String, Questions> after,
                                                 Instant now) {
        List<FollowEvent> events = new ArrayList<>();
        for (Map.Entry<String, Questions> e : new TreeMap<>(after).entrySet()) {
            Questions old = before.get(e.getKey());
            if (old != null && old.all().equals(e.getValue().all())) {
                continue;
            }
            String deputy = e.getKey();
            Set<String> had = old == null ? Set.of() : questionIds(old).keySet();
            questionIds(e.getValue()).forEach((id, q) -> {
                if (!had.contains(id)) {
                    events.add(new FollowEvent("question:" + deputy + ":" + id, FollowEvent.Kind.QUESTION,
                            List.of(new FollowTarget.Deputy(deputy)), q.sitting().date(), now,
                            Map.of("deputy", deputy, "seance", q.sitting().uid(), "rank", id.substring(id.lastIndexOf(':') + 1),
                                    "kind", q.kind().name())));
                }
            });
        }
        return events;
    }

    /**
     * A town feed's new items ({@link fr.civicgateway.core.news.NewsListener}'s), concerning the feed's followers:
     * {@code news:<source id>:<item id>}; an item id longer than the payload allows (a long link) is named by its
     * SHA-256 ({@code sha256:<hex>}) in the key and the payload alike.
     */
    public static List<FollowEvent> newNewsItems(fr.civicgateway.core.news.NewsSource source,
                                                 List<fr.civicgateway.core.news.NewsItem> items, Instant now) {
        List<FollowEvent> events = new ArrayList<>(items.size());
        FollowTarget feed = new FollowTarget.TownNews(source.id());
        for (fr.civicgateway.core.news.NewsItem item : items) {
            String id = item.id().length() <= 200 && item.id().chars().noneMatch(c -> c == '\n' || c == '\r')
                    ? item.id() : "sha256:" + sha256(item.id());
            LocalDate day = item.published() != null ? item.published().atZone(ZoneOffset.UTC).toLocalDate() : today(now);
            events.add(new FollowEvent("news:" + source.id() + ":" + id, FollowEvent.Kind.NEWS, List.of(feed), day,
                    now, Map.of("source", source.id(), "item", id)));
        }
        return events;
    }

    private static String sha256(String text) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always there", e);
        }
    }

    /** A step's id within its dossier, in the dossier's order: its code, then {@code code#n} for a repeat. */
    static Map<String, Step> stepIds(Dossier d) {
        Map<String, Step> ids = new LinkedHashMap<>();
        Map<String, Integer> seen = new HashMap<>();
        for (Step s : d.steps()) {
            int n = seen.merge(s.code(), 1, Integer::sum);
            ids.put(n == 1 ? s.code() : s.code() + "#" + n, s);
        }
        return ids;
    }

    /** {@code <seance uid>:<n>}: the n-th question of that sitting, oldest first. */
    static Map<String, Question> questionIds(Questions qs) {
        Map<String, Question> ids = new LinkedHashMap<>();
        Map<String, Integer> seen = new HashMap<>();
        // the list is latest first: count from the oldest, so that a new question never renumbers an old one
        List<Question> all = qs.all();
        for (int i = all.size() - 1; i >= 0; i--) {
            Question q = all.get(i);
            int n = seen.merge(q.sitting().uid(), 1, Integer::sum);
            ids.put(q.sitting().uid() + ":" + n, q);
        }
        return ids;
    }

    private static List<Dossier> sorted(Collection<Dossier> dossiers) {
        return dossiers.stream().sorted(Comparator.comparing(Dossier::uid)).toList();
    }

    private static LocalDate today(Instant now) {
        return now.atZone(ZoneOffset.UTC).toLocalDate();
    }
}
