package dev.latchkey.oauth.internal.web;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/** The cache headers of responses that carry tokens or user data. */
final class NoStore {

    private NoStore() {
    }

    /**
     * RFC 6749 §5.1: the response MUST have {@code Cache-Control: no-store}; {@code Pragma:
     * no-cache} for HTTP/1.0 caches.
     */
    static Response.ResponseBuilder of(Response.ResponseBuilder response) {
        return response.header(HttpHeaders.CACHE_CONTROL, "no-store").header("Pragma", "no-cache");
    }
}
