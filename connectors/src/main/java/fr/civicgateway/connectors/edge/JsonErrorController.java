package fr.civicgateway.connectors.edge;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * Replaces Spring Boot's error page (Whitelabel HTML for browsers): whatever failed outside the controllers'
 * advice, and whatever the {@code Accept} header, the answer is JSON in the endpoint's format with the status of the
 * failure. {@code /error} asked for directly is not an endpoint: 404.
 */
@Controller
class JsonErrorController implements ErrorController {

    @RequestMapping("${server.error.path:/error}")
    void error(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer s && s >= 400 ? s : 404;
        EdgeErrors.write(request, response, status, EdgeErrors.codeOf(status), EdgeErrors.messageOf(status));
    }
}
