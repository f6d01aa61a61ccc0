package dev.latchkey.server.web;

import dev.latchkey.kernel.api.ServerSettings;
import dev.latchkey.oauth.api.ApiChallenges;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The error page of every 401 the container sends for {@code /api} (web.xml): MicroProfile JWT
 * refuses a missing, expired or forged token before any filter or JAX-RS provider runs, with a
 * bare {@code Bearer realm="MP-JWT"} challenge and no body. This page answers instead, for any
 * method: 401 with an RFC 6750 challenge carrying RFC 9728's {@code resource_metadata} (no error
 * code when the request had no bearer token, §3.1; {@code invalid_token} otherwise) and an
 * RFC 9457 problem body.
 *
 * @see <a href="https://datatracker.ietf.org/doc/html/rfc9728#section-5.1">RFC 9728 §5.1</a>
 */
@WebServlet(ApiUnauthorizedPage.PATH)
public class ApiUnauthorizedPage extends HttpServlet {

    static final String PATH = "/errors/api-unauthorized";
    static final String PROBLEM_TYPE = "urn:latchkey:problem:invalid-token";
    private static final long serialVersionUID = 1L;
    private static final String DESCRIPTION = "A valid bearer access token issued by this server is required";

    @Inject
    transient ServerSettings server;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String authorization = request.getHeader("Authorization");
        boolean bearer = authorization != null && authorization.toLowerCase(Locale.ROOT).startsWith("bearer ");
        String challenge = bearer ? ApiChallenges.invalidToken(server.issuer(), DESCRIPTION)
                : ApiChallenges.missingToken(server.issuer());
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        response.setHeader("WWW-Authenticate", challenge);
        response.setHeader("Cache-Control", "no-store");
        response.setContentType("application/problem+json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(Json.createObjectBuilder()
                .add("type", PROBLEM_TYPE)
                .add("title", bearer ? "Invalid token" : "Authentication required")
                .add("status", HttpServletResponse.SC_UNAUTHORIZED)
                .add("detail", DESCRIPTION)
                .build().toString());
    }
}
