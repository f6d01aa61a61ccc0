package dev.latchkey.oauth.internal.authorize;

import dev.latchkey.kernel.api.SecureTokens;
import dev.latchkey.oauth.internal.client.RegisteredClient;
import java.util.TreeSet;

/**
 * A digest of what the consent page shows of a client and what its grant depends on — name,
 * first-party flag, home page, logo, policy and terms links, redirect URIs and allowed scopes —
 * so that a decision taken on the page is refused when the client changed since the request.
 */
final class ClientFingerprint {

    private ClientFingerprint() {
    }

    static String of(RegisteredClient client) {
        // unit separators keep two different field lists from joining into the same text
        String canonical = String.join("\u001f", client.clientId(), String.valueOf(client.name()),
                String.valueOf(client.firstParty()), String.valueOf(client.metadata().clientUri()),
                String.valueOf(client.metadata().logoUri()), String.valueOf(client.metadata().policyUri()),
                String.valueOf(client.metadata().tosUri()), String.join(" ", client.redirectUris()),
                String.join(" ", new TreeSet<>(client.scopes())));
        return SecureTokens.hash(canonical);
    }
}
