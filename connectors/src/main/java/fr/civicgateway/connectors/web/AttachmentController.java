package fr.civicgateway.connectors.web;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * The web chat's photos (API.md §1): {@code POST /api/v1/attachments} takes one image for a conversation, checks it
 * from its bytes and strips its metadata ({@link UploadedImage}), stores it and answers its unguessable id, which the
 * next chat message names as {@code attachmentId}; {@code GET /api/v1/attachments/{id}} serves it (the
 * {@code media_url} of the report that holds it). Rate-limited like the chat, per address and per conversation.
 */
@RestController
class AttachmentController {

    static final int MAX_BYTES = WebAttachments.MAX_FILE_BYTES;

    private static final SecureRandom RANDOM = new SecureRandom();

    private final AttachmentStore store;
    private final ClientRateLimits rateLimits;
    private final Clock clock;

    AttachmentController(AttachmentStore store, ClientRateLimits rateLimits, Clock clock) {
        this.store = store;
        this.rateLimits = rateLimits;
        this.clock = clock;
    }

    @PostMapping(path = WebAttachments.PATH, consumes = MediaType.MULTIPART_FORM_DATA_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, String> upload(@RequestParam(name = "file", required = false) MultipartFile file,
                               @RequestParam(name = "conversationId", required = false) String conversationId,
                               HttpServletRequest http) {
        rateLimits.address(http);
        String id = RequestChecks.conversationId(conversationId);
        String conversationKey = ChatController.CHANNEL + ":" + id;
        rateLimits.conversation(conversationKey);
        if (file == null) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "missing_file",
                    "Send the image as the multipart/form-data part named \"file\".");
        }
        if (file.getSize() > MAX_BYTES) {
            throw new ApiException(HttpStatus.CONTENT_TOO_LARGE, "payload_too_large",
                    "The image must be at most " + MAX_BYTES + " bytes (5 MB); it was " + file.getSize() + ".");
        }
        if (file.isEmpty()) {
            throw new ApiException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type", "The file is empty.");
        }
        UploadedImage image;
        try {
            // The type is the bytes': the declared Content-Type and file name are the client's word, not evidence.
            image = UploadedImage.check(file.getBytes());
        } catch (UploadedImage.Refused e) {
            throw new ApiException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type",
                    e.getMessage() + " Send one JPEG, PNG or WebP photo.");
        } catch (IOException e) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "malformed_request", "The upload could not be read.");
        }
        String attachmentId = newId();
        store.save(attachmentId, conversationKey, image.mediaType(), image.bytes(), clock.instant());
        return Map.of("attachmentId", attachmentId);
    }

    @GetMapping(path = WebAttachments.PATH + "/{id}")
    ResponseEntity<byte[]> serve(@PathVariable String id) {
        AttachmentStore.Stored a = AttachmentStore.ID.matcher(id).matches() ? store.find(id).orElse(null) : null;
        if (a == null) {
            throw new ApiException(HttpStatus.NOT_FOUND, "attachment_not_found", "No such attachment.");
        }
        // A report's photo never changes under its id and is public with the report; one not yet sent with a report
        // is only the uploader's business, and may be deleted within a day.
        CacheControl cache = a.claimed() ? CacheControl.maxAge(Duration.ofDays(7)).cachePublic().immutable()
                : CacheControl.maxAge(Duration.ofMinutes(5)).cachePrivate();
        String extension = switch (a.mediaType()) {
            case "image/jpeg" -> "jpg";
            case "image/png" -> "png";
            default -> "webp";
        };
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(a.mediaType()))
                .cacheControl(cache)
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Disposition", ContentDisposition.inline().filename(id + "." + extension).build().toString())
                .body(a.bytes());
    }

    static String newId() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    /** The conversation the message is in may name its own uploads only; another's is as unknown as a made-up id. */
    static AttachmentStore.Stored ownedBy(AttachmentStore store, String attachmentId, String conversationKey) {
        if (attachmentId == null) {
            return null;
        }
        if (!AttachmentStore.ID.matcher(attachmentId).matches()) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "invalid_attachment_id",
                    "\"attachmentId\" must be the id POST /api/v1/attachments answered.");
        }
        return store.find(attachmentId).filter(a -> a.conversationKey().equals(conversationKey))
                .orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, "attachment_not_found",
                        "No such attachment in this conversation (it may have expired: send the photo again)."));
    }
}
