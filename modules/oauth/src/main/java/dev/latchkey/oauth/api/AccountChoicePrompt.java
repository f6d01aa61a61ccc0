package dev.latchkey.oauth.api;

/**
 * The account page of {@code prompt=select_account}: the signed-in {@code username}, the
 * {@code clientName} asking, and the two links: {@code continueLocation} (a path on this server:
 * the request, answered for this user) and {@code anotherAccountLocation} (the login form, whose
 * login then answers the request).
 */
public record AccountChoicePrompt(String username, String clientName, String continueLocation,
                                  String anotherAccountLocation) {
}
