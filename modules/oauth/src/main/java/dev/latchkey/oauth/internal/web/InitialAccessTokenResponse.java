package dev.latchkey.oauth.internal.web;

import dev.latchkey.oauth.internal.registration.InitialAccessToken;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.time.Instant;
import java.util.UUID;

/** An initial access token as the admin API shows it; {@code token} only in the response that issued it. */
@JsonbPropertyOrder({"id", "token", "createdAt", "expiresAt", "registrationsLeft"})
public record InitialAccessTokenResponse(@JsonbProperty("id") UUID id,
                                         @JsonbProperty("token") String token,
                                         @JsonbProperty("created_at") Instant createdAt,
                                         @JsonbProperty("expires_at") Instant expiresAt,
                                         @JsonbProperty("registrations_left") int registrationsLeft) {

    static InitialAccessTokenResponse of(InitialAccessToken token, String value) {
        return new InitialAccessTokenResponse(token.id(), value, token.createdAt(), token.expiresAt(),
                token.remaining());
    }
}
