package dev.latchkey.oauth.api;

import java.util.List;

/**
 * What the consent page shows: who asks ({@code clientName}, and its home page, logo, privacy
 * policy and terms when registered, each null otherwise), for whom ({@code username}), the scopes
 * the request adds ({@code newScopes}) and those the user granted the client before
 * ({@code grantedScopes}, empty when none).
 */
public record ConsentPrompt(String requestId, String clientId, String clientName, String clientUri, String logoUri,
                            String policyUri, String tosUri, String username, List<String> newScopes,
                            List<String> grantedScopes) {

    public ConsentPrompt {
        newScopes = List.copyOf(newScopes);
        grantedScopes = List.copyOf(grantedScopes);
    }
}
