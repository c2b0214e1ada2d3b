package fr.civicgateway.connectors.web;

import jakarta.servlet.MultipartConfigElement;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Multipart uploads as the web chat's photos need them (Boot's defaults would refuse a file over 1 MB): one request of
 * at most {@link WebAttachments#MAX_UPLOAD_BODY_BYTES}, which the edge's body limit allows on that path only, kept
 * in memory (the image is checked and stored from memory anyway; no temporary file is left behind). The 5 MB of the
 * file itself is checked by {@link AttachmentController}, to answer in the API's words.
 */
@Configuration(proxyBeanMethods = false)
class AttachmentConfiguration {

    @Bean
    MultipartConfigElement multipartConfigElement() {
        long max = WebAttachments.MAX_UPLOAD_BODY_BYTES;
        return new MultipartConfigElement(null, max, max, (int) max);
    }
}
