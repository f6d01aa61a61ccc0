package dev.latchkey.oauth.api;

import dev.latchkey.kernel.api.FormPostResponse;

/**
 * Where a decision on the consent page sends the browser: the authorization response, as a
 * redirect to the client or as a form posting it there ({@code response_mode=form_post}).
 */
public sealed interface ConsentOutcome {

    /** A redirect to {@code location}, an absolute URI carrying the response. */
    record Redirect(String location) implements ConsentOutcome {
    }

    /** A page that posts the response to the client. */
    record FormPost(FormPostResponse page) implements ConsentOutcome {
    }
}
