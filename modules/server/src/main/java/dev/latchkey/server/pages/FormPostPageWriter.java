package dev.latchkey.server.pages;

import dev.latchkey.kernel.api.FormPostResponse;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyWriter;
import jakarta.ws.rs.ext.Provider;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Renders a {@link FormPostResponse} as the {@code form-post} page: a form of hidden fields
 * posting to the client, submitted by {@code /assets/form-post.js} (the CSP allows no inline
 * script) and, with JavaScript off, by its visible button.
 *
 * @see <a href="https://openid.net/specs/oauth-v2-form-post-response-mode-1_0.html#FormPostResponseMode">OAuth 2.0 Form Post Response Mode §2</a>
 */
@Provider
@Produces(MediaType.TEXT_HTML)
@ApplicationScoped
public class FormPostPageWriter implements MessageBodyWriter<FormPostResponse> {

    @Inject
    PageRenderer pages;

    @Context
    HttpHeaders headers;

    @Override
    public boolean isWriteable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return FormPostResponse.class.isAssignableFrom(type);
    }

    @Override
    public void writeTo(FormPostResponse response, Class<?> type, Type genericType, Annotation[] annotations,
                        MediaType mediaType, MultivaluedMap<String, Object> httpHeaders, OutputStream entityStream)
            throws IOException {
        String html = pages.render("form-post", Locales.of(headers),
                Map.of("action", response.action(), "fields", response.fields()));
        httpHeaders.putSingle(HttpHeaders.CONTENT_TYPE, MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"));
        entityStream.write(html.getBytes(StandardCharsets.UTF_8));
    }
}
