package dev.latchkey.oauth.internal.protocol;

/**
 * Which of Latchkey's token kinds a presented value can be, from its shape alone: access tokens
 * are JWS compact serialisations (three dot-separated parts), refresh tokens are base64url
 * random values, which never hold a dot. So introspection and revocation search exactly the
 * kind a value can be, and an access token never costs a database read. RFC 7662 §2.1 and
 * RFC 7009 §2.1 make {@code token_type_hint} only a hint: the server must find a token whatever
 * the hint says, which this does without trying each kind in turn.
 *
 * @see <a href="https://datatracker.ietf.org/doc/html/rfc7662#section-2.1">RFC 7662 §2.1</a>
 * @see <a href="https://datatracker.ietf.org/doc/html/rfc7009#section-2.1">RFC 7009 §2.1</a>
 */
public final class TokenShape {

    private TokenShape() {
    }

    /** True when {@code token} can only be an access token (a JWT); false when only a refresh token. */
    public static boolean isJwt(String token) {
        return token.indexOf('.') >= 0;
    }
}
