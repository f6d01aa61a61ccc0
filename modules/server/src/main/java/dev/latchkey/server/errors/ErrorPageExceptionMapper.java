package dev.latchkey.server.errors;

import dev.latchkey.kernel.api.ErrorPageException;
import dev.latchkey.server.pages.Locales;
import dev.latchkey.server.pages.PageRenderer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Map;
import java.util.logging.Logger;

/** Renders {@link ErrorPageException} as the HTML error page, in the language of the request's {@code ui_locales} or else the browser's. */
@Provider
@ApplicationScoped
public class ErrorPageExceptionMapper implements ExceptionMapper<ErrorPageException> {

    private static final Logger LOG = Logger.getLogger(ErrorPageExceptionMapper.class.getName());

    @Inject
    PageRenderer pages;

    @Context
    HttpHeaders headers;

    @Context
    UriInfo uri;

    @Override
    public Response toResponse(ErrorPageException exception) {
        LOG.fine(() -> "Error page " + exception.messageKey() + ": " + exception.getMessage());
        return page(exception.status(), "error", Map.of("messageKey", exception.messageKey())).build();
    }

    /** An uncacheable page of {@code template} with {@code status}, in the request's language. */
    Response.ResponseBuilder page(int status, String template, Map<String, Object> variables) {
        String html = pages.render(template, Locales.of(headers, uri.getQueryParameters().getFirst("ui_locales")), variables);
        return Response.status(status)
                .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .header("Cache-Control", "no-store")
                .entity(html);
    }
}
