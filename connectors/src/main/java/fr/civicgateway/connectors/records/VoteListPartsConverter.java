package fr.civicgateway.connectors.records;

import java.io.IOException;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.HttpOutputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.converter.AbstractHttpMessageConverter;
import org.springframework.http.converter.HttpMessageNotReadableException;

/**
 * Writes a vote list kept as its parts ({@link VoteListBytes.Parts}) straight to the response, with its exact
 * {@code Content-Length}: a whole list is about a megabyte, and copying it into one array per request made the
 * young collector copy the answers in flight (BENCHMARKS.md, "Issue 12"). Write-only; the content type is the one
 * the controller sets (JSON or CSV).
 */
final class VoteListPartsConverter extends AbstractHttpMessageConverter<VoteListBytes.Parts> {

    VoteListPartsConverter() {
        super(MediaType.ALL);
    }

    @Override
    protected boolean supports(Class<?> type) {
        return VoteListBytes.Parts.class == type;
    }

    @Override
    public boolean canRead(Class<?> type, MediaType mediaType) {
        return false;
    }

    @Override
    protected VoteListBytes.Parts readInternal(Class<? extends VoteListBytes.Parts> type, HttpInputMessage in) {
        throw new HttpMessageNotReadableException("a vote list is never read", in);
    }

    @Override
    protected Long getContentLength(VoteListBytes.Parts parts, MediaType contentType) {
        return (long) parts.length();
    }

    @Override
    protected void writeInternal(VoteListBytes.Parts parts, HttpOutputMessage out) throws IOException {
        parts.writeTo(out.getBody());
    }
}
