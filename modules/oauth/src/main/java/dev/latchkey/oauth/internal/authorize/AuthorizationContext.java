package dev.latchkey.oauth.internal.authorize;

import dev.latchkey.oauth.internal.client.RegisteredClient;

/**
 * An authorization request whose client and redirect URI are known good, so that every later
 * error can be redirected to {@code redirectUri}: what the validators check.
 */
record AuthorizationContext(AuthorizationParameters parameters, RegisteredClient client, String redirectUri) {
}
