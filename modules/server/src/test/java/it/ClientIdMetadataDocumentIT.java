package it;

import static it.support.Latchkey.form;
import static it.support.Latchkey.params;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import it.support.HttpLogin;
import it.support.Latchkey;
import it.support.Pkce;
import it.support.TestUsers;
import jakarta.json.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Client ID Metadata Documents: the client's metadata is served from a loopback HTTP server in
 * this JVM (the IT server runs with {@code latchkey.oauth.client-metadata-documents.enabled} and
 * the dev setting that allows http on loopback); its URL is the {@code client_id} of a whole code
 * flow. A document naming another client id, a redirect and a private address are refused with
 * the error page.
 */
class ClientIdMetadataDocumentIT {

    private static final String REDIRECT = "https://rp.example.com/cimd-cb";
    private static final AtomicInteger FETCHES = new AtomicInteger();
    private static HttpServer documents;
    private static String base;
    private static String session;

    @BeforeAll
    static void setUp() throws IOException {
        documents = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        base = "http://127.0.0.1:" + documents.getAddress().getPort();
        documents.createContext("/client.json", exchange -> {
            FETCHES.incrementAndGet();
            json(exchange, base + "/client.json");
        });
        documents.createContext("/another-id.json", exchange -> json(exchange, base + "/client.json"));
        documents.createContext("/moved.json", exchange -> {
            exchange.getResponseHeaders().add("Location", base + "/client.json");
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
        });
        documents.start();
        TestUsers.User user = TestUsers.aUser();
        session = HttpLogin.sessionCookie(user.username(), user.password());
    }

    @AfterAll
    static void tearDown() {
        documents.stop(0);
    }

    private static void json(HttpExchange exchange, String clientId) throws IOException {
        byte[] body = Json.createObjectBuilder()
                .add("client_id", clientId)
                .add("client_name", "Metadata document app")
                .add("redirect_uris", Json.createArrayBuilder().add(REDIRECT))
                .add("grant_types", Json.createArrayBuilder().add("authorization_code"))
                .add("token_endpoint_auth_method", "none")
                .add("scope", "openid email")
                .build().toString().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.getResponseHeaders().add("Cache-Control", "max-age=600");
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static HttpResponse<String> authorize(String clientId, Pkce pkce) {
        return HttpLogin.authorizeAndConsent(session, form(params("response_type", "code", "client_id", clientId,
                "redirect_uri", REDIRECT, "scope", "openid email", "state", "s1",
                "code_challenge", pkce.challenge(), "code_challenge_method", "S256")));
    }

    private static void assertErrorPage(HttpResponse<String> response) {
        assertEquals(400, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Location").isEmpty());
    }

    @Test
    void discoveryAdvertisesClientIdMetadataDocuments() {
        assertTrue(Latchkey.json(Latchkey.get("/.well-known/oauth-authorization-server"))
                .getBoolean("client_id_metadata_document_supported"));
    }

    @Test
    void theDocumentsUrlIsTheClientIdOfACodeFlowAndTheDocumentIsFetchedOnce() throws Exception {
        String clientId = base + "/client.json";
        Pkce pkce = Pkce.create();
        HttpResponse<String> redirect = authorize(clientId, pkce);
        assertEquals(303, redirect.statusCode(), redirect.body());
        HttpResponse<String> tokens = Latchkey.postForm("/token", form(params("grant_type", "authorization_code",
                "client_id", clientId, "code", HttpLogin.code(redirect), "redirect_uri", REDIRECT,
                "code_verifier", pkce.verifier())));
        assertEquals(200, tokens.statusCode(), tokens.body());
        SignedJWT idToken = SignedJWT.parse(Latchkey.json(tokens).getString("id_token"));
        assertEquals(List.of(clientId), idToken.getJWTClaimsSet().getAudience());

        assertEquals(303, authorize(clientId, Pkce.create()).statusCode());
        // Cache-Control max-age=600: the server fetched the document once for all of this
        assertEquals(1, FETCHES.get());
    }

    @Test
    void aDocumentNamingAnotherClientIdIsRefused() {
        assertErrorPage(authorize(base + "/another-id.json", Pkce.create()));
    }

    @Test
    void aRedirectIsNotFollowed() {
        assertErrorPage(authorize(base + "/moved.json", Pkce.create()));
    }

    @Test
    void aPrivateAddressOrAPlainHttpUrlIsNeverFetched() {
        assertErrorPage(authorize("https://10.0.0.1/client.json", Pkce.create()));
        assertErrorPage(authorize("http://rp.example.com/client.json", Pkce.create()));
    }
}
