package dev.latchkey.oauth.internal.registration;

import dev.latchkey.oauth.internal.client.StoredClient;

/**
 * A dynamically registered client as the registration endpoints answer with it: its
 * {@code secret} in clear only when this call made one (null otherwise), and the registration
 * access token the client is to use from now on.
 *
 * @see <a href="https://datatracker.ietf.org/doc/html/rfc7591#section-3.2.1">RFC 7591 §3.2.1</a>
 * @see <a href="https://datatracker.ietf.org/doc/html/rfc7592#section-3">RFC 7592 §3</a>
 */
public record Registration(StoredClient client, String secret, String registrationAccessToken) {
}
