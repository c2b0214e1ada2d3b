package fr.civicgateway.connectors.admin;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

class AdminTokenFilterTest {

    private static MockHttpServletResponse call(AdminTokenFilter filter, String path, String authorization) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
        if (authorization != null) {
            request.addHeader("Authorization", authorization);
        }
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request, response, new MockFilterChain());
        return response;
    }

    @Test
    void withoutAConfiguredTokenEveryAdminRequestIs401AndSaysWhy() throws Exception {
        MockHttpServletResponse r = call(new AdminTokenFilter(null), "/api/v1/admin/reports", "Bearer anything");

        assertThat(r.getStatus()).isEqualTo(401);
        assertThat(r.getContentAsString()).contains("\"error\":\"unauthorized\"").contains("no CIVIC_ADMIN_TOKEN");
    }

    @Test
    void aWrongOrMissingTokenIs401() throws Exception {
        AdminTokenFilter filter = new AdminTokenFilter("s3cret-admin");

        assertThat(call(filter, "/api/v1/admin/reports", null).getStatus()).isEqualTo(401);
        assertThat(call(filter, "/api/v1/admin/reports", "Bearer s3cret-admiN").getStatus()).isEqualTo(401);
        assertThat(call(filter, "/api/v1/admin/reports", "s3cret-admin").getStatus()).isEqualTo(401);
    }

    @Test
    void theRightTokenPassesAndOtherPathsAreNotGuarded() throws Exception {
        AdminTokenFilter filter = new AdminTokenFilter("s3cret-admin");

        assertThat(call(filter, "/api/v1/admin/reports", "Bearer s3cret-admin").getStatus()).isEqualTo(200);
        assertThat(call(filter, "/api/v1/chat", null).getStatus()).isEqualTo(200);
    }
}
