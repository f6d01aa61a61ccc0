package dev.latchkey.oauth.internal.web;

import dev.latchkey.oauth.internal.keys.SigningKeys;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.time.Instant;

/**
 * A signing key as the admin API shows it: never key material. {@code verifies_until} is when a
 * retired key leaves the JWKS, null for next and active keys.
 */
@JsonbPropertyOrder({"kid", "alg", "status", "createdAt", "activatedAt", "retiredAt", "verifiesUntil"})
public record KeyResponse(@JsonbProperty("kid") String kid,
                          @JsonbProperty("alg") String alg,
                          @JsonbProperty("status") String status,
                          @JsonbProperty("created_at") Instant createdAt,
                          @JsonbProperty("activated_at") Instant activatedAt,
                          @JsonbProperty("retired_at") Instant retiredAt,
                          @JsonbProperty("verifies_until") Instant verifiesUntil) {

    static KeyResponse of(SigningKeys.KeyView key) {
        return new KeyResponse(key.kid(), key.alg(), key.status(), key.created(), key.activated(), key.retired(),
                key.verifiesUntil());
    }
}
