package it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.openid.connect.sdk.LogoutRequest;
import com.nimbusds.openid.connect.sdk.claims.LogoutTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import com.nimbusds.openid.connect.sdk.validators.LogoutTokenValidator;
import it.support.HttpLogin;
import it.support.Latchkey;
import it.support.LogoutTokenReceiver;
import it.support.RelyingParty;
import it.support.TestClients;
import it.support.TestUsers;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * OpenID Connect Back-Channel Logout end to end: a client that got a code in a session and
 * registered a back-channel logout URI (a loopback receiver) gets a logout token when the user
 * logs out, which the Nimbus SDK's {@link LogoutTokenValidator} accepts; a receiver that fails a
 * few times gets it by the retries; one that always fails is recorded, listed for admins and
 * counted; when most tries fail the circuit opens; and the logout itself never waits for any of it.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BackChannelLogoutIT {

    private static final String CALLBACK = "https://rp.example.com/backchannel-it-cb";
    private static final String BYE = "https://rp.example.com/backchannel-it-bye";
    private static final Duration DELIVERY = Duration.ofSeconds(30);

    private static OIDCProviderMetadata provider;

    @BeforeAll
    static void discover() throws Exception {
        provider = OIDCProviderMetadata.resolve(new Issuer(Latchkey.BASE_URL));
    }

    private static TestClients.Registered clientListeningAt(String uri, String idTokenAlg) {
        return TestClients.confidentialClient(CALLBACK, Json.createObjectBuilder()
                .add("post_logout_redirect_uris", Json.createArrayBuilder().add(BYE))
                .add("backchannel_logout_uri", uri)
                .add("backchannel_logout_session_required", true)
                .add("id_token_signed_response_alg", idTokenAlg).build());
    }

    /** Signs in, gets tokens for {@code client} (which binds it to the session), logs out with the ID token. */
    private static JWT signInAndLogOut(TestClients.Registered client) throws Exception {
        TestUsers.User user = TestUsers.aUser();
        String session = HttpLogin.sessionCookie(user.username(), user.password());
        JWT idToken = new RelyingParty(provider, client).tokens(session, new Scope("openid")).getOIDCTokens()
                .getIDToken();
        URI logout = new LogoutRequest(provider.getEndSessionEndpointURI(), idToken, URI.create(BYE), new State())
                .toURI();
        HttpResponse<String> answer = Latchkey.send(HttpRequest.newBuilder(logout).header("Cookie", session).GET()
                .build());
        assertEquals(BYE, HttpLogin.location(answer).split("\\?")[0], "the logout answers without waiting");
        return idToken;
    }

    @Test
    void discoveryAdvertisesBackChannelLogoutWithSessions() {
        assertTrue(provider.supportsBackChannelLogout());
        assertTrue(provider.supportsBackChannelLogoutSession());
    }

    @Test
    void aLogoutSendsTheBoundClientALogoutTokenTheNimbusValidatorAccepts() throws Exception {
        try (LogoutTokenReceiver receiver = new LogoutTokenReceiver(0)) {
            TestClients.Registered client = clientListeningAt(receiver.uri(), "ES256");

            JWT idToken = signInAndLogOut(client);

            assertTrue(receiver.awaitRequests(1, DELIVERY), "a logout token was posted");
            assertEquals(1, receiver.accepted().size());
            SignedJWT token = SignedJWT.parse(receiver.accepted().get(0));
            assertEquals("logout+jwt", token.getHeader().getType().getType());
            LogoutTokenClaimsSet claims = new LogoutTokenValidator(new Issuer(Latchkey.BASE_URL),
                    new ClientID(client.clientId()), JWSAlgorithm.ES256, provider.getJWKSetURI().toURL())
                    .validate(token);
            assertEquals(idToken.getJWTClaimsSet().getSubject(), claims.getSubject().getValue());
            assertEquals(idToken.getJWTClaimsSet().getClaim("sid"), claims.getSessionID().getValue());
            assertEquals(null, token.getJWTClaimsSet().getClaim("nonce"));
        }
    }

    @Test
    void aClientThatFailsTwiceGetsTheTokenByTheRetriesAndNothingIsRecorded() throws Exception {
        try (LogoutTokenReceiver receiver = new LogoutTokenReceiver(2)) {
            TestClients.Registered client = clientListeningAt(receiver.uri(), "RS256");

            signInAndLogOut(client);

            assertTrue(receiver.awaitRequests(3, DELIVERY), "two failures, then the third try");
            assertEquals(1, receiver.accepted().size());
            assertEquals(0, failures(client).size());
        }
    }

    @Test
    void aClientThatAlwaysFailsIsRecordedListedForAdminsAndCounted() throws Exception {
        try (LogoutTokenReceiver receiver = new LogoutTokenReceiver(-1)) {
            TestClients.Registered client = clientListeningAt(receiver.uri(), "PS256");

            signInAndLogOut(client);

            assertTrue(receiver.awaitRequests(4, DELIVERY), "the first try and three retries");
            JsonObject failure = awaitFailure(client, 1);
            assertEquals(receiver.uri(), failure.getString("logout_uri"));
            assertEquals("the client answered 503", failure.getString("reason"));
            assertEquals(4, receiver.requests(), "no more tries after the retries");
            HttpResponse<String> metrics = Latchkey.get("/metrics?scope=application");
            assertTrue(metrics.body().contains("latchkey_backchannel_logout_failures_total"), metrics.body());
        }
    }

    /**
     * Last: the breaker is one for all clients and stays open for 30 seconds, which would refuse the
     * deliveries of a test after it.
     */
    @Test
    @Order(Integer.MAX_VALUE)
    void whenMostTriesFailTheCircuitOpensAndTokensAreRecordedWithoutCallingOut() throws Exception {
        try (LogoutTokenReceiver receiver = new LogoutTokenReceiver(-1)) {
            TestClients.Registered client = clientListeningAt(receiver.uri(), "RS256");
            int logouts = 0;
            String reason = "";
            // the breaker opens when 75 % of the last 20 tries failed: at most 5 logouts of 4 tries each
            while (!reason.contains("CircuitBreakerOpen") && logouts < 8) {
                int before = failures(client).size();
                signInAndLogOut(client);
                logouts++;
                reason = awaitFailure(client, before + 1).getString("reason");
            }
            assertTrue(reason.contains("CircuitBreakerOpen"), reason);
            assertTrue(receiver.requests() < 4 * logouts, "the open circuit did not call the client");
        }
    }

    @Test
    void theFailureListingIsForAdminsAndKnownClientsOnly() {
        TestClients.Registered client = TestClients.confidentialClient(CALLBACK);
        String path = "/api/v1/admin/clients/" + client.clientId() + "/logout-failures";

        assertEquals(401, Latchkey.get(path).statusCode());
        assertEquals(404, Latchkey.get("/api/v1/admin/clients/no-such-client/logout-failures", Latchkey.adminToken())
                .statusCode());
        assertEquals(200, Latchkey.get(path, Latchkey.adminToken()).statusCode());
    }

    /** The newest failure, once the client has {@code count} (polling the admin API up to {@link #DELIVERY}). */
    private static JsonObject awaitFailure(TestClients.Registered client, int count) {
        Instant deadline = Instant.now().plus(DELIVERY);
        JsonArray failures = failures(client);
        while (failures.size() < count && Instant.now().isBefore(deadline)) {
            failures = failures(client);
        }
        assertEquals(count, failures.size(), failures::toString);
        return failures.getJsonObject(0);
    }

    private static JsonArray failures(TestClients.Registered client) {
        HttpResponse<String> response = Latchkey.get("/api/v1/admin/clients/" + client.clientId()
                + "/logout-failures", Latchkey.adminToken());
        assertEquals(200, response.statusCode(), response.body());
        return Latchkey.json(response).getJsonArray("items");
    }
}
