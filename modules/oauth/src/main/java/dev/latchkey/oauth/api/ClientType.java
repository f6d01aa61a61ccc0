package dev.latchkey.oauth.api;

/** RFC 6749 §2.1 client types. */
public enum ClientType {
    /** Can keep a secret (a server-side app): authenticates at the token endpoint. */
    CONFIDENTIAL,
    /** Cannot keep a secret (a SPA, a native app): {@code none} auth, PKCE required. */
    PUBLIC
}
