package dev.latchkey.oauth.internal.web;

import jakarta.json.bind.annotation.JsonbProperty;

/**
 * What an admin asks of a new initial access token: its lifetime in seconds (default one day)
 * and how many registrations it allows (default one).
 */
public record InitialAccessTokenRequest(@JsonbProperty("expires_in") Long expiresIn,
                                        @JsonbProperty("registrations") Integer registrations) {
}
