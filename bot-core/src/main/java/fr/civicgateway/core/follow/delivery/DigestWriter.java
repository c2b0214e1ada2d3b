package fr.civicgateway.core.follow.delivery;

import fr.civicgateway.core.answer.Formats;
import fr.civicgateway.core.answer.PageLinks;
import fr.civicgateway.core.follow.FollowTarget;
import fr.civicgateway.core.nlu.Language;
import fr.civicgateway.core.parliament.Deputy;
import fr.civicgateway.core.parliament.DeputyVote;
import fr.civicgateway.core.parliament.Outcome;
import fr.civicgateway.core.parliament.ParliamentData;
import fr.civicgateway.core.parliament.Position;
import fr.civicgateway.core.parliament.Scrutin;
import fr.civicgateway.core.text.MessageCatalogue;
import fr.civicgateway.core.parliament.work.AssemblyWork;
import fr.civicgateway.core.parliament.work.Dossier;
import fr.civicgateway.core.parliament.work.Question;
import fr.civicgateway.core.parliament.work.SittingRef;
import fr.civicgateway.core.parliament.work.Step;
import fr.civicgateway.core.parliament.work.StepKind;
import java.util.ArrayList;
import java.util.Locale;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Writes one subscriber's claimed deliveries as ONE message in their language (bundle {@code follow}): a section per
 * followed target — a deputy's positions on the new scrutins, their questions and speeches; a bill's steps; a
 * topic's new scrutins with the position of the deputies the subscriber also follows; a feed's items — each line with
 * its link, then the date of the data. Facts about scrutins are read from the current data, never from the event.
 * A message longer than {@code maxChars} (Telegram's 4096) ends with "… et N autres" and a link to the full record.
 * Thread-safe (stateless but for its collaborators).
 */
public final class DigestWriter {

    /** Telegram's longest text message. */
    public static final int TELEGRAM_MAX_CHARS = 4096;

    private final MessageCatalogue messages;
    private final PageLinks pages;
    private final int maxChars;

    /**
     * @param pages    the gateway's public pages, linked when a digest is cut (a deputy's record, the scrutins)
     * @param maxChars the longest message the channel takes
     */
    public DigestWriter(MessageCatalogue messages, PageLinks pages, int maxChars) {
        if (maxChars < 200) {
            throw new IllegalArgumentException("maxChars must be at least 200: " + maxChars);
        }
        this.messages = messages;
        this.pages = pages;
        this.maxChars = maxChars;
    }

    /**
     * The digest of {@code items}, all for one subscriber.
     *
     * @param followedDeputies the deputies the subscriber follows (for topics: "Mathilde Panot a voté pour")
     * @param intro            a sentence before the digest (the widget's "Depuis votre dernière visite"), or null
     */
    public String write(List<DueDelivery> items, Language lang, ParliamentData data, AssemblyWork work,
                        List<String> followedDeputies, String intro) {
        Map<String, List<DueDelivery>> byTarget = new LinkedHashMap<>();
        items.stream().sorted(Comparator.comparing((DueDelivery d) -> d.target().key()).thenComparingLong(DueDelivery::id))
                .forEach(d -> byTarget.computeIfAbsent(d.target().key(), k -> new ArrayList<>()).add(d));
        List<String> lines = new ArrayList<>();
        List<Integer> itemLines = new ArrayList<>(); // indexes of the lines that are news (not section headers)
        String cutLink = null;
        for (List<DueDelivery> group : byTarget.values()) {
            FollowTarget target = group.getFirst().target();
            lines.add(section(target, group.getFirst(), lang, data, work));
            if (cutLink == null) {
                cutLink = target instanceof FollowTarget.Deputy d ? pages.deputy(d.uid()) : pages.base() + PageLinks.SCRUTIN_PATH.replaceAll("/$", "");
            }
            for (DueDelivery d : group) {
                itemLines.add(lines.size());
                lines.add(line(d, lang, data, work, followedDeputies));
            }
        }
        String head = (intro == null ? "" : intro + "\n") + messages.format(lang, "follow.digest_header", "count", items.size());
        String foot = messages.format(lang, "follow.digest_footer", "date",
                Formats.date(lang, data.info().lastScrutinDate()));
        StringBuilder out = new StringBuilder(head);
        int shown = 0;
        for (int i = 0; i < lines.size(); i++) {
            boolean isItem = itemLines.contains(i);
            int remainingItems = items.size() - shown - (isItem ? 1 : 0);
            String more = remainingItems > 0 ? "\n" + messages.format(lang, "follow.more", "count", remainingItems, "url", cutLink) : "";
            if (out.length() + 1 + lines.get(i).length() + more.length() + 1 + foot.length() > maxChars) {
                out.append("\n").append(messages.format(lang, "follow.more", "count", items.size() - shown, "url", cutLink));
                return out.append("\n").append(foot).toString();
            }
            out.append("\n").append(lines.get(i));
            if (isItem) {
                shown++;
            }
        }
        return out.append("\n").append(foot).toString();
    }

    private String section(FollowTarget target, DueDelivery first, Language lang, ParliamentData data, AssemblyWork work) {
        return switch (target) {
            case FollowTarget.Deputy d -> messages.format(lang, "follow.section_deputy", "name",
                    data.deputy(d.uid()).map(Deputy::fullName).orElse(d.uid()));
            case FollowTarget.Bill b -> messages.format(lang, "follow.section_bill", "title",
                    dossier(work, b.dossierUid()).map(Dossier::title).orElse(b.dossierUid()));
            case FollowTarget.Topic t -> messages.format(lang, "follow.section_topic", "words", t.words());
            case FollowTarget.Report r -> messages.format(lang, "follow.section_report", "id", Long.toString(r.id()));
            case FollowTarget.TownNews n -> messages.format(lang, "follow.section_news", "source", n.sourceId());
        };
    }

    private String line(DueDelivery d, Language lang, ParliamentData data, AssemblyWork work,
                        List<String> followedDeputies) {
        DueDelivery looked = lookUp(d, lang, work);
        if (d.kind() == DueDelivery.Kind.SCRUTIN) {
            int number = Integer.parseInt(d.ref());
            Optional<Scrutin> found = data.scrutin(number);
            if (found.isEmpty()) {
                return messages.format(lang, "follow.scrutin_unknown", "number", d.ref());
            }
            Scrutin s = found.get();
            List<String> positions = new ArrayList<>();
            List<String> whose = d.target() instanceof FollowTarget.Deputy dep ? List.of(dep.uid()) : followedDeputies;
            for (String uid : whose) {
                Optional<Deputy> deputy = data.deputy(uid);
                if (deputy.isPresent()) {
                    positions.add(position(lang, deputy.get(), data.vote(uid, number), d.target() instanceof FollowTarget.Deputy));
                }
            }
            return messages.format(lang, "follow.scrutin", "date", Formats.date(lang, s.date()), "title", title(s),
                    "positions", String.join(" ; ", positions), "has_positions", positions.isEmpty() ? "no" : "yes",
                    "outcome", s.outcome() == Outcome.ADOPTED ? "adopted" : "rejected", "url", s.pageUrl());
        }
        String kind = switch (d.kind()) {
            case QUESTION -> "question";
            case SPEECH -> "speech";
            case BILL_STEP -> "step";
            case NEWS_ITEM -> "news";
            case REPORT_STATUS -> "report";
            case SCRUTIN -> throw new IllegalStateException();
        };
        d = looked;
        return messages.format(lang, "follow.item", "kind", kind,
                "date", d.date() == null ? "" : Formats.date(lang, d.date()), "has_date", d.date() == null ? "no" : "yes",
                "title", d.title() == null ? "" : d.title(),
                "result", d.result() == null ? "" : d.result(), "has_result", d.result() == null ? "no" : "yes",
                "url", d.url() == null ? "" : d.url(), "has_url", d.url() == null ? "no" : "yes");
    }

    /**
     * A bill's step, a question, a speech with their words and links from the current data (the event holds ids);
     * as the event gave it when the data no longer has it.
     */
    private DueDelivery lookUp(DueDelivery d, Language lang, AssemblyWork work) {
        if (work == null || d.ref() == null || d.title() == null) {
            return d;
        }
        switch (d.kind()) {
            case BILL_STEP -> {
                Optional<Dossier> dossier = dossier(work, d.ref());
                Optional<Step> step = dossier.flatMap(x -> stepOf(x, d.title()));
                if (step.isPresent()) {
                    Step s = step.get();
                    return new DueDelivery(d.id(), d.conversationKey(), d.target(), d.kind(), d.ref(), stageWords(lang, s),
                            dossier.get().url(), s.date() != null ? s.date() : d.date(), null, d.dueAt());
                }
            }
            case QUESTION -> {
                Optional<Question> q = work.questions(d.ref()).all().stream()
                        .filter(x -> x.sitting().uid().equals(d.title())).findFirst();
                if (q.isPresent()) {
                    return new DueDelivery(d.id(), d.conversationKey(), d.target(), d.kind(), d.ref(), q.get().title(),
                            pages.deputy(d.ref()), q.get().sitting().date(), null, d.dueAt());
                }
            }
            case SPEECH -> {
                SittingRef latest = work.speeches(d.ref()).latest();
                if (latest != null && latest.uid().equals(d.title())) {
                    return new DueDelivery(d.id(), d.conversationKey(), d.target(), d.kind(), d.ref(), latest.subject(),
                            pages.deputy(d.ref()), latest.date(), null, d.dueAt());
                }
            }
            default -> { }
        }
        return d;
    }

    private static Optional<Dossier> dossier(AssemblyWork work, String uid) {
        return work == null ? Optional.empty() : work.dossier(uid);
    }

    /** A step by its id in its dossier: its code, then {@code code#n} for a repeat (as the events name it). */
    private static Optional<Step> stepOf(Dossier d, String id) {
        Map<String, Integer> seen = new java.util.HashMap<>();
        for (Step s : d.steps()) {
            int n = seen.merge(s.code(), 1, Integer::sum);
            if ((n == 1 ? s.code() : s.code() + "#" + n).equals(id)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    /** The step in the bill_status bundle's words (as BillStatusHandler says it). */
    private String stageWords(Language lang, Step s) {
        boolean withOutcome = s.outcome() != null && (s.kind() == StepKind.DECIDED
                || s.kind() == StepKind.JOINT_COMMITTEE || s.kind() == StepKind.CONSTITUTIONAL_COUNCIL);
        boolean chamberless = s.kind() == StepKind.JOINT_COMMITTEE || s.kind() == StepKind.CONSTITUTIONAL_COUNCIL
                || s.kind() == StepKind.PROMULGATED;
        return messages.format(lang, "bill_status.stage_words", "kind", s.kind().name().toLowerCase(Locale.ROOT)
                        + (withOutcome ? "_outcome" : ""),
                "outcome", withOutcome ? s.outcome().toLowerCase(Locale.FRENCH) : "",
                "chamber", chamberless ? "none" : s.chamber().name().toLowerCase(Locale.ROOT));
    }

    /** "a voté pour" for the followed deputy's own digest, "Mathilde Panot a voté pour" under a topic. */
    private String position(Language lang, Deputy d, DeputyVote v, boolean own) {
        boolean voted = v.position() != Position.NON_VOTING && v.position() != Position.ABSENT;
        String phrase = messages.format(lang, "votes.position", "position", switch (v.position()) {
            case FOR -> "for";
            case AGAINST -> "against";
            case ABSTENTION -> "abstention";
            case NON_VOTING, ABSENT -> "non_voting";
        }, "gender", "Mme".equalsIgnoreCase(d.civility()) ? "female" : "other", "proxy", voted && v.byProxy() ? "yes" : "no");
        return own ? phrase : messages.format(lang, "follow.named_position", "name", d.fullName(), "position", phrase);
    }

    private static String title(Scrutin s) {
        String t = s.title().strip();
        return t.endsWith(".") ? t.substring(0, t.length() - 1) : t;
    }
}
