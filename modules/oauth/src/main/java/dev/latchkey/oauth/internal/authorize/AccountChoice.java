package dev.latchkey.oauth.internal.authorize;

/**
 * An account choice offered for {@code prompt=select_account} (see {@link AccountSelections}): to
 * which session, for which client, and where "continue" and "another account" go.
 */
public record AccountChoice(String sessionId, String clientId, String continueLocation,
                            String anotherAccountLocation) {
}
