package dev.latchkey.oauth.internal.registration;

/** An initial access token just issued, with its value in clear: the only time it is shown. */
public record IssuedInitialAccessToken(InitialAccessToken token, String value) {
}
