package fr.civicgateway.connectors.admin;

import fr.civicgateway.core.reports.ReportStatus;
import fr.civicgateway.core.reports.ReportStatusChanges;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/admin/reports/{id}/status} with {@code {"status": "closed", "note": "..."}}: the municipality
 * changes a report's status. Once stored, the change is told to the citizen in the conversation the report came from:
 * pushed on Telegram when the bot can reach the chat, else at their next message there. Behind the admin token
 * ({@link AdminTokenFilter}).
 */
@RestController
class ReportAdminController {

    static final int MAX_NOTE_LENGTH = 1000;

    private final ReportStatusChanges changes;

    ReportAdminController(ReportStatusChanges changes) {
        this.changes = changes;
    }

    /** @param status {@code open} or {@code closed}; @param note the municipality's note, shown to the citizen */
    record StatusChange(String status, String note) {
    }

    @PostMapping(path = "/api/v1/admin/reports/{id}/status", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> changeStatus(@PathVariable long id, @RequestBody StatusChange change) {
        if (id < 1) {
            // the same answer as for a path that is no number: report ids run from 1
            return error(HttpStatus.BAD_REQUEST, "invalid_parameter",
                    "\"id\" must be a whole number between 1 and " + Long.MAX_VALUE + ".");
        }
        ReportStatus status = change == null ? null : ReportStatus.fromApiName(change.status()).orElse(null);
        if (status == null) {
            return error(HttpStatus.BAD_REQUEST, "bad_status", "status must be \"open\" or \"closed\".");
        }
        String note = change.note() == null || change.note().isBlank() ? null : change.note().strip();
        if (note != null && hasControlCharacter(note)) {
            // PostgreSQL refuses a NUL for ever, and the citizen would be shown the rest
            return error(HttpStatus.BAD_REQUEST, "bad_note",
                    "note must not contain control characters (such as NUL); only tabs and line breaks are accepted.");
        }
        if (note != null && note.length() > MAX_NOTE_LENGTH) {
            return error(HttpStatus.BAD_REQUEST, "note_too_long", "note must be at most " + MAX_NOTE_LENGTH + " characters.");
        }
        return changes.change(id, status, note)
                .map(c -> ResponseEntity.ok(json(c)))
                .orElseGet(() -> error(HttpStatus.NOT_FOUND, "not_found", "No such report."));
    }

    /** A C0 control character or DEL but tab, line feed and carriage return. */
    static boolean hasControlCharacter(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if ((c < 0x20 || c == 0x7F) && c != '\t' && c != '\n' && c != '\r') {
                return true;
            }
        }
        return false;
    }

    private static Map<String, Object> json(ReportStatusChanges.Change c) {
        var r = c.report();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", r.id());
        m.put("status", r.status().apiName());
        m.put("note", r.statusNotes());
        m.put("updatedAt", r.updatedAt().toString());
        m.put("citizenTold", switch (c.told()) {
            case PUSHED -> "pushed";
            case AT_NEXT_MESSAGE -> "at their next message";
            case NO_CONVERSATION -> "no conversation";
        });
        return m;
    }

    private static ResponseEntity<Map<String, Object>> error(HttpStatus status, String code, String message) {
        return ResponseEntity.status(status).body(Map.of("error", code, "message", message));
    }
}
