package dev.latchkey.oauth.internal.claims;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.latchkey.oauth.internal.fixtures.TestUsers;
import dev.latchkey.oauth.internal.protocol.Scope;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StandardClaimsTest {

    @Test
    void forScopeWhenOidcScopesThenTheirClaimsOnly() {
        assertEquals(List.of("email", "email_verified", "phone_number", "phone_number_verified"),
                List.copyOf(StandardClaims.forScope(Scope.parse("openid phone email offline_access api:read"))));
        assertEquals(Set.of(), StandardClaims.forScope(Scope.parse("openid")));
    }

    @Test
    void ofWhenNamesGivenThenValuesInCanonicalOrderAndUnknownIgnored() {
        Map<String, Object> claims = StandardClaims.of(TestUsers.aliceWithDetails(),
                List.of("zoneinfo", "nickname", "acr", "sub", "unknown", "address"));

        assertEquals(List.of("nickname", "zoneinfo", "address"), List.copyOf(claims.keySet()));
        assertEquals(List.of("street_address", "locality", "postal_code", "country"),
                List.copyOf(((Map<?, ?>) claims.get("address")).keySet()));
    }

    @Test
    void ofWhenUserHasNoValueThenLeftOutVerificationFlagsToo() {
        Map<String, Object> claims = StandardClaims.of(TestUsers.alice(), StandardClaims.NAMES);

        assertEquals(List.of("name", "family_name", "given_name", "preferred_username", "updated_at", "email",
                "email_verified"), List.copyOf(claims.keySet()));
    }
}
