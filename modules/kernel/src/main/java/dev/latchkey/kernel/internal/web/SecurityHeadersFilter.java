package dev.latchkey.kernel.internal.web;

import dev.latchkey.kernel.api.ContentSecurityPolicy;
import dev.latchkey.kernel.api.ServerSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.Provider;

/**
 * Security headers on every response; the content security policy on HTML. No
 * {@code form-action}: browsers apply it to the redirects after a form post, and the login form
 * ends in a redirect to the client's origin.
 */
@Provider
@ApplicationScoped
public class SecurityHeadersFilter implements ContainerResponseFilter {

    static final String HSTS = "max-age=31536000; includeSubDomains";

    @Inject
    ServerSettings settings;

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        MultivaluedMap<String, Object> headers = response.getHeaders();
        headers.putSingle("X-Content-Type-Options", "nosniff");
        headers.putIfAbsent("Referrer-Policy", java.util.List.of("no-referrer"));
        headers.putSingle("X-Frame-Options", "DENY");
        if (settings.isHttps() || request.getSecurityContext().isSecure()) {
            headers.putSingle("Strict-Transport-Security", HSTS);
        }
        MediaType type = response.getMediaType();
        if (type != null && type.isCompatible(MediaType.TEXT_HTML_TYPE)) {
            // a page may set its own policy (the consent page allows the client's logo)
            headers.putIfAbsent("Content-Security-Policy", java.util.List.of(ContentSecurityPolicy.PAGES));
            headers.putIfAbsent("Cache-Control", java.util.List.of("no-store"));
        }
    }
}
