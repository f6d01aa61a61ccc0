package dev.latchkey.oauth.api;

/** What the logout pages show or do next. */
public sealed interface LogoutStep {

    /**
     * Ask the user first: a form confirming {@code requestId}; {@code clientName} is the client
     * that asked for the logout, null when the request named none.
     */
    record Confirm(String requestId, String clientName) implements LogoutStep {
    }

    /** Signed out (or there was no session): send the browser to the client at {@code location}. */
    record Redirect(String location) implements LogoutStep {
    }

    /**
     * Signed out (or there was no session), with nowhere to return to: show that the user is
     * signed out; {@code clientName} as in {@link Confirm}.
     */
    record SignedOut(String clientName) implements LogoutStep {
    }

    /** Whether this step ended the browser's session (or found none): the session cookie may go. */
    default boolean signedOut() {
        return !(this instanceof Confirm);
    }
}
