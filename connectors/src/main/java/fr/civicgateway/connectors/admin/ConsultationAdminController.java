package fr.civicgateway.connectors.admin;

import fr.civicgateway.connectors.web.ApiError;
import fr.civicgateway.core.consultations.Consultation;
import fr.civicgateway.core.consultations.ConsultationCatalog;
import fr.civicgateway.core.consultations.ConsultationStore;
import fr.civicgateway.core.consultations.ConsultationStoreException;
import fr.civicgateway.core.consultations.Question;
import fr.civicgateway.core.consultations.Results;
import fr.civicgateway.core.consultations.Submission;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The organiser's and the moderator's side of consultations, under the admin guard ({@link AdminTokenFilter}: no
 * valid bearer token, no data). Results give counts only; individual answers (free texts included) are only in the
 * exports, under the citizen's pseudonym, and hidden free texts are exported as hidden, without their text.
 */
@RestController
@RequestMapping("/api/v1/admin/consultations")
class ConsultationAdminController {

    private static final Logger log = LoggerFactory.getLogger(ConsultationAdminController.class);
    static final String HIDDEN = "[hidden by a moderator]";
    /** RFC 4180: comma, CRLF, a cell quoted when it must be. */
    private static final CSVFormat CSV = CSVFormat.RFC4180;

    private final ConsultationCatalog catalog;
    private final ConsultationStore store;
    private final Clock clock;

    ConsultationAdminController(ConsultationCatalog catalog, ConsultationStore store, Clock clock) {
        this.catalog = catalog;
        this.store = store;
        this.clock = clock;
    }

    /** Every defined consultation with its dates, whether it is open, and how many answered. */
    @GetMapping
    List<Map<String, Object>> list() {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Consultation c : catalog.all()) {
            Map<String, Object> m = header(c);
            m.put("submissions", store.results(c.id()).submissions());
            out.add(m);
        }
        return out;
    }

    @GetMapping("/{id}/results")
    ResponseEntity<?> results(@PathVariable String id) {
        Optional<Consultation> found = catalog.find(id);
        if (found.isEmpty()) {
            return notFound(id);
        }
        Consultation c = found.get();
        Results r = store.results(id);
        Map<String, Object> body = header(c);
        body.put("submissions", r.submissions());
        List<Map<String, Object>> questions = new ArrayList<>();
        for (Question q : c.questions()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", q.id());
            m.put("kind", kind(q));
            m.put("text", q.text().fr());
            switch (q) {
                case Question.FreeText ft -> {
                    // Counts only: the texts themselves are personal enough to stay in the organiser's export.
                    m.put("texts", r.textCounts().getOrDefault(q.id(), 0L));
                    m.put("hidden", r.hiddenCounts().getOrDefault(q.id(), 0L));
                }
                case Question.Scale sc -> {
                    List<Map<String, Object>> counts = new ArrayList<>();
                    long n = 0;
                    long sum = 0;
                    for (int v = Question.Scale.MIN; v <= Question.Scale.MAX; v++) {
                        long k = r.count(q.id(), String.valueOf(v));
                        counts.add(Map.of("value", v, "count", k));
                        n += k;
                        sum += k * v;
                    }
                    m.put("answers", n);
                    m.put("counts", counts);
                    m.put("average", n == 0 ? null : Math.round(sum * 100.0 / n) / 100.0);
                }
                default -> {
                    List<Map<String, Object>> counts = new ArrayList<>();
                    for (Question.Option o : q.options()) {
                        counts.add(Map.of("option", o.id(), "label", o.label().fr(), "count", r.count(q.id(), o.id())));
                    }
                    m.put("counts", counts);
                }
            }
            questions.add(m);
        }
        body.put("questions", questions);
        return ResponseEntity.ok(body);
    }

    @GetMapping("/{id}/export.json")
    ResponseEntity<?> exportJson(@PathVariable String id) {
        Optional<Consultation> found = catalog.find(id);
        if (found.isEmpty()) {
            return notFound(id);
        }
        Consultation c = found.get();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Submission s : store.submissions(id)) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("pseudonym", s.pseudonym());
            row.put("submittedAt", s.submittedAt().toString());
            row.put("updatedAt", s.updatedAt().toString());
            Map<String, Object> answers = new LinkedHashMap<>();
            for (Question q : c.questions()) {
                List<Submission.StoredAnswer> mine = s.answers().stream().filter(a -> a.questionId().equals(q.id())).toList();
                if (mine.isEmpty()) {
                    continue;
                }
                answers.put(q.id(), switch (q) {
                    case Question.SingleChoice sc -> mine.getFirst().choice();
                    case Question.MultipleChoice mc -> mine.stream().map(Submission.StoredAnswer::choice).toList();
                    case Question.Scale sc -> Integer.parseInt(mine.getFirst().choice());
                    case Question.FreeText ft -> {
                        Submission.StoredAnswer a = mine.getFirst();
                        Map<String, Object> text = new LinkedHashMap<>();
                        text.put("answerId", a.id());
                        text.put("text", a.hidden() ? null : a.text());
                        text.put("hidden", a.hidden());
                        yield text;
                    }
                });
            }
            row.put("answers", answers);
            rows.add(row);
        }
        Map<String, Object> body = header(c);
        body.put("submissions", rows);
        return ResponseEntity.ok().header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + id + ".json\"").body(body);
    }

    /**
     * One line per submission: pseudonym, times, one column per question (several options joined by {@code |}),
     * and for each free-text question the answer id a moderator names to hide it.
     */
    @GetMapping("/{id}/export.csv")
    ResponseEntity<?> exportCsv(@PathVariable String id) {
        Optional<Consultation> found = catalog.find(id);
        if (found.isEmpty()) {
            return notFound(id);
        }
        Consultation c = found.get();
        List<String> header = new ArrayList<>(List.of("pseudonym", "submitted_at", "updated_at"));
        for (Question q : c.questions()) {
            header.add(q.id());
            if (q instanceof Question.FreeText) {
                header.add(q.id() + "_answer_id");
            }
        }
        StringBuilder csv = new StringBuilder();
        try (CSVPrinter printer = new CSVPrinter(csv, CSV)) {
            printer.printRecord(header);
            for (Submission s : store.submissions(id)) {
                List<String> cells = new ArrayList<>(List.of(s.pseudonym(), s.submittedAt().toString(), s.updatedAt().toString()));
                for (Question q : c.questions()) {
                    List<Submission.StoredAnswer> mine = s.answers().stream().filter(a -> a.questionId().equals(q.id())).toList();
                    if (q instanceof Question.FreeText) {
                        Submission.StoredAnswer a = mine.isEmpty() ? null : mine.getFirst();
                        cells.add(a == null ? "" : a.hidden() ? HIDDEN : defused(a.text()));
                        cells.add(a == null ? "" : String.valueOf(a.id()));
                    } else {
                        cells.add(String.join("|", mine.stream().map(Submission.StoredAnswer::choice).toList()));
                    }
                }
                printer.printRecord(cells);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringBuilder does not fail
        }
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + id + ".csv\"").body(csv.toString());
    }

    @PostMapping("/{id}/answers/{answerId}/hide")
    ResponseEntity<?> hide(@PathVariable String id, @PathVariable long answerId) {
        return moderate(id, answerId, true);
    }

    @PostMapping("/{id}/answers/{answerId}/unhide")
    ResponseEntity<?> unhide(@PathVariable String id, @PathVariable long answerId) {
        return moderate(id, answerId, false);
    }

    private ResponseEntity<?> moderate(String id, long answerId, boolean hidden) {
        if (catalog.find(id).isEmpty()) {
            return notFound(id);
        }
        if (!store.setHidden(id, answerId, hidden)) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND).body(new ApiError("not_found",
                    "This consultation has no free-text answer with this id."));
        }
        log.info("moderation: free-text answer {} of consultation {} {}", answerId, id, hidden ? "hidden" : "shown again");
        return ResponseEntity.ok(Map.of("consultation", id, "answerId", answerId, "hidden", hidden));
    }

    @ExceptionHandler(ConsultationStoreException.class)
    ResponseEntity<ApiError> storeDown(ConsultationStoreException e) {
        log.error("consultation store unavailable for an admin request", e);
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).body(new ApiError("store_unavailable",
                "The consultation store is unavailable. Please try again later."));
    }

    /** {@code /answers/abc/hide}: the answer id is a number. */
    @ExceptionHandler(org.springframework.web.method.annotation.MethodArgumentTypeMismatchException.class)
    ResponseEntity<ApiError> badId(org.springframework.web.method.annotation.MethodArgumentTypeMismatchException e) {
        return ResponseEntity.badRequest().body(new ApiError("invalid_answer_id", "The answer id must be a number."));
    }

    private Map<String, Object> header(Consultation c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", c.id());
        m.put("title", c.title().fr());
        m.put("opensAt", c.opensAt().toString());
        m.put("closesAt", c.closesAt().toString());
        m.put("lastDay", c.lastDay().toString());
        m.put("open", c.isOpen(clock.instant()));
        m.put("allowChanges", c.allowChanges());
        return m;
    }

    private static String kind(Question q) {
        return switch (q) {
            case Question.SingleChoice sc -> "single-choice";
            case Question.MultipleChoice mc -> "multiple-choice";
            case Question.Scale sc -> "scale";
            case Question.FreeText ft -> "free-text";
        };
    }

    private static ResponseEntity<?> notFound(String id) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(new ApiError("not_found", "No such consultation."));
    }

    /**
     * A citizen's text starting with = + - @, a tab or a carriage return gets a leading apostrophe, so that a
     * spreadsheet never runs it as a formula (OWASP's CSV injection advice); Commons CSV does the RFC 4180 quoting.
     */
    static String defused(String text) {
        return !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
    }

}
