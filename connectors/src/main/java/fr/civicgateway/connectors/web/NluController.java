package fr.civicgateway.connectors.web;

import fr.civicgateway.connectors.web.ChatApi.EntityDto;
import fr.civicgateway.connectors.web.ChatApi.IntentDto;
import fr.civicgateway.connectors.web.ChatApi.ParseRequest;
import fr.civicgateway.connectors.web.ChatApi.ParseResponse;
import fr.civicgateway.core.nlu.EntityMention;
import fr.civicgateway.core.nlu.NaturalLanguageUnderstanding;
import fr.civicgateway.core.nlu.Understanding;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/nlu/parse} (API.md §2): what the bot understands of a text, in the shape of Rasa's
 * {@code /model/parse}. No answer, no conversation, no side effect.
 */
@RestController
class NluController {

    private final NaturalLanguageUnderstanding nlu;
    private final ClientRateLimits rateLimits;

    NluController(NaturalLanguageUnderstanding nlu, ClientRateLimits rateLimits) {
        this.nlu = nlu;
        this.rateLimits = rateLimits;
    }

    /** "corrected" or "guessed" for a misspelt name (API.md §6), nothing for an exact one. */
    private static String certainty(EntityMention e) {
        return e.certainty() == EntityMention.Certainty.EXACT ? null
                : e.certainty().name().toLowerCase(java.util.Locale.ROOT);
    }

    @PostMapping(path = "/api/v1/nlu/parse", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    ParseResponse parse(@RequestBody ParseRequest request, HttpServletRequest http) {
        rateLimits.address(http);
        if (request == null) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "malformed_request", "The request body must be a JSON object.");
        }
        String text = RequestChecks.text(request.text());
        Understanding u = nlu.parse(text, RequestChecks.locale(request.locale()));
        var ranking = u.ranking().stream().map(s -> new IntentDto(s.intent().apiName(), round(s.confidence()))).toList();
        var entities = u.entities().stream().map(e -> new EntityDto(e.type().apiName(), e.value(), e.text(), e.start(),
                e.end(), e.alternatives(), certainty(e))).toList();
        return new ParseResponse(text, u.language().code(), ranking.getFirst(), ranking, entities);
    }

    private static double round(double confidence) {
        return Math.round(confidence * 10_000) / 10_000.0;
    }
}
