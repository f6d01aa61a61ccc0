package dev.latchkey.oauth.internal.claims;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ClaimsRequestTest {

    @Test
    void parseWhenOidcCoreExampleThenKnownClaimsAcrAndSubject() {
        // OIDC Core §5.5's example, plus a subject
        ClaimsRequest request = ClaimsRequest.parse("""
                {"userinfo": {"given_name": {"essential": true}, "nickname": null,
                   "email": {"essential": true}, "email_verified": {"essential": true}, "picture": null,
                   "http://example.info/claims/groups": null},
                 "id_token": {"auth_time": {"essential": true},
                   "acr": {"values": ["urn:mace:incommon:iap:silver"]}, "sub": {"value": "248289761001"}}}
                """);

        assertEquals(List.of("given_name", "nickname", "email", "email_verified", "picture"),
                List.copyOf(request.userinfo()));
        assertEquals(Set.of(), request.idToken());
        assertEquals(List.of("urn:mace:incommon:iap:silver"), request.acrValues());
        assertFalse(request.acrEssential());
        assertEquals("248289761001", request.subject());
    }

    @Test
    void parseWhenEssentialAcrValueThenFirstInPreference() {
        ClaimsRequest request = ClaimsRequest.parse("{\"id_token\":{\"acr\":{\"essential\":true,"
                + "\"value\":\"urn:latchkey:acr:pwd\",\"values\":[\"x\"]},\"email\":{}},\"other\":42}");

        assertEquals(List.of("urn:latchkey:acr:pwd", "x"), request.acrValues());
        assertTrue(request.acrEssential());
        assertEquals(Set.of("email"), request.idToken());
        assertNull(request.subject());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "not json", "[]", "\"text\"", "null", "42", "{\"userinfo\":{", "{\"a\":1}}"})
    void parseWhenNoJsonObjectThenRefused(String json) {
        assertEquals("claims is not a JSON object",
                assertThrows(IllegalArgumentException.class, () -> ClaimsRequest.parse(json)).getMessage());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"userinfo\":[]}|userinfo must be a JSON object or null",
        "{\"id_token\":\"email\"}|id_token must be a JSON object or null",
        "{\"userinfo\":{\"email\":true}}|userinfo.email must be a JSON object or null",
        "{\"id_token\":{\"email\":\"yes\"}}|id_token.email must be a JSON object or null",
        "{\"userinfo\":{\"email\":{\"essential\":\"true\"}}}|userinfo.email.essential must be true or false",
        "{\"id_token\":{\"email\":{\"values\":\"a\"}}}|id_token.email.values must be an array",
        "{\"id_token\":{\"acr\":{\"value\":1}}}|id_token.acr.value must be a string",
        "{\"id_token\":{\"acr\":{\"values\":[1]}}}|id_token.acr.values must be an array of strings",
        "{\"id_token\":{\"sub\":{\"value\":[\"a\"]}}}|id_token.sub.value must be a string"})
    void parseWhenMemberHasTheWrongTypeThenRefusedNamingIt(String json, String reason) {
        assertEquals(reason, assertThrows(IllegalArgumentException.class, () -> ClaimsRequest.parse(json)).getMessage());
    }

    @Test
    void toJsonWhenParsedBackThenSameRequestWithoutSubjectAndUnassertableAcr() {
        ClaimsRequest request = ClaimsRequest.parse("{\"id_token\":{\"email\":null,\"acr\":{\"essential\":true,"
                + "\"values\":[\"urn:other\",\"urn:latchkey:acr:pwd\"]},\"sub\":{\"value\":\"u\"}},"
                + "\"userinfo\":{\"address\":null,\"phone_number\":{}}}");

        String stored = request.toJson();

        assertEquals("{\"id_token\":{\"email\":{},\"acr\":{\"essential\":true,\"values\":[\"urn:latchkey:acr:pwd\"]}},"
                + "\"userinfo\":{\"address\":{},\"phone_number\":{}}}", stored);
        assertEquals(new ClaimsRequest(Set.of("email"), Set.of("address", "phone_number"),
                List.of("urn:latchkey:acr:pwd"), true, null), ClaimsRequest.fromJson(stored));
    }

    @Test
    void toJsonWhenNothingAskedThenNullAndNullIsNothing() {
        assertNull(ClaimsRequest.NONE.toJson());
        assertNull(ClaimsRequest.parse("{\"userinfo\":{\"unknown\":null}}").toJson());
        assertEquals(ClaimsRequest.NONE, ClaimsRequest.fromJson(null));
    }

    @Test
    void withAcrValuesWhenClaimsHadValuesThenTheyComeFirstWithoutRepeats() {
        ClaimsRequest request = ClaimsRequest.parse("{\"id_token\":{\"acr\":{\"values\":[\"b\",\"a\"]}}}")
                .withAcrValues(List.of("a", "c"));

        assertEquals(List.of("b", "a", "c"), request.acrValues());
    }
}
