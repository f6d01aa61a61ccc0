package dev.latchkey.oauth.internal.logout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import dev.latchkey.kernel.testing.RecordingEvent;
import dev.latchkey.oauth.api.ClientMetadata;
import dev.latchkey.oauth.events.BackChannelLogoutFailed;
import dev.latchkey.oauth.internal.client.RegisteredClient;
import dev.latchkey.oauth.internal.fixtures.OAuthFixture;
import dev.latchkey.oauth.internal.fixtures.TestClients;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Logout tokens, their delivery by the HTTP adapter, and what is recorded when delivery fails. */
class BackChannelLogoutTest {

    private static final String SID = "sid-1";

    private final OAuthFixture fixture = new OAuthFixture();
    private final LogoutTokens tokens = new LogoutTokens(fixture.keys, fixture.server);
    private final List<BackChannelLogoutFailure> recorded = Collections.synchronizedList(new ArrayList<>());
    private final RecordingEvent<BackChannelLogoutFailed> failed = new RecordingEvent<>();
    private final LogoutFailureLog log = new LogoutFailureLog(new BackChannelLogoutFailures() {
        @Override
        public void add(BackChannelLogoutFailure failure) {
            recorded.add(failure);
        }

        @Override
        public List<BackChannelLogoutFailure> ofClient(String clientId, int limit) {
            return recorded.stream().filter(failure -> failure.clientId().equals(clientId)).limit(limit).toList();
        }

        @Override
        public int deleteClient(String clientId) {
            return 0;
        }
    }, failed);
    private final List<HttpServer> receivers = new ArrayList<>();

    @AfterEach
    void stopReceivers() {
        receivers.forEach(server -> server.stop(0));
    }

    private static RegisteredClient withBackchannel(RegisteredClient client, String alg, String uri) {
        return new RegisteredClient(client.clientId(), client.name(), client.type(), client.secretHash(),
                client.redirectUris(), client.grantTypes(), client.scopes(), client.firstParty(),
                new ClientMetadata(null, null, null, null, alg, null, null, null, null, false, null, null, null, null,
                        List.of(), List.of(), uri, true));
    }

    /** A receiver on 127.0.0.1 that answers {@code status} and keeps the posted logout tokens. */
    private String receiver(int status, List<String> received) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/bc", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            if ("application/x-www-form-urlencoded".equals(exchange.getRequestHeaders().getFirst("Content-Type"))
                    && body.startsWith("logout_token=")) {
                received.add(URLDecoder.decode(body.substring("logout_token=".length()), StandardCharsets.UTF_8));
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
        receivers.add(server);
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/bc";
    }

    @Test
    void mintWhenCalledThenALogoutTokenOfBackChannelLogoutSection24SignedWithTheClientsIdTokenAlgorithm()
            throws Exception {
        RegisteredClient client = withBackchannel(TestClients.webApp(), "ES256", "https://app.example.test/bc");
        UUID user = fixture.alice().id();

        SignedJWT token = fixture.verifiedByJwks(tokens.mint(client, user, SID, fixture.clock.instant()));

        assertEquals("logout+jwt", token.getHeader().getType().getType());
        assertEquals(JWSAlgorithm.ES256, token.getHeader().getAlgorithm());
        JWTClaimsSet claims = token.getJWTClaimsSet();
        assertEquals(fixture.server.issuer(), claims.getIssuer());
        assertEquals(List.of(client.clientId()), claims.getAudience());
        assertEquals(user.toString(), claims.getSubject());
        assertEquals(SID, claims.getClaim("sid"));
        assertEquals(Map.of(LogoutTokens.EVENT, Map.of()), claims.getJSONObjectClaim("events"));
        assertTrue(claims.getJWTID().length() >= 43);
        assertEquals(LogoutTokens.LIFETIME, Duration.between(claims.getIssueTime().toInstant(),
                claims.getExpirationTime().toInstant()));
        assertNull(claims.getClaim("nonce"), "Back-Channel Logout §2.4: a logout token MUST NOT contain a nonce");
    }

    @Test
    void sendWhenTheClientAnswers200ThenDeliveredAsAForm() throws Exception {
        List<String> received = Collections.synchronizedList(new ArrayList<>());
        String uri = receiver(200, received);

        new BackChannelLogoutSender().send(URI.create(uri), "header.payload.signature").toCompletableFuture().join();

        assertEquals(List.of("header.payload.signature"), received);
    }

    @Test
    void sendWhenTheClientAnswersAnErrorOrCannotBeReachedThenBackChannelLogoutException() throws Exception {
        String failing = receiver(503, new ArrayList<>());
        BackChannelLogoutSender sender = new BackChannelLogoutSender();

        assertThrows(BackChannelLogoutException.class, () -> sender.send(URI.create(failing), "t"));
        assertThrows(BackChannelLogoutException.class, () -> sender.send(URI.create("http://127.0.0.1:1/bc"), "t"));
    }

    @Test
    void sessionEndedThenEachBoundClientWithAUriGetsATokenAndAFailureIsRecordedWithAnEvent() throws Exception {
        List<String> received = Collections.synchronizedList(new ArrayList<>());
        RegisteredClient listening = withBackchannel(TestClients.webApp(), "RS256", receiver(200, received));
        RegisteredClient failing = withBackchannel(TestClients.spa(), "EdDSA", receiver(500, new ArrayList<>()));
        fixture.clients.put(listening.clientId(), listening);
        fixture.clients.put(failing.clientId(), failing);
        AtomicInteger sent = new AtomicInteger();
        BackChannelLogouts real = new BackChannelLogouts(fixture.lookup, tokens, counting(sent), log, fixture.clock);

        real.notifyClients(SID, fixture.alice().id(), Set.of(listening.clientId(), failing.clientId(),
                TestClients.service().clientId(), "deleted-client"));

        assertEquals(2, sent.get(), "only the clients with a backchannel_logout_uri");
        assertEquals(1, received.size());
        assertEquals(listening.clientId(), fixture.verifiedByJwks(received.get(0)).getJWTClaimsSet().getAudience().get(0));
        assertEquals(1, recorded.size());
        BackChannelLogoutFailure failure = recorded.get(0);
        assertEquals(failing.clientId(), failure.clientId());
        assertEquals(SID, failure.sessionId());
        assertEquals("the client answered 500", failure.reason());
        assertEquals(1, failed.fired().size());
        assertEquals(failing.clientId(), failed.fired().get(0).clientId());
    }

    @Test
    void notifyClientsWhenOneClientCannotBeLookedUpThenTheOthersAreStillTold() throws Exception {
        List<String> received = Collections.synchronizedList(new ArrayList<>());
        RegisteredClient listening = withBackchannel(TestClients.webApp(), "RS256", receiver(200, received));
        BackChannelLogouts logouts = new BackChannelLogouts(clientId -> {
            if (clientId.equals("broken")) {
                throw new IllegalStateException("database down");
            }
            return fixture.lookup.find(clientId);
        }, tokens, counting(new AtomicInteger()), log, fixture.clock);
        fixture.clients.put(listening.clientId(), listening);

        logouts.notifyClients(SID, fixture.alice().id(), new LinkedHashSet<>(List.of("broken",
                listening.clientId())));

        assertEquals(1, received.size());
    }

    private static BackChannelLogoutSender counting(AtomicInteger sent) {
        return new BackChannelLogoutSender() {
            @Override
            public CompletionStage<Void> send(URI uri, String logoutToken) {
                sent.incrementAndGet();
                try {
                    return super.send(uri, logoutToken);
                } catch (BackChannelLogoutException e) {
                    // as Fault Tolerance's @Asynchronous hands the exception on
                    return CompletableFuture.failedFuture(e);
                }
            }
        };
    }
}
