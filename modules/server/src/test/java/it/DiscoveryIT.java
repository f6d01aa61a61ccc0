package it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.oauth2.sdk.as.AuthorizationServerMetadata;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import it.support.Latchkey;
import java.net.http.HttpResponse;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Discovery (OIDC Discovery, RFC 8414) and the JWKS, read by Nimbus as a relying party would. */
class DiscoveryIT {

    @Test
    void openidConfigurationDescribesExactlyWhatIsSupported() throws Exception {
        OIDCProviderMetadata metadata = OIDCProviderMetadata.resolve(new Issuer(Latchkey.BASE_URL));

        assertEquals(Latchkey.BASE_URL, metadata.getIssuer().getValue());
        assertEquals(Latchkey.uri("/authorize"), metadata.getAuthorizationEndpointURI());
        assertEquals(Latchkey.uri("/token"), metadata.getTokenEndpointURI());
        assertEquals(Latchkey.uri("/userinfo"), metadata.getUserInfoEndpointURI());
        assertEquals(Latchkey.uri("/jwks"), metadata.getJWKSetURI());
        assertEquals("[code]", metadata.getResponseTypes().toString());
        assertEquals("[S256]", metadata.getCodeChallengeMethods().toString());
        assertTrue(metadata.getScopes().contains("openid"));
        assertFalse(metadata.getGrantTypes().toString().contains("implicit"));
    }

    @Test
    void oauthAuthorizationServerMetadataMatchesTheIssuer() throws Exception {
        AuthorizationServerMetadata metadata = AuthorizationServerMetadata.resolve(new Issuer(Latchkey.BASE_URL));
        assertEquals(Latchkey.BASE_URL, metadata.getIssuer().getValue());
        assertEquals(Latchkey.uri("/token"), metadata.getTokenEndpointURI());
    }

    @Test
    void jwksPublishesAnEs256AndAnRs256KeyAndNoPrivatePart() throws Exception {
        HttpResponse<String> response = Latchkey.get("/jwks");
        assertEquals(200, response.statusCode());
        JWKSet keys = JWKSet.parse(response.body());

        Set<String> algorithms = keys.getKeys().stream().map(key -> key.getAlgorithm().getName()).collect(Collectors.toSet());
        assertTrue(algorithms.containsAll(Set.of("ES256", "RS256")), algorithms.toString());
        for (JWK key : keys.getKeys()) {
            assertFalse(key.isPrivate(), key.getKeyID());
            assertTrue(key.getKeyID() != null && !key.getKeyID().isBlank());
        }
    }
}
