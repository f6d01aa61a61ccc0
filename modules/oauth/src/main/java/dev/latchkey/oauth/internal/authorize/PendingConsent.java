package dev.latchkey.oauth.internal.authorize;

import dev.latchkey.oauth.internal.code.AuthorizationCode;

/**
 * An authorization request that waits for the user's decision on the consent page: the grant a
 * code will stand for if the user allows it (its user and session are whom the page is for), the
 * {@link ClientFingerprint} of the client as the request saw it, where the response goes, and the
 * scope the user had already granted the client (empty when none).
 */
public record PendingConsent(AuthorizationCode grant, String clientFingerprint, AuthorizationReply reply,
                             String grantedBefore) {
}
