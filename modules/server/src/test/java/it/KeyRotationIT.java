package it;

import static it.support.Latchkey.json;
import static it.support.Latchkey.sendJson;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.SignedJWT;
import it.support.Latchkey;
import it.support.TestUsers;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Admin-triggered signing-key rotation over HTTP: the next key was published before it signs,
 * and the retired key keeps verifying the tokens it signed — checked by Nimbus against the JWKS
 * as a relying party would, and by /userinfo.
 */
class KeyRotationIT {

    private static final String KEYS = "/api/v1/admin/keys";

    private static JsonObject tokens(TestUsers.User user) {
        HttpResponse<String> response = Latchkey.postForm("/token", Latchkey.form(Latchkey.params(
                "grant_type", "password", "client_id", Latchkey.ADMIN_CLI,
                "username", user.username(), "password", user.password(), "scope", "openid")));
        assertEquals(200, response.statusCode(), response.body());
        return json(response);
    }

    private static String kid(String jwt) throws Exception {
        return SignedJWT.parse(jwt).getHeader().getKeyID();
    }

    private static JWKSet jwks() throws Exception {
        HttpResponse<String> response = Latchkey.get("/jwks");
        assertEquals(200, response.statusCode());
        return JWKSet.parse(response.body());
    }

    private static String kidOf(JsonObject keySet, String alg, String status) {
        List<String> kids = keySet.getJsonArray("keys").getValuesAs(JsonObject.class).stream()
                .filter(key -> key.getString("alg").equals(alg) && key.getString("status").equals(status))
                .map(key -> key.getString("kid")).toList();
        assertEquals(1, kids.size(), alg + " " + status + ": " + keySet);
        return kids.get(0);
    }

    private static String statusOf(JsonObject keySet, String kid) {
        return keySet.getJsonArray("keys").getValuesAs(JsonObject.class).stream()
                .filter(key -> key.getString("kid").equals(kid)).map(key -> key.getString("status"))
                .findFirst().orElse("absent");
    }

    @Test
    void rotateThenTheOldTokenStillVerifiesAndNewTokensAreSignedWithTheNextKey() throws Exception {
        String admin = Latchkey.adminToken();
        TestUsers.User user = TestUsers.aUser();
        String oldAccessToken = tokens(user).getString("access_token");
        String oldKid = kid(oldAccessToken);
        JsonObject before = json(Latchkey.get(KEYS, admin));
        assertEquals(oldKid, kidOf(before, "ES256", "active"));
        String next = kidOf(before, "ES256", "next");
        String oldRs = kidOf(before, "RS256", "active");
        assertTrue(jwks().getKeyByKeyId(next) != null, "the next key is published before it signs");

        HttpResponse<String> rotated = sendJson("POST", KEYS + "/rotate", null, admin);

        assertEquals(200, rotated.statusCode(), rotated.body());
        assertEquals("no-store", rotated.headers().firstValue("Cache-Control").orElse(""));
        assertFalse(rotated.body().contains("\"d\""), "no key material");
        JsonObject after = json(rotated);
        assertEquals("retired", statusOf(after, oldKid));
        assertEquals(next, kidOf(after, "ES256", "active"));
        assertNotEquals(next, kidOf(after, "ES256", "next"));
        assertEquals("retired", statusOf(after, oldRs));

        JWKSet published = jwks();
        JWK oldKey = published.getKeyByKeyId(oldKid);
        assertTrue(oldKey != null && published.getKeyByKeyId(next) != null, "old and new keys are published");
        assertTrue(SignedJWT.parse(oldAccessToken).verify(new ECDSAVerifier((ECKey) oldKey)),
                "a relying party verifies the old token with the published JWKS");
        HttpResponse<String> userinfo = Latchkey.get("/userinfo", oldAccessToken);
        assertEquals(200, userinfo.statusCode(), userinfo.body());

        JsonObject fresh = tokens(user);
        assertEquals(next, kid(fresh.getString("access_token")));
        if (fresh.containsKey("id_token")) {
            assertEquals(kidOf(after, "RS256", "active"), kid(fresh.getString("id_token")));
        }
        assertEquals(200, Latchkey.get("/userinfo", fresh.getString("access_token")).statusCode());
        assertEquals(after.toString(), json(Latchkey.get(KEYS, admin)).toString());
    }

    @Test
    void rotateTwiceThenAFreshAdminTokenSignedWithAKeyNewerThanAnyCachedJwksIsAccepted() {
        String admin = Latchkey.adminToken();
        assertEquals(200, sendJson("POST", KEYS + "/rotate?alg=ES256", null, admin).statusCode());
        HttpResponse<String> second = sendJson("POST", KEYS + "/rotate?alg=ES256", null, admin);
        assertEquals(200, second.statusCode(), second.body());
        HttpResponse<String> token = Latchkey.postForm("/token", Latchkey.form(Latchkey.params(
                "grant_type", "password", "client_id", Latchkey.ADMIN_CLI,
                "username", Latchkey.ADMIN_USERNAME, "password", Latchkey.ADMIN_PASSWORD, "scope", "openid")));
        assertEquals(200, token.statusCode(), token.body());

        HttpResponse<String> listed = Latchkey.get(KEYS, json(token).getString("access_token"));

        assertEquals(200, listed.statusCode(), "MicroProfile JWT fetches the JWKS again for an unknown kid");
        assertEquals(json(second).getJsonArray("keys").size(), json(listed).getJsonArray("keys").size());
    }

    @Test
    void rotateWithAnUnknownAlgThen400ProblemAndNothingRotates() {
        String admin = Latchkey.adminToken();
        String before = Latchkey.get(KEYS, admin).body();

        HttpResponse<String> refused = sendJson("POST", KEYS + "/rotate?alg=HS256", null, admin);

        assertEquals(400, refused.statusCode(), refused.body());
        assertTrue(refused.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        assertEquals(before, Latchkey.get(KEYS, admin).body());
    }

    @Test
    void keysRequireTheAdminRole() {
        assertEquals(401, Latchkey.get(KEYS).statusCode());
        assertEquals(401, sendJson("POST", KEYS + "/rotate", null, null).statusCode());
    }
}
