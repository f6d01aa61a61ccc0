package dev.latchkey.server.errors;

import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.core.Response;
import java.net.URI;

/** Builds RFC 9457 {@code application/problem+json} responses. */
final class ProblemResponses {

    static final String PROBLEM_JSON = "application/problem+json";

    private ProblemResponses() {
    }

    static Response problem(int status, URI type, String title, String detail) {
        JsonObjectBuilder body = Json.createObjectBuilder()
                .add("type", type == null ? "about:blank" : type.toString())
                .add("title", title)
                .add("status", status);
        if (detail != null) {
            body.add("detail", detail);
        }
        return Response.status(status)
                .type(PROBLEM_JSON)
                .header("Cache-Control", "no-store")
                .entity(body.build().toString())
                .build();
    }
}
