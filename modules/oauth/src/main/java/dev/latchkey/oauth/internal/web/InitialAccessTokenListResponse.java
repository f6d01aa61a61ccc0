package dev.latchkey.oauth.internal.web;

import java.util.List;

/** Every initial access token, newest first, without their values. */
public record InitialAccessTokenListResponse(List<InitialAccessTokenResponse> items) {
}
