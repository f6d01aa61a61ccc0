package dev.latchkey.kernel.api;

import java.net.URI;

/**
 * The problem types every REST API shares. Types are URNs so they never point at a page that
 * might move; docs/api.md lists them.
 */
public final class Problems {

    public static final URI VALIDATION = URI.create("urn:latchkey:problem:validation");
    public static final URI MALFORMED_REQUEST = URI.create("urn:latchkey:problem:malformed-request");
    public static final URI NOT_FOUND = URI.create("urn:latchkey:problem:not-found");
    public static final URI CONFLICT = URI.create("urn:latchkey:problem:conflict");
    /** 503: a store the request needs (Redis) does not answer; the answer carries {@code Retry-After}. */
    public static final URI TEMPORARILY_UNAVAILABLE = URI.create("urn:latchkey:problem:temporarily-unavailable");

    private Problems() {
    }

    /** 400: a field is missing, malformed or out of range. */
    public static ProblemException validation(String detail) {
        return new ProblemException(400, VALIDATION, "Invalid request", detail);
    }

    /** 400: the body could not be read at all (not JSON, wrong types). */
    public static ProblemException malformed(String detail) {
        return new ProblemException(400, MALFORMED_REQUEST, "Malformed request", detail);
    }

    /** 404: the named thing does not exist. */
    public static ProblemException notFound(String detail) {
        return new ProblemException(404, NOT_FOUND, "Not found", detail);
    }

    /** 409: the request contradicts what exists (a taken username, a duplicate client id). */
    public static ProblemException conflict(String detail) {
        return new ProblemException(409, CONFLICT, "Conflict", detail);
    }
}
