package dev.latchkey.oauth.internal.web;

import dev.latchkey.oauth.internal.protocol.OAuthException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * Turns an {@link OAuthException} into the RFC 6749 §5.2 JSON error, with the
 * {@code WWW-Authenticate} challenge when there is one and, like every token response,
 * {@code Cache-Control: no-store}.
 *
 * @see <a href="https://datatracker.ietf.org/doc/html/rfc6749#section-5.2">RFC 6749 §5.2</a>
 * @see <a href="https://datatracker.ietf.org/doc/html/rfc6750#section-3">RFC 6750 §3</a>
 */
@Provider
public class OAuthExceptionMapper implements ExceptionMapper<OAuthException> {

    @Override
    public Response toResponse(OAuthException exception) {
        Response.ResponseBuilder response = NoStore.of(Response.status(exception.status())
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new OAuthErrorResponse(exception.error(), exception.description())));
        if (exception.challenge() != null) {
            response.header(HttpHeaders.WWW_AUTHENTICATE, exception.challenge());
        }
        return response.build();
    }
}
