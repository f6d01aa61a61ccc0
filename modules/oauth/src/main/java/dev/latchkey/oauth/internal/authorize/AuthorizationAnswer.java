package dev.latchkey.oauth.internal.authorize;

import java.util.Map;

/**
 * What the authorization endpoint answers a browser: a redirect (to the client with the response
 * in the query, or to the login page), or a page that posts the response to the client
 * ({@code response_mode=form_post}).
 */
public sealed interface AuthorizationAnswer {

    /** A redirect to {@code location}, an absolute URI. */
    record Redirect(String location) implements AuthorizationAnswer {
    }

    /** A form that POSTs {@code parameters} to {@code redirectUri}. */
    record FormPost(String redirectUri, Map<String, String> parameters) implements AuthorizationAnswer {
    }
}
